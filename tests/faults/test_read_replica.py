"""Read replicas on a real PostgreSQL streaming replica (docs/deploy.md, section 6).

A private primary and a hot standby made from it with `pg_basebackup -R`: migrate runs on the
primary and the schema reaches the standby by replication; with replay paused on the standby,
an import writes to the primary while the API and uncached reads still answer from the
standby, and a read inside a transaction sees the new rows. A cached page invalidated by the
import is rendered from the primary for EMBASSIES_REPLICA_MAX_LAG seconds, so its new copy
holds the change; later renders read the standby again. Once replay resumes, all show it.
"""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import redis
from django.conf import settings

from tests.faults.imports import run_import, small_snapshot
from tests.faults.servers import (
    EMBASSIES,
    PrivatePostgres,
    base_env,
    fetch,
    private_postgres,
    served,
    wait_for_replay,
)

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql"
    or not settings.REDIS_URL,
    reason="needs PostgreSQL streaming replication and Redis: runs in the PostgreSQL pass",
)

# The first row of the shared snapshot: Afghanistan's embassy in Canberra.
QID = "Q106450319"
ROWS = 5
HOST_PAGE = "/countries/australia/"
MAX_LAG = 6  # EMBASSIES_REPLICA_MAX_LAG for the served process, in seconds

# Run by `embassies shell` with both databases set: where a plain read and a read inside a
# transaction find the missions.
COUNTS = """
import json
from django.db import transaction
from embassies.directory.models import Mission
outside = Mission.objects.count()
with transaction.atomic():
    inside = Mission.objects.count()
print(json.dumps({"outside": outside, "inside": inside}))
"""


def test_reads_come_from_a_lagging_streaming_replica_and_writes_reach_the_primary(
    tmp_path: Path,
) -> None:
    with private_postgres() as primary, private_postgres(replica_of=primary) as replica:
        assert replica.query("SELECT pg_is_in_recovery()") == [(True,)]
        # Redis carries the import's invalidation to the served process. Reads meant to reach
        # the database ask with a query string of their own (the cache keys on the full path).
        # A Redis database of its own: the suite's is emptied between tests.
        redis_url = urlsplit(settings.REDIS_URL)._replace(path="/12").geturl()
        env = base_env(
            tmp_path,
            DATABASE_URL=primary.url,
            DATABASE_REPLICA_URL=replica.url,
            REDIS_URL=redis_url,
            EMBASSIES_REPLICA_MAX_LAG=str(MAX_LAG),
        )
        redis.Redis.from_url(redis_url).flushdb()

        _migrate_reaches_the_replica_by_replication(primary, replica, env)

        with served(env, workers=1) as server:
            asks = iter(range(1_000_000))

            def status(path: str) -> int:
                return fetch(f"{server.base}{path}?ask={next(asks)}").status

            assert status(f"/api/v1/missions/{QID}") == 404
            before = fetch(f"{server.base}{HOST_PAGE}")
            assert before.status == 200 and "Canberra" not in before.body  # now in the cache

            replica.query("SELECT pg_wal_replay_pause()")
            done = run_import(small_snapshot(tmp_path, ROWS), env)
            imported = time.monotonic()
            assert done.returncode == 0, done.stderr[-3000:]
            # The import wrote to the primary; the paused standby has not replayed it.
            (pk,) = primary.query("SELECT id FROM directory_mission WHERE wikidata = %s", QID)[0]
            assert replica.query("SELECT count(*) FROM directory_mission") == [(0,)]

            # The invalidated page is rendered again from the primary: its new copy holds the
            # import, although the standby has not replayed it.
            after = fetch(f"{server.base}{HOST_PAGE}")
            assert after.status == 200 and "Canberra" in after.body
            assert time.monotonic() - imported < MAX_LAG, "the machine was too slow to tell"
            # The API reads the standby: the mission is not there yet.
            assert status(f"/api/v1/missions/{QID}") == 404
            # A read inside a transaction goes to the primary and sees the import.
            assert _counts(env) == {"outside": 0, "inside": ROWS}
            # Past the allowed lag, pages are rendered from the standby again.
            time.sleep(max(0.0, imported + MAX_LAG + 0.5 - time.monotonic()))
            assert status(f"/missions/{pk}/") == 404

            replica.query("SELECT pg_wal_replay_resume()")
            wait_for_replay(primary, replica)
            answer = fetch(f"{server.base}/api/v1/missions/{QID}?ask=replayed")
            assert answer.status == 200 and "Canberra" in answer.body
            page = fetch(f"{server.base}/missions/{pk}/?ask=replayed")
            assert page.status == 200 and "Canberra" in page.body
            assert _counts(env) == {"outside": ROWS, "inside": ROWS}


def _migrate_reaches_the_replica_by_replication(
    primary: PrivatePostgres, replica: PrivatePostgres, env: dict[str, str]
) -> None:
    """`embassies migrate` with a standby configured succeeds (it never writes there: a hot
    standby refuses writes), and the standby then holds the same schema and reference rows."""
    done = subprocess.run(
        [EMBASSIES, "migrate", "-v0"], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    wait_for_replay(primary, replica)
    applied = "SELECT app, name FROM django_migrations ORDER BY app, name"
    countries = "SELECT count(*) FROM countries_country"
    assert primary.query(applied) and replica.query(applied) == primary.query(applied)
    assert replica.query(countries)[0][0] > 200 and replica.query(countries) == primary.query(
        countries
    )


def _counts(env: dict[str, str]) -> dict[str, int]:
    done = subprocess.run(
        [EMBASSIES, "shell", "-c", COUNTS], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-3000:]
    counts: dict[str, int] = json.loads(done.stdout.strip().splitlines()[-1])
    return counts
