"""Catalogue helpers for tests of sentences written once, English included: reword English
through an entry of the test's own (proving no English-only branch bypasses gettext), and
read the French catalogue's translation of a msgid."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.translation import trans_real

from embassies.locale import compile as catalogue


def reword_english(
    monkeypatch: pytest.MonkeyPatch, entries: dict[tuple[str | None, str], str]
) -> None:
    """English reads these (context, msgid) -> msgstr entries first, for the test's length."""
    english = trans_real.translation("en")
    keys = {(f"{c}\x04{m}" if c else m): text for (c, m), text in entries.items()}
    patched = copy.copy(english._catalog)  # type: ignore[attr-defined]
    patched._catalogs = [keys, *english._catalog._catalogs]  # type: ignore[attr-defined]
    patched._plurals = [english._catalog._plurals[0], *english._catalog._plurals]  # type: ignore[attr-defined]
    monkeypatch.setattr(english, "_catalog", patched)


def french(msgid: str, context: str | None = None) -> str:
    """The French catalogue's translation of the msgid; fails while it has none."""
    po = Path(settings.LOCALE_PATHS[0], "fr", "LC_MESSAGES", "django.po")
    entry = catalogue.read(po).get(msgid, context=context)
    assert entry is not None and entry.string, f"fr catalogue lacks a translation of {msgid!r}"
    return str(entry.string)
