"""The matching benchmark's sample, small: real missions in two hosts, perturbed elements and
distractors. Matches are found, and nothing is merged with the wrong mission."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command

from tests.conftest import snapshot_lines
from tests.directory.osm_sample import build_sample, known_missions, score

pytestmark = pytest.mark.django_db

HOSTS = {"Belgium", "Czech Republic"}  # Brussels: the densest diplomatic quarter there is


@pytest.fixture
def two_hosts(tmp_path: Path) -> None:
    header, *lines = snapshot_lines()
    kept = [line for line in lines if line.split(";")[4] in HOSTS]
    path = tmp_path / "two-hosts.csv"
    path.write_text("\n".join([header, *kept]) + "\n", encoding="utf-8")
    call_command("import", "wikidata-csv", str(path))


def test_sample_matches_most_missions_and_merges_nothing_wrongly(two_hosts: None) -> None:
    missions = known_missions()
    cases = build_sample(missions, seed=11, distractor_share=0.5)
    result = score(cases, missions)
    assert result.positives > 150 and result.distractors > 40
    assert result.false_merges == []
    assert result.correct + result.same_office >= 0.85 * result.positives
    assert result.rejected == result.distractors
