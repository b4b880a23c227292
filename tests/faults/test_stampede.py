"""A stampede on a page nobody has cached yet: several server processes, many concurrent
requests, and the page is rendered once; the other requests wait for that copy."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings

from tests.faults.servers import base_env, fetch, served

pytestmark = pytest.mark.skipif(
    not settings.REDIS_URL, reason="the processes share the page cache and its lock in Redis"
)

REQUESTS = 48


@pytest.mark.parametrize("page", ["/countries/russia/", "/find/?citizen=CA&in=RU"])
def test_concurrent_first_requests_render_the_page_once(tmp_path: Path, page: str) -> None:
    env = base_env(tmp_path, REDIS_URL=settings.REDIS_URL, EMBASSIES_SEARCH_RATE="100000/m")
    with (
        served(env, workers=4, ready_path="/healthz") as server,
        ThreadPoolExecutor(REQUESTS) as pool,
    ):
        answers = list(pool.map(lambda _: fetch(server.base + page), range(REQUESTS)))
    assert {a.status for a in answers} == {200}
    states = sorted(a.headers.get("X-Page-Cache", "") for a in answers)
    assert states.count("miss") == 1, states
    assert states.count("hit") == REQUESTS - 1
    assert len({a.body for a in answers}) == 1
