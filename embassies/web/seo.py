"""What search engines and link previews read: schema.org JSON-LD for missions, articles and
breadcrumbs. Plain dicts; the template tags in templatetags/seo_tags.py write them into pages."""

from __future__ import annotations

import re
from typing import Any

from django.http import HttpRequest

from embassies.directory.models import Mission
from embassies.lib import urls
from embassies.lib.urls import web_url
from embassies.news.models import Article
from embassies.web.present import phones, photo_src

CONTEXT = "https://schema.org"
_DAYS = r"(?:Mo|Tu|We|Th|Fr|Sa|Su)"
_DAY_LIST = rf"{_DAYS}(?:-{_DAYS})?(?:,{_DAYS}(?:-{_DAYS})?)*"
_SPAN = r"(?:[01]\d|2[0-4]):[0-5]\d-(?:[01]\d|2[0-4]):[0-5]\d"
_RULE = re.compile(rf"^({_DAY_LIST}) ({_SPAN}(?:,{_SPAN})*)$")


def absolute(request: HttpRequest, path: str) -> str:
    return urls.absolute(request, path)


def opening_hours(text: str) -> list[str]:
    """schema.org openingHours ("Mo-Fr 09:00-17:00") from OSM syntax, or [] when the OSM value
    says more than schema.org's simple form can (public holidays, months, comments)."""
    text = text.strip()
    if text == "24/7":
        return ["Mo-Su 00:00-24:00"]
    out: list[str] = []
    for rule in filter(None, (r.strip() for r in text.split(";"))):
        match = _RULE.match(rule)
        if match is None:
            return []
        out += [f"{match[1]} {span}" for span in match[2].split(",")]
    return out


def postal_address(mission: Mission) -> dict[str, Any]:
    address: dict[str, Any] = {"@type": "PostalAddress", "addressCountry": mission.host_id}
    if mission.address:
        address["streetAddress"] = mission.address
    if mission.city:
        address["addressLocality"] = mission.city
    return address


def mission(request: HttpRequest, found: Mission) -> dict[str, Any]:
    """A GovernmentOffice with its address, place, phones, emails, website and hours."""
    page = absolute(request, found.get_absolute_url())
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "GovernmentOffice",
        "@id": page,
        "name": found.title,
        "mainEntityOfPage": page,
        "url": web_url(found.website) or page,
        "address": postal_address(found),
        "parentOrganization": {"@type": "GovernmentOrganization", "name": found.sending.name},
    }
    if found.lat is not None and found.lon is not None:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": found.lat, "longitude": found.lon}
    dialable = [p.e164 for p in phones(found) if p.dialable]
    if dialable:
        data["telephone"] = dialable[0] if len(dialable) == 1 else dialable
    if found.emails:
        data["email"] = found.emails[0] if len(found.emails) == 1 else list(found.emails)
    hours = opening_hours(found.opening_hours) if found.opening_hours else []
    if hours:
        data["openingHours"] = hours
    if found.photo:
        data["image"] = photo_src(found.photo)
    return data


def _organisation(name: str, url: str = "") -> dict[str, Any]:
    found: dict[str, Any] = {"@type": "Organization", "name": name}
    if link := web_url(url):
        found["url"] = link
    return found


def article(request: HttpRequest, found: Article) -> dict[str, Any]:
    """A NewsArticle owed to whoever wrote it: `author` is the byline's person, else the agency
    or publisher; `publisher` the site it was read on; `sourceOrganization` the agency. This
    site only republishes it, so it is named in none of them."""
    page = absolute(request, found.get_absolute_url())
    credit = found.credit
    agency = _organisation(credit.agency.name, credit.agency.url) if credit.agency else None
    publisher = _organisation(credit.publisher) if credit.publisher else None
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "@id": page,
        "mainEntityOfPage": page,
        "url": page,
        "headline": found.title[:110],
        "datePublished": found.published.isoformat(),
    }
    if credit.person:
        data["author"] = {"@type": "Person", "name": credit.person}
    elif agency or publisher:
        data["author"] = dict(agency or publisher or {})
    if publisher:
        data["publisher"] = publisher
    if agency:
        data["sourceOrganization"] = agency
    if web_url(found.image_url):
        data["image"] = web_url(found.image_url)
    if web_url(found.source_url):
        data["isBasedOn"] = web_url(found.source_url)
    return data


def breadcrumbs(request: HttpRequest, trail: list[tuple[str, str]]) -> dict[str, Any]:
    """A BreadcrumbList from (name, path) pairs, home first."""
    items = [
        {"@type": "ListItem", "position": i, "name": name, "item": absolute(request, path)}
        for i, (name, path) in enumerate(trail, start=1)
    ]
    return {"@context": CONTEXT, "@type": "BreadcrumbList", "itemListElement": items}


def website(request: HttpRequest, site_name: str, search_path: str) -> dict[str, Any]:
    """The site itself, with its search box (a SearchAction)."""
    return {
        "@context": CONTEXT,
        "@type": "WebSite",
        "name": site_name,
        "url": absolute(request, "/"),
        "potentialAction": {
            "@type": "SearchAction",
            "target": absolute(request, search_path) + "?q={query}",
            "query-input": "required name=query",
        },
    }
