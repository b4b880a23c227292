"""Which mission a status row is about: by Wikidata QID, else by sending state, host and city
(with the kind to tell two offices in one city apart). Never guessed: a row that fits no
mission, or several, is reported with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from embassies.directory.importing.status_csv import FactRow
from embassies.directory.kinds import kind_from_label
from embassies.directory.models import Mission
from embassies.lib import gazetteer
from embassies.lib.text import normalize


@dataclass(frozen=True)
class Match:
    mission: Mission | None
    reason: str = ""  # why there is none


def city_names(city: str, host: str) -> tuple[set[str], set[int]]:
    """Normalised names a city goes by, and its GeoNames ids: the row may say "Saint
    Petersburg" or "Port-au-Prince (Pétion-Ville)", the mission "St Petersburg"."""
    parts = [city, *city.replace(")", "").split("(")]
    names = {normalize(part) for part in parts if part.strip()}
    ids: set[int] = set()
    for part in parts:
        for found in gazetteer.find_by_name(part.strip(), host) if part.strip() else []:
            ids.add(found.geonameid)
            names |= {normalize(n) for n in (found.name, *found.alt_names)}
    return names, ids


def _in_city(mission: Mission, names: set[str], ids: set[int]) -> bool:
    return mission.city_geonameid in ids or normalize(mission.city) in names


def match(row: FactRow) -> Match:
    if row.qid:
        found = Mission.objects.filter(wikidata=row.qid).select_related("sending", "host").first()
        if found is not None:
            if found.sending_id != row.sending:
                return Match(
                    None, f"{row.qid} is a mission of {found.sending_id}, not {row.sending}"
                )
            return Match(found)
        if not row.city:
            return Match(None, f"no mission has the Wikidata item {row.qid}")
    return _by_city(row)


def _by_city(row: FactRow) -> Match:
    candidates = Mission.objects.filter(sending_id=row.sending, host_id=row.host)
    if row.qid:  # a mission that is another item is not this one
        candidates = candidates.filter(wikidata__isnull=True) | candidates.filter(wikidata="")
    names, ids = city_names(row.city, row.host)
    found = [m for m in candidates.select_related("sending", "host") if _in_city(m, names, ids)]
    if len(found) > 1:
        kind = kind_from_label(row.kind).value
        found = [m for m in found if m.kind == kind] or found
    where = f"{row.sending} in {row.city}, {row.host}"
    if not found:
        return Match(None, f"no mission of {where}")
    if len(found) > 1:
        ids_found = ", ".join(m.wikidata or f"#{m.pk}" for m in found)
        return Match(None, f"ambiguous: {len(found)} missions of {where} ({ids_found})")
    return Match(found[0])
