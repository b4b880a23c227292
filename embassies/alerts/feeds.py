"""An Atom feed of alert changes: one entry per alert, updated when it is edited, starts or ends."""

from __future__ import annotations

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from embassies.alerts import queries
from embassies.alerts.models import Alert


def state(alert: Alert, now: datetime) -> str:
    if alert.ends_at is not None and alert.ends_at <= now:
        return "Ended"
    return "Active" if alert.starts_at <= now else "Scheduled"


class AlertChanges(Feed[Alert, None]):
    feed_type = Atom1Feed
    title = "Consular-assistance alerts"
    subtitle = "Alerts raised, changed and ended, latest change first."

    def link(self) -> str:
        return reverse("alerts:index")

    def items(self) -> list[Alert]:
        return list(queries.recent_changes())

    def item_title(self, item: Alert) -> str:
        return f"{state(item, timezone.now())}: {item.country.name}: {item.headline}"

    def item_description(self, item: Alert) -> str:
        return item.body or item.headline

    def item_link(self, item: Alert) -> str:
        return f"{reverse('alerts:index')}#alert-{item.pk}"

    def item_pubdate(self, item: Alert) -> datetime:
        return item.created_at

    def item_updateddate(self, item: Alert) -> datetime:
        return getattr(item, "changed_at", item.updated_at)

    def item_categories(self, item: Alert) -> list[str]:
        return [item.get_severity_display(), item.country_id]
