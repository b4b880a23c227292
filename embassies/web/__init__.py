"""Server-rendered pages: home, countries, missions."""
