"""Settings, all read from environment variables (see the README's configuration reference)."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from xstatic.pkg import leaflet

from embassies.lib.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent

DATA_DIR = Path(
    env_str(
        "EMBASSIES_DATA_DIR", "./data", "Folder for the SQLite database, static files and dumps."
    )
).resolve()

DEBUG = env_bool("DEBUG", False, "Django debug mode; never on in production.")

SECRET_KEY = env_str(
    "SECRET_KEY",
    "insecure-development-key-set-SECRET_KEY-in-production",
    "Django secret key; set a long random value in production.",
)

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"], "Comma-separated host names served."
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "corsheaders",
    "simple_history",
    "ninja",  # serves the API docs page (Swagger UI) from local static files, not a CDN
    "embassies.countries",
    "embassies.directory",
    "embassies.assistance",
    "embassies.news",
    "embassies.alerts",
    "embassies.api",
    "embassies.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # ETag on every GET and 304 for If-None-Match / If-Modified-Since, API and pages alike.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "embassies.api.middleware.ApiErrorShape",
]

ROOT_URLCONF = "embassies.urls"
WSGI_APPLICATION = "embassies.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "embassies.web.context.site",
            ],
        },
    },
]

_SQLITE_URL = f"sqlite:///{DATA_DIR / 'embassies.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        env_str(
            "DATABASE_URL",
            _SQLITE_URL,
            "Database URL; default is a SQLite file in EMBASSIES_DATA_DIR.",
        ),
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default must work on a fresh checkout: make its folder.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # WAL lets readers go on while an import writes; IMMEDIATE avoids lock upgrades that deadlock.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;",
        "transaction_mode": "IMMEDIATE",
    }

REDIS_URL = env_str(
    "REDIS_URL", "", "Redis URL for the shared cache; empty means per-process memory."
)
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [("leaflet", leaflet.BASE_DIR)]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# The API is open data: any site may read it from a browser; writes need a token anyway.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")

# Requests larger than this are refused (413) before they are read into memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int(
    "EMBASSIES_MAX_REQUEST_BYTES", 1_000_000, "Largest request body accepted, in bytes.", 1024
)
API_ANON_RATE = env_str(
    "EMBASSIES_API_RATE", "600/m", "Anonymous API requests allowed per client (e.g. 600/m, 20/s)."
)

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Outgoing HTTP (Wikidata and other live sources).
WIKIDATA_SPARQL_URL = env_str(
    "WIKIDATA_SPARQL_URL",
    "https://query.wikidata.org/sparql",
    "SPARQL endpoint used by `embassies sync wikidata`.",
)
COMMONS_API_URL = env_str(
    "COMMONS_API_URL",
    "https://commons.wikimedia.org/w/api.php",
    "Wikimedia Commons API, asked for photo authors and licences during `sync wikidata`.",
)
HTTP_USER_AGENT = env_str(
    "EMBASSIES_USER_AGENT",
    "Embassies/0.1 (open embassy directory; https://github.com/embassies/embassies)",
    "User-Agent sent to live sources; include a contact address when you self-host.",
)
HTTP_TIMEOUT = env_int("EMBASSIES_HTTP_TIMEOUT", 60, "Seconds before an outgoing request fails.", 1)
HTTP_RETRIES = env_int("EMBASSIES_HTTP_RETRIES", 4, "Retries of a failed outgoing request.")
US_ADVISORIES_URL = env_str(
    "US_ADVISORIES_URL",
    "https://travel.state.gov/_res/rss/TAsTWs.xml",
    "US State Department travel-advisory RSS feed, read first by `advisories fetch`.",
)
US_ADVISORIES_API_URL = env_str(
    "US_ADVISORIES_API_URL",
    "https://cadataapi.state.gov/api/TravelAdvisories",
    "The same advisories as JSON (consular data API), tried when the RSS feed fails.",
)
MAP_TILE_URL = env_str(
    "EMBASSIES_TILE_URL",
    "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "Map tile URL template; empty disables map tiles (coordinates are still shown).",
)

SERVE_WORKERS = env_int(
    "EMBASSIES_WORKERS", 2, "gunicorn worker processes for `embassies serve`.", 1
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO", "Log level.")},
}

# Multiplies retry delays of outgoing HTTP; tests set it near zero.
HTTP_BACKOFF_FACTOR = 1.0
