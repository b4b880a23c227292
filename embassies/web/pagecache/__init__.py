"""Whole-page cache for the public pages, kept correct by generation numbers.

One middleware (middleware.py) keeps pages as the client got them and answers anonymous GETs
from those copies (copies.py: a typed `Copy`, kept under its URL and its `Vary`). A copy is
served while it is fresh and while the generation numbers of what it shows are unchanged
(generations.py); the domain announces changes after each transaction and the numbers move
then, so a change shows at the next request. Views mark what may be shared and say what
they show (recording.py):

    @pagecache.cached_page
    def country(request, slug):
        ...
        pagecache.depends_on(country.code)

Every answer carries `X-Page-Cache` (hit, stale, miss) and `Age`; Cache-Control tells
browsers and proxies (nginx's proxy_cache, a CDN) how long they may keep it.
"""

from embassies.web.pagecache.generations import EVERYTHING, bump
from embassies.web.pagecache.recording import cached_page, depends_on, rate_limited, valid_until

__all__ = ["EVERYTHING", "bump", "cached_page", "depends_on", "rate_limited", "valid_until"]
