"""The innstilling as an archival document: the ad, the panel, the totals beside the
target-group counts, union remarks with their author, laid out on A4 as PDF/A-2b."""

from __future__ import annotations

import subprocess

from lim.recruitment.models import JobAd, RecruitmentCase
from lim.recruitment.services import recommendation
from tests.recruitment_web.conftest import People, as_user, url
from tests.recruitment_web.test_recommendation_pdf import (
    FIRST,
    _pdf_text,
    _recommended_case,
)


def _download(people: People) -> tuple[RecruitmentCase, bytes]:
    case, _sofie, _ola = _recommended_case(people)
    recommendation.union_remark_add(
        actor=people.union, case=case, text="Enig i rangeringen, god prosess."
    )
    response = as_user(people.manager, "en").get(url("recommendation_pdf", case))
    assert response.status_code == 200
    return case, response.content


def test_the_pdf_names_the_ad_the_panel_and_gives_totals(people: People) -> None:
    case, pdf = _download(people)
    text = _pdf_text(pdf)
    # The position: the ad's title, its deadline and summary, and who interviewed.
    ad = JobAd.objects.get(case=case)
    assert f"The position Ad {ad.title} Deadline" in text
    assert f"Summary {' '.join(ad.body.split()[:4])}" in text
    assert "##" not in text  # the Markdown of the ad is not printed
    assert f"Interview panel {people.manager.full_name}" in text
    # Three applicants in all, two qualified, two interviewed, two ranked.
    assert "All applicants 3 2 2 2" in text
    assert f"1 Sofie Dahl {FIRST}" in text
    # The union's remark with its author.
    assert "Remarks from the union representatives" in text
    assert f"{people.union.full_name}," in text and "Enig i rangeringen, god prosess." in text


def test_the_pdf_is_pdf_a_2b_on_a4(people: People) -> None:
    _case, pdf = _download(people)
    meta = subprocess.run(
        ["pdfinfo", "-meta", "-"], input=pdf, capture_output=True, check=True, timeout=60
    ).stdout.decode()
    assert 'pdfaid:part="2"' in meta and 'pdfaid:conformance="B"' in meta
    info = subprocess.run(
        ["pdfinfo", "-"], input=pdf, capture_output=True, check=True, timeout=60
    ).stdout.decode()
    assert "x 841.89 pts (A4)" in info
