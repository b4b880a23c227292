"""The data the project ships: a Wikidata snapshot of the world's missions, the representation
arrangements, the emergency lines and the mission status facts, each with its date and licence
(`data/manifest.json`; credits in `data/README.md`).

A snapshot is recognised by the SHA-256 of its content, so importing the shipped file (or an
identical copy anywhere) records the date of its data, not the day it was imported.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Dataset:
    """One shipped file and what is known of it."""

    name: str
    path: Path
    title: str
    as_of: date
    licence: str
    licence_url: str
    url: str
    sha256: str  # of the uncompressed content


@cache
def datasets() -> dict[str, Dataset]:
    """Every shipped dataset by name: wikidata, representation, emergency, mission_status."""
    manifest = json.loads((DATA_DIR / "manifest.json").read_text(encoding="utf-8"))
    return {
        name: Dataset(
            name=name,
            path=DATA_DIR / entry["file"],
            title=entry["title"],
            as_of=date.fromisoformat(entry["as_of"]),
            licence=entry["licence"],
            licence_url=entry["licence_url"],
            url=entry["url"],
            sha256=entry["sha256"],
        )
        for name, entry in manifest.items()
    }


def dataset(name: str) -> Dataset:
    return datasets()[name]


def snapshot() -> Path:
    """The shipped Wikidata snapshot (gzip-compressed CSV in the snapshot format)."""
    return dataset("wikidata").path


def as_of_for(content: bytes) -> date | None:
    """The date of a file's data when it is one of the shipped datasets (by content), else None."""
    digest = hashlib.sha256(content).hexdigest()
    return next((d.as_of for d in datasets().values() if d.sha256 == digest), None)


def as_of_for_file(path: Path, content: bytes) -> date | None:
    """The date of a file's data: from the note `sync wikidata --write-snapshot` writes beside
    it (PATH.json, when its digest matches the content), else from the shipped datasets."""
    note = path.with_name(path.name + ".json")
    digest = hashlib.sha256(content).hexdigest()
    if note.is_file():
        try:
            written = json.loads(note.read_text(encoding="utf-8"))
            if written.get("sha256") == digest:
                return date.fromisoformat(str(written["as_of"])[:10])
        except (ValueError, KeyError, AttributeError):
            pass  # a damaged note says nothing; the content may still be a shipped file
    return as_of_for(content)
