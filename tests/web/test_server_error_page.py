"""A crash in a page answers with the site's own 500 page, rendered with the request."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from embassies.web.errors import server_error

pytestmark = pytest.mark.django_db


def test_the_500_page_renders_with_the_site_layout() -> None:
    request = RequestFactory().get("/countries/russia/")
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        response = server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert response["Content-Type"].startswith("text/html")
    assert "<h1" in html and 'rel="canonical"' in html
