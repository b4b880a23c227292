"""Form fields that let an editor type lists as lines instead of JSON.

Phones, e-mails and regions are one per line; social links are "network: address" lines.
"""

from __future__ import annotations

import json
from typing import Any

from django import forms


class LinesField(forms.CharField):
    """A JSON list of strings shown and typed as one item per line."""

    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", "One per line.")
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, str) and value.startswith("["):
            value = json.loads(value)  # a re-shown initial value of the JSON column
        if isinstance(value, list):
            return "\n".join(str(item) for item in value)
        return value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        if isinstance(value, list):
            return [str(item) for item in value]
        text = super().to_python(value)
        return [line.strip() for line in str(text).splitlines() if line.strip()]


class PairsField(forms.CharField):
    """A JSON object of strings shown and typed as "key: value" lines."""

    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", 'One per line, "network: address", e.g. "twitter: @name".')
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, str) and value.startswith("{"):
            value = json.loads(value)
        if isinstance(value, dict):
            return "\n".join(f"{key}: {item}" for key, item in value.items())
        return value

    def to_python(self, value: Any) -> dict[str, str]:  # type: ignore[override]
        if isinstance(value, dict):
            return {str(k): str(v) for k, v in value.items()}
        pairs: dict[str, str] = {}
        for number, line in enumerate(str(super().to_python(value)).splitlines(), 1):
            if not line.strip():
                continue
            key, colon, item = line.partition(":")
            if not colon or not key.strip() or not item.strip():
                raise forms.ValidationError(
                    'Line %(n)s is not "network: address".', params={"n": number}
                )
            pairs[key.strip().lower()] = item.strip()
        return pairs
