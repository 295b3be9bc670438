"""Settings for the bilateral meetings archive, read from the environment.

One module on purpose: every knob is an environment variable documented in the README, so
development, CI and production differ only in their environment, never in code.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no variable; accepts 1/0, true/false, yes/no, on/off."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated list, ignoring blanks."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)


def read_secret_key() -> str:
    """The key from SECRET_KEY, else from the file SECRET_KEY_FILE names (default: the
    git-ignored `.secret_key` that `make run` writes), so manage.py works in a set-up checkout
    without exporting the key by hand."""
    key = os.environ.get("SECRET_KEY", "")
    if key:
        return key
    path = Path(os.environ.get("SECRET_KEY_FILE", BASE_DIR / ".secret_key"))
    return path.read_text(encoding="utf-8").strip() if path.is_file() else ""


SECRET_KEY = read_secret_key()
if not SECRET_KEY:
    if DEBUG:
        SECRET_KEY = "insecure-development-key-only-used-when-DEBUG-is-on"
    elif os.environ.get("ARCHIVE_KEYLESS_COMMAND") == "1":
        # manage.py sets this for schema-only commands (makemigrations --check and the like),
        # which never use the key; a throwaway one lets them run in a checkout without one.
        SECRET_KEY = "unused-by-schema-only-commands"
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random "
            "string (or SECRET_KEY_FILE to a file holding one; `make run` creates .secret_key), "
            "or set DEBUG=1 for local development."
        )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "django_countries",
    "csp",
    "axes",
    "archive.apps.ArchiveConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: turns a locked-out login into a 429 answer.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Repeated failed sign-ins are throttled: after AXES_FAILURE_LIMIT failures for one username
# from one address, that pair is locked out for AXES_COOLOFF_MINUTES (archive/lockout.py).
AXES_ENABLED = env_bool("AXES_ENABLED", default=True)
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_MINUTES", "15")) / 60  # hours
AXES_LOCKOUT_PARAMETERS = "archive.lockout.lockout_parameters"
# Past this many failures for one username from all addresses together, that username is locked
# out everywhere for the cool-off (guesses spread over many addresses).
AXES_USERNAME_FAILURE_LIMIT = int(os.environ.get("AXES_USERNAME_FAILURE_LIMIT", "50"))
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "archive.client_ip.client_ip"

ROOT_URLCONF = "archive.urls"
WSGI_APPLICATION = "archive.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "archive.record_urls.site_links",
            ],
        },
    },
]

# SQLite is the embedded default; DATABASE_URL selects PostgreSQL (or another SQLite file).
DATABASES = {
    "default": dj_database_url.parse(
        # An empty DATABASE_URL (`DATABASE_URL= make test`) means unset, not a broken URL.
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets researchers read while an import writes; the busy timeout makes a writer wait for
    # the lock instead of failing with "database is locked"; IMMEDIATE takes the write lock at
    # the start of a transaction so two writers never deadlock on a lock upgrade.
    # The connection is kept between requests (CONN_MAX_AGE, as on PostgreSQL) with a 32 MB
    # page cache: a connection per request started every page with a cold cache and re-read
    # the indexes it had just used. (No memory map: its pages count in a worker's resident
    # memory, and a full export then showed 680 MB.)
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            " PRAGMA cache_size=-32768;"
        ),
    }

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT: compiling a ranked full-text query took 40-50 ms before it ran, more than most
    # pages spend in the database. JIT pays off for long analytic queries, not page queries.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = f"{options.get('options', '')} -c jit=off".strip()

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
# Serve from the app's static folders without collectstatic (development, the benchmark's
# server); production serves the collected, hashed and compressed files.
WHITENOISE_USE_FINDERS = env_bool("WHITENOISE_USE_FINDERS", default=DEBUG)
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed files made by collectstatic; tests use the plain storage instead
    # (set by archive/testing_env.py) so they need no collectstatic run.
    "staticfiles": {
        "BACKEND": os.environ.get(
            "STATIC_STORAGE", "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Security headers. Everything is served from this origin (whitenoise, no CDN), so the
# Content-Security-Policy allows 'self' only and no inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# HTTPS=1 behind a TLS-terminating proxy: redirect to HTTPS, HSTS, cookies only over HTTPS.
HTTPS = env_bool("HTTPS", default=False)
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# How many proxies in front of the archive append to X-Forwarded-For; the sign-in lock-out keys
# on the address the outermost of them saw. One by default behind HTTPS, none otherwise.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1" if HTTPS else "0"))

# Where the admin import page keeps previewed uploads until they are confirmed (a day at most).
ARCHIVE_IMPORT_STAGING_DIR = Path(
    os.environ.get("ARCHIVE_IMPORT_STAGING_DIR", str(BASE_DIR / ".import-staging"))
)

# The largest article file the importer accepts, in bytes.
ARCHIVE_IMPORT_MAX_BYTES = int(os.environ.get("ARCHIVE_IMPORT_MAX_BYTES", str(2 * 1024 * 1024)))

# How long one facet may take before the page shows it as not computed.
ARCHIVE_FACET_TIME_LIMIT_MS = int(os.environ.get("ARCHIVE_FACET_TIME_LIMIT_MS", "1000"))

PORT = int(os.environ.get("PORT", "8000"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # django-axes announces its configuration at every start; only its warnings matter.
    # trafilatura and htmldate log every page they cannot use ("discarding data: None"): the
    # import already reports it, naming the file (archive/ingest/html.py).
    "loggers": {
        "axes": {"level": "WARNING"},
        "trafilatura": {"level": "CRITICAL"},
        "htmldate": {"level": "CRITICAL"},
    },
}

# Counts and facets of the list pages, keyed by the archive version (archive/result_cache.py).
# On disk so every worker process shares one computation; the key prefix names the database,
# so two archives served from one checkout (a benchmark beside the real one) never mix.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("ARCHIVE_CACHE_DIR", str(BASE_DIR / ".cache" / "results")),
        "KEY_PREFIX": hashlib.sha256(
            f"{DATABASES['default'].get('HOST')}|{DATABASES['default']['NAME']}".encode()
        ).hexdigest()[:12],
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}
