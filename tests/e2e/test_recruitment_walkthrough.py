"""One recruitment case from need to onboarding, in the browser, as the people who do
each step. The interview list first leaves out the qualified applicant who
declared a disability: the page blocks it and names statsansatteforskriften § 4; the
manager adds her and the list is finalised.

The roles take turns in one browser context, logging in and out through the real
forms. The pages run on the real clock, so the test builds its dates from today (input only;
no assertion depends on the date). Publishing needs a deadline in the future and the
selection starts only after it; between the two, the test moves the deadline into the
past, as time would."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from lim.recruitment.models import Application, JobAd, RecruitmentCase
from tests.conftest import PASSWORD, World
from tests.e2e.test_accessibility import _assert_no_violations
from tests.recruitment.conftest import People
from tests.recruitment.conftest import people as people
from tests.worker import run_queued_tasks

TITLE = "Rådgiver klagesaker"
MUST = "Mastergrad i rettsvitenskap"
SHOULD = "Erfaring fra forvaltningen"
SHOULD_TOO = "Gode norskkunnskaper"


@contextmanager
def logged_in(page: Page, email: str, start: str) -> Iterator[Page]:
    """Log in through the form, straight on to `start`; log out through the button after."""
    page.goto(f"{reverse('core:login')}?next={start}")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()
    page.wait_for_url(f"**{start}")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    yield page
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Log in to LIM")).to_be_visible()


def field(label: str) -> re.Pattern[str]:
    """A field's label exactly (Django adds a colon), where a longer label contains it."""
    return re.compile(rf"^{re.escape(label)}:?$")


def case_url(name: str, case: RecruitmentCase, **kwargs: object) -> str:
    return reverse(f"recruitment:{name}", kwargs={"case_id": case.id, **kwargs})


def expect_success(page: Page, text: str) -> None:
    """The success message, and no error summary (whose text is shown if there is one)."""
    summary = page.locator(".error-summary")
    expect(page.get_by_text(text).or_(summary).first).to_be_visible()
    problems = summary.all_inner_texts()
    assert problems == [], problems
    expect(page.get_by_text(text)).to_be_visible()


def register(page: Page, case: RecruitmentCase, name: str, email: str, *, disability: bool) -> None:
    page.goto(case_url("application_register", case))
    page.get_by_label(field("Name")).fill(name)
    page.get_by_label("E-mail address").fill(email)
    if disability:
        page.get_by_label("The applicant declares a disability needing accommodation").check()
        page.get_by_label("The applicant consents to the use of the declaration").check()
    page.get_by_role("button", name="Register the application").click()
    expect_success(page, "The application was registered.")


def assess(page: Page, application: Application, *, must_met: bool) -> None:
    page.goto(
        reverse(
            "recruitment:application_detail",
            kwargs={"case_id": application.case_id, "application_id": application.id},
        )
    )
    result = "Met" if must_met else "Not met"
    page.get_by_role("group", name=MUST).get_by_label(result, exact=True).check()
    for should in (SHOULD, SHOULD_TOO):
        page.get_by_role("group", name=should).get_by_label("Met", exact=True).check()
    page.get_by_role("button", name="Save the assessment").click()
    expect_success(page, "The assessment was saved.")
    page.get_by_role("button", name="Decide on qualification").click()
    expect_success(page, "The decision on qualification was recorded.")
    status = "Qualified" if must_met else "Not qualified"
    expect(page.locator("dl.facts dd").first).to_have_text(status)


def interview(page: Page, case: RecruitmentCase, name: str, start: dt.datetime) -> None:
    page.goto(case_url("interview_list", case))
    page.get_by_role("link", name=f"Schedule an interview with {name}").click()
    page.get_by_label("Starts").fill(start.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Ends").fill((start + dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Place").fill("Møterom 1")
    page.get_by_role("group", name="Panel").get_by_label("Mona Leder").check()
    page.get_by_role("button", name="Schedule the interview").click()
    expect_success(page, "The interview was scheduled.")
    page.get_by_role("button", name="Mark the interview as held").click()
    expect_success(page, "The interview was marked as held.")


@pytest.fixture
def english_page(browser, live_server) -> Iterator[Page]:  # type: ignore[no-untyped-def]
    """One browser context, in English so the locators read the msgids; the roles take
    turns in it, logging in and out."""
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


@pytest.mark.django_db(transaction=True)
def test_a_case_from_need_to_onboarding(english_page: Page, people: People) -> None:
    page = english_page
    world: World = people.world
    today = dt.date.today()  # input only: dates the forms accept

    # 1. The hiring manager opens the case.
    with logged_in(page, people.manager.email, reverse("recruitment:case_open")):
        page.get_by_label("Unit").select_option(label=world.branch.name)
        page.get_by_label("Title of the position").fill(TITLE)
        page.get_by_role("group", name="Reason for the need").get_by_label("New position").check()
        page.get_by_label("Desired start").fill((today + dt.timedelta(days=120)).isoformat())
        page.get_by_role("button", name="Open the case").click()
        expect_success(page, "The case was opened and the inclusion coordinator told.")
        expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    case = RecruitmentCase.objects.get(title=TITLE)

    # 2. The inclusion coordinator is told and records the NAV checkpoint.
    with logged_in(page, people.coordinator.email, case_url("case_detail", case)):
        page.get_by_role("link", name="Record the NAV checkpoint").click()
        page.get_by_role(
            "group", name="Can a person with a disability or a gap in the CV fill the need?"
        ).get_by_label("Yes").check()
        page.get_by_role("group", name="Ask NAV for candidates?").get_by_label("Yes").check()
        page.get_by_label("Why or why not").fill("Oppgavene kan løses med tilrettelegging.")
        page.get_by_label("Hiring route").select_option("ordinary")
        page.get_by_role("button", name="Save", exact=True).click()
        expect_success(page, "The NAV checkpoint was recorded.")

    # 3. The hiring manager writes the job analysis with its requirements.
    with logged_in(page, people.manager.email, case_url("job_analysis", case)):
        page.get_by_label("Tasks").fill("Behandle klagesaker.\nVeilede publikum.")
        page.get_by_label("Competence profile").fill("Skriver klart\nSamarbeider godt")
        page.get_by_role("group", name="Employment form").get_by_label("Permanent").check()
        page.get_by_label("Percentage of full time").fill("100")
        page.get_by_label("Place of work").fill("Bergen")
        page.get_by_label("Occupation (STYRK-08)").select_option("2619")
        # All three rows the form offers: an empty row is refused, as its "must or
        # should" list always has a value (a known limitation of the form).
        for number, (text, kind, why) in enumerate(
            [
                (MUST, "must", "Sakene krever juridisk metode."),
                (SHOULD, "should", "Kjenner saksgangen."),
                (SHOULD_TOO, "should", "Skriver vedtak til publikum."),
            ],
            start=1,
        ):
            row = page.get_by_role("group", name=f"Requirement {number}")
            row.get_by_label(field("Requirement")).fill(text)
            row.get_by_label("Must or should").select_option(kind)
            row.get_by_label("Why the job needs it").fill(why)
        page.get_by_role("button", name="Save the job analysis").click()
        expect_success(page, "The job analysis was saved.")

    # 4. HR writes the ad from the job analysis and publishes it.
    with logged_in(page, people.hr.email, case_url("ad", case)):
        page.get_by_role("button", name="Write the ad from the job analysis").click()
        expect_success(page, "The ad was written from the job analysis.")
        expect(page.get_by_label(field("Title"))).not_to_be_empty()
        page.get_by_label("Deadline for applications").fill(
            (today + dt.timedelta(days=14)).isoformat()
        )
        page.get_by_label("Career site").check()
        page.get_by_label("NAV Arbeidsplassen").check()
        page.get_by_role("button", name="Save the ad").click()
        expect_success(page, "The ad was saved.")
        page.get_by_role("button", name="Publish the ad").click()
        expect_success(page, "The ad was published.")

        # 5. HR registers the applications, one of them declaring a disability.
        register(page, case, "Ola Nordmann", "ola@example.org", disability=False)
        register(page, case, "Sofie Dahl", "sofie@example.org", disability=True)
        register(page, case, "Per Hansen", "per@example.org", disability=False)

        # The deadline passes (moved rather than waited for); HR starts the selection.
        JobAd.objects.filter(case=case).update(deadline=today - dt.timedelta(days=1))
        page.goto(case_url("case_detail", case))
        page.get_by_role("button", name="Start the selection").click()
        expect_success(page, "The selection has started.")

    ola, sofie, per = (
        Application.objects.get(case=case, name=name)
        for name in ("Ola Nordmann", "Sofie Dahl", "Per Hansen")
    )

    # 6. The hiring manager assesses against the requirements, then the interview list.
    with logged_in(page, people.manager.email, case_url("applicant_list", case)):
        assess(page, ola, must_met=True)
        assess(page, sofie, must_met=True)
        assess(page, per, must_met=False)

        page.goto(case_url("interview_list", case))
        invite = page.get_by_role("group", name="Invite to interview")
        expect(invite.get_by_role("checkbox")).to_have_count(2)  # the qualified ones
        invite.get_by_label("Ola Nordmann").check()
        page.get_by_role("button", name="Finalise the interview list").click()
        summary = page.locator(".error-summary")
        expect(summary).to_be_visible()
        expect(summary).to_contain_text("statsansatteforskriften § 4")
        assert Application.objects.get(pk=ola.pk).status == "qualified"

        invite = page.get_by_role("group", name="Invite to interview")
        expect(invite.get_by_label("Ola Nordmann")).to_be_checked()
        invite.get_by_label("Sofie Dahl").check()
        # Wait for the new page: the old one still shows the error summary.
        with page.expect_navigation():
            page.get_by_role("button", name="Finalise the interview list").click()
        expect_success(page, "The interview list was finalised.")
        expect(
            page.get_by_role("link", name="Schedule an interview with Sofie Dahl")
        ).to_be_visible()

    # 7. HR schedules the interviews; they are held.
    interview_day = dt.datetime.combine(today + dt.timedelta(days=3), dt.time(10, 0))
    with logged_in(page, people.hr.email, case_url("interview_list", case)):
        interview(page, case, "Ola Nordmann", interview_day)
        interview(page, case, "Sofie Dahl", interview_day + dt.timedelta(hours=2))

    # 8. The hiring manager writes the innstilling: ranking, justifications, counts.
    with logged_in(page, people.manager.email, case_url("recommendation", case)):
        ranking = [
            ("Sofie Dahl", "Oppfyller alle krav, sterkest i intervjuet."),
            ("Ola Nordmann", "Oppfyller alle krav, god erfaring."),
        ]
        for rank, (name, justification) in enumerate(ranking, start=1):
            row = page.get_by_role("group", name=f"Rank {rank}", exact=True)
            row.get_by_label("Candidate").select_option(label=name)
            row.get_by_label("Justification against the requirements").fill(justification)
        page.get_by_label("Your assessment of the applicants from the target groups").fill(
            "Søkeren med funksjonsnedsettelse er godt kvalifisert og rangert først."
        )
        page.get_by_role("button", name="Save the recommendation").click()
        expect_success(page, "The recommendation was saved.")
        ranked = page.locator("main ol").filter(has_text="Oppfyller alle krav").locator("li")
        expect(ranked).to_have_text(
            [re.compile(f"^{name}: {re.escape(text)}") for name, text in ranking]
        )
        counts = page.get_by_role("table", name="Applicants from the target groups")
        expect(counts.get_by_role("row", name=re.compile("^Disability"))).to_contain_text("1")

    # 9. The hiring council decides.
    with logged_in(page, people.council.email, case_url("decision", case)):
        page.get_by_label("Chosen candidate").select_option(label="Sofie Dahl")
        page.get_by_label(field("Decision")).fill("Sofie Dahl tilsettes.")
        page.get_by_role("button", name="Record the decision").click()
        expect_success(page, "The decision was recorded.")

    # 10. HR makes the offer, records the acceptance and the hire.
    with logged_in(page, people.hr.email, case_url("offer", case)):
        page.get_by_label("Terms of the offer").fill("Fast stilling, 100 %, lønnstrinn 60.")
        page.get_by_role("button", name="Record the offer as sent").click()
        expect_success(page, "The offer was recorded as sent.")
        page.get_by_role("group", name="Did the candidate accept the offer?").get_by_label(
            "Yes"
        ).check()
        page.get_by_role("button", name="Record the answer").click()
        expect_success(page, "The answer was recorded.")
        page.get_by_label("Start date").fill((today + dt.timedelta(days=60)).isoformat())
        page.get_by_role("button", name="Record the hire").click()
        expect_success(page, "The hire was recorded. Make the onboarding plan next.")
        # The worker makes the archive package; HR finds it on the case page.
        run_queued_tasks()
        page.goto(case_url("case_detail", case))
        archive = page.get_by_role("region", name="For the archive")
        expect(
            archive.get_by_role("link", name=re.compile("^Archive package made"))
        ).to_be_visible()
        _assert_no_violations(page, "case page with the archive package")

    # 11. The hiring manager makes the onboarding plan and closes the case; the plan
    # is still there after the close.
    with logged_in(page, people.manager.email, case_url("onboarding", case)):
        page.get_by_label("Buddy or mentor").select_option(label=people.hr.full_name)
        page.get_by_role("button", name="Make the plan").click()
        expect_success(page, "The onboarding plan was made.")
        page.goto(case_url("case_detail", case))
        page.get_by_role("button", name="Close the case and answer the other applicants").click()
        expect_success(page, "The case was closed and the other applicants were answered.")
        page.goto(case_url("onboarding", case))
        expect(page.get_by_text("Sofie Dahl starts")).to_be_visible()
        plan = page.get_by_role("table", name="Onboarding plan")
        expect(plan.get_by_role("row")).not_to_have_count(1)  # tasks under the header row
        expect(plan).to_contain_text(people.hr.full_name)  # the buddy's task

    case.refresh_from_db()
    assert case.step == "closed"
    statuses = dict(Application.objects.filter(case=case).values_list("name", "status"))
    assert statuses == {
        "Sofie Dahl": "hired",
        "Ola Nordmann": "rejected",
        "Per Hansen": "rejected",
    }
