"""Selection: qualification, the interview duty (statsansatteforskriften §§ 4 and 4a
second paragraph), interviews, guide and references."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from lim.core.errors import DomainError
from lim.core.models import AuditEvent
from lim.recruitment.models import Application
from lim.recruitment.rule_checks import RuleBlocked
from lim.recruitment.services import interviews, selection
from lim.recruitment.services.interviews import REFERENCE_QUESTIONS
from tests.recruitment.conftest import (
    AFTER_DEADLINE,
    People,
    apply,
    assess,
    in_selection,
    invite,
    published_case,
)


def _statuses(*applications: Application) -> list[str]:
    for application in applications:
        application.refresh_from_db()
    return [a.status for a in applications]


def test_must_requirement_not_met_makes_not_qualified_unless_overridden(people: People) -> None:
    case = in_selection(people, _with(people))
    application = case.applications.get(name="Ola Nordmann")
    assert assess(people, application, qualified=False).status == "not_qualified"
    with pytest.raises(DomainError):
        selection.qualification_decide(
            actor=people.manager, application=application, override=True, now=AFTER_DEADLINE
        )
    selection.qualification_decide(
        actor=people.manager,
        application=application,
        override=True,
        justification="Tilsvarende realkompetanse fra 15 år i klagesaker.",
        now=AFTER_DEADLINE,
    )
    assert _statuses(application) == ["qualified"]
    assert AuditEvent.objects.filter(action="application.qualification").count() == 2


def test_qualification_needs_every_must_requirement_assessed(people: People) -> None:
    case = in_selection(people, _with(people))
    application = case.applications.get(name="Ola Nordmann")
    with pytest.raises(DomainError) as error:
        selection.qualification_decide(
            actor=people.manager, application=application, now=AFTER_DEADLINE
        )
    assert "Mastergrad" in str(error.value.message)


def _with(people: People) -> object:
    case = published_case(people)
    apply(case, "Ola Nordmann")
    return case


def test_interview_list_without_declared_applicants_is_not_blocked(people: People) -> None:
    case = published_case(people)
    a, b = apply(case, "Ola Nordmann"), apply(case, "Kari Hansen")
    case = in_selection(people, case)
    assess(people, a, qualified=True)
    assess(people, b, qualified=True)
    invite(people, case, [a])
    assert _statuses(a, b) == ["invited", "qualified"]
    assert AuditEvent.objects.filter(action="interview_list.finalise").count() == 1


def test_one_qualified_disabled_applicant_not_invited_blocks_with_legal_source(
    people: People,
) -> None:
    case = published_case(people)
    a, d = apply(case, "Ola Nordmann"), apply(case, "Sofie Dahl", disability=True)
    case = in_selection(people, case)
    assess(people, a, qualified=True)
    assess(people, d, qualified=True)
    with translation.override("nb"), pytest.raises(RuleBlocked) as error:
        invite(people, case, [a])
    assert error.value.rules == ("SEL-INTERVIEW-DISABILITY",)
    assert "statsansatteforskriften § 4 andre ledd" in str(error.value.message)
    assert _statuses(a, d) == ["qualified", "qualified"]  # nothing changed
    invite(people, case, [a, d])
    assert _statuses(a, d) == ["invited", "invited"]


def test_declared_but_not_qualified_applicant_creates_no_duty(people: People) -> None:
    case = published_case(people)
    a, d = apply(case, "Ola Nordmann"), apply(case, "Sofie Dahl", disability=True)
    case = in_selection(people, case)
    assess(people, a, qualified=True)
    assess(people, d, qualified=False)
    invite(people, case, [a])
    assert _statuses(a) == ["invited"]


def test_several_qualified_in_a_group_one_invited_is_enough(people: People) -> None:
    case = published_case(people)
    gaps = [apply(case, f"Søker {n}", cv_gap=True) for n in ("En", "To", "Tre")]
    case = in_selection(people, case)
    for application in gaps:
        assess(people, application, qualified=True)
    invite(people, case, [gaps[1]])
    assert _statuses(*gaps) == ["qualified", "invited", "qualified"]


def test_both_groups_are_checked_each_on_its_own(people: People) -> None:
    case = published_case(people)
    d = apply(case, "Sofie Dahl", disability=True)
    g = apply(case, "Jonas Lie", cv_gap=True)
    case = in_selection(people, case)
    assess(people, d, qualified=True)
    assess(people, g, qualified=True)
    with pytest.raises(RuleBlocked) as error:
        invite(people, case, [d])
    assert error.value.rules == ("SEL-INTERVIEW-CVGAP",)
    with translation.override("en"), pytest.raises(RuleBlocked) as error:
        invite(people, case, [g])
    assert error.value.rules == ("SEL-INTERVIEW-DISABILITY",)
    assert "invited to interview" in str(error.value.message)  # the active language
    invite(people, case, [d, g])
    assert _statuses(d, g) == ["invited", "invited"]


def test_state_outside_the_state_sector_only_warns(people: People) -> None:
    people.world.organisation.sector = "health_trust"
    people.world.organisation.save()
    case = published_case(people)
    a, d = apply(case, "Ola Nordmann"), apply(case, "Sofie Dahl", disability=True)
    case = in_selection(people, case)
    assess(people, a, qualified=True)
    assess(people, d, qualified=True)
    findings = selection.interview_list_finalise(
        actor=people.manager, case=case, invited=[a], now=AFTER_DEADLINE
    )
    assert [(f.rule, f.level.value) for f in findings] == [("SEL-INTERVIEW-DISABILITY", "warn")]


def test_only_qualified_applicants_can_be_invited(people: People) -> None:
    case = published_case(people)
    a = apply(case, "Ola Nordmann")
    case = in_selection(people, case)
    with pytest.raises(DomainError):
        invite(people, case, [a])


def test_interview_scheduling_scoring_and_references(people: People) -> None:
    case = published_case(people)
    a = apply(case, "Ola Nordmann")
    case = in_selection(people, case)
    assess(people, a, qualified=True)
    invite(people, case, [a])
    start = dt.datetime(2026, 4, 1, 10, 0, tzinfo=dt.UTC)
    with pytest.raises(DomainError):
        interviews.interview_schedule(
            actor=people.hr, application=a, starts_at=start, ends_at=start, panel=[people.manager]
        )
    interview = interviews.interview_schedule(
        actor=people.hr,
        application=a,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
        place="Møterom 3",
        panel=[people.manager, people.union],
        now=AFTER_DEADLINE,
    )
    criteria = interviews.interview_guide_generate(
        actor=people.manager, case=case, now=AFTER_DEADLINE
    )
    assert [c.text for c in criteria] == [
        "Skriver klart",
        "Samarbeider godt",
        "Mastergrad i rettsvitenskap",
        "Erfaring fra forvaltningen",
    ]
    interviews.interview_score_record(
        actor=people.manager,
        interview=interview,
        criterion=criteria[0],
        score=4,
        now=AFTER_DEADLINE,
    )
    with pytest.raises(DomainError):
        interviews.interview_score_record(
            actor=people.hr,
            interview=interview,
            criterion=criteria[0],
            score=3,
            now=AFTER_DEADLINE,
        )
    with pytest.raises(DomainError):
        interviews.interview_score_record(
            actor=people.union,
            interview=interview,
            criterion=criteria[0],
            score=6,
            now=AFTER_DEADLINE,
        )
    # Three days ahead it cannot have been held yet: refused, with the day, nothing changes.
    with translation.override("en"), pytest.raises(DomainError) as early:
        interviews.interview_held(
            actor=people.manager, interview=interview, now=start - dt.timedelta(days=3)
        )
    assert early.value.field == "starts_at"
    assert "cannot be marked as held before then" in str(early.value.message)
    assert _statuses(a) == ["invited"]
    interviews.interview_held(actor=people.manager, interview=interview, now=start)
    assert _statuses(a) == ["interviewed"]
    check = interviews.reference_check_record(
        actor=people.manager,
        application=a,
        referee_name="Berit Referanse",
        referee_relation="Tidligere leder",
        answers=["Svar"] * len(REFERENCE_QUESTIONS),
        now=AFTER_DEADLINE,
    )
    assert len(check.answers) == len(REFERENCE_QUESTIONS)
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {
        "interview.schedule",
        "interview_guide.generate",
        "interview.score",
        "interview.held",
        "reference.record",
    } <= actions


@pytest.mark.parametrize(
    ("utc", "allowed"),
    [
        # 23:30 in Oslo on the deadline day (UTC+1 in March): still the deadline day.
        pytest.param(dt.datetime(2026, 3, 20, 22, 30, tzinfo=dt.UTC), False, id="23.30-oslo"),
        # 00:30 in Oslo the day after, though still the deadline day in UTC.
        pytest.param(dt.datetime(2026, 3, 20, 23, 30, tzinfo=dt.UTC), True, id="00.30-oslo"),
    ],
)
def test_the_deadline_is_a_norwegian_day(people: People, utc: dt.datetime, allowed: bool) -> None:
    case = published_case(people)
    assert case.ad.deadline == dt.date(2026, 3, 20)
    if allowed:
        selection.selection_start(actor=people.hr, case=case, now=utc)
        case.refresh_from_db()
        assert case.step == "selection"
    else:
        with translation.override("en"), pytest.raises(DomainError, match="after the deadline"):
            selection.selection_start(actor=people.hr, case=case, now=utc)
