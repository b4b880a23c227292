"""A saved or deleted country changes every page: names and slugs of a country appear on
pages about other countries. Connected in CountriesConfig.ready()."""

from __future__ import annotations

from embassies.countries.models import Country
from embassies.lib.changes import announce_rows


def connect() -> None:
    announce_rows(Country, lambda country: None)
