"""Alphabetical order and letter headings in a language's own order.

The Unicode Collation Algorithm with CLDR's tailoring for the language, as ICU implements it
(PyICU, from the pyicu-wheels package): "Côte d'Ivoire" sits among the Cs, Russian pages follow
the Russian alphabet and Arabic pages the Arabic one. Code-point order would put every accented
or non-Latin name after Z. Letter headings come from ICU's alphabetic index for the language,
which compares at primary strength: "Åland" files under A in English (under Å in Swedish), and
alef with madda, with hamza above or below, and the bare alef all file under the bare alef in
Arabic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from typing import TypeVar

import icu

T = TypeVar("T")

# Where no letter of the page's alphabet (nor of the Latin one) starts a name: digits, signs,
# another script. One heading for all of them, after the letters, so that an index has no two
# headings alike.
OTHER = "#"


def _locale(language: str) -> icu.Locale:
    """Django's "zh-hans" is ICU's "zh_Hans"; ICU falls back to CLDR's root order for a
    language it has no tailoring for."""
    return icu.Locale(language.replace("-", "_"))


@cache
def _collator(language: str) -> icu.Collator:
    # Shared between threads: ICU collators are safe to use concurrently for comparisons and
    # sort keys (const methods), and building one costs far more than a sort.
    return icu.Collator.createInstance(_locale(language))


def sort_key(language: str) -> Callable[[str], bytes]:
    """The key that sorts names as the language's readers expect."""
    collator = _collator(language)

    def key(text: str) -> bytes:
        return bytes(collator.getSortKey(text))

    return key


def sorted_by(items: Iterable[T], name: Callable[[T], str], language: str) -> list[T]:
    """Items in the alphabetical order of their names in the language."""
    key = sort_key(language)
    return sorted(items, key=lambda item: key(name(item)))


@cache
def _index(language: str) -> icu.ImmutableIndex:
    index = icu.AlphabeticIndex(_locale(language))
    # A name left in English on a page in another script (no CLDR name in that language)
    # still finds its Latin letter, after the page's own alphabet.
    index.addLabels(icu.Locale("en"))
    # Immutable: safe to share between threads, unlike the index it is built from.
    return index.buildImmutableIndex()


def heading(name: str, language: str) -> str:
    """The letter a name files under in the language's index: 'Åland' -> 'A' in English."""
    index = _index(language)
    label, kind = index.getBucket(index.getBucketIndex(name))
    return str(label) if kind == icu.UAlphabeticIndexLabelType.NORMAL else OTHER


def by_heading(
    items: Iterable[T], name: Callable[[T], str], language: str
) -> list[tuple[str, list[T]]]:
    """[("A", [...]), ("B", [...]), ..., ("#", [...])]: items in the language's order under
    their letters, every name that starts with no letter under one last heading."""
    groups: dict[str, list[T]] = {}
    for item in sorted_by(items, name, language):
        groups.setdefault(heading(name(item), language), []).append(item)
    other = groups.pop(OTHER, None)
    return [*groups.items(), *([(OTHER, other)] if other else [])]
