"""Feed documents for the feed tests: well-formed, hostile and broken."""

from __future__ import annotations

from html import escape

Item = tuple[str, str, str, str]  # guid, title, link, description (HTML)


def rss(items: list[Item], encoding: str = "utf-8", full: bool = False) -> str:
    """An RSS 2.0 feed; `full` puts each description in content:encoded as the whole article."""
    body = "".join(
        f"<item><guid>{guid}</guid><title>{escape(title)}</title><link>{link}</link>"
        f"<pubDate>Tue, 02 Apr 2024 10:00:00 GMT</pubDate>"
        + (
            f"<content:encoded>{escape(text)}</content:encoded>"
            if full
            else f"<description>{escape(text)}</description>"
        )
        + "</item>"
        for guid, title, link, text in items
    )
    return (
        f'<?xml version="1.0" encoding="{encoding}"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Test wire</title><link>https://wire.example/</link>{body}</channel></rss>"
    )


LONG = " ".join(["The foreign ministers of Canada and Mexico met in Ottawa on Tuesday."] * 12)

BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
        for i in range(1, 10)
    )
    + b']><rss version="2.0"><channel><title>&lol9;</title></channel></rss>'
)
EXTERNAL_ENTITY = (
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<rss version="2.0"><channel><title>&x;</title></channel></rss>'
)
MALFORMED = b"<<<this is not a feed>>> {]"


def huge() -> bytes:
    """A 50 MB feed: made when asked, not on every import of this module."""
    return b'<?xml version="1.0"?><rss version="2.0"><channel>' + b" " * (50 * 1024 * 1024)
