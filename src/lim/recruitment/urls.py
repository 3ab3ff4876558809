from django.urls import path

from lim.recruitment.views import (
    ads,
    application_detail,
    applications,
    archive,
    cases,
    hiring,
    interviews,
    job_analysis,
    onboarding,
    recommendation,
)

app_name = "recruitment"

CASE = "<uuid:case_id>/"
APPLICATION = f"{CASE}sokere/<uuid:application_id>/"
INTERVIEW = f"{CASE}intervju/<uuid:interview_id>/"

urlpatterns = [
    path("", cases.case_list, name="case_list"),
    path("ny/", cases.case_open, name="case_open"),
    path(CASE, cases.case_detail, name="case_detail"),
    path(
        f"{CASE}varsler/<uuid:notification_id>/lest/",
        cases.notification_read,
        name="notification_read",
    ),
    path(f"{CASE}avbryt/", cases.case_cancel, name="case_cancel"),
    path(f"{CASE}nav-sjekkpunkt/", cases.nav_checkpoint, name="nav_checkpoint"),
    path(f"{CASE}jobbanalyse/", job_analysis.job_analysis, name="job_analysis"),
    path(f"{CASE}annonse/", ads.ad, name="ad"),
    path(f"{CASE}annonse/generer/", ads.ad_generate, name="ad_generate"),
    path(f"{CASE}annonse/publiser/", ads.ad_publish, name="ad_publish"),
    path(f"{CASE}annonse/nav.json", ads.ad_nav_payload, name="ad_nav_payload"),
    path(f"{CASE}uten-annonse/", ads.proceed_without_ad, name="proceed_without_ad"),
    path(f"{CASE}utvelgelse/start/", applications.selection_start, name="selection_start"),
    path(f"{CASE}sokere/", applications.applicant_list, name="applicant_list"),
    path(f"{CASE}sokere/handling/", applications.applicant_bulk, name="applicant_bulk"),
    path(f"{CASE}sokere/ny/", applications.application_register, name="application_register"),
    path(APPLICATION, application_detail.application_detail, name="application_detail"),
    path(
        f"{APPLICATION}vurdering/",
        application_detail.application_assess,
        name="application_assess",
    ),
    path(
        f"{APPLICATION}kvalifisering/",
        application_detail.application_qualify,
        name="application_qualify",
    ),
    path(f"{APPLICATION}avslag/", application_detail.application_reject, name="application_reject"),
    path(
        f"{APPLICATION}trekk/", application_detail.application_withdraw, name="application_withdraw"
    ),
    path(f"{APPLICATION}intervju/", interviews.interview_schedule, name="interview_schedule"),
    path(f"{APPLICATION}referanse/", interviews.reference_check, name="reference_check"),
    path(f"{CASE}intervjuliste/", interviews.interview_list, name="interview_list"),
    path(f"{CASE}intervjuguide/", interviews.interview_guide, name="interview_guide"),
    path(INTERVIEW, interviews.interview_detail, name="interview_detail"),
    path(f"{INTERVIEW}poeng/", interviews.interview_scores, name="interview_scores"),
    path(
        f"{INTERVIEW}tilrettelegging/",
        interviews.interview_accommodation,
        name="interview_accommodation",
    ),
    path(f"{INTERVIEW}gjennomfort/", interviews.interview_held, name="interview_held"),
    path(f"{INTERVIEW}kalender.ics", interviews.interview_ics, name="interview_ics"),
    path(f"{CASE}innstilling/", recommendation.recommendation, name="recommendation"),
    path(f"{CASE}innstilling/merknad/", recommendation.union_remark, name="union_remark"),
    path(f"{CASE}innstilling.pdf", recommendation.recommendation_pdf, name="recommendation_pdf"),
    path(f"{CASE}vedtak/", hiring.decision, name="decision"),
    path(f"{CASE}tilbud/", hiring.offer, name="offer"),
    path(f"{CASE}tilbud/svar/", hiring.offer_response, name="offer_response"),
    path(f"{CASE}tilbud/ansettelse/", hiring.hire, name="hire"),
    path(f"{CASE}avslutt/", hiring.case_close, name="case_close"),
    path(f"{CASE}introduksjon/", onboarding.onboarding, name="onboarding"),
    path(
        f"{CASE}introduksjon/oppgaver/<uuid:task_id>/ferdig/",
        onboarding.task_done,
        name="task_done",
    ),
    path(
        f"{CASE}arkivpakke/<uuid:package_id>.pdf",
        archive.archive_package,
        name="archive_package",
    ),
]
