"""Regenerate country_names.json from django-countries (run once by hand; the JSON is committed).

Why: the pipeline must stay free of Django, but country names should come from a maintained
ISO 3166 list, not be typed by hand. Demonyms, capitals and cities are hand-added in
countries_extra.txt because no maintained library ships them.
Usage: python archive/ingest/lexicon/build_country_names.py
"""

from __future__ import annotations

import json
from pathlib import Path


def main() -> None:
    from django.conf import settings

    settings.configure(USE_I18N=False)
    from django_countries import countries
    from django_countries.data import COUNTRIES

    # The common name ("Iran") is what the archive export shows; the ISO name
    # ("Iran (Islamic Republic of)") is kept as a further alias.
    names = {
        code: {"name": str(countries.name(code)), "iso_name": str(iso_name)}
        for code, iso_name in sorted(COUNTRIES.items())
    }
    target = Path(__file__).with_name("country_names.json")
    target.write_text(json.dumps(names, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
