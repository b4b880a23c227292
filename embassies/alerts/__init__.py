"""Consular-assistance alerts: country situations set by editors or raised from travel advisories."""
