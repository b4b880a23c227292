"""Script- and SQL-injection payloads, and a check that HTML carries none of them as markup.

Each script payload marks what it would inject (an attribute named or valued "pwned", an
"on..." handler, an inline script), so a page that echoed it unescaped shows the mark as an
element or attribute of its own; echoed escaped, the same text is only text or a value.
"""

from __future__ import annotations

from html.parser import HTMLParser

PAYLOADS: dict[str, str] = {
    "script": "<script>alert('pwned')</script>",
    "img-onerror": '"><img src=x onerror=alert(1) data-pwned=1>',
    "single-quote-break": "'><svg/onload=alert(1) class=pwned>",
    "textarea-break": "</textarea><b class=pwned>x</b><textarea>",
    "title-break": "</title><script>alert('pwned')</script>",
    "javascript-url": '<a href="javascript:alert(1)" class=pwned>x</a>',
    "attribute-break": '" autofocus onfocus=alert(1) data-pwned="',
    "json-ld-break": '</script><script>alert("pwned")</script>',
    "template": "{{7*7}} {% debug %} ${7*7}",
    "sql-or": "' OR 1=1 --",
    "sql-drop": "'; DROP TABLE directory_mission; --",
    "sql-union": "x' UNION SELECT username, password FROM auth_user --",
    "sql-double-quote": '" OR ""="',
    "sql-comment": "moscow'/*",
    "nul": "moscow\x00embassy",
    "nul-only": "\x00",
    "long": "embassy " * 12_500,  # 100,000 characters
    "long-word": "x" * 100_000,
    "rtl-override": "\u202eevil\u202c embassy",
    "zero-width": "can\u200bada\u200d mos\ufeffcow",
    "combining": "mosco\u0301w e\u0301\u0301\u0301mbassy",
    "emoji": "🇨🇦 embassy 🇷🇺",
    "fullwidth": "＜script＞alert(1)＜/script＞",
    "control": "\x01\x02\x1b[31m\x7f",
    "percent": "%00%27%22%3Cscript%3E",
    "backslash": "\\'; \\\" \\\\",
    "newlines": "moscow\r\nSet-Cookie: pwned=1",
}

# Raw query strings with bytes that are not UTF-8, as a browser may send them.
RAW_QUERIES: dict[str, str] = {
    "invalid-utf8": "%ff%fe%fd",
    "overlong-utf8": "%c0%bc%c0%bcscript",
    "lone-surrogate": "%ed%a0%80",
}


class _Markup(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>: an event handler")
            if "pwned" in name or (value or "").strip().lower() == "pwned":
                self.problems.append(f"<{tag} {name}={value!r}>: an attribute from the payload")
            if name in ("href", "src", "action") and (value or "").lower().startswith(
                "javascript:"
            ):
                self.problems.append(f"<{tag} {name}={value!r}>: a javascript: URL")
        if tag == "script":
            kind = dict(attrs).get("type", "") or ""
            inline = "src" not in dict(attrs)
            self._script = [] if inline and kind != "application/ld+json" else None
            if inline and kind != "application/ld+json":
                self.problems.append("<script> without src: inline script")

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None


def markup_problems(html: str) -> list[str]:
    """Elements, attributes or scripts in this page that a payload could have put there."""
    parser = _Markup()
    parser.feed(html)
    parser.close()
    return parser.problems
