"""News benchmarks: country tagging throughput and feed ingest rate, on SQLite and PostgreSQL.

Prints figures and asserts nothing. Target: tagging at 5 MB/s or more.
`python -m bench.news [sqlite|postgresql ...]` (both by default).
`python -m bench.news --labelled [PATH ...]`: the tagger against labelled articles (JSON lines:
id, title, text, countries, primary, primary_alt): primary accuracy, micro precision, recall and
F1 of the countries it does not name only in passing, speed, and every miss. Without a path,
the labelled sets in bench/data (news_fr, news_es, news_ru, news_ar) that exist.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
POSTGRES_ADMIN = "postgres://postgres@127.0.0.1:5432/test"
POSTGRES_BENCH = "postgres://postgres@127.0.0.1:5432/embassies_bench_news"
LABELLED = [ROOT / "bench" / "data" / f"news_{lang}.jsonl" for lang in ("fr", "es", "ru", "ar")]
CORPUS_BYTES = 6 * 1024 * 1024
FEED_ENTRIES = 1000

# Sentences naming places, and sentences that name none, mixed so that a generated article has
# about as many names per kilobyte as the seed page (about ten).
_NAMED = [
    "{adj} officials said on {day} that talks with {country} would resume in {capital}.",
    "The foreign minister of {country} travelled to {city} for a meeting with {adj2} envoys.",
    "{capital} rejected the proposal, and the government of {country2} called it premature.",
    "Markets in {city} fell after the central bank raised rates for the third time this year.",
    "Aid agencies warned that funding for refugees from {country} was running out.",
]
_PLAIN = [
    "Speaking to reporters, the spokesman said the ministry had summoned the ambassador.",
    "Analysts expect the decision to weigh on trade between the two countries for months.",
    "The agreement, which still needs the approval of parliament, runs for five years.",
    "Officials declined to say when the next round of negotiations would take place.",
    "Critics said the plan did too little to protect workers and consumers from rising prices.",
    "The talks came after weeks of tension over fishing rights and the price of energy.",
    "A statement issued after the meeting said both sides had agreed to keep talking.",
    "Opposition lawmakers demanded that the government publish the full text of the deal.",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
NAMED_SHARE = 0.35


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "embassies.settings")
    import django

    django.setup()


def corpus(total: int = CORPUS_BYTES) -> list[str]:
    """News-like articles of about 3 KB naming countries, capitals, demonyms and cities."""
    from embassies.countries import reference
    from embassies.lib.gazetteer import cities

    pick = random.Random(4)
    states = [c for c in reference.all_countries() if c.is_state and c.capital and c.demonym]
    big = [c.name for c in cities().values() if c.population > 1_000_000]
    articles, size = [], 0
    while size < total:
        article = " ".join(_sentence(pick, states, big) for _ in range(24))
        articles.append(article)
        size += len(article.encode())
    return articles


def _sentence(pick: random.Random, states: list[Any], big: list[str]) -> str:
    if pick.random() > NAMED_SHARE:
        return pick.choice(_PLAIN)
    a, b = pick.sample(states, 2)
    return pick.choice(_NAMED).format(
        adj=a.demonym,
        adj2=b.demonym,
        country=a.name,
        country2=b.name,
        capital=a.capital.split(",")[0],
        city=pick.choice(big),
        day=pick.choice(_DAYS),
    )


def throughput(texts: list[str]) -> tuple[float, float, int]:
    """MB/s by the wall clock and by CPU time (the machine may be shared), and names found."""
    from embassies.news.tagging import tag_text

    size = sum(len(t.encode()) for t in texts) / 1e6
    wall, cpu = time.perf_counter(), time.process_time()
    found = sum(len(tag_text(t).countries) for t in texts)
    return size / (time.perf_counter() - wall), size / (time.process_time() - cpu), found


def bench_tagging() -> None:
    from embassies.news.tagging import tag_text
    from embassies.news.tagging.matcher import find_mentions

    start = time.perf_counter()
    tag_text("warm-up: the gazetteer and automaton are built on first use")
    print(
        f"  gazetteer and automaton built in {time.perf_counter() - start:.1f} s (once per process)"
    )
    articles = corpus()
    size = sum(len(a.encode()) for a in articles)
    density = sum(len(find_mentions(a)) for a in articles[:200]) / sum(map(len, articles[:200]))
    wall, cpu, found = throughput(articles)
    print(
        f"  tagging {size / 1e6:.1f} MB of generated news ({len(articles)} articles, "
        f"{density * 1000:.1f} names per 1,000 characters): {wall:.1f} MB/s wall, "
        f"{cpu:.1f} MB/s CPU (target >= 5 MB/s), {found} country tags"
    )
    seed = (ROOT.parent / "shared" / "seed" / "embassypages-news-page.txt").read_text("utf-8")
    wall, cpu, _ = throughput([seed] * 1000)
    print(
        f"  tagging the seed page 1,000 times ({len(seed.encode()) / 1e3:.1f} kB each): "
        f"{wall:.1f} MB/s wall, {cpu:.1f} MB/s CPU"
    )


def feed_xml(base: str) -> bytes:
    from tests.news.feeds_data import rss

    pick = random.Random(9)
    from embassies.countries import reference

    states = [c for c in reference.all_countries() if c.is_state and c.capital and c.demonym]
    from embassies.lib.gazetteer import cities

    big = [c.name for c in cities().values() if c.population > 1_000_000]
    items = [
        (
            f"bench-{i}",
            f"Story {i}: {pick.choice(states).name} talks",
            f"{base}/story/{i}",
            "<p>" + " ".join(_sentence(pick, states, big) for _ in range(8)) + "</p>",
        )
        for i in range(FEED_ENTRIES)
    ]
    return rss(items, full=True).encode()


def bench_feed() -> None:
    from embassies.news.feeds.poll import fetch_all
    from embassies.news.models import Article, Feed
    from tests.localserver import allowed_server

    headers = {"Content-Type": "application/rss+xml", "ETag": '"bench"'}
    body: list[bytes] = []

    def handler(
        method: str, path: str, query: object, data: bytes
    ) -> tuple[int, dict[str, str], bytes]:
        return 200, headers, body[0]

    with allowed_server(handler) as (base, _seen):
        body.append(feed_xml(base))
        Feed.objects.create(url=base + "/feed.xml")
        start = time.perf_counter()
        report = fetch_all()[0]
        seconds = time.perf_counter() - start
        print(
            f"  feed of {FEED_ENTRIES} entries ({len(body[0]) / 1e6:.1f} MB): {report.added} "
            f"added in {seconds:.1f} s, {report.added / seconds:.0f} entries/s"
        )
        Feed.objects.update(etag="")
        start = time.perf_counter()
        again = fetch_all()[0]
        print(
            f"  same feed again (no validators): {again.skipped} skipped in "
            f"{time.perf_counter() - start:.1f} s"
        )
    print(f"  articles stored: {Article.objects.count()}")


def run_inside() -> None:
    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    bench_tagging()
    bench_feed()


def fresh_postgres() -> None:
    import psycopg

    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as db:
        db.execute("DROP DATABASE IF EXISTS embassies_bench_news")
        db.execute("CREATE DATABASE embassies_bench_news")


def run(database: str) -> None:
    """Each database in its own process: settings read DATABASE_URL once, at start-up."""
    data = tempfile.mkdtemp(prefix="embassies-bench-news-")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {"EMBASSIES_DATA_DIR": data, "LOG_LEVEL": "WARNING"}
    if database == "postgresql":
        fresh_postgres()
        env["DATABASE_URL"] = POSTGRES_BENCH
    print(f"{database}:", flush=True)
    subprocess.run([sys.executable, "-m", "bench.news", "--inside"], env=env, cwd=ROOT, check=True)


@dataclass
class Score:
    """Micro counts over a labelled set, and what went wrong."""

    n: int = 0
    primary_right: int = 0
    hits: int = 0
    extra: int = 0
    missed: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, case: dict[str, Any], got: set[str], primary: str | None) -> None:
        want = set(case["countries"])
        self.n += 1
        self.hits += len(got & want)
        self.extra += len(got - want)
        self.missed += len(want - got)
        right = primary == case["primary"] or primary in (case.get("primary_alt") or [])
        self.primary_right += right
        if not right or got != want:
            self.misses.append(
                f"{case['id']}: primary {case['primary']} got {primary}"
                f"{'' if right else ' (wrong)'}; extra {sorted(got - want)}, "
                f"missed {sorted(want - got)}"
            )

    def figures(self) -> str:
        precision = self.hits / (self.hits + self.extra) if self.hits + self.extra else 1.0
        recall = self.hits / (self.hits + self.missed) if self.hits + self.missed else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return (
            f"n {self.n}, primary {self.primary_right / max(self.n, 1):.1%}, "
            f"precision {precision:.3f}, recall {recall:.3f}, micro-F1 {f1:.3f}"
        )


def speed(cases: list[dict[str, Any]], least: float = 0.5) -> tuple[float, float]:
    """MB/s of CPU time and microseconds per article, the set tagged again until `least`
    seconds: a set of a few dozen articles takes milliseconds, too little to time once."""
    from embassies.news.tagging import tag_text

    size = sum(len(c["title"].encode()) + len(c["text"].encode()) for c in cases) / 1e6
    rounds, start = 0, time.process_time()
    while (seconds := time.process_time() - start) < least or not rounds:
        for case in cases:
            tag_text(case["text"], title=case["title"])
        rounds += 1
    seconds = max(seconds, 1e-9)
    return size * rounds / seconds, seconds / (rounds * len(cases)) * 1e6


def evaluate(path: Path) -> None:
    """One labelled file: its figures, its speed, its misses."""
    from embassies.news.tagging import tag_text

    cases = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    tag_text("warm-up: the gazetteer and automaton are built on first use")
    taggings = [tag_text(c["text"], title=c["title"]) for c in cases]
    score = Score()
    for case, tagging in zip(cases, taggings, strict=True):
        score.add(case, {t.code for t in tagging.concerned()}, tagging.primary)
    size = sum(len(c["title"].encode()) + len(c["text"].encode()) for c in cases) / len(cases)
    rate, each = speed(cases)
    print(
        f"{path}: {score.figures()}, {rate:.1f} MB/s CPU ({each:.0f} µs per {size:,.0f}-byte article)"
    )
    for miss in score.misses:
        print(f"  {miss}")


def labelled(paths: list[str]) -> None:
    """Without a path, the sets in bench/data that exist (another set may come later)."""
    setup_django()
    found = [Path(p) for p in paths] or [p for p in LABELLED if p.exists()]
    if not found:
        print("no labelled set: give a path, or add bench/data/news_<lang>.jsonl")
    for path in found:
        evaluate(path)


if __name__ == "__main__":
    if sys.argv[1:] == ["--inside"]:
        run_inside()
    elif sys.argv[1:2] == ["--labelled"]:
        labelled(sys.argv[2:])
    else:
        for name in sys.argv[1:] or ["sqlite", "postgresql"]:
            run(name)
