from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from lim.core import views
from lim.core.password_reset import OutboxPasswordResetForm

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "logg-inn/",
        auth_views.LoginView.as_view(
            template_name="core/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logg-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "passord/glemt/",
        auth_views.PasswordResetView.as_view(
            template_name="core/password_reset_form.html",
            form_class=OutboxPasswordResetForm,
            email_template_name="core/email/password_reset.txt",
            subject_template_name="core/email/password_reset_subject.txt",
            success_url=reverse_lazy("core:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "passord/sendt/",
        auth_views.PasswordResetDoneView.as_view(template_name="core/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "passord/ny/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="core/password_reset_confirm.html",
            success_url=reverse_lazy("core:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "passord/endret/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="core/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("enheter/", views.unit_list, name="unit_list"),
    path("enheter/<uuid:unit_id>/", views.unit_detail, name="unit_detail"),
    path(
        "administrasjon/<uuid:organisation_id>/innstillinger/",
        views.organisation_settings,
        name="organisation_settings",
    ),
    path("administrasjon/<uuid:organisation_id>/brukere/", views.user_list, name="user_list"),
    path(
        "administrasjon/<uuid:organisation_id>/roller/<uuid:assignment_id>/fjern/",
        views.role_revoke,
        name="role_revoke",
    ),
    path("administrasjon/<uuid:organisation_id>/revisjonslogg/", views.audit_log, name="audit_log"),
]
