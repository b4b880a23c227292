"""Which cached pages a saved or deleted row puts out of date: its countries' (see cache.py).

Connected in WebConfig.ready(). Bulk writes send no signals; their callers call bump().
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from embassies.alerts.models import Advisory, Alert
from embassies.assistance.models import Arrangement, EmergencyLine
from embassies.countries.models import Country
from embassies.directory.models import Mission, StatusFact
from embassies.news.models import Article, ArticleCountry
from embassies.web.cache import bump


def _mission_countries(mission: Mission) -> list[str]:
    return [mission.sending_id, mission.host_id]


def _mission_before(sender: Any, instance: Mission, **kwargs: Any) -> None:
    """A mission moved to another host or sender leaves the old countries' pages too."""
    if instance.pk is not None:
        old = Mission.objects.filter(pk=instance.pk).values_list("sending_id", "host_id").first()
        instance._cache_countries_before = list(old or ())  # type: ignore[attr-defined]


def _mission_changed(sender: Any, instance: Mission, **kwargs: Any) -> None:
    before = getattr(instance, "_cache_countries_before", [])
    bump([*_mission_countries(instance), *before])


def _fact_changed(sender: Any, instance: StatusFact, **kwargs: Any) -> None:
    """A fact's source or dates show on its mission's page even when the status stays."""
    found = Mission.objects.filter(pk=instance.mission_id).values_list("sending_id", "host_id")
    bump(list(found.first() or ()) or None)


def _accreditations(sender: Any, instance: Any, action: str, pk_set: Any, **kwargs: Any) -> None:
    if not action.startswith("post_"):
        return
    if isinstance(instance, Mission) and action != "post_clear":
        bump([*_mission_countries(instance), *(pk_set or ())])
    else:  # from the country's side, or cleared: the codes are not at hand
        bump()


def _alert_changed(sender: Any, instance: Alert | Advisory, **kwargs: Any) -> None:
    bump([instance.country_id])


def _alert_missions(sender: Any, instance: Any, action: str, **kwargs: Any) -> None:
    if action.startswith("post_"):
        bump([instance.country_id] if isinstance(instance, Alert) else None)


def _arrangement_changed(sender: Any, instance: Arrangement, **kwargs: Any) -> None:
    bump([c for c in (instance.represented_id, instance.host_id, instance.representing_id) if c])


def _line_changed(sender: Any, instance: EmergencyLine, **kwargs: Any) -> None:
    bump([instance.country_id])


def _country_changed(sender: Any, instance: Country, **kwargs: Any) -> None:
    bump()  # names and slugs of a country appear on pages about other countries


def _article_changed(sender: Any, instance: Article, **kwargs: Any) -> None:
    tagged = ArticleCountry.objects.filter(article_id=instance.pk).values_list(
        "country_id", flat=True
    )
    bump([f"article:{instance.pk}", instance.primary_country_id or "", *tagged])


def _tag_changed(sender: Any, instance: ArticleCountry, **kwargs: Any) -> None:
    bump([f"article:{instance.article_id}", instance.country_id])


def connect() -> None:
    uid = "web.cache"
    pre_save.connect(_mission_before, Mission, dispatch_uid=uid)
    m2m_changed.connect(_accreditations, Mission.accreditations.through, dispatch_uid=uid)
    m2m_changed.connect(_alert_missions, Alert.missions.through, dispatch_uid=uid)
    pre_delete.connect(_article_changed, Article, dispatch_uid=uid)
    for model, receiver in (
        (Mission, _mission_changed),
        (StatusFact, _fact_changed),
        (Alert, _alert_changed),
        (Advisory, _alert_changed),
        (Arrangement, _arrangement_changed),
        (EmergencyLine, _line_changed),
        (Country, _country_changed),
        (Article, _article_changed),
        (ArticleCountry, _tag_changed),
    ):
        post_save.connect(receiver, model, dispatch_uid=uid)
        post_delete.connect(receiver, model, dispatch_uid=uid)
