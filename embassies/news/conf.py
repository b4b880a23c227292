"""News settings, read from the environment through the project's typed readers."""

from __future__ import annotations

from embassies.lib.env import env_bool, env_int

MAX_BYTES = env_int(
    "EMBASSIES_NEWS_MAX_BYTES",
    10 * 1024 * 1024,
    "Largest feed or article page downloaded, in bytes; bigger bodies are refused.",
    1024,
)
FETCH_SECONDS = env_int(
    "EMBASSIES_NEWS_FETCH_SECONDS",
    30,
    "Longest time one feed or article page may take to download.",
    1,
)
FULL_TEXT = env_bool(
    "EMBASSIES_NEWS_FULL_TEXT",
    True,
    "Follow feed entries that carry only a summary to their page for the full text.",
)
