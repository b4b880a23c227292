"""Tag a document with the countries it concerns: `embassies tag PATH|- --json`.

The document is plain text, HTML or a JSON article, read from a file, a URL or standard input
("-"). JSON output: {"countries": [{"code", "name", "score", "passing"}, ...], "primary": "RU"};
`passing` is true for a country named only in passing, not one the document concerns.
"""

from __future__ import annotations

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from embassies.lib.http import FetchError
from embassies.news.sources import load
from embassies.news.tag import tag_document


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("source", metavar="PATH|-", help='A file, a URL, or "-" for stdin.')
        parser.add_argument("--json", action="store_true", help="Print JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            loaded = load(options["source"])
            tagging = tag_document(loaded.data, loaded.content_type)
        except (OSError, ValueError, FetchError) as error:  # ValueError: unreadable document
            raise CommandError(str(error)) from error
        if options["json"]:
            self.stdout.write(json.dumps(tagging.as_dict(), ensure_ascii=False))
            return
        for country in tagging.countries:
            passing = "  (in passing)" if country.passing else ""
            self.stdout.write(f"{country.code}  {country.score:5.3f}  {country.name}{passing}")
        self.stdout.write(f"primary: {tagging.primary or 'none'}")
