"""The API object: every router of /api/v1/ is attached here."""

from ninja import NinjaAPI

from embassies.api import alerts, countries, errors, missions, search
from embassies.api.docs import SiteSwagger
from embassies.api.throttle import SharedRateThrottle

api = NinjaAPI(
    title="Embassies API",
    version="1",
    description="Open data on the world's embassies and consulates.",
    urls_namespace="api",
    # With "ninja" in INSTALLED_APPS, the docs page loads Swagger UI from local static files,
    # in our template (a phone's viewport, a link back to the site).
    docs=SiteSwagger(settings={"persistAuthorization": False}),
    # Per client, counted in the shared cache (Redis when configured) across all processes.
    throttle=[SharedRateThrottle("api", "API_ANON_RATE")],
)
errors.install(api)
api.add_router("", missions.router)
api.add_router("", countries.router)
api.add_router("", search.router)
api.add_router("", alerts.router)
api.add_router("", "embassies.api.exports.router")
api.add_router("", "embassies.api.news.router")
