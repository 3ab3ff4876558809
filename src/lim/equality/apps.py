from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EqualityConfig(AppConfig):
    name = "lim.equality"
    label = "equality"
    verbose_name = _("Equality statement")

    def ready(self) -> None:
        from lim.core.demo import DEMO_LOADERS
        from lim.equality.demo import demo_workforce
        from lim.equality.privacy import register_personal_data

        register_personal_data()
        from lim.core import schedule
        from lim.equality.tasks import queue_prune_import_jobs

        schedule.daily("prune-import-jobs", queue_prune_import_jobs)

        if demo_workforce not in DEMO_LOADERS:
            DEMO_LOADERS.append(demo_workforce)
