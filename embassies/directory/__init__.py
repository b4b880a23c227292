"""Missions (embassies, consulates, ...): the model, imports, search and the finder."""
