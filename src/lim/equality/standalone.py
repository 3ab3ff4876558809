"""Django's template and translation machinery without a database or a server.

`lim equality report` renders HTML, PDF and DOCX from files alone. When Django is not
configured (the CLI), configure just templates and translations; inside the web app the
real settings are used as they are.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def ensure_django() -> None:
    import django
    from django.conf import settings

    if settings.configured:
        return
    import os

    if os.environ.get("DJANGO_SETTINGS_MODULE"):
        django.setup()
        return
    settings.configure(
        USE_I18N=True,
        USE_TZ=True,
        LANGUAGE_CODE="nb",
        LANGUAGES=[("nb", "Norsk bokmål"), ("nn", "Norsk nynorsk"), ("en", "English")],
        LOCALE_PATHS=[PACKAGE_DIR / "locale"],
        INSTALLED_APPS=[],
        TEMPLATES=[
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "DIRS": [PACKAGE_DIR / "equality" / "templates", PACKAGE_DIR / "templates"],
                "OPTIONS": {
                    "libraries": {"equality": "lim.equality.templatetags.equality"},
                },
            }
        ],
    )
    django.setup()
