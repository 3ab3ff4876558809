from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "lim.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from lim.core import schedule
        from lim.core.privacy import register_personal_data

        register_personal_data()
        from lim.core.tasks import queue_prune

        schedule.daily("prune-finished-tasks", queue_prune)
