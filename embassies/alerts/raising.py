"""Crisis alerts that follow official advisories: raised when any issuer says level 4 (do not
travel), ended when none does any more; one such alert per country, naming the issuers that
say so, pointing to one of their advisories.

Only alerts whose source is the advisory are touched; an editor may reword one freely (the
words an editor changed are then kept), and alerts an editor wrote (source "editor") are never
changed by an import.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from babel.lists import format_list
from django.conf import settings
from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext

from embassies.alerts.advisories.issuers import name_of, takes_article
from embassies.alerts.models import DO_NOT_TRAVEL, Advisory, Alert, Severity, Source
from embassies.countries import grammar
from embassies.countries.models import Country
from embassies.directory import titles
from embassies.lib.changes import countries_changed

CRISIS_LEVEL = DO_NOT_TRAVEL  # an issuer's "do not travel" raises the crisis banner


def headline(issuer_name: str, country: Country, article: bool = True) -> str:
    """The raised alert's headline in the active language, for one issuer; `article`: its
    name takes "the" in English ("the US Department of State", not "Global Affairs Canada")."""
    names = {"issuer": issuer_name, "country": grammar.place(country, other=titles.country_in)}
    if not article:
        return (
            gettext(
                # Translators: "Global Affairs Canada advises: do not travel to Afghanistan (level 4
                # of 4)", for a government whose name takes no article; as the sentence above.
                "%(issuer)s advises: do not travel to %(country)s (level 4 of 4)"
            )
            % names
        )
    text = gettext(
        # Translators: "The US Department of State advises: do not travel to Russia (level 4 of
        # 4)". %(issuer)s is the government's own (English) name; %(country)s is "the Bahamas"
        # in English, the name in yours, and in French it brings its own "en"/"au"/"aux"
        # ("en Russie"), so leave "to" out.
        "The %(issuer)s advises: do not travel to %(country)s (level 4 of 4)"
    )
    return text % names


def headline_of(codes: list[str], country: Country) -> str:
    """The headline naming every issuer (by code) that says level 4, in the active language."""
    if len(codes) == 1:
        return headline(name_of(codes[0]), country, takes_article(codes[0]))
    named = [grammar.the(name_of(code), takes_article(code)) for code in codes]
    names = {
        "issuers": format_list(named, locale=titles.cldr_locale()),
        "country": grammar.place(country, other=titles.country_in),
    }
    text = gettext(
        # Translators: "The German Federal Foreign Office and Global Affairs Canada advise: do
        # not travel to Haiti (level 4 of 4)". %(issuers)s is the governments' own (English)
        # names joined the way your language lists things (with "the" only in English);
        # %(country)s as in the sentence for one issuer.
        "%(issuers)s advise: do not travel to %(country)s (level 4 of 4)"
    )
    return grammar.sentence(text % names)


def body(issuer_name: str, advisory_title: str, article: bool = True) -> str:
    """The raised alert's body in the active language; the advisory's title stays as issued."""
    names = {"issuer": grammar.name_owner(issuer_name), "title": advisory_title}
    if not article:
        return (
            gettext(
                # Translators: "From Global Affairs Canada’s travel advisory “Afghanistan: Avoid all
                # travel”.", for a government whose name takes no article; as the sentence above.
                "From %(issuer)s travel advisory “%(title)s”."
            )
            % names
        )
    text = gettext(
        # Translators: "From the US Department of State’s travel advisory “Russia - Level 4: Do
        # Not Travel”." %(issuer)s is the English possessive; in your language it is the
        # government's (English) name. %(title)s is the advisory's title as its issuer wrote it.
        "From the %(issuer)s travel advisory “%(title)s”."
    )
    return text % names


def body_of(advisory: Advisory) -> str:
    """The body of the alert an advisory raises, in the active language."""
    code = advisory.issuer
    return body(name_of(code), advisory.title, takes_article(code))


def _as_written(alert: Alert) -> Advisory | None:
    """The advisory whose words the alert still carries, or None once it is an editor's."""
    return alert.advisory if alert.source == Source.ADVISORY else None


def saying(country_id: str) -> list[Advisory]:
    """The country's advisories at level 4, by issuer code: the issuers a banner names."""
    found = Advisory.objects.filter(country_id=country_id, level__gte=CRISIS_LEVEL)
    return list(found.select_related("country").order_by("issuer"))


def shown_headline(alert: Alert) -> str:
    """The headline in the page's language while it is still the one an import wrote; an
    editor's wording (or an editor's alert) as stored, in the language it was written in."""
    advisory = _as_written(alert)
    if advisory is None:
        return alert.headline
    codes = [a.issuer for a in saying(advisory.country_id)] or [advisory.issuer]
    return _while_unedited(alert.headline, lambda: headline_of(codes, advisory.country))


def shown_body(alert: Alert) -> str:
    """The body, like the headline: the page's language while it is the import's sentence
    (naming the advisory's title as issued), an editor's words as written."""
    advisory = _as_written(alert)
    if advisory is None:
        return alert.body
    return _while_unedited(alert.body, lambda: body_of(advisory))


def _while_unedited(stored: str, write: Callable[[], str]) -> str:
    """`write`'s sentence in the page's language while `stored` is what it wrote in the site's
    language (the import's words), else `stored` as an editor left it."""
    with translation.override(settings.LANGUAGE_CODE):
        written = write()
    return write() if stored == written else stored


def _raise(advisory: Advisory, codes: list[str], now: datetime) -> Alert:
    # Stored in the site's language whatever language the import runs under: an editor may
    # reword it, and shown_headline gives readers of other languages theirs until then.
    with translation.override(settings.LANGUAGE_CODE):
        title = headline_of(codes, advisory.country)
        text = body_of(advisory)
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


def _open(country_id: str, now: datetime) -> QuerySet[Alert]:
    """The country's alerts raised from advisories that are on or scheduled."""
    raised = Alert.objects.filter(country_id=country_id, source=Source.ADVISORY)
    return raised.exclude(advisory=None).exclude(ends_at__lte=now).select_related("advisory")


def _end(country_id: str, now: datetime) -> int:
    """Ends the country's alerts raised from advisories; returns how many."""
    still_open = _open(country_id, now)
    # A scheduled one ends before it starts: both set to now, so it is never shown.
    scheduled = still_open.filter(starts_at__gt=now).update(
        starts_at=now, ends_at=now, updated_at=now
    )
    ended = scheduled + still_open.update(ends_at=now, updated_at=now)
    if ended:
        countries_changed([country_id])  # QuerySet.update sends no signals
    return ended


def _reword(alert: Alert, before: list[str], after: list[Advisory]) -> None:
    """The issuers saying level 4 changed: the alert names the new set and points to one of
    them; a headline or body an editor changed is kept as the editor left it."""
    old = alert.advisory
    assert old is not None  # _open excludes alerts without one
    new = old if old in after else after[0]
    with translation.override(settings.LANGUAGE_CODE):
        if alert.headline == headline_of(before, old.country):
            alert.headline = headline_of([a.issuer for a in after], old.country)
        if alert.body == body_of(old):
            alert.body = body_of(new)
    if alert.source_url == old.link:
        alert.source_url = new.link
    alert.advisory = new
    alert.save()


def _before(advisory: Advisory, was_crisis: bool, now_saying: list[Advisory]) -> list[str]:
    """The issuers that said level 4 before this advisory changed."""
    codes = {a.issuer for a in now_saying} - {advisory.issuer}
    return sorted(codes | {advisory.issuer} if was_crisis else codes)


def follow(advisory: Advisory, previous: int | None, now: datetime) -> str:
    """'raised' when the advisory just reached level 4 and no alert of the country's was on,
    'ended' when no issuer says 4 any more and its alert ended, else '' (the alert on, if any,
    now names the issuers that say 4, by the names their modules give)."""
    was_crisis = (previous or 0) >= CRISIS_LEVEL
    now_saying = saying(advisory.country_id)
    if not now_saying:
        return "ended" if _end(advisory.country_id, now) else ""
    codes = [a.issuer for a in now_saying]
    before = _before(advisory, was_crisis, now_saying)
    opened = list(_open(advisory.country_id, now))
    if not opened and advisory.level >= CRISIS_LEVEL and not was_crisis:
        _raise(advisory, codes, now)
        return "raised"
    if before != codes:
        for alert in opened:
            _reword(alert, before, now_saying)
    return ""
