"""Reading a point typed by a person or a URL: "43.1155,131.8855"."""

from __future__ import annotations

import math

from django.utils.translation import gettext

from embassies.assistance.finder import FinderError, Point, check_point


def parse_point(text: str) -> Point:
    """'LAT,LON' -> (lat, lon); FinderError when it is not two finite numbers in range."""
    parts = text.split(",")
    try:
        lat, lon = (float(p) for p in parts) if len(parts) == 2 else (math.nan, math.nan)
    except ValueError:
        lat = lon = math.nan
    if not (math.isfinite(lat) and math.isfinite(lon)):
        # Translators: "near" is the name of the parameter; keep it as it is.
        message = gettext("near must be LAT,LON in decimal degrees, e.g. 43.1155,131.8855.")
        raise FinderError("near", message)
    point = check_point((lat, lon))
    assert point is not None
    return point
