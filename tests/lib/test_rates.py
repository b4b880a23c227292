"""Every EMBASSIES_*_RATE is parsed once, when the settings load: a typo stops the start with
one line naming the variable, instead of a 500 on each page that counts against the rate."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from embassies.lib.env import env_rate
from embassies.lib.rates import Rate, parse_rate
from tests.ops.conftest import clean_env, run

RATE_SETTINGS = {
    "EMBASSIES_API_RATE": "API_ANON_RATE",
    "EMBASSIES_API_TOKEN_RATE": "API_TOKEN_RATE",
    "EMBASSIES_TAG_RATE": "TAG_RATE",
    "EMBASSIES_SEARCH_RATE": "SEARCH_RATE",
    "EMBASSIES_CORRECTION_RATE": "CORRECTION_RATE",
}


def test_every_rate_setting_holds_a_parsed_rate() -> None:
    for name in RATE_SETTINGS.values():
        assert isinstance(getattr(settings, name), Rate), name
    assert parse_rate("5/h") == Rate(5, 3600)


def test_a_bad_rate_is_an_error_naming_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EMBASSIES_SEARCH_RATE", "60 a minute")
    with pytest.raises(ImproperlyConfigured, match=r"^EMBASSIES_SEARCH_RATE: '60 a minute' is"):
        env_rate("EMBASSIES_SEARCH_RATE", "60/m", "Search page requests allowed per client.")


def test_an_empty_variable_keeps_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EMBASSIES_TAG_RATE", " ")
    assert env_rate("EMBASSIES_TAG_RATE", "30/m", "doc") == Rate(30, 60)


@pytest.mark.parametrize("variable", ["EMBASSIES_SEARCH_RATE", "EMBASSIES_TAG_RATE"])
def test_a_typo_stops_the_start_with_one_line(variable: str, tmp_path: Path) -> None:
    done = run(["check"], clean_env(tmp_path, **{variable: "60/mn"}))
    assert done.returncode != 0
    assert done.stderr.strip().splitlines() == [
        f"ImproperlyConfigured: {variable}: '60/mn' is not a rate such as 600/m, 20/s or 5/10s."
    ]
