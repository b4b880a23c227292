"""The README cannot drift from the code: every setting and console command is documented."""

from __future__ import annotations

import re
from pathlib import Path

from django.core.management import get_commands

from embassies.lib.env import DECLARED

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_environment_variable_is_in_the_configuration_reference() -> None:
    assert DECLARED, "settings declare no variables?"
    missing = [name for name in DECLARED if f"| `{name}` |" not in README]
    assert not missing, f"undocumented settings: {missing}"


def test_every_documented_variable_is_read_by_the_settings() -> None:
    documented = re.findall(r"^\| `([A-Z0-9_]+)` \|", README, flags=re.MULTILINE)
    assert documented and set(documented) == set(DECLARED)


def test_every_project_command_is_in_the_command_reference() -> None:
    ours = [name for name, app in get_commands().items() if app.startswith("embassies")]
    assert "import" in ours
    missing = [name for name in ours if f"`embassies {name}" not in README]
    assert not missing, f"undocumented commands: {missing}"
