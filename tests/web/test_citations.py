"""Every record can be cited in a reference manager: BibTeX, RIS and CSL-JSON, parsed here."""

from __future__ import annotations

import json
import re

import pytest

pytestmark = pytest.mark.django_db


def _records(sample):
    return [
        sample.meeting,
        sample.araji,
        sample.quote,
        sample.agreement,
        sample.article,
        sample.nasirzadeh.institution,
    ]


def _bibtex_fields(text: str) -> tuple[str, str, dict[str, str]]:
    """A small BibTeX reader: entry type, key and fields; braces must balance."""
    match = re.fullmatch(r"@(\w+)\{([^,\s]+),\n(.*)\n\}\n", text, re.S)
    assert match, text
    body, fields = match.group(3), {}
    depth, start, name = 0, 0, None
    for i, char in enumerate(body):
        if char == "{" and (i == 0 or body[i - 1] != "\\"):
            if depth == 0:
                name = body[:i].rsplit(",", 1)[-1].split("=")[0].strip()
                start = i + 1
            depth += 1
        elif char == "}" and body[i - 1] != "\\":
            depth -= 1
            if depth == 0:
                fields[name] = body[start:i]
        assert depth >= 0, text
    assert depth == 0, text
    return match.group(1), match.group(2), fields


def test_bibtex_parses_with_the_archive_as_publisher(client, sample):
    for record in _records(sample):
        response = client.get(record.get_absolute_url() + "?cite=bibtex")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/x-bibtex")
        kind, key, fields = _bibtex_fields(response.content.decode())
        assert kind == "misc"
        assert key == f"{record._meta.model_name}-{record.pk}"
        assert fields["publisher"] == "Bilateral meetings archive"
        assert fields["url"].endswith(record.get_absolute_url())
        assert fields["year"] == str(
            record.updated_at.year if hasattr(record, "updated_at") else record.imported_at.year
        )


def test_ris_has_its_tags_and_ends_a_record(client, sample):
    text = client.get(sample.quote.get_absolute_url() + "?cite=ris").content.decode()
    lines = text.split("\r\n")[:-1]
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in lines), lines
    tags = {line[:2]: line[6:] for line in lines}
    assert tags["TY"] == "ELEC" and tags["PB"] == "Bilateral meetings archive"
    assert tags["UR"].endswith(sample.quote.get_absolute_url())
    assert re.fullmatch(r"\d{4}/\d\d/\d\d", tags["DA"])
    assert text.endswith("ER  - \r\n")


def test_csl_json_is_an_item_list(client, sample):
    items = json.loads(client.get(sample.meeting.get_absolute_url() + "?cite=csl").content)
    (item,) = items
    assert item["type"] == "webpage" and item["publisher"] == "Bilateral meetings archive"
    created = sample.meeting.created_at.date()
    assert item["issued"] == {"date-parts": [[created.year, created.month, created.day]]}
    assert item["id"] == f"meeting-{sample.meeting.pk}"


def test_special_characters_are_escaped_in_bibtex(client, sample):
    sample.araji.name = "Qassem {al-Araji} & 100% _test_"
    sample.araji.save()
    text = client.get(sample.araji.get_absolute_url() + "?cite=bibtex").content.decode()
    _, _, fields = _bibtex_fields(text)
    assert r"\{al-Araji\} \& 100\% \_test\_" in fields["title"]


def test_the_page_links_the_three_downloads(client, sample):
    body = client.get(sample.meeting.get_absolute_url()).content.decode()
    for fmt in ("bibtex", "ris", "csl"):
        assert f'href="?cite={fmt}"' in body
