"""Search missions the way the site's search box does: `embassies search QUERY [--limit N] --json`.

`--reindex` recomputes every mission's full-text document first (after a bulk edit).
"""

from __future__ import annotations

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from embassies.directory.freshness import freshness
from embassies.directory.models import Mission
from embassies.directory.search.document import refresh_search_documents
from embassies.directory.search.engine import MAX_LIMIT, MAX_QUERY_CHARS, search
from embassies.directory.serialize import mission_to_dict


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "query", nargs="*", help='Words to look for, e.g. "canadian embassy moscow".'
        )
        parser.add_argument("--limit", type=int, default=20, help=f"Most results (1-{MAX_LIMIT}).")
        parser.add_argument("--json", action="store_true", help="Print a JSON list of missions.")
        parser.add_argument("--reindex", action="store_true", help="Rebuild the search documents.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["reindex"]:
            missions = Mission.objects.select_related("sending", "host").iterator(chunk_size=1000)
            self.stderr.write(f"reindexed {refresh_search_documents(missions)} missions")
        query = " ".join(options["query"])
        if not query and options["reindex"]:
            return
        if not query.strip() or len(query) > MAX_QUERY_CHARS:
            raise CommandError(f"Give a query of 1 to {MAX_QUERY_CHARS} characters.")
        if not 1 <= options["limit"] <= MAX_LIMIT:
            raise CommandError(f"--limit must be between 1 and {MAX_LIMIT}.")
        self.show(query, options["limit"], options["json"])

    def show(self, query: str, limit: int, as_json: bool) -> None:
        hits = search(query, limit)
        if as_json:
            self.stdout.write(
                json.dumps([mission_to_dict(h.mission) for h in hits], ensure_ascii=False)
            )
            return
        for hit in hits:
            self.stdout.write(
                f"{hit.score:5.2f}  {hit.mission.title}  [{hit.mission.wikidata or hit.mission.pk}]"
            )
            notice = freshness(hit.mission).notice
            if notice:
                self.stdout.write(f"       {notice}")
        if not hits:
            self.stdout.write("No mission matches.")
