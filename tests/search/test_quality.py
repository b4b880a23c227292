"""Search quality on the real snapshot: the expected mission first for 95 % of real queries.

quality_queries.csv: queries of every kind issue 3 names (demonyms, "embassy of X in Y", other
languages, typos, former names, abbreviations, kinds, districts and capitals, free text), each
with the Wikidata item of the mission a person means, looked up in the snapshot.
"""

from __future__ import annotations

import csv
import time
from collections import Counter
from pathlib import Path

import pytest

from embassies.directory.models import Mission
from embassies.directory.search.document import refresh_search_documents
from embassies.directory.search.engine import search

pytestmark = [pytest.mark.django_db, pytest.mark.snapshot]

QUERIES = Path(__file__).with_name("quality_queries.csv")
TARGET = 0.95


def queries() -> list[dict[str, str]]:
    with QUERIES.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_set_is_big_and_varied() -> None:
    rows = queries()
    assert len(rows) >= 100
    assert len({r["query"] for r in rows}) == len(rows)
    assert len(Counter(r["category"] for r in rows)) >= 15


@pytest.fixture(scope="module")
def indexed(imported_snapshot: object, django_db_blocker: object) -> None:
    """The snapshot with every search document filled, whatever the importer did."""
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        refresh_search_documents(Mission.objects.select_related("sending", "host"))


def test_import_fills_search_documents(imported_snapshot: object) -> None:
    assert not Mission.objects.filter(search_document="").exists()


def test_top_1_accuracy(indexed: None, capsys: pytest.CaptureFixture[str]) -> None:
    rows, misses, timings = queries(), [], []
    for row in rows:
        started = time.perf_counter()
        hits = search(row["query"], 5)
        timings.append(time.perf_counter() - started)
        if not hits or hits[0].mission.wikidata != row["expected_qid"]:
            misses.append((row["query"], row["expected"], [h.mission.title for h in hits[:2]]))
    accuracy = 1 - len(misses) / len(rows)
    timings.sort()
    with capsys.disabled():
        print(
            f"\nsearch top-1 accuracy: {accuracy:.3f} ({len(rows) - len(misses)}/{len(rows)}); "
            f"in-process p50 {timings[len(rows) // 2] * 1000:.1f} ms"
        )
        for miss in misses:
            print("  miss:", *miss)
    assert accuracy >= TARGET, misses


@pytest.mark.parametrize(
    ("query", "qid"),
    [
        ("canadian embassy moscow", "Q4374011"),
        ("посольство россии в германии", "Q836838"),
        ("deutsche botschaft paris", "Q15953187"),
        ("embasy of japan in brasil", "Q47013110"),
        ("swaziland high commission pretoria", "Q106673648"),
        ("swiss embassy tehran", "Q5707355"),
    ],
)
def test_issue_examples(indexed: None, query: str, qid: str) -> None:
    assert search(query, 1)[0].mission.wikidata == qid
