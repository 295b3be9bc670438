"""Every link from a record to its article goes to that record's passage."""

from __future__ import annotations

import re

import pytest

from archive.models import MeetingSource
from tests.factories import make_article, make_meeting, make_official, make_statement

pytestmark = pytest.mark.django_db


def test_a_statement_and_a_meeting_link_to_their_passages_which_the_article_anchors(client):
    text = "Ministers met in Baghdad on Monday. “We agreed on the border,” said Qassem al-Araji."
    article = make_article(text=text)
    araji = make_official(name="Qassem al-Araji", country="IQ")
    start = text.index("We agreed")
    end = start + len("We agreed on the border,")
    statement = make_statement(
        article=article, speaker=araji, text=text[start:end], start=start, end=end
    )
    meeting = make_meeting(officials=[araji])
    MeetingSource.objects.create(meeting=meeting, article=article, start=0, end=35)

    page = client.get(statement.get_absolute_url()).content.decode()
    assert f'href="{article.get_absolute_url()}#passage-{start}-{end}"' in page
    meeting_page = client.get(meeting.get_absolute_url()).content.decode()
    assert f'href="{article.get_absolute_url()}#passage-0-35"' in meeting_page

    article_page = client.get(article.get_absolute_url()).content.decode()
    assert f'id="passage-{start}-{end}"' in article_page
    assert 'id="passage-0-35"' in article_page
    # the list of passages on the article page links the same anchors
    assert f'href="#passage-{start}-{end}"' in article_page
    assert len(re.findall(rf'id="passage-{start}-{end}"', article_page)) == 1
