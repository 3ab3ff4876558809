from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "lim.api"
    label = "lim_api"
    verbose_name = _("REST API")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from lim.api.models import ApiToken
        from lim.core.personal_data import not_personal

        not_personal(ApiToken, why="a token's name describes its use, not a person")
