"""The API object: every router of /api/v1/ is attached here."""

from ninja import NinjaAPI, Swagger

from embassies.api import countries, errors, missions, search

api = NinjaAPI(
    title="Embassies API",
    version="1",
    description="Open data on the world's embassies and consulates.",
    urls_namespace="api",
    # With "ninja" in INSTALLED_APPS, the docs page loads Swagger UI from local static files.
    docs=Swagger(settings={"persistAuthorization": False}),
)
errors.install(api)
api.add_router("", missions.router)
api.add_router("", countries.router)
api.add_router("", search.router)
