"""Reading one article from HTML, JSON or a saved page's text."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from embassies.news.documents import decode, kind_of, read_document
from embassies.news.documents.dates import parse_date

PAGE = """<!doctype html><html><head><title>Envoys meet in Vienna - Example News</title>
<meta property="og:title" content="Envoys meet in Vienna">
<meta name="author" content="Anna Berg">
<meta property="article:published_time" content="2024-05-02T09:30:00Z">
<meta property="og:image" content="https://example.org/vienna.jpg"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="banner"><p>Consular assistance in Austria</p></div>
<article><h1>Envoys meet in Vienna</h1>
<p>Diplomats from Iran and the United States met in Vienna on Thursday to revive talks on the
nuclear programme, the Austrian foreign ministry said in a statement.</p>
<h2>No breakthrough</h2>
<p>“We are not there yet,” one envoy said after the meeting, which lasted four hours.</p>
<script>document.write("tracking")</script>
<p>Further rounds are planned in Geneva next month, officials from both sides confirmed.</p>
</article><footer>© Example News</footer></body></html>"""


def test_html_page_gives_title_date_author_image_and_the_article_only() -> None:
    draft = read_document(PAGE.encode(), url="https://example.org/a/1", content_type="text/html")
    assert draft.title == "Envoys meet in Vienna"
    assert draft.published == datetime(2024, 5, 2, 9, 30, tzinfo=UTC)
    assert draft.author == "Anna Berg"
    assert draft.image_url == "https://example.org/vienna.jpg"
    assert draft.source_url == "https://example.org/a/1"
    assert "No breakthrough" in draft.body_html and "We are not there yet" in draft.body_html
    assert "tracking" not in draft.body_html and "Example News" not in draft.body_html
    assert "Consular assistance" not in draft.body_html


def test_json_article_in_our_shape_or_json_feed_keys() -> None:
    body = (
        b'{"title": "Talks resume", "url": "https://example.org/2", "date_published":'
        b' "2024-01-05", "content_text": "First line.\\nSecond line.", "author": {"name": "Li"},'
        b' "image": {"url": "https://example.org/i.jpg", "credit": "Photo agency"}}'
    )
    draft = read_document(body)
    assert draft.title == "Talks resume"
    assert draft.published == datetime(2024, 1, 5, tzinfo=UTC)
    assert draft.body_html == "<p>First line.</p><p>Second line.</p>"
    assert (draft.author, draft.image_credit) == ("Li", "Photo agency")


def test_page_text_without_a_date_takes_the_first_line_as_title() -> None:
    draft = read_document(b"Home News Talks resume\nTalks resume\nBoth sides met.")
    assert draft.title == "Talks resume"
    assert draft.published is None
    assert draft.body_html == "<p>Both sides met.</p>"


def test_a_document_without_a_title_is_refused() -> None:
    with pytest.raises(ValueError, match="title"):
        read_document(b'{"body": "No title here."}')


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21/03/2018", datetime(2018, 3, 21, tzinfo=UTC)),  # day first
        ("03/12/2018", datetime(2018, 12, 3, tzinfo=UTC)),
        ("21 March 2018", datetime(2018, 3, 21, tzinfo=UTC)),
        ("2018-03-21T10:00:00+02:00", datetime(2018, 3, 21, 8, 0, tzinfo=UTC)),
        ("soon", None),
    ],
)
def test_dates_are_read_day_first(text: str, expected: datetime | None) -> None:
    assert parse_date(text) == expected


def test_decoding_falls_back_from_a_wrong_declaration() -> None:
    latin = "Café in Zürich".encode("latin-1")
    assert decode(latin, "text/plain; charset=utf-8") == "Café in Zürich"
    assert decode("Kyiv – Київ".encode(), "") == "Kyiv – Київ"
    assert kind_of('  {"title": 1}') == "json"
    assert kind_of("<p>x</p>") == "html"
    assert kind_of("Plain text.") == "text"
