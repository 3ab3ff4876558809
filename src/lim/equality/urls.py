from django.urls import path

from lim.equality import views

app_name = "equality"

urlpatterns = [
    path("lonnsindikatorer/", views.indicators, name="indicators"),
    path("<uuid:organisation_id>/", views.overview, name="overview"),
    path("<uuid:organisation_id>/importer/", views.workforce_import, name="import"),
    path("<uuid:organisation_id>/importer/<uuid:job_id>/", views.import_job, name="import_job"),
    path("<uuid:organisation_id>/<int:year>/", views.statement, name="statement"),
    path("<uuid:organisation_id>/<int:year>/tekst/", views.statement_edit, name="statement_edit"),
    path(
        "<uuid:organisation_id>/<int:year>/last-ned.<str:fmt>",
        views.statement_download,
        name="download",
    ),
]
