"""How well OpenStreetMap elements are matched to missions: correct, missed, false merges.

Imports the Wikidata snapshot into a fresh SQLite database, then builds OSM-format elements
from its missions the way OSM differs from Wikidata: coordinates moved (tens of metres to about
1 km, some a few km), names in other languages, abbreviated or missing, `country` or
`diplomatic` tags missing, a related kind (consulate for consulate general). Distractors are
added that must match nothing: another sender's office next to a mission (a sender with no
mission in that host), and the same sender's office of another kind in the same city. The real
matcher runs over all of them. False merges must be zero; any are printed.
`python -m bench.osm_matching` (fixed seed).
"""

from __future__ import annotations

import os
import sys
import time

from bench.run import SNAPSHOT, bench_environment
from tests.directory.osm_sample import SAME_OFFICE_KM, Score, build_sample, known_missions, score


def report(result: Score, seconds: float) -> None:
    def share(n: int, total: int) -> str:
        return f"{n} ({100 * n / max(total, 1):.1f} %)"

    print(f"  elements from missions: {result.positives}, distractors: {result.distractors}")
    print(f"  correct matches: {share(result.correct, result.positives)}")
    print(
        "  matched Wikidata's other item for the same office (same sender and kind within "
        f"{SAME_OFFICE_KM * 1000:.0f} m): {share(result.same_office, result.positives)}"
    )
    print(f"  missed matches: {share(result.missed, result.positives)}")
    for why, n in result.missed_why.most_common(6):
        print(f"    missed {n:5d}: {why}")
    print(f"  distractors left unmatched: {share(result.rejected, result.distractors)}")
    merges = len(result.false_merges)
    print(f"  false merges: {share(merges, result.positives + result.distractors)} (must be 0)")
    for case, mission_id, reason in result.false_merges[:20]:
        print(
            f"    {case.what} (expected {case.expected}) {case.element['tags']} -> "
            f"mission {mission_id} ({reason})"
        )
    print(f"  matching time: {seconds:.1f} s")


def run() -> None:
    with bench_environment("sqlite") as (env, _):
        os.environ.update(env)
        import django
        from django.core.management import call_command

        django.setup()
        with open(os.devnull, "w") as quiet:
            call_command("import", "wikidata-csv", str(SNAPSHOT), stdout=quiet, stderr=quiet)
        missions = known_missions()
        cases = build_sample(missions)
        start = time.perf_counter()
        result = score(cases, missions)
        report(result, time.perf_counter() - start)
        if result.false_merges:
            sys.exit(1)


if __name__ == "__main__":
    run()
