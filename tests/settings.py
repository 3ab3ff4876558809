"""Settings for the test suite: the real settings with test-only speed-ups.

The environment is filled in here, so plain `pytest` works without a .env file.
"""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-secret-key-that-is-long-enough-for-the-check-0123456789")
os.environ.setdefault("LIM_DATA_DIR", tempfile.mkdtemp(prefix="lim-test-data-"))
os.environ.setdefault("LIM_HTTPS", "false")
os.environ.setdefault("EMAIL_BACKEND", "console")

from lim.settings import *  # noqa: F403

# Salted slow hashes protect real passwords; tests only need them to be checked.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405

STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 - WhiteNoise warns when it is missing
