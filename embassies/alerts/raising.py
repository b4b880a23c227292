"""Crisis alerts that follow official advisories: raised at level 4, ended below it.

Only alerts whose source is the advisory are touched; an editor may reword one freely, and
alerts an editor wrote (source "editor") are never changed by an import.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from embassies.alerts.advisories.issuers import name_of
from embassies.alerts.models import Advisory, Alert, Severity, Source
from embassies.countries import grammar
from embassies.countries.models import Country
from embassies.directory import titles
from embassies.lib.changes import countries_changed

CRISIS_LEVEL = 4


def headline(issuer_name: str, country: Country) -> str:
    """The raised alert's headline in the active language."""
    names = {"issuer": issuer_name, "country": grammar.place(country, other=titles.country_in)}
    text = gettext(
        # Translators: "The US Department of State advises: do not travel to Russia (level 4 of
        # 4)". %(issuer)s is the government's own (English) name; %(country)s is "the Bahamas"
        # in English, the name in yours, and in French it brings its own "en"/"au"/"aux"
        # ("en Russie"), so leave "to" out.
        "The %(issuer)s advises: do not travel to %(country)s (level 4 of 4)"
    )
    return text % names


def body(issuer_name: str, advisory_title: str) -> str:
    """The raised alert's body in the active language; the advisory's title stays as issued."""
    names = {"issuer": grammar.name_owner(issuer_name), "title": advisory_title}
    text = gettext(
        # Translators: "From the US Department of State’s travel advisory “Russia - Level 4: Do
        # Not Travel”." %(issuer)s is the English possessive; in your language it is the
        # government's (English) name. %(title)s is the advisory's title as its issuer wrote it.
        "From the %(issuer)s travel advisory “%(title)s”."
    )
    return text % names


def _as_written(alert: Alert) -> Advisory | None:
    """The advisory whose words the alert still carries, or None once it is an editor's."""
    return alert.advisory if alert.source == Source.ADVISORY else None


def shown_headline(alert: Alert) -> str:
    """The headline in the page's language while it is still the one an import wrote; an
    editor's wording (or an editor's alert) as stored, in the language it was written in."""
    return _while_unedited(alert, alert.headline, lambda name, a: headline(name, a.country))


def shown_body(alert: Alert) -> str:
    """The body, like the headline: the page's language while it is the import's sentence
    (naming the advisory's title as issued), an editor's words as written."""
    return _while_unedited(alert, alert.body, lambda name, a: body(name, a.title))


def _while_unedited(alert: Alert, stored: str, write: Callable[[str, Advisory], str]) -> str:
    """`write`'s sentence in the page's language while `stored` is what it wrote in the site's
    language (the import's words), else `stored` as an editor left it."""
    advisory = _as_written(alert)
    if advisory is None:
        return stored
    issuer_name = name_of(advisory.issuer)
    with translation.override(settings.LANGUAGE_CODE):
        written = write(issuer_name, advisory)
    return write(issuer_name, advisory) if stored == written else stored


def _raise(advisory: Advisory, issuer_name: str, now: datetime) -> Alert:
    # Stored in the site's language whatever language the import runs under: an editor may
    # reword it, and shown_headline gives readers of other languages theirs until then.
    with translation.override(settings.LANGUAGE_CODE):
        title, text = headline(issuer_name, advisory.country), body(issuer_name, advisory.title)
    return Alert.objects.create(
        country=advisory.country,
        headline=title,
        body=text,
        severity=Severity.CRISIS,
        starts_at=now,
        source=Source.ADVISORY,
        advisory=advisory,
        source_url=advisory.link,
    )


def _end(advisory: Advisory, now: datetime) -> int:
    """Ends the advisory's own alerts that are on or scheduled; returns how many."""
    still_open = Alert.objects.filter(advisory=advisory, source=Source.ADVISORY).exclude(
        ends_at__lte=now
    )
    # A scheduled one ends before it starts: both set to now, so it is never shown.
    scheduled = still_open.filter(starts_at__gt=now).update(
        starts_at=now, ends_at=now, updated_at=now
    )
    ended = scheduled + still_open.update(ends_at=now, updated_at=now)
    if ended:
        countries_changed([advisory.country_id])  # QuerySet.update sends no signals
    return ended


def follow(advisory: Advisory, previous: int | None, issuer_name: str, now: datetime) -> str:
    """'raised' when the advisory just reached level 4, 'ended' when it left it, else ''."""
    was_crisis = (previous or 0) >= CRISIS_LEVEL
    if advisory.level >= CRISIS_LEVEL and not was_crisis:
        _raise(advisory, issuer_name, now)
        return "raised"
    if advisory.level < CRISIS_LEVEL and _end(advisory, now):
        return "ended"
    return ""
