"""Wikidata and OpenStreetMap side by side: a re-import of one never drops what the other gave."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command

from embassies.directory.models import Mission
from tests.corrections.builders import CANADA_MOSCOW, import_rows, with_website
from tests.directory.osm_answers import CANADA, answer
from tests.directory.osm_answers import write_answer as write

pytestmark = pytest.mark.django_db


def test_a_changed_wikidata_row_keeps_the_fields_openstreetmap_filled(tmp_path: Path) -> None:
    import_rows(tmp_path, [CANADA_MOSCOW])
    call_command("import", "osm-json", str(write(tmp_path / "osm.json", answer(CANADA))))
    filled = Mission.objects.get(wikidata="Q4374011")
    assert filled.sources["phones"] == "osm" and filled.opening_hours

    import_rows(tmp_path, [with_website(CANADA_MOSCOW, "https://ca.example/new")], "b.csv")
    again = Mission.objects.get(pk=filled.pk)
    assert again.website == "https://ca.example/new"  # Wikidata's own field follows Wikidata
    assert (again.phones, again.opening_hours, again.emails) == (
        filled.phones,
        filled.opening_hours,
        filled.emails,
    )
    assert again.sources["phones"] == again.sources["opening_hours"] == "osm"
