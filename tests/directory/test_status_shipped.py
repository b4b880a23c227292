"""The shipped mission status file imported over the shipped Wikidata snapshot."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from embassies.assistance.finder import find
from embassies.bundled import dataset
from embassies.directory.models import ImportRun, Mission, StatusFact

pytestmark = [pytest.mark.django_db, pytest.mark.snapshot]


def test_the_shipped_status_file_closes_what_it_says(imported_snapshot: object) -> None:
    out = StringIO()
    call_command("import", "mission-status-csv", str(dataset("mission_status").path), stdout=out)
    summary = out.getvalue().splitlines()[-1]
    print(out.getvalue())  # the unmatched rows, for whoever reads the test log
    run = ImportRun.objects.filter(source="mission_status").latest()
    unmatched = len(run.rejections) - run.rejected
    assert run.added + unmatched + run.rejected == 100 and run.rejected == 0
    assert run.added >= 60, summary  # every row with a snapshot QID, and some found by city
    assert run.data_as_of is not None and run.data_as_of.date() == dataset("mission_status").as_of
    ua_moscow = Mission.objects.get(wikidata="Q4374079")
    assert (ua_moscow.status, ua_moscow.status_since) == ("closed", "2022-02-24")
    us_kabul = Mission.objects.get(wikidata="Q894835")
    assert (us_kabul.status, us_kabul.moved_to) == ("relocated", "Doha (QA)")
    assert us_kabul.pk not in {a.mission.pk for a in find("US", "AF").answers}
    assert us_kabul.pk in {a.mission.pk for a in find("US", "AF").unavailable}
    assert StatusFact.objects.filter(mission=ua_moscow).count() == 1
