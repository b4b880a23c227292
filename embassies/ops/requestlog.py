"""Request ids and one log line per request, in JSON (one object per line) or plain text."""

from __future__ import annotations

import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime

# The current request's id, added to every log line written while it is served.
REQUEST_ID: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")

# A client's id is kept only if it is short and plain: it ends up in logs and headers.
_SAFE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
# What a request log line carries besides the message.
REQUEST_FIELDS = ("request_id", "method", "path", "status", "duration_ms")


def request_id_from(header: str | None) -> str:
    """The client's or proxy's X-Request-ID when it is safe to echo, else a new one."""
    if header and _SAFE_ID.match(header):
        return header
    return uuid.uuid4().hex


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", ""):
            record.request_id = REQUEST_ID.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message and the request's fields."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for field in REQUEST_FIELDS:
            value = getattr(record, field, None)
            if value not in (None, ""):
                line[field] = value
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


def logging_config(log_format: str, level: str) -> dict[str, object]:
    """The LOGGING setting: everything to stderr, formatted as LOG_FORMAT says."""
    text = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "embassies.ops.requestlog.RequestIdFilter"}},
        "formatters": {
            "json": {"()": "embassies.ops.requestlog.JsonFormatter"},
            "text": {"format": text},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": log_format,
                "filters": ["request_id"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
    }


def server_logconfig(log_format: str, level: str) -> dict[str, object]:
    """The HTTP server's own lines (start, workers, errors) in the same format, on stderr.

    Its access log is left off: the request middleware already writes one line per request,
    with the request id.
    """
    config = logging_config(log_format, level)
    config["loggers"] = {
        "_granian": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "granian.access": {"handlers": [], "propagate": False},
    }
    return config
