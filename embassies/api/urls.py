"""The API object: every router of /api/v1/ is attached here."""

from ninja import NinjaAPI

api = NinjaAPI(
    title="Embassies API",
    version="1",
    description="Open data on the world's embassies and consulates.",
    urls_namespace="api",
)
