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
        from lim.recruitment.privacy import register_personal_data

        register_personal_data()
        from django.db.models.signals import post_delete

        from lim.recruitment.models import ArchivePackage
        from lim.recruitment.services.archive import remove_package_file

        post_delete.connect(
            remove_package_file, sender=ArchivePackage, dispatch_uid="recruitment.package_file"
        )

        schedule.daily("retention", queue_retention)
        from lim.recruitment.demo import demo_recruitment

        if demo_recruitment not in DEMO_LOADERS:
            DEMO_LOADERS.append(demo_recruitment)
