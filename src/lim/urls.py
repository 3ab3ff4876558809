from django.urls import include, path
from django.views.i18n import set_language

from lim.api.api import api
from lim.core import views as core_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/sprak/", set_language, name="set_language"),
    path("regler/", core_views.rules_page, name="rules"),
    path("likestilling/", include("lim.equality.urls")),
    path("saker/", include("lim.recruitment.urls")),
    path("api/", api.urls),
    path("konto/api-nokler/", include("lim.api.urls")),
    path("stillinger/", include("lim.portal.urls")),
    path("", include("lim.core.urls")),
]
