from django.urls import path

from lim.api import views

app_name = "api_tokens"

urlpatterns = [
    path("", views.token_list, name="token_list"),
    path("<uuid:token_id>/trekk-tilbake/", views.token_revoke, name="token_revoke"),
]
