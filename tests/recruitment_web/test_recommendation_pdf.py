"""The innstilling PDF for the archive, read back as text with poppler's pdftotext."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest

from lim.core.models import User
from lim.recruitment.models import Application, RecruitmentCase
from lim.recruitment.services import interviews, recommendation
from lim.recruitment.services.recommendation import RankingInput
from tests.recruitment_web.conftest import (
    AFTER_DEADLINE,
    People,
    apply,
    as_user,
    assess,
    in_selection,
    invite,
    published_case,
    url,
)

FIRST = "Sterkest i intervjuet og oppfyller alle skal-krav."
SECOND = "Oppfyller alle skal-krav, mindre erfaring fra forvaltningen."
COMMENT = "Søkeren med funksjonsnedsettelse er rangert først."


def _recommended_case(people: People) -> tuple[RecruitmentCase, Application, Application]:
    """Three applicants: Ola, Sofie (disability) and Kari (disability and a gap in the
    CV, not qualified); Ola and Sofie interviewed, Sofie ranked first."""
    case = published_case(people)
    ola = apply(case, "Ola Nordmann")
    sofie = apply(case, "Sofie Dahl", disability=True)
    kari = apply(case, "Kari Berg", disability=True, cv_gap=True)
    case = in_selection(people, case)
    assess(people, ola, qualified=True)
    assess(people, sofie, qualified=True)
    assess(people, kari, qualified=False)
    invite(people, case, [ola, sofie])
    for application in (ola, sofie):
        interview = interviews.interview_schedule(
            actor=people.hr,
            application=application,
            starts_at=AFTER_DEADLINE,
            ends_at=AFTER_DEADLINE + dt.timedelta(hours=1),
            panel=[people.manager],
            place="Møterom 1",
            now=AFTER_DEADLINE,
        )
        interviews.interview_held(actor=people.hr, interview=interview, now=AFTER_DEADLINE)
    recommendation.recommendation_save(
        actor=people.manager,
        case=case,
        ranking=[RankingInput(sofie, FIRST), RankingInput(ola, SECOND)],
        comment=COMMENT,
        now=AFTER_DEADLINE,
    )
    return case, sofie, ola


def _pdf_text(pdf: bytes) -> str:
    """The text in the order it was written (-raw: a table row's cells one after the
    other, however the columns wrap), with the whitespace collapsed."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: `make test` installs Debian's poppler-utils")
    run = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"],
        input=pdf,
        capture_output=True,
        check=True,
        timeout=60,
    )
    return " ".join(run.stdout.decode().split())


def _pdf(case: RecruitmentCase, user: User) -> str:
    """The PDF as the user downloads it, in English so the headings are the msgids."""
    response = as_user(user, "en").get(url("recommendation_pdf", case))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return _pdf_text(response.content)


def test_the_pdf_shows_the_ranking_the_justifications_and_the_counts(people: People) -> None:
    case, _sofie, _ola = _recommended_case(people)
    text = _pdf(case, people.manager)
    # The ranking, best first, each candidate with the justification against the requirements.
    assert "Ranked candidates Rank Candidate Justification against the requirements" in text
    assert f"1 Sofie Dahl {FIRST} 2 Ola Nordmann {SECOND}" in text
    assert "Kari Berg" not in text  # not ranked, and no other applicant is named
    # The target-group counts: declared, qualified, interviewed, ranked.
    assert "Group Declared Qualified Interviewed Ranked" in text
    assert "Disability 2 1 1 1" in text
    assert "Gap in the CV 1 0 0 0" in text
    # Ethnic origin: figures about fewer than the organisation's smallest group are hidden.
    hidden = "hidden (group under 5)"
    assert f"Immigrant background {hidden} {hidden} {hidden} {hidden}" in text
    assert COMMENT in text


def test_the_union_representatives_pdf_has_the_counts_cut_like_the_declarations(
    people: People,
) -> None:
    case, _sofie, _ola = _recommended_case(people)
    text = _pdf(case, people.union)
    assert f"1 Sofie Dahl {FIRST} 2 Ola Nordmann {SECOND}" in text
    assert "Disability 2 1 1 1" in text
    assert "Gap in the CV 1 0 0 0" in text
    assert "Immigrant background" not in text
