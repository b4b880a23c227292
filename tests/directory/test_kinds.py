"""Odd type labels from open data map onto the directory's kinds."""

import pytest

from embassies.directory.kinds import Kind, kind_from_label


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("embassy", Kind.EMBASSY),
        ("Embassy of the United States", Kind.EMBASSY),
        ("British High Commission", Kind.HIGH_COMMISSION),
        ("assistant high commission", Kind.HIGH_COMMISSION),
        ("Consulate General of Sweden", Kind.CONSULATE_GENERAL),
        ("consulates of Sweden", Kind.CONSULATE),
        ("honorary consulate", Kind.HONORARY_CONSULATE),
        ("Consular Agency", Kind.CONSULAR_AGENCY),
        ("consular office", Kind.CONSULATE),
        ("apostolic nunciature", Kind.APOSTOLIC_NUNCIATURE),
        ("Apostolic delegation", Kind.APOSTOLIC_NUNCIATURE),
        ("de facto embassy", Kind.REPRESENTATIVE_OFFICE),
        ("de facto consulate", Kind.REPRESENTATIVE_OFFICE),
        ("Taipei Representative Office", Kind.REPRESENTATIVE_OFFICE),
        ("Interests Section", Kind.INTERESTS_SECTION),
        ("Quebec Government Office", Kind.SUBNATIONAL_OFFICE),
        ("liaison office", Kind.LIAISON_OFFICE),
        ("permanent mission", Kind.PERMANENT_MISSION),
        ("trade office", Kind.TRADE_OFFICE),
        ("diplomatic mission of El Salvador", Kind.OTHER),
    ],
)
def test_label_maps_to_kind(label: str, kind: Kind) -> None:
    assert kind_from_label(label) == kind
