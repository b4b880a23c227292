"""With DATABASE_REPLICA_URL, reads go to the replica and writes to the primary."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from django.db import connections

from embassies.db_router import ReplicaRouter
from embassies.directory.models import Mission
from tests.ops.conftest import clean_env, run

# Runs in a process whose primary and replica are two SQLite files. The replica is a copy
# taken before the write, as a lagging replica would be: what each alias holds shows where
# each query went.
SCRIPT = """
import json
from django.db import connections, transaction
from embassies.countries.models import Country
Country.objects.create(code="ZZ", name="Testland", slug="testland")
with transaction.atomic():
    in_transaction = Country.objects.filter(code="ZZ").exists()
print(json.dumps({
    "read": Country.objects.filter(code="ZZ").exists(),
    "primary": Country.objects.using("default").filter(code="ZZ").exists(),
    "replica": Country.objects.using("replica").filter(code="ZZ").exists(),
    "in_transaction": in_transaction,
}))
"""


def test_reads_go_to_the_replica_and_writes_to_the_primary(tmp_path: Path) -> None:
    primary, replica = tmp_path / "primary.sqlite3", tmp_path / "replica.sqlite3"
    env = clean_env(
        tmp_path,
        DATABASE_URL=f"sqlite:///{primary}",
        DATABASE_REPLICA_URL=f"sqlite:///{replica}",
    )
    assert run(["migrate", "-v0"], env).returncode == 0
    shutil.copy(primary, replica)
    done = run(["shell", "-c", SCRIPT], env)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {"read": False, "primary": True, "replica": False, "in_transaction": True}


def test_without_a_replica_everything_uses_the_default_database() -> None:
    router = ReplicaRouter()
    assert "replica" not in connections.databases
    assert router.db_for_read(Mission) == "default"
    assert router.db_for_write(Mission) == "default"
    assert router.allow_migrate("default", "directory") is True
    assert router.allow_migrate("replica", "directory") is False
