"""News URLs under /news/: index, articles, per-country pages and their Atom and RSS feeds."""

from django.urls import path

from embassies.news import syndication
from embassies.web import news_views as views

app_name = "news"
urlpatterns = [
    path("", views.index, name="index"),
    path("atom/", syndication.LatestNewsAtom(), name="atom"),
    path("rss/", syndication.LatestNewsRss(), name="rss"),
    path("<int:pk>/", views.article, name="article_by_id"),
    path("<int:pk>-<slug:slug>/", views.article, name="article"),
    path("country/<str:code>/", views.country, name="country"),
    path("country/<str:code>/atom/", syndication.CountryNewsAtom(), name="country_atom"),
    path("country/<str:code>/rss/", syndication.CountryNewsRss(), name="country_rss"),
]
