"""The tagger against a labelled set of short news texts written for it, every hard case in it
(Georgia, Jordan, turkey, Chad, Niger/Nigeria, the Guineas and Congos, Brussels as the EU).

Prints micro precision, recall, F1 and primary accuracy (`pytest -s` shows them).
"""

from __future__ import annotations

import json
from pathlib import Path

from embassies.news.tagging import tag_text

CASES = [
    json.loads(line)
    for line in (Path(__file__).with_name("tagging_cases.jsonl")).read_text("utf-8").splitlines()
    if line.strip()
]


def test_the_labelled_set_is_large_and_covers_the_hard_cases() -> None:
    assert len(CASES) >= 60
    ids = " ".join(case["id"] for case in CASES)
    for hard in ("georgia", "jordan", "turkey", "chad", "niger", "guinea", "congo", "brussels"):
        assert hard in ids, f"no case for {hard}"


def test_precision_recall_and_primary_meet_the_targets() -> None:
    hits = extra = missed = primary_right = 0
    for case in CASES:
        tagging = tag_text(case["text"])
        got, want = {c.code for c in tagging.concerned()}, set(case["countries"])
        hits, extra, missed = (
            hits + len(got & want),
            extra + len(got - want),
            missed + len(want - got),
        )
        primary_right += tagging.primary == case["primary"]
    precision, recall = hits / (hits + extra), hits / (hits + missed)
    f1 = 2 * precision * recall / (precision + recall)
    primary = primary_right / len(CASES)
    print(
        f"\ntagging, {len(CASES)} texts: precision {precision:.3f}, recall {recall:.3f}, "
        f"F1 {f1:.3f}, primary accuracy {primary:.3f}"
    )
    assert f1 >= 0.92
    assert primary >= 0.90
