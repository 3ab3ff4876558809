from django.urls import path

from lim.portal import feeds, views, views_hr

app_name = "portal"

urlpatterns = [
    path("", views.vacancy_list, name="vacancy_list"),
    path("rss/", feeds.VacancyRssFeed(), name="rss_feed"),
    path("atom/", feeds.VacancyAtomFeed(), name="atom_feed"),
    path("feed.json", feeds.json_feed, name="json_feed"),
    path("tilgjengelighet/", views.accessibility, name="accessibility"),
    path("trukket/", views.withdrawn, name="withdrawn"),
    path("kvittering/<str:token>/", views.receipt, name="receipt"),
    path("kvittering/<str:token>/kontakt/", views.receipt_contact, name="receipt_contact"),
    path("kvittering/<str:token>/dokumenter/", views.receipt_documents, name="receipt_documents"),
    path("kvittering/<str:token>/trekk/", views.receipt_withdraw, name="receipt_withdraw"),
    path(
        "kvittering/<str:token>/sokerliste/",
        views.receipt_extended_list,
        name="receipt_extended_list",
    ),
    path("saker/<uuid:case_id>/sokerliste/", views_hr.applicant_list, name="applicant_list"),
    path(
        "saker/<uuid:case_id>/sokerliste/<uuid:application_id>/avgjor/",
        views_hr.exemption_decide,
        name="exemption_decide",
    ),
    path(
        "saker/<uuid:case_id>/sokerliste/utvidet/",
        views_hr.extended_list,
        name="extended_list",
    ),
    path(
        "saker/<uuid:case_id>/sokerliste/publiser/",
        views_hr.applicant_list_publish,
        name="applicant_list_publish",
    ),
    path("<uuid:ad_id>/", views.ad_detail, name="ad_detail"),
    path("<uuid:ad_id>/sok/", views.apply, name="apply"),
    path("<uuid:ad_id>/sendt/", views.sent, name="sent"),
]
