"""Every page links to the archive's main pages, resolved once per script prefix."""

from __future__ import annotations

import pytest
from django.urls import reverse, set_script_prefix

from archive.record_urls import SITE_PAGES, site_paths


@pytest.mark.django_db
def test_header_links_every_main_page(client):
    html = client.get(reverse("archive:meeting_list")).content.decode()
    for name in SITE_PAGES:
        assert f'"{reverse(f"archive:{name}")}"' in html, name


def test_links_follow_the_script_prefix():
    try:
        set_script_prefix("/archive/")
        assert site_paths()["meeting_list"] == "/archive/meetings/"
    finally:
        set_script_prefix("/")
    assert site_paths()["meeting_list"] == "/meetings/"
