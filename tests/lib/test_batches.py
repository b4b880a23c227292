"""Batching is written once (embassies/lib/batches.py), not as a loop over slices each time."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import embassies
from embassies.lib.batches import batched

PACKAGE = Path(embassies.__file__).parent
# Hand-written batching: range(0, len(x), N) over slices, or islice in a loop.
HAND_WRITTEN = re.compile(r"range\(0, len\(|\bislice\(")


def test_batches_keep_order_and_the_last_is_shorter() -> None:
    assert list(batched("abcde", 2)) == [["a", "b"], ["c", "d"], ["e"]]
    assert list(batched(iter(range(4)), 2)) == [[0, 1], [2, 3]]
    assert list(batched([], 3)) == []
    with pytest.raises(ValueError, match="at least one"):
        list(batched([1], 0))


def test_no_module_batches_by_hand() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).as_posix() != "lib/batches.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if HAND_WRITTEN.search(line)
    ]
    assert found == []
