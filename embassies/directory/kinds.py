"""The kinds of mission, and how the odd labels of open data map onto them."""

from __future__ import annotations

from django.db import models


class Kind(models.TextChoices):
    EMBASSY = "embassy", "Embassy"
    HIGH_COMMISSION = "high_commission", "High commission"
    CONSULATE_GENERAL = "consulate_general", "Consulate general"
    CONSULATE = "consulate", "Consulate"
    HONORARY_CONSULATE = "honorary_consulate", "Honorary consulate"
    CONSULAR_AGENCY = "consular_agency", "Consular agency"
    APOSTOLIC_NUNCIATURE = "apostolic_nunciature", "Apostolic nunciature"
    PERMANENT_MISSION = "permanent_mission", "Permanent mission"
    INTERESTS_SECTION = "interests_section", "Interests section"
    REPRESENTATIVE_OFFICE = "representative_office", "Representative office (de facto embassy)"
    LIAISON_OFFICE = "liaison_office", "Liaison office"
    SUBNATIONAL_OFFICE = "subnational_office", "Sub-national government office"
    TRADE_OFFICE = "trade_office", "Trade office"
    OTHER = "other", "Diplomatic mission"


# Kinds that give consular help to citizens of the sending state, best first.
CONSULAR_KINDS: tuple[str, ...] = (
    Kind.EMBASSY,
    Kind.HIGH_COMMISSION,
    Kind.CONSULATE_GENERAL,
    Kind.CONSULATE,
    Kind.INTERESTS_SECTION,
    Kind.REPRESENTATIVE_OFFICE,
    Kind.CONSULAR_AGENCY,
    Kind.HONORARY_CONSULATE,
)

# Lower-cased label fragments, most specific first: the first fragment found wins.
_LABEL_RULES: tuple[tuple[str, Kind], ...] = (
    ("assistant high commission", Kind.HIGH_COMMISSION),
    ("deputy high commission", Kind.HIGH_COMMISSION),
    ("high commission", Kind.HIGH_COMMISSION),
    ("honorary consul", Kind.HONORARY_CONSULATE),
    ("consular agency", Kind.CONSULAR_AGENCY),
    ("consulate general", Kind.CONSULATE_GENERAL),
    ("consulate-general", Kind.CONSULATE_GENERAL),
    ("de facto consulate", Kind.REPRESENTATIVE_OFFICE),
    ("de facto embassy", Kind.REPRESENTATIVE_OFFICE),
    ("representative office", Kind.REPRESENTATIVE_OFFICE),
    ("economic and cultural office", Kind.REPRESENTATIVE_OFFICE),
    ("interests section", Kind.INTERESTS_SECTION),
    ("apostolic nunciature", Kind.APOSTOLIC_NUNCIATURE),
    ("apostolic delegation", Kind.APOSTOLIC_NUNCIATURE),
    ("nunciature", Kind.APOSTOLIC_NUNCIATURE),
    ("permanent mission", Kind.PERMANENT_MISSION),
    ("liaison office", Kind.LIAISON_OFFICE),
    ("government office", Kind.SUBNATIONAL_OFFICE),
    ("trade office", Kind.TRADE_OFFICE),
    ("consular office", Kind.CONSULATE),
    ("consulate", Kind.CONSULATE),
    ("embassy", Kind.EMBASSY),
)


def kind_from_label(label: str) -> Kind:
    """Map a free-text type label ("British High Commission", "Consulate General of Sweden")."""
    text = " ".join(label.lower().replace("_", " ").split())
    for fragment, kind in _LABEL_RULES:
        if fragment in text:
            return kind
    return Kind.OTHER
