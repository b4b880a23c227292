"""XML from outside, parsed safely: no DTD, no entities, no external resources.

A feed never needs a DTD; refusing any is how entity bombs ("billion laughs") and
external-entity reads are stopped before they start.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from embassies.alerts.advisories.items import AdvisoryFormatError


def parse(body: bytes) -> Element:
    try:
        root: Element = fromstring(body, forbid_dtd=True)
    except DefusedXmlException as error:
        raise AdvisoryFormatError(
            f"refused: the document declares a DTD or entities ({type(error).__name__}), "
            "which an advisory feed never needs"
        ) from error
    except ParseError as error:
        raise AdvisoryFormatError(f"not well-formed XML: {error}") from error
    return root
