from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecruitmentConfig(AppConfig):
    name = "lim.recruitment"
    label = "recruitment"
    verbose_name = _("Recruitment")

    def ready(self) -> None:
        from lim.core import schedule
        from lim.core.demo import DEMO_LOADERS
        from lim.recruitment.jobs import queue_retention

        schedule.daily("retention", queue_retention)
        from lim.recruitment.demo import demo_recruitment

        if demo_recruitment not in DEMO_LOADERS:
            DEMO_LOADERS.append(demo_recruitment)
