"""`embassies advisories fetch` with no PATH and no --issuer: every configured issuer in turn,
one line each; one failing is reported and the others still run. And one crisis banner per
country, naming every issuer that says "do not travel", ended when none does any more."""

from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from embassies.alerts import raising
from embassies.alerts.advisories import issuers
from embassies.alerts.models import Advisory, Alert, Source
from tests.alerts.builders import make_alert
from tests.alerts.documents import FIRST, rss
from tests.alerts.issuer_documents import Destination, Entry, canada_index, germany_list
from tests.localserver import Reply, allowed_server

pytestmark = pytest.mark.django_db

CANADA = "/travel-voyage/index-updated.json"
GERMANY = "/opendata/travelwarning"


def run(documents: dict[str, Reply], settings: Any) -> tuple[str, str, CommandError | None]:
    """One all-issuers run against a local server answering `documents` (404 elsewhere)."""

    def handler(method: str, path: str, query: object, body: bytes) -> Reply:
        return documents.get(path, (404, {}, b"not found"))

    out, err = StringIO(), StringIO()
    with allowed_server(handler) as (base, _):
        settings.ADVISORY_ISSUERS = ["US", "CA", "DE"]
        settings.US_ADVISORIES_URL = f"{base}/rss"
        settings.US_ADVISORIES_API_URL = ""
        settings.CA_ADVISORIES_URL = f"{base}{CANADA}"
        settings.DE_ADVISORIES_URL = f"{base}{GERMANY}"
        try:
            call_command("advisories", "fetch", stdout=out, stderr=err)
        except CommandError as error:
            return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def ok(body: bytes) -> Reply:
    return (200, {}, body)


def test_one_failing_issuer_is_reported_and_the_others_still_run(
    settings: Any, fast_retries: None
) -> None:
    documents = {
        "/rss": ok(rss(FIRST)),
        CANADA: ok(b'{"data": {"AF": {"advisory-state": 9}}}'),
        GERMANY: ok(germany_list([Entry("201904", "BY", "Belarus", warning=True)])),
    }
    out, err, error = run(documents, settings)
    assert error is not None and "1 of 3 issuers failed" in str(error)
    assert "AF: advisory-state is 9, not 0 to 3" in str(error)
    assert "Global Affairs Canada advisories: nothing was imported" in err
    lines = out.splitlines()
    assert [line.split(" advisories from ")[0] for line in lines] == [
        "US Department of State",
        "German Federal Foreign Office",
    ]
    assert set(Advisory.objects.values_list("issuer", flat=True)) == {"US", "DE"}


def test_every_issuer_succeeding_exits_cleanly(settings: Any, fast_retries: None) -> None:
    documents = {
        "/rss": ok(rss(FIRST)),
        CANADA: ok(canada_index([Destination("JP", "Japan", 0)])),
        GERMANY: ok(germany_list([Entry("201904", "BY", "Belarus")])),
    }
    out, _, error = run(documents, settings)
    assert error is None and len(out.splitlines()) == 3


def test_an_unknown_issuer_in_the_setting_is_a_configuration_error(settings: Any) -> None:
    settings.ADVISORY_ISSUERS = ["US", "XX"]
    with pytest.raises(
        ImproperlyConfigured, match="EMBASSIES_ADVISORY_ISSUERS: unknown issuer 'XX'"
    ):
        issuers.configured()


def store_level(issuer: str, code: str, level: int) -> str:
    """What an import does for one advisory: save its level, then let the banner follow."""
    old = Advisory.objects.filter(issuer=issuer, country_id=code).first()
    advisory, _ = Advisory.objects.update_or_create(
        issuer=issuer, country_id=code, defaults={"level": level, "title": f"{issuer} {code}"}
    )
    previous = old.level if old else None
    return raising.follow(advisory, previous, timezone.now())


def crisis(code: str) -> list[Alert]:
    open_ones = Alert.objects.filter(country_id=code, source=Source.ADVISORY, ends_at=None)
    return list(open_ones)


def test_one_banner_names_every_issuer_saying_do_not_travel(settings: Any) -> None:
    settings.LANGUAGE_CODE = "en"
    assert store_level("US", "SD", 4) == "raised"
    assert store_level("DE", "SD", 4) == ""  # joins the banner already on
    [alert] = crisis("SD")
    assert alert.headline == (
        "The German Federal Foreign Office and the US Department of State advise: "
        "do not travel to Sudan (level 4 of 4)"
    )
    assert store_level("US", "SD", 3) == ""  # Germany still says so: the banner stays
    [alert] = crisis("SD")
    assert alert.advisory.issuer == "DE"  # type: ignore[union-attr]
    assert alert.headline.startswith("The German Federal Foreign Office advises: do not travel")
    assert store_level("DE", "SD", 1) == "ended"
    assert crisis("SD") == []


def test_a_name_without_an_article_reads_as_a_name(settings: Any) -> None:
    """ "Global Affairs Canada advises", never "The Global Affairs Canada"; "the" only before
    the names that take it, in a list of several."""
    settings.LANGUAGE_CODE = "en"
    assert store_level("CA", "SD", 4) == "raised"
    [alert] = crisis("SD")
    assert alert.headline == "Global Affairs Canada advises: do not travel to Sudan (level 4 of 4)"
    assert alert.body.startswith("From Global Affairs Canada’s travel advisory “")
    assert store_level("GB", "SD", 4) == ""
    [alert] = crisis("SD")
    assert alert.headline == (
        "Global Affairs Canada and the UK Foreign, Commonwealth & Development Office advise: "
        "do not travel to Sudan (level 4 of 4)"
    )


def test_an_editors_alert_is_never_changed_by_any_issuer(settings: Any) -> None:
    editors = make_alert("SD", "Sudan: our consulate is closed")
    store_level("CA", "SD", 4)
    store_level("CA", "SD", 1)
    editors.refresh_from_db()
    assert (editors.headline, editors.ends_at, editors.source) == (
        "Sudan: our consulate is closed",
        None,
        Source.EDITOR,
    )


def test_an_editors_wording_of_a_raised_banner_is_kept_when_issuers_join(settings: Any) -> None:
    store_level("US", "SD", 4)
    [alert] = crisis("SD")
    alert.headline = "Leave Sudan now"
    alert.save()
    store_level("CA", "SD", 4)
    alert.refresh_from_db()
    assert alert.headline == "Leave Sudan now" and alert.ends_at is None


def test_the_api_lists_one_entry_per_issuer(client: Client) -> None:
    for issuer, level in (("US", 4), ("CA", 3), ("DE", 2)):
        Advisory.objects.create(issuer=issuer, country_id="SD", level=level, title="t")
    advisories = client.get("/api/v1/alerts?country=SD").json()["advisories"]
    assert {(a["issuer"], a["level"]) for a in advisories} == {("US", 4), ("CA", 3), ("DE", 2)}
    assert all({"parts_only", "issuer_level", "published", "link"} <= set(a) for a in advisories)


def test_an_unknown_issuer_stops_the_start_up(tmp_path: Any) -> None:
    env = os.environ | {"EMBASSIES_ADVISORY_ISSUERS": "US,XX", "EMBASSIES_DATA_DIR": str(tmp_path)}
    command = [str(Path(sys.executable).parent / "embassies"), "check"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    assert "EMBASSIES_ADVISORY_ISSUERS: unknown issuer 'XX'; known: CA, DE, GB, US" in done.stderr
