"""Embassies: an open directory of the world's embassies and consulates."""
