"""Accreditations in a mission's history: each version holds the codes of the states the
mission also covered when it was made (`accredited`), filled here for versions saved one at a
time and by SQL for versions an import writes in bulk."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.dispatch import receiver
from simple_history.signals import pre_create_historical_record

from embassies.directory.models import Mission


def accredited_codes(mission_id: int) -> list[str]:
    through = Mission.accreditations.through
    found = through.objects.filter(mission_id=mission_id).values_list("country_id", flat=True)
    return sorted(found)


@receiver(pre_create_historical_record)
def _snapshot(sender: Any, instance: Any, history_instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Mission) and instance.pk is not None:
        history_instance.accredited = accredited_codes(instance.pk)


def accredited_sql(mission_table: str) -> str:
    """A SQL expression: the JSON list of the codes each row of `mission_table` covers now.
    Names only, from the models' own metadata: no value is written into the SQL."""
    through = connection.ops.quote_name(Mission.accreditations.through._meta.db_table)
    codes = f"SELECT a.country_id FROM {through} a WHERE a.mission_id = {mission_table}.id"  # noqa: S608
    if connection.vendor == "postgresql":
        aggregate = "coalesce(jsonb_agg(country_id ORDER BY country_id), '[]')"
        return f"(SELECT {aggregate} FROM ({codes}) c)"  # noqa: S608
    # SQLite before 3.44 cannot order inside an aggregate: the rows come ordered instead.
    return f"(SELECT json_group_array(country_id) FROM ({codes} ORDER BY a.country_id))"  # noqa: S608
