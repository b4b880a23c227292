"""Article HTML keeps its structure and loses everything dangerous."""

from __future__ import annotations

from embassies.news.sanitize import clean_html, content_hash, html_to_text


def test_structure_survives() -> None:
    raw = (
        '<h2>Sub</h2><p>A <em>b</em> <strong>c</strong> <q>d</q> <a href="https://x.org">e</a></p>'
        "<blockquote>f</blockquote><ul><li>g</li></ul><ol><li>h</li></ol><h3>i</h3>"
    )
    cleaned = clean_html(raw)
    for tag in ("<h2>", "<em>", "<strong>", "<q>", "<blockquote>", "<ul>", "<ol>", "<li>", "<h3>"):
        assert tag in cleaned
    assert '<a href="https://x.org" rel="nofollow noopener noreferrer">e</a>' in cleaned


def test_scripts_styles_attributes_and_unsafe_links_go() -> None:
    raw = (
        '<p onclick="steal()" style="color:red">Hi<script>alert(1)</script>'
        '<style>p{}</style><img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a>'
        "</p><iframe src=//evil.example></iframe>"
    )
    cleaned = clean_html(raw)
    assert cleaned == '<p>Hi<a rel="nofollow noopener noreferrer">x</a></p>'


def test_close_relatives_are_renamed_and_loose_text_wrapped() -> None:
    assert clean_html("<h1>T</h1><b>bold</b> <i>it</i>") == (
        "<h2>T</h2><p><strong>bold</strong> <em>it</em></p>"
    )
    assert clean_html("One<br><br>Two") == "<p>One</p><p>Two</p>"
    assert clean_html("<p> </p>") == ""


def test_text_has_one_line_per_block_and_the_hash_ignores_case_and_spacing() -> None:
    assert html_to_text("<h2>A &amp; B</h2><p>C</p>") == "A & B\nC"
    assert content_hash("Title", "Some  TEXT") == content_hash("title", "some text")
