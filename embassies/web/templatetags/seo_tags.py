"""Head tags for findability: JSON-LD blocks, canonical URLs, and `capture` (a block's text
used twice, in <title> and og:title)."""

from __future__ import annotations

import json
from typing import Any

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.template.base import Parser, Token
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from embassies.directory.models import Mission
from embassies.lib.urls import absolute, site_path
from embassies.news.models import Article
from embassies.web import seo

register = template.Library()

# The escapes of Django's json_script: "</script>" in a name cannot close the element.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def jsonld(data: dict[str, Any]) -> SafeString:
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.simple_tag(takes_context=True)
def canonical_url(context: template.Context) -> str:
    """This page's address without its query string; '' where no request is known (500)."""
    request = context.get("request")
    return absolute(request, site_path(request.path)) if request is not None else ""


@register.simple_tag(takes_context=True)
def mission_ld(context: template.Context, mission: Mission) -> SafeString:
    return jsonld(seo.mission(context["request"], mission))


@register.simple_tag(takes_context=True)
def article_ld(context: template.Context, article: Article) -> SafeString:
    return jsonld(seo.article(context["request"], article))


@register.simple_tag(takes_context=True)
def breadcrumb_ld(context: template.Context, *trail: str) -> SafeString:
    """{% breadcrumb_ld "Home" home_url "Russia" country_url %}: names and paths, in pairs."""
    pairs = list(zip(trail[::2], trail[1::2], strict=True))
    return jsonld(seo.breadcrumbs(context["request"], [(str(n), str(p)) for n, p in pairs]))


@register.simple_tag(takes_context=True)
def website_ld(context: template.Context, search_path: str) -> SafeString:
    return jsonld(
        seo.website(context["request"], str(context.get("site_name") or "Embassies"), search_path)
    )


class CaptureNode(template.Node):
    def __init__(self, nodelist: template.NodeList, name: str) -> None:
        self.nodelist = nodelist
        self.name = name

    def render(self, context: template.Context) -> str:
        # Rendered with autoescaping as usual, so the text is safe in an attribute too.
        context[self.name] = mark_safe(" ".join(self.nodelist.render(context).split()))  # noqa: S308
        return ""


@register.tag
def capture(parser: Parser, token: Token) -> CaptureNode:
    """{% capture name %}...{% endcapture %}: render once, reuse as {{ name }}.

    Blocks inside it are still overridden by child templates."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("capture takes one variable name")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[1])
