"""Diplomatic news: articles read from pages, files and feeds, cleaned, tagged by country."""
