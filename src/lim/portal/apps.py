from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "lim.portal"
    label = "portal"
    verbose_name = _("Career site")

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from lim.core.demo import DEMO_LOADERS
        from lim.portal.demo import demo_portal
        from lim.portal.files import remove_file_after_commit
        from lim.portal.models import ApplicationDocument
        from lim.portal.privacy import register_personal_data

        register_personal_data()

        post_delete.connect(
            remove_file_after_commit,
            sender=ApplicationDocument,
            dispatch_uid="portal.remove_file_after_commit",
        )
        # After the recruitment demo (INSTALLED_APPS order), whose applications it extends.
        if demo_portal not in DEMO_LOADERS:
            DEMO_LOADERS.append(demo_portal)
