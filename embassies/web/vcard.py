"""A mission as a vCard, for "Save contact" on a phone.

vCard 3.0 (RFC 2426), the version vobject writes and the one every phone's contacts app
imports; 4.0 files are still refused or half-read by some of them."""

from __future__ import annotations

import vobject
from django.http import HttpRequest

from embassies.directory.freshness import freshness
from embassies.directory.models import Mission
from embassies.web.present import phones, state_lines


def _geo(mission: Mission) -> str | None:
    if mission.lat is None or mission.lon is None:
        return None
    return f"{mission.lat:.6f};{mission.lon:.6f}"


def card(request: HttpRequest, mission: Mission) -> vobject.base.Component:
    """The vCard of a mission: name, organisation, address, place, phones, emails, URLs."""
    v = vobject.vCard()
    v.add("fn").value = mission.title
    # An office, not a person: N stays empty and phones show the card as a company.
    v.add("n").value = vobject.vcard.Name(family=mission.title)
    v.add("org").value = [mission.sending_subdivision or mission.sending.name, mission.title]
    v.add("x-abshowas").value = "COMPANY"
    address = v.add("adr")
    address.value = vobject.vcard.Address(
        street=mission.address, city=mission.city, country=mission.host.name
    )
    address.type_param = "WORK"
    geo = _geo(mission)
    if geo:
        v.add("geo").value = geo
    for phone in phones(mission):
        tel = v.add("tel")
        tel.value = phone.e164 if phone.dialable else phone.text
        tel.type_param = "WORK"
    _state_lines(v, mission)
    for email in mission.emails:
        entry = v.add("email")
        entry.value = email
        entry.type_param = "INTERNET"
    if mission.website:
        v.add("url").value = mission.website
    page = v.add("url")
    page.value = request.build_absolute_uri(mission.get_absolute_url())
    note = _note(mission)
    if note:
        v.add("note").value = note
    v.add("rev").value = mission.updated_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    return v


def _state_lines(v: vobject.base.Component, mission: Mission) -> None:
    """A mission with no phone: its state's 24/7 line, labelled as the state's (X-ABLabel,
    which contacts apps show beside the number) so no one takes it for the office's own."""
    for n, line in enumerate(state_lines(mission), start=1):
        group = f"item{n}"
        tel = v.add("tel", group=group)
        tel.value = line.phone.e164 if line.phone.dialable else line.phone.text
        tel.type_param = "VOICE"
        v.add("x-ablabel", group=group).value = line.label


def _note(mission: Mission) -> str:
    """Opening hours, the state's emergency line standing in for a phone, and the notice that
    the details may be out of date: a saved contact outlives the page that warned about it."""
    lines = [f"Opening hours: {mission.opening_hours}"] if mission.opening_hours else []
    lines += [f"{line.label}: {line.phone.text} ({line.name})" for line in state_lines(mission)]
    notice = freshness(mission).notice
    return "\n".join([*lines, notice] if notice else lines)


def filename(mission: Mission) -> str:
    """'canada-embassy-moscow.vcf' (ASCII: the slug)."""
    return f"{mission.slug or 'mission'}.vcf"
