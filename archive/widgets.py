"""Form widgets that render fast enough for long choice lists."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


@lru_cache(maxsize=64)
def _option_tags(choices: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str, str], ...]:
    """(value, escaped opening up to the attribute end, escaped label) of every option."""
    return tuple(
        (str(key), f'<option value="{escape(key)}"', f">{escape(label)}</option>")
        for key, label in choices
    )


class LongSelect(forms.Select):
    """A `<select>` whose options are written in Python, not one template each.

    Why: Django renders every option through a template; the 250 countries of a country
    filter took 17 ms per list page, a fifth of the page's budget. The escaped options are
    kept per choice list, so a page pays only for marking the chosen one. Same HTML. Flat
    choices only (no option groups), which is all the filters use."""

    def render(
        self, name: str, value: Any, attrs: dict | None = None, renderer: Any = None
    ) -> SafeString:
        chosen = {"" if v is None else str(v) for v in self.format_value(value)}
        final = self.build_attrs(self.attrs, attrs)
        final["name"] = name
        tags = _option_tags(tuple((str(k), str(v)) for k, v in self.choices))
        options = "".join(
            f"{head} selected{tail}" if key in chosen else f"{head}{tail}"
            for key, head, tail in tags
        )
        known = {key for key, _, _ in tags}
        # A value that is no choice stays in the field, beside its error, so the reader sees
        # what was wrong instead of a field silently reset to "Any".
        unknown = "".join(
            format_html('<option value="{}" selected>{} (not a valid choice)</option>', v, v)
            for v in sorted(chosen - known)
            if v
        )
        options = unknown + options
        return format_html("<select{}>{}</select>", flatatt(final), mark_safe(options))


class CountryPairWidget(forms.Widget):
    """Two country selects under one name: one country, or two for the relations between
    them (`?country=IR&country=IQ`). Each select has its own label for screen readers."""

    labels = ("Country", "and country")

    def __init__(self, attrs: dict | None = None, choices: Any = ()) -> None:
        super().__init__(attrs)
        self.choices = choices

    def value_from_datadict(self, data: Any, files: Any, name: str) -> list[str]:
        getter = getattr(data, "getlist", None)
        values = getter(name) if getter else [data.get(name)]
        return [value for value in values if value]

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return name not in data

    def render(
        self, name: str, value: Any, attrs: dict | None = None, renderer: Any = None
    ) -> SafeString:
        chosen = [str(v) for v in (value or []) if v][:2]
        base = self.build_attrs(self.attrs, attrs)
        parts = []
        for position, label in enumerate(self.labels):
            select = LongSelect(choices=self.choices)
            attrs_one = {**base, "aria-label": label}
            if position and "id" in base:
                attrs_one["id"] = f"{base['id']}_{position}"
            current = chosen[position] if position < len(chosen) else ""
            parts.append(select.render(name, current, attrs_one))
        return mark_safe("".join(parts))
