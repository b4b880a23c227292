"""The message catalogues: every entry translated, none fuzzy, every .po compiles, and the
committed .mo files are what the .po files compile to."""

from __future__ import annotations

import re

import pytest

from embassies.locale import compile as catalogue

LANGUAGES = ("fr", "es", "ru", "ar")
_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def test_every_interface_language_has_a_catalogue() -> None:
    assert sorted(po.parts[-3] for po in catalogue.catalogues()) == sorted(LANGUAGES)


@pytest.mark.parametrize("po", catalogue.catalogues(), ids=lambda p: p.parts[-3])
def test_no_untranslated_or_fuzzy_entry(po: object) -> None:
    messages = [m for m in catalogue.read(po) if m.id]  # type: ignore[arg-type]
    assert len(messages) > 150
    untranslated = [m.id for m in messages if not all(_strings(m.string))]
    fuzzy = [m.id for m in messages if m.fuzzy]
    assert untranslated == [] and fuzzy == []


@pytest.mark.parametrize("po", catalogue.catalogues(), ids=lambda p: p.parts[-3])
def test_translations_use_only_the_placeholders_they_are_given(po: object) -> None:
    for m in catalogue.read(po):  # type: ignore[arg-type]
        if not m.id:
            continue
        given = set().union(*(_PLACEHOLDER.findall(i) for i in _strings(m.id)))
        for text in _strings(m.string):
            assert set(_PLACEHOLDER.findall(text)) <= given, (m.id, text)


@pytest.mark.parametrize("po", catalogue.catalogues(), ids=lambda p: p.parts[-3])
def test_every_catalogue_compiles(po: object) -> None:
    assert catalogue.compiled(po).startswith(b"\xde\x12\x04\x95")  # type: ignore[arg-type]


def test_committed_mo_files_are_up_to_date() -> None:
    assert catalogue.stale() == [], "run: python -m embassies.locale.compile"


def _strings(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return value if isinstance(value, tuple) else (value,)
