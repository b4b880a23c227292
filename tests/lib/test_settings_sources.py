"""Every environment variable is read in embassies/settings.py, through lib/env.py's readers:
one place to look for what configures the site, and every value checked when settings load."""

from __future__ import annotations

import ast
from pathlib import Path

import embassies

PACKAGE = Path(embassies.__file__).parent

# Files that touch os.environ without reading a setting, and why.
NOT_SETTINGS = {
    "settings.py": "reads every variable",
    "lib/env.py": "the readers settings.py uses",
    "cli.py": "chooses DJANGO_SETTINGS_MODULE before any settings exist",
    "wsgi.py": "chooses DJANGO_SETTINGS_MODULE before any settings exist",
    "ops/backup.py": "passes the environment on to pg_dump/pg_restore unread",
    "ops/metrics.py": "writes PROMETHEUS_MULTIPROC_DIR for prometheus_client, reads nothing",
}
READERS = {"env_str", "env_int", "env_bool", "env_list", "env_rate", "getenv"}


def _reads(path: Path) -> list[str]:
    """Environment readers used in a file: os.environ, os.getenv, the env_* readers (a WSGI
    `environ` is a request's, not the process's, and is not counted)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr == "environ":
            is_os = isinstance(node.value, ast.Name) and node.value.id == "os"
            name = "os.environ" if is_os else ""
        elif isinstance(node, ast.Attribute | ast.Name | ast.alias):
            name = getattr(node, "attr", None) or getattr(node, "id", None) or node.name  # type: ignore[union-attr]
            name = name if name in READERS else ""
        else:
            continue
        if name:
            found.append(f"{path.relative_to(PACKAGE)}:{getattr(node, 'lineno', 0)} {name}")
    return found


def test_no_module_but_settings_reads_the_environment() -> None:
    readers = [
        line
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).as_posix() not in NOT_SETTINGS
        for line in _reads(path)
    ]
    assert readers == []
