"""The one gate every HTML document passes before nh3, lxml or trafilatura sees it.

HTML parsers check "is an element in scope?" by walking the stack of open elements, so their
work grows with nesting depth times element count: 90,000 nested <div> took nh3 30 s. This
module reads the document once, in linear time, and refuses it when it is too large, holds
too many elements or nests them too deeply. It hands the parsers a rewritten copy in which its
own count is the truth: every element is closed explicitly in order, void elements close
themselves, comments are dropped and any "<" that is not one of the tags counted is escaped.
A parser cannot then find tags or nesting the count missed (in an attribute, a comment, a
<style> inside <svg>), so a document that passes costs every parser linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext

MAX_CHARS = 5_000_000  # half the largest page downloaded; real articles are under 1 MB
MAX_ELEMENTS = 20_000  # a long article page has a few thousand
MAX_DEPTH = 100  # real pages nest 20 to 40 deep
MAX_TAGS = 3 * MAX_ELEMENTS  # start and end tags, comments, declarations: what costs a step here

_TAG = re.compile(
    r"<(/?)([A-Za-z][^\t\n\f\r />]*+)((?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+)>", re.DOTALL
)
_COMMENT = re.compile(r"<!--(?:>|->|.*?--!?>|.*)", re.DOTALL)
_DECLARATION = re.compile(r"<(?:[!?]|/[^A-Za-z])[^>]*+>?")  # doctype, bogus comment, CDATA
_OPENS_TAG = re.compile(r"</?[A-Za-z]")
_MARKUP = re.compile(r"<(?=[A-Za-z!?/])")  # any other "<" is text
_ATTRIBUTE = re.compile(r"([^\s\"'<>/=]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?")
_NAME = re.compile(r"[A-Za-z_:][-\w:.]*")
_TAG_NAME = re.compile(r"[a-z][a-z0-9:._-]*")
_SELF_CLOSING = re.compile(r"(?:^|[\s\"'])/$")


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


VOID = _names(
    "area base basefont bgsound br col embed frame hr img input keygen link meta param source "
    "track wbr"
)
# Their content is text to an HTML parser (or to none, inside <svg>): kept, with "<" escaped.
RAW_TEXT = _names("script style textarea title xmp iframe noembed noframes noscript plaintext")
# Formatting elements are re-opened by HTML parsers after a block closes them; without their
# attributes, at most three of each name are (the HTML spec's "Noah's Ark" rule).
FORMATTING = _names("b big code em font i nobr s small strike strong tt u")
_BLOCKS = _names(
    "address article aside blockquote center details dialog dir div dl fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section "
    "summary table ul"
)
_BUTTON_SCOPE = _names("applet button caption html marquee object table td template th")
_LIST_STOP = _names("ol ul table td th caption template html dl")
# A start tag closes the nearest open element of these names (stopping at the scope's edge),
# as an HTML parser does; done here so the parser never has to.
_CLOSES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    **{name: (frozenset({"p"}), _BUTTON_SCOPE) for name in _BLOCKS},
    "li": (frozenset({"li", "p"}), _LIST_STOP),
    "dt": (frozenset({"dt", "dd", "p"}), _LIST_STOP),
    "dd": (frozenset({"dt", "dd", "p"}), _LIST_STOP),
    "option": (frozenset({"option"}), frozenset({"select", "datalist", "optgroup"})),
    "optgroup": (frozenset({"option", "optgroup"}), frozenset({"select", "datalist"})),
    "a": (frozenset({"a"}), _BUTTON_SCOPE),
    "nobr": (frozenset({"nobr"}), _BUTTON_SCOPE),
    "body": (frozenset({"head"}), frozenset()),
}
# Table parts: closed back to their parent, dropped outside a table (as parsers ignore them).
_TABLE_PARENTS: dict[str, frozenset[str]] = {
    "tr": frozenset({"table", "tbody", "thead", "tfoot"}),
    "td": frozenset({"table", "tbody", "thead", "tfoot", "tr"}),
    "th": frozenset({"table", "tbody", "thead", "tfoot", "tr"}),
    **{name: frozenset({"table"}) for name in ("tbody", "thead", "tfoot", "caption", "colgroup")},
}


class MarkupRefused(ValueError):
    """A document beyond the limits; `reason` is "size", "tags", "elements" or "depth"."""

    def __init__(self, reason: str, limit: int, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.limit = limit


@dataclass
class _Rewrite:
    out: list[str] = field(default_factory=list)
    stack: list[str] = field(default_factory=list)
    elements: int = 0
    tags: int = 0


def bounded_html(markup: str) -> str:
    """The document, rewritten as described above; MarkupRefused when it is beyond the limits."""
    if len(markup) > MAX_CHARS:
        raise MarkupRefused(
            "size", MAX_CHARS, gettext("The HTML is larger than %d characters.") % MAX_CHARS
        )
    state, pos = _Rewrite(), 0
    while found := _MARKUP.search(markup, pos):
        state.out.append(markup[pos : found.start()].replace("<", "&lt;"))
        pos = _token(markup, found.start(), state)
    state.out.append(markup[pos:].replace("<", "&lt;"))
    _close_down_to(state, 0)
    return "".join(state.out)


def _token(markup: str, at: int, state: _Rewrite) -> int:
    """Rewrite the construct starting at "<"; returns where reading resumes."""
    state.tags += 1
    if state.tags > MAX_TAGS:
        raise MarkupRefused(
            "tags", MAX_TAGS, gettext("The HTML holds more than %d tags.") % MAX_TAGS
        )
    if tag := _TAG.match(markup, at):
        return _tag(markup, tag, state)
    if _OPENS_TAG.match(markup, at):  # a tag never closed: parsers drop the rest, so do we
        return len(markup)
    if found := _COMMENT.match(markup, at) or _DECLARATION.match(markup, at):
        return found.end()
    state.out.append("&lt;")
    return at + 1


def _tag(markup: str, tag: re.Match[str], state: _Rewrite) -> int:
    name = tag.group(2).lower()
    if not _TAG_NAME.fullmatch(name):  # a name parsers might each read their own way
        return tag.end()
    if tag.group(1):
        _end_tag(state, name)
        return tag.end()
    _count(state)
    attributes = "" if name in FORMATTING else _attributes(tag.group(3))
    if name in RAW_TEXT:
        return _raw_text(markup, tag.end(), name, attributes, state)
    if name in VOID:
        state.out.append(f"<{name}{attributes}/>")  # the slash: <link> in <svg> is not void
    elif _SELF_CLOSING.search(tag.group(3)):  # <div/> opens a div in HTML: close it here
        state.out.append(f"<{name}{attributes}></{name}>")
    else:
        _start_tag(state, name, attributes)
    return tag.end()


def _count(state: _Rewrite) -> None:
    state.elements += 1
    if state.elements > MAX_ELEMENTS:
        message = gettext("The HTML holds more than %d elements.") % MAX_ELEMENTS
        raise MarkupRefused("elements", MAX_ELEMENTS, message)


def _attributes(raw: str) -> str:
    """Each well-named attribute, double-quoted: the parser reads exactly these."""
    kept = []
    for name, value in _ATTRIBUTE.findall(raw):
        if _NAME.fullmatch(name):
            text = value[1:-1] if value[:1] in "\"'" and value else value
            kept.append(f' {name.lower()}="{text.replace(chr(34), "&quot;").replace("<", "&lt;")}"')
    return "".join(kept)


def _raw_text(markup: str, start: int, name: str, attributes: str, state: _Rewrite) -> int:
    """Text up to the element's end tag, with no "<" left for any parser to read as a tag."""
    end = re.compile(rf"</{name}(?=[\t\n\f\r />])", re.IGNORECASE).search(markup, start)
    stop = end.start() if end else len(markup)
    escape = "\\u003c" if name == "script" else "&lt;"  # JSON-LD stays valid JSON
    state.out.append(f"<{name}{attributes}>{markup[start:stop].replace('<', escape)}</{name}>")
    closing = _TAG.match(markup, stop)
    return closing.end() if closing else len(markup)


def _start_tag(state: _Rewrite, name: str, attributes: str) -> None:
    if name in _TABLE_PARENTS:
        parent = _nearest(state.stack, _TABLE_PARENTS[name], frozenset({"template"}))
        if parent is None:
            return
        _close_down_to(state, parent + 1)
    elif name in _CLOSES:
        closes, stops = _CLOSES[name]
        if (found := _nearest(state.stack, closes, stops)) is not None:
            _close_down_to(state, found)
    if len(state.stack) >= MAX_DEPTH:
        message = gettext("The HTML nests elements more than %d deep.") % MAX_DEPTH
        raise MarkupRefused("depth", MAX_DEPTH, message)
    state.stack.append(name)
    state.out.append(f"<{name}{attributes}>")


def _end_tag(state: _Rewrite, name: str) -> None:
    """Close the element and any left open inside it; an end tag for nothing open is dropped."""
    if (found := _nearest(state.stack, frozenset({name}), frozenset())) is not None:
        _close_down_to(state, found)


def _nearest(stack: list[str], names: frozenset[str], stops: frozenset[str]) -> int | None:
    """Index of the innermost open element in `names`, unless one in `stops` comes first."""
    for index in range(len(stack) - 1, -1, -1):
        if stack[index] in names:
            return index
        if stack[index] in stops:
            return None
    return None


def _close_down_to(state: _Rewrite, index: int) -> None:
    while len(state.stack) > index:
        state.out.append(f"</{state.stack.pop()}>")
