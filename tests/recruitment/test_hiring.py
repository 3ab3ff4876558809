"""From the recommendation to onboarding: ranking rules, union remarks, decision, offer,
hire, replies to the others and the onboarding plan."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from lim.core.errors import DomainError
from lim.core.models import AuditEvent
from lim.recruitment.models import Application, Hire, RecruitmentCase
from lim.recruitment.rule_checks import RuleBlocked
from lim.recruitment.services import hiring, interviews, onboarding, recommendation
from lim.recruitment.services.recommendation import RankingInput
from tests.recruitment.conftest import (
    AFTER_DEADLINE,
    People,
    apply,
    assess,
    in_selection,
    invite,
    published_case,
)
from tests.worker import run_queued_tasks

LATER = AFTER_DEADLINE + dt.timedelta(days=14)


def _interviewed(people: People) -> tuple[RecruitmentCase, dict[str, Application]]:
    case = published_case(people)
    apps = {
        "top": apply(case, "Ola Nordmann", language="nb"),
        "second": apply(case, "Sofie Dahl", language="nn", disability=True),
        "unqualified": apply(case, "Chris Brown", language="en"),
        "new": apply(case, "Nora Berg", language="en"),
        "withdrawn": apply(case, "Lise Moe"),
    }
    case = in_selection(people, case)
    assess(people, apps["top"], qualified=True)
    assess(people, apps["second"], qualified=True)
    assess(people, apps["unqualified"], qualified=False)
    invite(people, case, [apps["top"], apps["second"]])
    for key in ("top", "second"):
        interview = interviews.interview_schedule(
            actor=people.hr,
            application=apps[key],
            starts_at=dt.datetime(2026, 4, 1, 10, tzinfo=dt.UTC),
            ends_at=dt.datetime(2026, 4, 1, 11, tzinfo=dt.UTC),
            place="Møterom 3",
            panel=[people.manager],
            now=AFTER_DEADLINE,
        )
        interviews.interview_held(actor=people.manager, interview=interview, now=AFTER_DEADLINE)
    from lim.recruitment.services import applications

    applications.application_withdraw(actor=None, application=apps["withdrawn"], now=LATER)
    return case, apps


def _recommend(people: People, case: RecruitmentCase, apps: dict[str, Application]):  # type: ignore[no-untyped-def]
    return recommendation.recommendation_save(
        actor=people.manager,
        case=case,
        ranking=[
            RankingInput(apps["top"], "Best på juridisk metode og erfaring."),
            RankingInput(apps["second"], "Sterk faglig, noe kortere erfaring."),
        ],
        comment="Én søker med nedsatt funksjonsevne var kvalifisert og ble intervjuet.",
        now=LATER,
    )


def test_ranking_without_justification_is_blocked(people: People) -> None:
    case, apps = _interviewed(people)
    with pytest.raises(RuleBlocked) as error:
        recommendation.recommendation_save(
            actor=people.manager,
            case=case,
            ranking=[RankingInput(apps["top"], ""), RankingInput(apps["second"], "God")],
            comment="Kommentar",
            now=LATER,
        )
    assert "SEL-QUALIFICATION" in error.value.rules


def test_recommendation_without_comment_on_target_groups_is_blocked(people: People) -> None:
    case, apps = _interviewed(people)
    with pytest.raises(RuleBlocked) as error:
        recommendation.recommendation_save(
            actor=people.manager,
            case=case,
            ranking=[RankingInput(apps["top"], "Best")],
            comment=" ",
            now=LATER,
        )
    assert error.value.rules == ("SEL-REC-COUNTS",)


def test_recommendation_freezes_counts_and_reminds_of_equally_qualified(people: People) -> None:
    case, apps = _interviewed(people)
    outcome = _recommend(people, case, apps)
    assert [f.rule for f in outcome.findings] == ["SEL-EQUAL-QUALIFIED"]
    counts = outcome.recommendation.target_group_counts
    assert counts["disability"] == {"declared": 1, "qualified": 1, "interviewed": 1, "ranked": 1}
    assert counts["cv_gap"]["declared"] == 0
    assert [c.application_id for c in outcome.recommendation.candidates.all()] == [
        apps["top"].id,
        apps["second"].id,
    ]
    case.refresh_from_db()
    assert case.step == "recommendation"


def test_union_representative_adds_remark_others_cannot(people: People) -> None:
    case, apps = _interviewed(people)
    _recommend(people, case, apps)
    recommendation.union_remark_add(
        actor=people.union, case=case, text="Ingen merknader til rangeringen.", now=LATER
    )
    with pytest.raises(DomainError):
        recommendation.union_remark_add(actor=people.hr, case=case, text="Hei", now=LATER)
    assert case.recommendation.union_remarks.count() == 1
    assert AuditEvent.objects.filter(action="recommendation.union_remark").count() == 1


def test_only_hiring_council_or_manager_decides_and_only_among_ranked(people: People) -> None:
    case, apps = _interviewed(people)
    _recommend(people, case, apps)
    with pytest.raises(DomainError):
        recommendation.decision_record(
            actor=people.hr, case=case, chosen=apps["top"], text="Ansettes", now=LATER
        )
    with pytest.raises(DomainError):
        recommendation.decision_record(
            actor=people.council,
            case=case,
            chosen=apps["unqualified"],
            text="Ansettes",
            now=LATER,
        )
    decision = recommendation.decision_record(
        actor=people.council, case=case, chosen=apps["top"], text="Ansettes", now=LATER
    )
    assert decision.decided_as == "hiring_council"


def test_declined_offer_goes_back_to_decision(people: People) -> None:
    case, apps = _interviewed(people)
    _recommend(people, case, apps)
    recommendation.decision_record(
        actor=people.council, case=case, chosen=apps["top"], text="Ansettes", now=LATER
    )
    offer = hiring.offer_make(actor=people.hr, case=case, terms="Lønnstrinn 60", now=LATER)
    hiring.offer_respond(actor=people.hr, offer=offer, accepted=False, now=LATER)
    case.refresh_from_db()
    apps["top"].refresh_from_db()
    assert case.step == "decision"
    assert apps["top"].status == "withdrawn"
    recommendation.decision_record(
        actor=people.council, case=case, chosen=apps["second"], text="Nummer to", now=LATER
    )
    offer = hiring.offer_make(actor=people.hr, case=case, terms="Lønnstrinn 60", now=LATER)
    assert offer.application_id == apps["second"].id


def test_closing_rejects_everyone_else_and_mails_them_in_their_language(
    people: People, django_capture_on_commit_callbacks
) -> None:
    case, apps = _interviewed(people)
    _recommend(people, case, apps)
    recommendation.decision_record(
        actor=people.manager, case=case, chosen=apps["second"], text="Ansettes", now=LATER
    )
    offer = hiring.offer_make(actor=people.hr, case=case, terms="Fast, 100 %", now=LATER)
    hiring.offer_respond(actor=None, offer=offer, accepted=True, now=LATER)
    hire = hiring.hire_record(
        actor=people.hr, offer=offer, start_date=dt.date(2026, 6, 1), now=LATER
    )
    # The hire counts for the inclusion figures because the applicant consented.
    assert (hire.target_group_disability, hire.target_group_cv_gap) == (True, False)
    assert hire.employment_form == "permanent" and hire.fte_percent == 100
    run_queued_tasks()  # what earlier steps queued
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        hiring.case_close(actor=people.hr, case=case, now=LATER)
    case.refresh_from_db()
    assert case.step == "closed" and case.closed_at == LATER
    run_queued_tasks()
    by_recipient = {m.to[0]: m for m in mail.outbox}
    # Everyone but the hired and the withdrawn applicant gets a reply.
    assert set(by_recipient) == {
        "ola.nordmann@example.org",
        "chris.brown@example.org",
        "nora.berg@example.org",
    }
    statuses = dict(case.applications.values_list("name", "rejection_reason"))
    assert statuses["Ola Nordmann"] == "position_filled"
    assert statuses["Chris Brown"] == "not_qualified"
    assert statuses["Nora Berg"] == "not_shortlisted"
    assert "Dear Chris Brown" in by_recipient["chris.brown@example.org"].body
    assert "Rådgiver klagesaker" in by_recipient["ola.nordmann@example.org"].subject
    assert (
        by_recipient["ola.nordmann@example.org"].body != by_recipient["nora.berg@example.org"].body
    )
    # Replies are never sent twice.
    assert case.applications.filter(replied_at__isnull=False).count() == 3
    assert AuditEvent.objects.filter(action="case.step", details__step__new="closed").exists()


def test_hire_without_consent_leaves_target_group_unknown(people: People) -> None:
    case, apps = _interviewed(people)
    declaration = apps["second"].declaration
    declaration.consent_statistics = False
    declaration.save()
    _recommend(people, case, apps)
    recommendation.decision_record(
        actor=people.manager, case=case, chosen=apps["second"], text="Ansettes", now=LATER
    )
    offer = hiring.offer_make(actor=people.hr, case=case, terms="Fast", now=LATER)
    hiring.offer_respond(actor=None, offer=offer, accepted=True, now=LATER)
    hire = hiring.hire_record(
        actor=people.hr, offer=offer, start_date=dt.date(2026, 6, 1), now=LATER
    )
    assert hire.target_group_disability is None and hire.target_group_cv_gap is None


def test_onboarding_plan_has_check_ins_after_one_three_and_six_months(people: People) -> None:
    case, apps = _interviewed(people)
    _recommend(people, case, apps)
    recommendation.decision_record(
        actor=people.manager, case=case, chosen=apps["top"], text="Ansettes", now=LATER
    )
    offer = hiring.offer_make(actor=people.hr, case=case, terms="Fast", now=LATER)
    hiring.offer_respond(actor=None, offer=offer, accepted=True, now=LATER)
    hiring.hire_record(actor=people.hr, offer=offer, start_date=dt.date(2026, 1, 31), now=LATER)
    hire = Hire.objects.get(case=case)
    plan = onboarding.onboarding_plan_create(
        actor=people.manager, hire=hire, buddy=people.union, now=LATER
    )
    check_ins = plan.tasks.filter(kind="check_in").order_by("due_date")
    assert [t.due_date for t in check_ins] == [
        dt.date(2026, 2, 28),
        dt.date(2026, 4, 30),
        dt.date(2026, 7, 31),
    ]
    assert plan.tasks.get(kind="buddy").owner == people.union
    assert plan.tasks.filter(kind="accommodation").exists()
    task = plan.tasks.get(kind="competence")
    onboarding.onboarding_task_complete(actor=people.manager, task=task, now=LATER)
    task.refresh_from_db()
    assert task.done_at == LATER
    with pytest.raises(DomainError):
        onboarding.onboarding_task_complete(actor=people.manager, task=task, now=LATER)
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"offer.make", "offer.respond", "hire.record", "onboarding.plan_create"} <= actions


def test_cancelling_tells_active_applicants(
    people: People, django_capture_on_commit_callbacks
) -> None:
    from lim.recruitment.services import cases

    case, _apps = _interviewed(people)
    run_queued_tasks()  # what earlier steps queued
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cases.case_cancel(actor=people.hr, case=case, reason="Stillingen er trukket.", now=LATER)
    case.refresh_from_db()
    assert case.step == "cancelled"
    run_queued_tasks()
    assert len(mail.outbox) == 4  # all but the withdrawn applicant
    english = next(m for m in mail.outbox if m.to == ["chris.brown@example.org"])
    assert "The recruitment has been cancelled" in english.body
    assert set(case.applications.values_list("status", flat=True)) == {"rejected", "withdrawn"}
