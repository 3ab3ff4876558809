"""LIM settings, read from environment variables (see .env.example)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import dj_database_url
import django_stubs_ext

from lim.env import (
    ImproperlyConfiguredError,
    env_bool,
    env_database_url,
    env_int,
    env_list,
    env_path,
    env_str,
)

django_stubs_ext.monkeypatch()

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent.parent

DEBUG = env_bool("DEBUG", False)
DATA_DIR = env_path("LIM_DATA_DIR", PROJECT_DIR / "var")

if DEBUG:
    SECRET_KEY = env_str("SECRET_KEY", "insecure-debug-only-key-do-not-use-in-production")
else:
    SECRET_KEY = env_str("SECRET_KEY")
    if len(SECRET_KEY) < 32:
        raise ImproperlyConfiguredError("SECRET_KEY must be at least 32 characters long")

# HTTPS-only protections are on whenever DEBUG is off; LIM_HTTPS=false exists for
# trying LIM over plain HTTP on 127.0.0.1 (make run), never for a real deployment.
HTTPS = env_bool("LIM_HTTPS", not DEBUG)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "lim.core",
    "lim.equality",
    "lim.recruitment",
    "lim.portal",
    "lim.api",
    # django-ninja's own static files, so /api/docs serves Swagger UI without a CDN (CSP).
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "lim.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lim.urls"
WSGI_APPLICATION = "lim.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lim.core.context_processors.lim",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_database_url("DATABASE_URL", f"sqlite:///{DATA_DIR / 'lim.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60, minimum=0),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The embedded database lives in the data directory; create it on first use.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # Several gunicorn workers and `lim worker` write at once: write transactions take the
    # lock when they begin (IMMEDIATE) and wait for it instead of failing at once, and WAL
    # lets readers go on while one writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
        ),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 60 * 60 * 2

LANGUAGE_CODE = "nb"
LANGUAGES = [
    ("nb", "Norsk bokmål"),
    ("nn", "Norsk nynorsk"),
    ("en", "English"),
]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Oslo"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = DATA_DIR / "uploads"
# Career-site submissions allowed per client (IP address) in a 10-minute window.
LIM_SUBMISSIONS_PER_CLIENT = env_int("LIM_SUBMISSIONS_PER_CLIENT", 20, minimum=1)
# Reverse proxies in front of LIM that append to X-Forwarded-For (0: none, use the
# connection's address). Decides whose address the submission rate limit counts.
LIM_TRUSTED_PROXIES = env_int("LIM_TRUSTED_PROXIES", 0, minimum=0)

# E-mail: "smtp" for production, "console" or "file" (into DATA_DIR/mail) for trying out.
_EMAIL_BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
}
_email_backend = env_str("EMAIL_BACKEND", "console" if DEBUG else "smtp")
if _email_backend not in _EMAIL_BACKENDS:
    raise ImproperlyConfiguredError(
        f"EMAIL_BACKEND must be one of {', '.join(_EMAIL_BACKENDS)}, not {_email_backend!r}"
    )
EMAIL_BACKEND = _EMAIL_BACKENDS[_email_backend]
EMAIL_FILE_PATH = DATA_DIR / "mail"
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587, minimum=1, maximum=65535)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30, minimum=1)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "LIM <noreply@lim.invalid>")

# LIM's public address, for links in e-mails (they cannot be relative).
LIM_BASE_URL = env_str("LIM_BASE_URL", "http://127.0.0.1:" + env_str("PORT", "8000"))

# Background tasks: a queue in the database, run by `lim worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Security headers. CSP is set by lim.core.middleware: no inline script anywhere.
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = HTTPS and env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000, minimum=0) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "filters": {"private_links": {"()": "lim.core.redaction.PrivateLinkFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["private_links"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

# --- Hardening (issue 10): stored files, login throttling, API tokens ---------------
# Uploaded CVs and attachments are readable by LIM's own user only.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
# Large uploads are spooled here, not in the system's temp folder, so files left by a
# killed request are LIM's to clean (lim.core.uploads, at `lim serve` and daily).
FILE_UPLOAD_TEMP_DIR = DATA_DIR / "tmp" / "uploads"
Path(FILE_UPLOAD_TEMP_DIR).mkdir(mode=0o700, parents=True, exist_ok=True)

# Login throttling (django-axes): failures are counted in the database, so every worker
# process sees them. An account is locked after AXES_FAILURE_LIMIT failures from one
# address, and also after that many from any addresses together; it opens again after
# the cool-off period (a successful login clears the count).
AUTHENTICATION_BACKENDS = [
    "lim.core.throttling.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username"]
AXES_FAILURE_LIMIT = env_int("LIM_LOGIN_FAILURE_LIMIT", 10, minimum=3)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env_int("LIM_LOGIN_COOLOFF_MINUTES", 15, minimum=1))
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "lim.core.http.client_ip"
AXES_LOCKOUT_CALLABLE = "lim.core.views.login_locked_out"
AXES_USERNAME_CALLABLE = "lim.core.throttling.login_username"
AXES_USERNAME_FORM_FIELD = "username"  # the login form's field, not the model's "email"
AXES_VERBOSE = False
# Only failures are kept (until the cool-off ends), not a row per successful login.
AXES_DISABLE_ACCESS_LOG = True
# Password-reset e-mails allowed per account and per client address in a window.
LIM_PASSWORD_RESETS_PER_ACCOUNT = env_int("LIM_PASSWORD_RESETS_PER_ACCOUNT", 3, minimum=1)
LIM_PASSWORD_RESETS_PER_CLIENT = env_int("LIM_PASSWORD_RESETS_PER_CLIENT", 10, minimum=1)
LIM_PASSWORD_RESET_WINDOW = dt.timedelta(hours=1)
