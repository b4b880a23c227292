"""Compile the interface's message catalogues (django.po -> django.mo) with babel.

Babel is already a dependency, so this needs no system package (GNU gettext's msgfmt is not
needed): `python -m embassies.locale.compile`, or `--check` to fail when a committed .mo
differs from what its .po compiles to.
"""

from __future__ import annotations

import sys
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parent


def catalogues() -> list[Path]:
    return sorted(LOCALE_DIR.glob("*/LC_MESSAGES/django.po"))


def read(po: Path) -> Catalog:
    with po.open("rb") as handle:
        return read_po(handle, locale=po.parts[-3], abort_invalid=True)


def compiled(po: Path) -> bytes:
    """The .mo bytes for a .po: fuzzy entries left out, as msgfmt does."""
    out = BytesIO()
    write_mo(out, read(po), use_fuzzy=False)
    return out.getvalue()


def stale() -> list[Path]:
    """The .mo files missing or different from what their .po compiles to."""
    return [
        po for po in catalogues() if not _mo(po).exists() or _mo(po).read_bytes() != compiled(po)
    ]


def _mo(po: Path) -> Path:
    return po.with_suffix(".mo")


def main(argv: list[str]) -> int:
    if "--check" in argv:
        found = stale()
        for po in found:
            print(f"out of date: {_mo(po)}")
        return 1 if found else 0
    for po in catalogues():
        _mo(po).write_bytes(compiled(po))
        print(f"compiled {_mo(po)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
