"""Live import from the Wikidata SPARQL endpoint, one query per sending state.

The endpoint times out on the whole world at once, so each sender is asked apart; the
answers are turned into rows of the CSV snapshot's shape and go through the same code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from django.conf import settings

from embassies.countries import reference
from embassies.lib.http import fetch

ENTITY = "http://www.wikidata.org/entity/"
_POINT = re.compile(r"Point\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)", re.IGNORECASE)

# P137 operator, P31 instance of (Q7843791 diplomatic mission, and its subclasses), P17 country,
# P131 located in, P625 coordinates, P1001 applies to jurisdiction, P576 dissolved, P582 end time,
# P5817 state of use (its label, and its P580 start time qualifier: since when).
QUERY = """
SELECT ?mission (SAMPLE(?typeLabel) AS ?type) (SAMPLE(?typeItem) AS ?typeQID)
  (SAMPLE(?country) AS ?countryQID) (SAMPLE(?countryLabel) AS ?countryName)
  (SAMPLE(?city) AS ?cityQID) (SAMPLE(?cityLabel) AS ?cityName) (SAMPLE(?coord) AS ?coordinates)
  (SAMPLE(?phone) AS ?phoneNumber) (SAMPLE(?email) AS ?emailAddress) (SAMPLE(?website) AS ?site)
  (SAMPLE(?facebook) AS ?facebookId) (SAMPLE(?twitter) AS ?twitterId) (SAMPLE(?youtube) AS ?youtubeId)
  (SAMPLE(?picture) AS ?image) (SAMPLE(?creation) AS ?inception) (SAMPLE(?dissolved) AS ?dissolvedOn)
  (SAMPLE(?endTime) AS ?endedOn) (SAMPLE(?useItem) AS ?stateOfUse)
  (SAMPLE(?useLabel) AS ?stateOfUseLabel) (SAMPLE(?useSince) AS ?stateOfUseSince)
  (GROUP_CONCAT(DISTINCT STR(?jur); separator="|") AS ?jurisdictionQIDs)
  (GROUP_CONCAT(DISTINCT ?jurLabel; separator="|") AS ?jurisdictions)
WHERE {
  ?mission wdt:P137 wd:%(sender)s ; wdt:P31 ?typeItem .
  ?typeItem wdt:P279* wd:Q7843791 .
  OPTIONAL { ?typeItem rdfs:label ?typeLabel FILTER(LANG(?typeLabel) = "en") }
  OPTIONAL { ?mission wdt:P17 ?country .
             OPTIONAL { ?country rdfs:label ?countryLabel FILTER(LANG(?countryLabel) = "en") } }
  OPTIONAL { ?mission wdt:P131 ?city .
             OPTIONAL { ?city rdfs:label ?cityLabel FILTER(LANG(?cityLabel) = "en") } }
  OPTIONAL { ?mission wdt:P625 ?coord }
  OPTIONAL { ?mission wdt:P1329 ?phone }
  OPTIONAL { ?mission wdt:P968 ?email }
  OPTIONAL { ?mission wdt:P856 ?website }
  OPTIONAL { ?mission wdt:P2013 ?facebook }
  OPTIONAL { ?mission wdt:P2002 ?twitter }
  OPTIONAL { ?mission wdt:P2397 ?youtube }
  OPTIONAL { ?mission wdt:P18 ?picture }
  OPTIONAL { ?mission wdt:P571 ?creation }
  OPTIONAL { ?mission wdt:P576 ?dissolved }
  OPTIONAL { ?mission wdt:P582 ?endTime }
  OPTIONAL { ?mission wdt:P5817 ?useItem .
             OPTIONAL { ?useItem rdfs:label ?useLabel FILTER(LANG(?useLabel) = "en") }
             OPTIONAL { ?mission p:P5817 [ ps:P5817 ?useItem ; pq:P580 ?useSince ] } }
  OPTIONAL { ?mission wdt:P1001 ?jur .
             OPTIONAL { ?jur rdfs:label ?jurLabel FILTER(LANG(?jurLabel) = "en") } }
}
GROUP BY ?mission
"""

# SPARQL variable -> snapshot column.
_COLUMNS = {
    "mission": "QID",
    "type": "type",
    "typeQID": "typeQID",
    "countryQID": "countryQID",
    "countryName": "country",
    "cityQID": "cityQID",
    "cityName": "city",
    "phoneNumber": "phone",
    "emailAddress": "email",
    "site": "website",
    "facebookId": "facebook",
    "twitterId": "twitter",
    "youtubeId": "youtube",
    "image": "picture",
    "inception": "creation",
    "dissolvedOn": "dissolved",
    "jurisdictionQIDs": "jurisdictionQIDs",
    "jurisdictions": "jurisdictions",
    "endedOn": "endTime",
    "stateOfUse": "stateOfUse",
    "stateOfUseLabel": "stateOfUseLabel",
    "stateOfUseSince": "stateOfUseSince",
}


def senders() -> list[tuple[str, str]]:
    """(QID, name) of every state and sub-national government to ask about."""
    found = [(c.wikidata, c.name) for c in reference.all_countries() if c.wikidata]
    return found + [(q, name) for q, (_, name) in reference.subnational().items()]


def query_sender(sender_qid: str) -> dict[str, object]:
    body = fetch(
        settings.WIKIDATA_SPARQL_URL,
        params={"query": QUERY % {"sender": sender_qid}, "format": "json"},
        headers={"Accept": "application/sparql-results+json"},
    )
    try:
        answer: dict[str, object] = json.loads(body)
    except ValueError as error:
        raise ValueError(
            f"Wikidata answered with something that is not JSON for {sender_qid}"
        ) from error
    return answer


def rows_from_answer(
    answer: dict[str, object], sender_qid: str, sender_name: str
) -> Iterator[dict[str, str]]:
    """SPARQL JSON results -> rows in the snapshot's column names."""
    results = answer.get("results")
    bindings = results.get("bindings", []) if isinstance(results, dict) else []
    for binding in bindings:
        row = {column: binding.get(var, {}).get("value", "") for var, column in _COLUMNS.items()}
        row |= {"operator": sender_name, "operatorQID": ENTITY + sender_qid, "address": ""}
        row["latitude"], row["longitude"] = _coordinates(
            binding.get("coordinates", {}).get("value", "")
        )
        row |= {"pictureAuthor": "", "pictureLicense": "", "pictureLicenseURL": ""}
        yield row


def _coordinates(wkt: str) -> tuple[str, str]:
    match = _POINT.search(wkt)
    return (match.group(2), match.group(1)) if match else ("", "")
