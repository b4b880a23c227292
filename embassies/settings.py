"""Settings, all read from environment variables (see the README's configuration reference)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dj_database_url
import django_stubs_ext
from django.core.exceptions import ImproperlyConfigured
from xstatic.pkg import leaflet

from embassies.lib.env import env_bool, env_int, env_list, env_rate, env_str
from embassies.ops.requestlog import logging_config
from embassies.ops.secretkey import secret_key
from embassies.web.csp import policy as csp_policy

django_stubs_ext.monkeypatch()  # ModelAdmin[Mission] and the like, at run time too

BASE_DIR = Path(__file__).resolve().parent

DATA_DIR = Path(
    env_str(
        "EMBASSIES_DATA_DIR", "./data", "Folder for the SQLite database, static files and dumps."
    )
).resolve()

DEBUG = env_bool("DEBUG", False, "Django debug mode; never on in production.")

# The production switch: HTTPS only, and every secret and host name must be given explicitly.
PRODUCTION = env_bool(
    "EMBASSIES_PRODUCTION",
    False,
    "Production mode: HTTPS-only, SECRET_KEY and ALLOWED_HOSTS required.",
)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be off when EMBASSIES_PRODUCTION=true.")

SECRET_KEY = secret_key(
    env_str(
        "SECRET_KEY",
        "",
        "Django secret key; required in production (else one is generated in the data folder).",
    ),
    PRODUCTION,
    DATA_DIR,
)

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS",
    [] if PRODUCTION else ["localhost", "127.0.0.1", "[::1]"],
    "Comma-separated host names served; required in production.",
)
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS is not set. With EMBASSIES_PRODUCTION=true, list the host names the site "
        "answers to, e.g. ALLOWED_HOSTS=embassies.example.org."
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
    "django.contrib.sitemaps",
    "corsheaders",
    "simple_history",
    "ninja",  # serves the API docs page (Swagger UI) from local static files, not a CDN
    "embassies.countries",
    "embassies.directory",
    "embassies.assistance",
    "embassies.news",
    "embassies.alerts",
    "embassies.corrections",
    "embassies.api",
    "embassies.web",
    "embassies.editors",
    "embassies.ops",
    "axes",  # login lockout, after the apps whose login views it guards
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    # First: request id, timing, the request's log line and metrics, for every answer.
    "embassies.ops.middleware.RequestObservation",
    # Arriving on the bare home page from elsewhere: the browser's language (a redirect).
    "embassies.web.entry_language.EntryLanguage",
    # Then the page cache: anonymous GETs answered from kept copies of finished pages, before
    # the rest of the chain (embassies/web/pagecache/).
    "embassies.web.pagecache.middleware.PageCache",
    "django.middleware.security.SecurityMiddleware",
    "embassies.ops.middleware.SecurityHeaders",
    "csp.middleware.CSPMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Picks the language from the URL prefix (/fr/...), else Accept-Language; after sessions,
    # before CommonMiddleware so that a missing slash is added to the prefixed URL.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # ETag on every GET and 304 for If-None-Match / If-Modified-Since, API and pages alike.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Every version saved during a request (admin inlines and actions too) names its user.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "embassies.api.middleware.ApiErrorShape",
    # After authentication, near the end as django-axes asks: a locked-out login answers 429.
    "axes.middleware.AxesMiddleware",
    # A database that is down answers 503 at once (embassies/web/unavailable.py).
    "embassies.web.unavailable.DatabaseUnavailable",
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
                "embassies.web.languages.languages",
            ],
            # {{ url|web_url }} in every template: outside URLs become links only when http(s).
            "builtins": ["embassies.lib.url_filters"],
        },
    },
]

_SQLITE_URL = f"sqlite:///{DATA_DIR / 'embassies.sqlite3'}"
# libpq settings of every PostgreSQL connection. A server or network that goes silent on an
# open connection is noticed in seconds, even mid-query: keepalive probes go out after 10 s
# without traffic, three unanswered 3 s apart end it, and data unacknowledged for 15 s ends
# it too. A server that only runs slowly is not affected: these bound silence, not work.
_PG_NETWORK = {
    "connect_timeout": 2,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 3,
    "keepalives_count": 3,
    "tcp_user_timeout": 15_000,
}
# The longest statement a web request may run: `embassies serve` sets it on its connections
# (ops/server.py). Commands (imports waiting for each other's lock,
# migrate, restore) keep no limit: a cut import or migration is worse than a slow one.
DB_STATEMENT_TIMEOUT_MS = env_int(
    "EMBASSIES_DB_STATEMENT_TIMEOUT_MS",
    30_000,
    "Milliseconds a PostgreSQL statement of `embassies serve` may run before it is cancelled "
    "(0: no limit).",
)


def _database(url: str) -> dict[str, Any]:
    """One DATABASES entry; the primary and its replica get the same care."""
    database: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=60))
    if database["ENGINE"] == "django.db.backends.sqlite3":
        # The embedded default must work on a fresh checkout: make its folder.
        Path(database["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        database["CONN_MAX_AGE"] = 0
        # WAL lets readers go on while an import writes; IMMEDIATE avoids lock upgrades that
        # deadlock.
        database["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;",
            "transaction_mode": "IMMEDIATE",
        }
    else:
        # A database that does not answer fails /readyz and requests quickly instead of hanging.
        database.setdefault("OPTIONS", {}).update(_PG_NETWORK)
        # A connection broken by a database restart is replaced at the next request, not reused.
        database["CONN_HEALTH_CHECKS"] = True
    return database


DATABASES = {
    "default": _database(
        env_str(
            "DATABASE_URL",
            _SQLITE_URL,
            "Database URL; default is a SQLite file in EMBASSIES_DATA_DIR.",
        )
    )
}

# Read-only traffic goes to the replica when there is one (embassies/db_router.py).
DATABASE_REPLICA_URL = env_str(
    "DATABASE_REPLICA_URL", "", "Read replica's database URL; empty means no replica."
)
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = _database(DATABASE_REPLICA_URL)
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
REPLICA_MAX_LAG = env_int(
    "EMBASSIES_REPLICA_MAX_LAG",
    10,
    "Seconds after a change during which cached pages are rendered from the primary.",
)
DATABASE_ROUTERS = ["embassies.db_router.ReplicaRouter"]

REDIS_URL = env_str(
    "REDIS_URL", "", "Redis URL for the shared cache; empty means per-process memory."
)
CACHES = {
    "default": (
        {
            # Errors are logged and answered as misses: pages serve, uncached (lib/cache.py).
            "BACKEND": "embassies.lib.cache.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            # Short timeouts: a dead cache fails /readyz in seconds, never hangs a worker.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# The page cache's generation numbers (web/pagecache/generations.py) must be one for every process of the
# site, or a change made by one process (an editor's save, an import command) would not reach
# the pages another keeps. Without Redis they live in files beside the database: every process
# on this machine reads the same ones.
CACHES["generations"] = (
    CACHES["default"]
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(DATA_DIR / "page-generations"),
        # One file per country or article; culling one only re-renders its pages, but keep it rare.
        "OPTIONS": {"MAX_ENTRIES": 1_000_000},
    }
)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en"
# The interface's languages; pages other than English live under /fr/, /es/, /ru/, /ar/.
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("ru", "Русский"),
    ("ar", "العربية"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
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
API_ANON_RATE = env_rate(
    "EMBASSIES_API_RATE", "600/m", "Anonymous API requests allowed per client (e.g. 600/m, 20/s)."
)
# A token is issued by hand to a known editor or bot, so its limit is a fuse, not a share of
# capacity: ten times the anonymous rate lets a bulk sync run unhindered, yet a runaway loop or
# a leaked token is held to 100 requests a second instead of writing as fast as it can.
API_TOKEN_RATE = env_rate(
    "EMBASSIES_API_TOKEN_RATE", "6000/m", "API requests allowed per token (e.g. 6000/m, 100/s)."
)
TAG_RATE = env_rate("EMBASSIES_TAG_RATE", "30/m", "POST /api/v1/tag requests allowed per client.")
# Parsing HTML costs far more per byte than reading it: an article is a few tens of KB.
TAG_MAX_BYTES = env_int(
    "EMBASSIES_TAG_MAX_BYTES",
    200_000,
    "Largest document POST /api/v1/tag accepts, in bytes (413 beyond).",
    1024,
)
# News (embassies/news): what `embassies news fetch` and `embassies news import` download.
NEWS_MAX_BYTES = env_int(
    "EMBASSIES_NEWS_MAX_BYTES",
    10 * 1024 * 1024,
    "Largest feed or article page downloaded, in bytes; bigger bodies are refused.",
    1024,
)
NEWS_FETCH_SECONDS = env_int(
    "EMBASSIES_NEWS_FETCH_SECONDS",
    30,
    "Longest time one feed or article page may take to download.",
    1,
)
NEWS_FULL_TEXT = env_bool(
    "EMBASSIES_NEWS_FULL_TEXT",
    True,
    "Follow feed entries that carry only a summary to their page for the full text.",
)
SEARCH_RATE = env_rate(
    "EMBASSIES_SEARCH_RATE", "60/m", "Search and finder page requests allowed per client."
)
CORRECTION_RATE = env_rate(
    "EMBASSIES_CORRECTION_RATE", "5/h", "Corrections one client may send through the public form."
)
# Behind N reverse proxies: trust their X-Forwarded-Proto, and take the client's address from
# X-Forwarded-For (rate limits, login lockout). 0 means clients connect directly.
PROXY_COUNT = env_int(
    "EMBASSIES_PROXY_COUNT", 0, "Reverse proxies in front of the site (0: none; 1: nginx)."
)
NINJA_NUM_PROXIES = PROXY_COUNT
if PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# HTTPS only in production: secure cookies, redirect to https://, HSTS.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = PRODUCTION
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env_bool(
    "EMBASSIES_SSL_REDIRECT", PRODUCTION, "Redirect http:// to https:// (default: in production)."
)
SECURE_HSTS_SECONDS = env_int(
    "EMBASSIES_HSTS_SECONDS",
    31_536_000 if PRODUCTION else 0,
    "Strict-Transport-Security max-age (default: a year in production, else off).",
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_PRELOAD = env_bool(
    "EMBASSIES_HSTS_PRELOAD", True, "HSTS covers subdomains and asks for browser preloading."
)
# Liveness and readiness probes come over plain HTTP from the balancer, not the public.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]

# The admin's address; a less obvious one keeps most password-guessing robots away.
ADMIN_PATH = env_str("EMBASSIES_ADMIN_PATH", "admin/", "Path of the admin site.").strip("/") + "/"
ADMIN_2FA = env_bool("EMBASSIES_ADMIN_2FA", False, "Staff need a TOTP device to use the admin.")
OTP_TOTP_ISSUER = "Embassies"  # the name authenticator apps show beside the code

# Login lockout (django-axes): failures are counted in the database, shared by every process.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int(
    "EMBASSIES_LOGIN_FAILURES", 5, "Failed logins from one address before it is locked out.", 1
)
AXES_COOLOFF_TIME = (
    env_int("EMBASSIES_LOCKOUT_MINUTES", 15, "Minutes a locked-out address waits.", 1) / 60
)  # hours
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False  # no banner on every `embassies` command
# The site's 429 page, with Retry-After: clients and robots are told how long to wait.
AXES_LOCKOUT_CALLABLE = "embassies.ops.views.lockout_response"
# The same client address as the rate limits (EMBASSIES_PROXY_COUNT decides).
AXES_CLIENT_IP_CALLABLE = "embassies.lib.ratelimit.client_address"

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
OVERPASS_URL = env_str(
    "OVERPASS_URL",
    "https://overpass-api.de/api/interpreter",
    "OpenStreetMap Overpass API endpoint used by `embassies sync osm`.",
)
HTTP_USER_AGENT = env_str(
    "EMBASSIES_USER_AGENT",
    "Embassies/0.1 (open embassy directory; https://github.com/embassies/embassies)",
    "User-Agent sent to live sources; include a contact address when you self-host.",
)
HTTP_TIMEOUT = env_int(
    "EMBASSIES_HTTP_TIMEOUT",
    60,
    "Seconds one outgoing request may take in all: connecting, headers and body.",
    1,
)
HTTP_RETRIES = env_int("EMBASSIES_HTTP_RETRIES", 4, "Retries of a failed outgoing request.")
# Outgoing HTTP reaches public addresses only, but for these hosts and every *_URL setting's.
HTTP_ALLOW_HOSTS = env_list(
    "EMBASSIES_HTTP_ALLOW_HOSTS",
    [],
    "Hosts (host or host:port) outgoing HTTP may reach even at a private or loopback address.",
)
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
CA_ADVISORIES_URL = env_str(
    "CA_ADVISORIES_URL",
    "https://data.international.gc.ca/travel-voyage/index-updated.json",
    "Global Affairs Canada's travel advice index, read by `advisories fetch --issuer CA`.",
)
DE_ADVISORIES_URL = env_str(
    "DE_ADVISORIES_URL",
    "https://www.auswaertiges-amt.de/opendata/travelwarning",
    "German Federal Foreign Office's OpenData travel warnings, read by `--issuer DE`.",
)
GB_ADVISORIES_URL = env_str(
    "GB_ADVISORIES_URL",
    "https://www.gov.uk/api/content/foreign-travel-advice",
    "GOV.UK Content API's index of the FCDO's travel advice; each country's is under it.",
)
# Checked against the issuers' modules at start-up (AlertsConfig.ready): an unknown code stops it.
ADVISORY_ISSUERS = [
    code.upper()
    for code in env_list(
        "EMBASSIES_ADVISORY_ISSUERS",
        ["US", "GB", "CA", "DE"],
        "Issuers whose advisories `advisories fetch` reads when given no --issuer, in turn.",
    )
]
MAP_TILE_URL = env_str(
    "EMBASSIES_TILE_URL",
    "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "Map tile URL template; empty disables map tiles (coordinates are still shown).",
)

# Content-Security-Policy (django-csp 4): no inline script or style on any page.
CONTENT_SECURITY_POLICY = csp_policy(MAP_TILE_URL)

# How long a process trusts the generation numbers it read (lib/generations.py), those of the
# page cache and of the search snapshot: another process's change shows within this time.
PAGE_RECHECK_MS = env_int(
    "EMBASSIES_PAGE_RECHECK_MS",
    1000,
    "Milliseconds a process trusts the generation numbers it read (pages, search).",
)

SERVE_WORKERS = env_int("EMBASSIES_WORKERS", 2, "Worker processes for `embassies serve`.", 1)
# A client sending its request slowly holds a thread of `embassies serve` meanwhile
# (embassies/ops/bodies.py): 408 once it has taken this long.
BODY_READ_TIMEOUT = env_int(
    "EMBASSIES_BODY_READ_TIMEOUT",
    10,
    "Seconds `embassies serve` waits for a request's headers, and again for its body (408).",
    1,
)

# A fresh install is useful at once: the first `serve` on an empty database loads the data the
# package ships. An operator who syncs from the live sources instead turns it off.
LOAD_SHIPPED = env_bool(
    "EMBASSIES_LOAD_SHIPPED",
    True,
    "`embassies serve` loads the shipped data into an empty database.",
)

# An import closes the missions its source no longer lists; a truncated file or a broken
# endpoint would list none. A run may close up to this share of the open missions in its scope,
# or this many, whichever is more; beyond that it is refused unless --allow-mass-close is given.
IMPORT_MAX_CLOSE_PERCENT = env_int(
    "EMBASSIES_IMPORT_MAX_CLOSE_PERCENT",
    10,
    "Share (in percent) of the open missions in scope one import may close by absence.",
)
IMPORT_MAX_CLOSE_FLOOR = env_int(
    "EMBASSIES_IMPORT_MAX_CLOSE_FLOOR",
    50,
    "Missions one import may always close by absence, whatever their share.",
)
# A hostile or runaway file must not exhaust memory: an import holds its rows (about 3 KB each;
# duplicates are settled across the whole file), so these bound it to a few hundred MB. Ten
# times the ~10,000 missions there are, about fifteen times the shipped snapshot's 4 MB.
IMPORT_MAX_BYTES = env_int(
    "EMBASSIES_IMPORT_MAX_BYTES",
    64 * 1024 * 1024,
    "Largest CSV file (bytes, after decompression) an import reads.",
    minimum=1,
)
IMPORT_MAX_ROWS = env_int(
    "EMBASSIES_IMPORT_MAX_ROWS", 100_000, "Most rows a CSV import reads.", minimum=1
)
if IMPORT_MAX_CLOSE_PERCENT > 100:
    raise ImproperlyConfigured("EMBASSIES_IMPORT_MAX_CLOSE_PERCENT is a percentage: 0 to 100.")

# The data-quality report calls a mission stale when no one has confirmed it for this long.
QUALITY_STALE_DAYS = env_int(
    "EMBASSIES_STALE_DAYS", 365, "Days after which an unverified mission counts as stale.", 1
)

LOG_FORMAT = env_str(
    "LOG_FORMAT",
    "json" if PRODUCTION else "text",
    "Log lines on stderr: json (one object per line) or text (default: json in production).",
)
if LOG_FORMAT not in ("json", "text"):
    raise ImproperlyConfigured(f"LOG_FORMAT={LOG_FORMAT!r}: use json or text.")
LOGGING = logging_config(LOG_FORMAT, env_str("LOG_LEVEL", "INFO", "Log level."))

# Prometheus counters of every worker (multiprocess files); /metrics may require a token.
METRICS_DIR = DATA_DIR / "metrics"
METRICS_TOKEN = env_str(
    "EMBASSIES_METRICS_TOKEN", "", "Bearer token /metrics requires; empty leaves it open."
)

# Multiplies retry delays of outgoing HTTP; tests set it near zero.
HTTP_BACKOFF_FACTOR = 1.0
