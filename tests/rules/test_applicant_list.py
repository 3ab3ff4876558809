"""The public applicant list (offentleglova § 25)."""

from __future__ import annotations

from datetime import date

import pytest

from lim.rules.applicant_list import (
    ApplicantListFacts,
    ExemptionDecision,
    ExemptionRequest,
    Gender,
    ListApplicant,
    build_applicant_list,
    check_applicant_list,
)
from lim.rules.base import Level, OrganisationSettings, Sector

d = date.fromisoformat
DEADLINE = d("2026-03-01")
AFTER = d("2026-03-02")
GRANTED, REFUSED = ExemptionDecision.GRANTED, ExemptionDecision.REFUSED


def applicant(
    pid: str,
    name: str,
    born: str = "1990-06-15",
    gender: Gender = Gender.FEMALE,
    exemption: ExemptionRequest | None = None,
    withdrawn: bool = False,
) -> ListApplicant:
    return ListApplicant(pid, name, d(born), "Rådgiver", "Bergen", gender, exemption, withdrawn)


def asks(
    decision: ExemptionDecision | None,
    justification: str = "Søker er i en sårbar situasjon hos nåværende arbeidsgiver.",
    notified: str | None = None,
) -> ExemptionRequest:
    return ExemptionRequest(
        "Nåværende arbeidsgiver vet ikke",
        decision,
        justification,
        None if notified is None else d(notified),
    )


def test_list_shows_age_not_birth_date_and_counts_the_exempted() -> None:
    people = (
        applicant("a", "Kari Nordmann", "1990-03-02"),  # birthday on the list date
        applicant("b", "Ola Nordmann", "1990-03-03", Gender.MALE),  # the day after
        applicant("c", "Anne Unntatt", gender=Gender.FEMALE, exemption=asks(GRANTED)),
        applicant("e", "Per Venter", gender=Gender.MALE, exemption=asks(None)),
        applicant("f", "Trukket Søker", withdrawn=True),
    )
    applicant_list = build_applicant_list(applicants=people, on=d("2026-03-02"))
    assert applicant_list.to_dict() == {
        "entries": [
            {"name": "Kari Nordmann", "age": 36, "position": "Rådgiver", "municipality": "Bergen"},
            {"name": "Ola Nordmann", "age": 35, "position": "Rådgiver", "municipality": "Bergen"},
        ],
        "total": 4,
        "by_gender": {"female": 2, "male": 2, "other": 0, "unknown": 0},
        "exempted": 1,
        "withheld": ["e"],
    }
    assert "1990" not in str(applicant_list.to_dict())


def test_age_for_a_leap_day_birthday() -> None:
    people = (applicant("a", "Skuddår", "2000-02-29"),)
    assert build_applicant_list(applicants=people, on=d("2026-02-28")).entries[0].age == 25
    assert build_applicant_list(applicants=people, on=d("2026-03-01")).entries[0].age == 26


def test_an_applicant_without_a_birth_date_is_listed_and_counted_without_an_age() -> None:
    registered = ListApplicant("x", "Registrert Av HR", None, "Lærer", "Voss", Gender.UNKNOWN)
    people = (applicant("a", "Kari Nordmann"), registered)
    applicant_list = build_applicant_list(applicants=people, on=AFTER)
    assert [(e.name, e.age) for e in applicant_list.entries] == [
        ("Kari Nordmann", 35),
        ("Registrert Av HR", None),
    ]
    assert applicant_list.total == 2


@pytest.mark.parametrize(
    ("today", "blocked"),
    [
        pytest.param("2026-02-15", True, id="before-the-deadline"),
        pytest.param("2026-03-01", True, id="on-the-deadline-day"),
        pytest.param("2026-03-02", False, id="after-the-deadline"),
    ],
)
def test_no_list_before_the_original_deadline(today: str, blocked: bool) -> None:
    facts = ApplicantListFacts(DEADLINE, (applicant("a", "Kari"),))
    outcome = check_applicant_list(facts=facts, today=d(today))
    assert [f.rule for f in outcome.findings] == (["APPLICANT-LIST-TIMING"] if blocked else [])
    assert outcome.result.can_publish is not blocked
    if blocked:
        assert outcome.findings[0].message.nb == (
            "Den offentlige søkerlisten kan ikke lages før den opprinnelige søknadsfristen "
            "1. mars 2026 er ute."
        )


@pytest.mark.parametrize(
    ("request_", "rule", "level", "text"),
    [
        pytest.param(
            asks(None), "APPLICANT-LIST-EXEMPTION", Level.BLOCK, "ikke avgjort", id="undecided"
        ),
        pytest.param(
            asks(GRANTED, " "),
            "APPLICANT-LIST-EXEMPTION",
            Level.BLOCK,
            "mangler begrunnelse",
            id="granted-without-justification",
        ),
        pytest.param(
            asks(REFUSED, "Lederstilling", None),
            "APPLICANT-LIST-NOTIFY",
            Level.BLOCK,
            "må varsles før listen publiseres",
            id="refused-not-notified",
        ),
    ],
)
def test_exemption_problems_block_publication(
    request_: ExemptionRequest, rule: str, level: Level, text: str
) -> None:
    facts = ApplicantListFacts(
        DEADLINE, (applicant("a", "Kari"), applicant("b", "Berit", exemption=request_))
    )
    outcome = check_applicant_list(facts=facts, today=AFTER)
    assert [(f.rule, f.level) for f in outcome.findings] == [(rule, level)]
    assert text in outcome.findings[0].message.nb
    assert "Berit" in outcome.findings[0].message.nb
    assert not outcome.result.can_publish


def test_refused_and_notified_can_be_published_and_is_on_the_list() -> None:
    facts = ApplicantListFacts(
        DEADLINE, (applicant("b", "Berit", exemption=asks(REFUSED, "Toppleder", "2026-03-02")),)
    )
    outcome = check_applicant_list(facts=facts, today=AFTER)
    assert outcome.findings == ()
    assert [e.name for e in outcome.result.applicant_list.entries] == ["Berit"]


def test_refused_applicant_who_withdrew_is_neither_listed_nor_needs_notice() -> None:
    person = applicant("b", "Berit", exemption=asks(REFUSED, "Toppleder"), withdrawn=True)
    outcome = check_applicant_list(facts=ApplicantListFacts(DEADLINE, (person,)), today=AFTER)
    assert outcome.findings == ()
    assert outcome.result.to_dict()["total"] == 0


def test_notice_after_publication_is_too_late() -> None:
    person = applicant("b", "Berit", exemption=asks(REFUSED, "Toppleder", "2026-03-05"))
    facts = ApplicantListFacts(
        DEADLINE, (person,), published_on=d("2026-03-03"), published_ids=("b",)
    )
    outcome = check_applicant_list(facts=facts, today=d("2026-03-06"))
    assert [f.rule for f in outcome.findings] == ["APPLICANT-LIST-NOTIFY"]


def test_granting_everyone_alike_is_flagged() -> None:
    same = asks(GRANTED, "Innvilget.")
    people = (applicant("a", "A", exemption=same), applicant("b", "B", exemption=same))
    outcome = check_applicant_list(facts=ApplicantListFacts(DEADLINE, people), today=AFTER)
    assert outcome.levels() == (Level.WARN,)
    assert "Alle 2 anmodninger er innvilget med samme begrunnelse" in outcome.findings[0].message.nb
    assert outcome.result.to_dict()["exempted"] == 2
    assert outcome.result.to_dict()["entries"] == []


def test_individual_decisions_are_not_flagged() -> None:
    people = (
        applicant("a", "A", exemption=asks(GRANTED, "Sårbar situasjon.")),
        applicant("b", "B", exemption=asks(GRANTED, "Beskyttet adresse.")),
    )
    assert (
        check_applicant_list(facts=ApplicantListFacts(DEADLINE, people), today=AFTER).findings == ()
    )


def test_no_removal_after_publication() -> None:
    people = (
        applicant("a", "Kari", withdrawn=True),
        applicant("b", "Berit", exemption=asks(GRANTED)),
        applicant("c", "Carl"),
    )
    facts = ApplicantListFacts(DEADLINE, people, d("2026-03-03"), published_ids=("a", "b", "c"))
    outcome = check_applicant_list(facts=facts, today=d("2026-03-10"))
    assert [f.rule for f in outcome.findings] == ["APPLICANT-LIST-PUBLISHED"]
    assert outcome.findings[0].message.en.endswith("cannot be taken off it: Kari, Berit.")
    # The names stay on the list and in the totals.
    assert [e.name for e in outcome.result.applicant_list.entries] == ["Kari", "Berit", "Carl"]
    assert outcome.result.applicant_list.total == 3
    assert outcome.result.applicant_list.exempted == 0


def test_applicant_list_applies_in_every_sector() -> None:
    facts = ApplicantListFacts(DEADLINE, (applicant("a", "Kari"),))
    outcome = check_applicant_list(
        facts=facts, today=DEADLINE, organisation=OrganisationSettings(sector=Sector.MUNICIPAL)
    )
    assert outcome.levels() == (Level.BLOCK,)


@pytest.mark.parametrize(
    ("people", "nb", "nn", "en"),
    [
        (
            1,
            "1 anmodning om unntak er ikke avgjort",
            "1 oppmoding om unntak er ikkje avgjord",
            "1 exemption request has not been decided",
        ),
        (
            2,
            "2 anmodninger om unntak er ikke avgjort",
            "2 oppmodingar om unntak er ikkje avgjorde",
            "2 exemption requests have not been decided",
        ),
    ],
)
def test_undecided_requests_are_counted_in_words_that_agree(
    people: int, nb: str, nn: str, en: str
) -> None:
    waiting = tuple(applicant(f"p{n}", f"P{n}", exemption=asks(None)) for n in range(people))
    outcome = check_applicant_list(facts=ApplicantListFacts(DEADLINE, waiting), today=AFTER)
    message = outcome.findings[0].message
    assert (nb, nn, en) == (message.nb[: len(nb)], message.nn[: len(nn)], message.en[: len(en)])
