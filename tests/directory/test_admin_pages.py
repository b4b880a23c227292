"""Every model an editor keeps has a working admin: list, add, change and history pages answer,
and the mission list reads a fixed number of queries however many missions it shows."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.contrib import admin
from django.db.models import Model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from embassies.alerts.models import Advisory, Alert
from embassies.api.models import ApiToken
from embassies.assistance.models import Arrangement, EmergencyLine
from embassies.directory.models import FieldConflict, ImportRun, Mission, StatusFact
from embassies.news.models import Feed
from tests.alerts.builders import make_advisory, make_alert
from tests.directory.admin_helpers import editor_client
from tests.factories import make_country, make_mission
from tests.news.builders import make_article

pytestmark = pytest.mark.django_db

# The apps whose every model an editor keeps through the admin.
OURS = ("countries", "directory", "assistance", "news", "alerts", "api")


@pytest.fixture
def one_of_each() -> None:
    ru, ca = make_country("RU", "Russia"), make_country("CA", "Canada")
    mission = make_mission(
        sending=ca,
        host=ru,
        lat=55.7478,
        lon=37.5953,
        accreditations=[make_country("BY", "Belarus")],
    )
    FieldConflict.objects.create(
        mission=mission,
        field="city",
        source="wikidata",
        source_value="Moscow",
        current_value="Moskva",
        current_source="editor:admin:anna",
    )
    StatusFact.objects.create(
        mission=mission, status="closed", since="2022-02", source_url="https://example.org/s"
    )
    now = timezone.now()
    ImportRun.objects.create(source="wikidata", started_at=now, finished_at=now)
    Arrangement.objects.create(
        represented=ca,
        host=ru,
        representing=make_country("AU", "Australia"),
        kind="consular_sharing",
        source_url="https://example.org/a",
    )
    EmergencyLine.objects.create(
        country=ca,
        name="Emergency Watch and Response Centre",
        phone="+1 613 996 8885",
        source_url="https://example.org/e",
    )
    feed = Feed.objects.create(url="https://example.org/feed.xml", title="Example news")
    make_article("Envoys meet", datetime(2024, 1, 1, tzinfo=UTC), {"RU": 1.0}, feed=feed)
    make_alert("RU", "Russia is currently at war in Ukraine")
    make_advisory("US", "RU", 4)
    ApiToken.issue("newsroom-bot")


def _urls(model: type[Model], model_admin: admin.ModelAdmin) -> list[str]:
    info = (model._meta.app_label, model._meta.model_name)
    urls = [reverse("admin:{}_{}_changelist".format(*info))]
    if model_admin.has_add_permission(_superuser_request()):
        urls.append(reverse("admin:{}_{}_add".format(*info)))
    instance = model._default_manager.order_by("pk").first()
    if instance is None:
        assert model._meta.app_label not in OURS, f"no {model.__name__} to open: add one above"
        return urls
    urls.append(reverse("admin:{}_{}_change".format(*info), args=[instance.pk]))
    if isinstance(model_admin, SimpleHistoryAdmin):
        urls.append(reverse("admin:{}_{}_history".format(*info), args=[instance.pk]))
        versions = model.history.filter(**{model._meta.pk.attname: instance.pk})  # type: ignore[attr-defined]
        version = versions.order_by("history_id").first()
        if version is not None:
            urls.append(
                reverse(
                    "admin:{}_{}_simple_history".format(*info),
                    args=[instance.pk, version.history_id],
                )
            )
    return urls


def _superuser_request() -> object:
    from django.contrib.auth.models import User
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = User(is_superuser=True, is_staff=True, is_active=True)
    return request


def test_every_registered_model_has_working_pages(one_of_each: None) -> None:
    client, _ = editor_client()
    opened = []
    for model, model_admin in admin.site._registry.items():
        for url in _urls(model, model_admin):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            opened.append(url)
    ours = {m for m in admin.site._registry if m._meta.app_label in OURS}
    assert {
        Mission,
        ImportRun,
        FieldConflict,
        Arrangement,
        EmergencyLine,
        Alert,
        Advisory,
        ApiToken,
        Feed,
    } <= ours
    assert len(opened) > 4 * len(ours)


@pytest.mark.parametrize(
    "model",
    [Mission, Arrangement, EmergencyLine, Alert, Advisory],
    ids=lambda m: m.__name__,
)
def test_edited_models_keep_history_and_filter_by_country(model: type[Model]) -> None:
    model_admin = admin.site._registry[model]
    filters = [f[0] if isinstance(f, tuple | list) else f for f in model_admin.list_filter]
    assert any(name in filters for name in ("host", "country", "represented")), filters
    assert model_admin.search_fields and model_admin.list_select_related
    if model is not Advisory:  # advisories belong to their importer, not to editors
        assert isinstance(model_admin, SimpleHistoryAdmin)


def test_mission_list_reads_a_fixed_number_of_queries(
    django_assert_max_num_queries: object,
) -> None:
    client, _ = editor_client()
    url = reverse("admin:directory_mission_changelist")
    ru = make_country("RU", "Russia")
    make_mission(host=ru)
    with django_assert_max_num_queries(14) as few:  # type: ignore[operator]
        assert client.get(url).status_code == 200
    senders = [make_country(code, f"Sender {code}") for code in ("FR", "DE", "IT", "JP", "BR")]
    for sender in senders * 8:
        make_mission(sending=sender, host=ru, city=f"City of {sender.code}")
    with django_assert_max_num_queries(len(few.captured_queries)):  # type: ignore[operator]
        html = client.get(url).content.decode()
    assert "41 missions" in html
    searched = client.get(url, {"q": "City of JP", "host__code__exact": "RU"})
    assert "8 missions" in searched.content.decode()


def test_mission_change_page_has_accreditations_inline_and_a_map_preview(
    settings: object,
) -> None:
    client, _ = editor_client()
    mission = make_mission(lat=55.7478, lon=37.5953, accreditations=[make_country("BY", "Belarus")])
    html = client.get(reverse("admin:directory_mission_change", args=[mission.pk])).content.decode()
    assert "Belarus" in html and "Mission_accreditations-TOTAL_FORMS" in html
    assert 'class="mission-map-preview" data-lat="55.7478" data-lon="37.5953"' in html
    assert "55.747800, 37.595300" in html
    assert "https://www.openstreetmap.org/?mlat=55.74780&amp;mlon=37.59530" in html
    assert "directory/admin_map.js" in html and "leaflet/leaflet.js" in html
    assert (
        " style=" not in html.split('<fieldset class="module aligned ">', 1)[1].split("</form>")[0]
    )
    settings.MAP_TILE_URL = ""  # type: ignore[attr-defined]
    html = client.get(reverse("admin:directory_mission_change", args=[mission.pk])).content.decode()
    assert "mission-map-preview" not in html and "55.747800, 37.595300" in html


def test_a_new_api_token_is_shown_once_and_works(client: Client) -> None:
    editor, _ = editor_client()
    response = editor.post(reverse("admin:api_apitoken_add"), {"name": "partner-app"})
    assert response.status_code == 200
    secret = response.content.decode().split('<code class="issued-token">', 1)[1].split("<")[0]
    token = ApiToken.objects.get(name="partner-app")
    assert secret.startswith("emb_") and secret not in token.token_hash
    mission = make_mission(wikidata="Q1")
    answer = client.patch(
        f"/api/v1/missions/{mission.pk}",
        '{"city": "Moskva"}',
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert answer.status_code == 200, answer.content
    listing = editor.get(reverse("admin:api_apitoken_changelist")).content.decode()
    assert "partner-app" in listing and secret not in listing
