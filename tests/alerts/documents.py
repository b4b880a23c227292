"""Advisory documents built for tests in the official formats (the State Department's RSS
and its consular data API's JSON), with the messy titles the real feeds carry."""

from __future__ import annotations

import json
from dataclasses import dataclass
from xml.sax.saxutils import escape

BASE = "https://travel.state.gov/content/travel/en/traveladvisories/traveladvisories"


@dataclass(frozen=True)
class Entry:
    title: str
    tag: str = ""
    threat: str = ""  # the Threat-Level category; empty: none
    date: str = "Mon, 29 Jul 2024 00:00:00 -0400"
    slug: str = "x"


def _item(e: Entry) -> str:
    threat = f'<category domain="Threat-Level">{escape(e.threat)}</category>' if e.threat else ""
    tag = f'<category domain="Country-Tag">{escape(e.tag)}</category>' if e.tag else ""
    return f"""
  <item>
    <title>{escape(e.title)}</title>
    <link>{BASE}/{e.slug}-travel-advisory.html</link>
    <pubDate>{e.date}</pubDate>
    {threat}{tag}
    <description><![CDATA[<p>Read the Department of State&rsquo;s advisory.</p>]]></description>
    <guid>{BASE}/{e.slug}-travel-advisory.html</guid>
  </item>"""


def rss(entries: list[Entry]) -> bytes:
    items = "".join(_item(e) for e in entries)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>travel.state.gov: Travel Advisories</title>
  <link>https://travel.state.gov/content/travel/en/traveladvisories/traveladvisories.html</link>
  <description>U.S. Department of State travel advisories</description>{items}
</channel>
</rss>
""".encode()


def api_json(entries: list[Entry]) -> bytes:
    """The consular data API's shape: PascalCase fields, Category a list of FIPS tags."""
    records = [
        {
            "Title": e.title,
            "Link": f"{BASE}/{e.slug}-travel-advisory.html",
            "Category": [e.tag] if e.tag else [],
            "Summary": "<p>...</p>",
            "id": e.slug,
            "Published": "2024-07-29T00:00:00-04:00",
            "Updated": "2024-07-30T00:00:00-04:00",
        }
        for e in entries
    ]
    return json.dumps(records).encode()


# The first import: every messy spelling named in the issue and the data README.
FIRST = [
    Entry("Mexico Travel Advisory", "MX", "Level 2: Exercise Increased Caution", slug="mexico"),
    Entry(
        "Israel, the West Bank and Gaza - Level 3: Reconsider Travel",
        "IS",
        "Level 3: Reconsider Travel",
        slug="israel",
    ),
    Entry(
        "Mainland China, Hong Kong & Macau - See Summaries",
        "CH",
        "Level 2: Exercise Increased Caution",
        slug="china",
    ),
    Entry("Burma (Myanmar) - Level 4: Do Not Travel", "BM", "Level 4: Do Not Travel", slug="burma"),
    Entry("Cabo Verde - Level 1: Exercise Normal Precautions", "CV", slug="cabo-verde"),
    Entry("Türkiye - Level 2: Exercise Increased Caution", "TU", slug="turkiye"),
    Entry("Côte d'Ivoire - Level 2: Exercise Increased Caution", "IV", slug="cote-divoire"),
    Entry("The Bahamas - Level 2: Exercise Increased Caution", "BF", slug="bahamas"),
    Entry("The Kyrgyz Republic - Level 1: Exercise Normal Precautions", "KG", slug="kyrgyz"),
    Entry("Kingdom of Denmark - Level 1: Exercise Normal Precautions", "DA", slug="denmark"),
    Entry("Timor-Leste - Level 2: Exercise Increased Caution  ", "TT", slug="timor-leste"),
    Entry("Russia - Level 4: Do Not Travel", "RS", "Level 4: Do Not Travel", slug="russia"),
    Entry("Germany - Level 2: Exercise Increased Caution", "GM", slug="germany"),
    Entry("Sweden - Level 2: Exercise Increased Caution", "SW", slug="sweden"),
    Entry("Azerbaijani Republic - Level 2: Exercise Increased Caution", "AJ", slug="azerbaijan"),
    Entry("French West Indies - Level 1: Exercise Normal Precautions", slug="fwi"),
]

EXPECTED_FIRST = {
    "MX": 2,
    "IL": 3,
    "CN": 2,
    "MM": 4,
    "CV": 1,
    "TR": 2,
    "CI": 2,
    "BS": 2,
    "KG": 1,
    "DK": 1,
    "TL": 2,
    "RU": 4,
    "DE": 2,
    "SE": 2,
    "AZ": 2,
}

# A later import: Russia drops to 3, Côte d'Ivoire (spelt without accents) rises to 4.
SECOND = [
    Entry("Russia - Level 3: Reconsider Travel", "RS", "Level 3: Reconsider Travel", slug="russia"),
    Entry(
        "Cote d Ivoire - Level 4: Do Not Travel",
        "IV",
        "Level 4: Do Not Travel",
        slug="cote-divoire",
    ),
    Entry("Burma (Myanmar) - Level 4: Do Not Travel", "BM", "Level 4: Do Not Travel", slug="burma"),
]

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><item><title>Russia - Level 4: &lol9;</title></item></channel></rss>
"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><item><title>Russia - Level 4: &secret;</title></item></channel></rss>
"""
