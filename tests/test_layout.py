"""How the code is laid out, read from the source's imports.

Layers point one way: the HTTP layers (web: pages, views, the page cache; api: the JSON API)
use the domain apps, never the other way round, so no import cycle joins them. Test modules share helpers through helper
modules (tests/helpers.py, builders.py, ...) with public names: none imports another test
module's private name, and none imports from bench (benchmarks may use the tests' helpers,
never the other way round)."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).parent
PACKAGE = TESTS.parent / "embassies"
# The project's wiring, which names every layer: settings, root URLs, the WSGI entry point.
WIRING = {"settings.py", "urls.py", "wsgi.py"}
HTTP_LAYERS = {"web", "api"}


def imported_names(path: Path) -> set[str]:
    """Every module a file imports, with `from a import b` also giving a.b."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found |= {node.module, *(f"{node.module}.{a.name}" for a in node.names)}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return found


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def test_no_domain_module_imports_an_http_layer() -> None:
    importing = sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if path.relative_to(PACKAGE).parts[0] not in HTTP_LAYERS
        and path.name not in WIRING
        and any(
            _within(name, f"embassies.{layer}")
            for name in imported_names(path)
            for layer in HTTP_LAYERS
        )
    )
    assert importing == []


def test_the_web_layer_uses_the_domain_apps() -> None:
    """The rule above is not empty: the web layer does reach into the domain."""
    used = {
        name.split(".")[1]
        for path in (PACKAGE / "web").rglob("*.py")
        for name in imported_names(path)
        if _within(name, "embassies") and name.count(".") >= 1
    }
    assert {"directory", "countries", "news", "alerts", "assistance"} <= used


def test_tests_import_no_private_helper_and_nothing_from_bench() -> None:
    wrong = {
        path.relative_to(TESTS).as_posix(): found
        for path in sorted(TESTS.rglob("*.py"))
        if (
            found := sorted(
                name
                for name in imported_names(path)
                if _within(name, "bench")
                or (_within(name, "tests") and name.rsplit(".", 1)[-1].startswith("_"))
            )
        )
    }
    assert wrong == {}
