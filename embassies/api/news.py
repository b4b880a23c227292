"""POST /api/v1/tag, GET /api/v1/news and GET /api/v1/news/{id}: tagging and news as JSON."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext
from ninja import Field, Router, Schema
from ninja.params.functions import Path, Query  # typed; ninja's aliases are for annotations

from embassies.api.errors import ApiError
from embassies.api.schemas import ErrorOut
from embassies.api.throttle import SharedRateThrottle
from embassies.news import queries
from embassies.news.bounds import MarkupRefused
from embassies.news.serialize import article_to_dict
from embassies.news.tag import tag_document

# Databases store offsets as 64-bit integers; deep paging past this is refused with 422.
MAX_OFFSET = 1_000_000

router = Router(tags=["news"])
MAX_LIMIT = 100
# Not only white space (bytes.strip's): an empty document is refused with 422.
_SOME_TEXT = {"type": "string", "pattern": "[^ \\t\\n\\r\\u000b\\u000c]"}
_DOCUMENT = {
    "required": True,
    "description": "The document to tag: plain text, HTML or a JSON article.",
    "content": {kind: {"schema": _SOME_TEXT} for kind in ("text/plain", "text/html")},
}


class TagCountryOut(Schema):
    code: str
    name: str
    score: float
    passing: bool = Field(
        description="Named only in passing: not one of the countries the document concerns."
    )


class TagOut(Schema):
    countries: list[TagCountryOut]
    primary: str | None


class ImageOut(Schema):
    url: str
    credit: str | None


class ArticleOut(Schema):
    id: int
    url: str
    title: str
    published: str
    source: str | None
    source_url: str | None
    author: str | None  # a person; an agency's name goes to `agency`
    agency: str | None = Field(description="The news agency credited (AFP, Reuters, ...).")
    image: ImageOut | None
    countries: list[TagCountryOut]
    primary: str | None


class ArticleDetailOut(ArticleOut):
    body_html: str


class NewsOut(Schema):
    results: list[ArticleOut]


@router.post(
    "/tag",
    response={200: TagOut, 413: ErrorOut, 422: ErrorOut},
    summary="Countries a document concerns",
    openapi_extra={"requestBody": _DOCUMENT},
    # Tagging costs far more than a read: its own, lower limit on top of the API's.
    throttle=[
        SharedRateThrottle("api", "API_ANON_RATE"),
        SharedRateThrottle("tag", "TAG_RATE"),
    ],
)
def tag(request: HttpRequest) -> dict[str, Any]:
    """Each country the document names with a score (the primary's is 1.0), `passing` for those
    named only in passing, and the primary."""
    body = _tag_body(request)
    try:
        return tag_document(body, request.content_type or "").as_dict()
    except MarkupRefused as error:  # too big or too deeply nested to parse: refused unread
        details = {"reason": error.reason, "limit": error.limit}
        raise ApiError(422, str(error), details=details) from None
    except ValueError as error:  # JSON that does not parse, an object that is no article
        raise ApiError(422, f"The document cannot be read: {error}") from None


def _tag_body(request: HttpRequest) -> bytes:
    """The document; 413 above TAG_MAX_BYTES, before any of it is parsed."""
    limit = min(settings.TAG_MAX_BYTES, settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 2_621_440)
    too_large = ApiError(413, gettext("The document is larger than %d bytes.") % limit)
    if int(request.META.get("CONTENT_LENGTH") or 0) > limit:
        raise too_large
    if len(request.body) > limit:  # a body sent without a length, or with a false one
        raise too_large
    if not request.body.strip():
        raise ApiError(422, "Send the document to tag as the request body.")
    return request.body


@router.get("/news", response={200: NewsOut, 422: ErrorOut}, summary="News, newest first")
def list_news(
    request: HttpRequest,
    country: str | None = Query(None, pattern=r"^[A-Za-z]{2}$", description="Alpha-2 (RU)."),
    q: str = Query("", max_length=200, description="Words the articles must contain."),
    limit: int = Query(20, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
) -> dict[str, Any]:
    """Articles, optionally about one country or holding some words."""
    found = queries.matching(q, country)[offset : offset + limit]
    return {"results": [article_to_dict(a, request) for a in found]}


@router.get(
    "/news/{article_id}",
    response={200: ArticleDetailOut, 404: ErrorOut, 422: ErrorOut},
    summary="One article",
)
def get_article(
    request: HttpRequest, article_id: int = Path(..., ge=1, le=2**63 - 1)
) -> dict[str, Any]:
    found = queries.article(article_id)
    if found is None:
        raise ApiError(404, f"No article with id {article_id}.")
    return article_to_dict(found, request, body=True)
