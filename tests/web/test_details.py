"""Detail pages: what each shows, citations, highlighted article text."""

from __future__ import annotations

import datetime

from tests.factories import make_meeting


def test_meeting_page_shows_delegations_statements_agreements_sources(client, sample):
    body = client.get(sample.meeting.get_absolute_url()).content.decode()
    assert "2 March 2025" in body
    assert "Tehran" in body and "Ministry of Defense of Iran" in body
    assert "Iraq&#x27;s National Security Advisor" in body  # title at the time
    assert "Aziz Nasirzadeh" in body
    assert "will be implemented in full" in body
    assert "Iraq–Iran security agreement" in body
    assert "Iraq and Iran review security agreement" in body
    assert sample.meeting.sources.get().passage in body  # the reporting passage


def test_meeting_date_shown_to_its_precision(client, db):
    month = make_meeting(start_date=datetime.date(2024, 11, 1), date_precision="month")
    unknown = make_meeting(
        start_date=None, date_precision="unknown", date_text="14th and 15th November"
    )
    assert "November 2024" in client.get(month.get_absolute_url()).content.decode()
    assert "1 November 2024" not in client.get(month.get_absolute_url()).content.decode()
    assert "14th and 15th November" in client.get(unknown.get_absolute_url()).content.decode()


def test_official_page(client, sample):
    body = client.get(sample.araji.get_absolute_url()).content.decode()
    assert "Qasim al-Araji" in body  # alias
    assert "Iraq" in body
    assert "National Security Advisor" in body
    # meetings in date order: 2023 before 2025
    meetings = body.split('id="meetings"', 1)[1]
    assert meetings.index("10 June 2023") < meetings.index("2 March 2025")
    # counterparts with counts
    assert "Aziz Nasirzadeh" in body
    assert f'href="/officials/{sample.nasirzadeh.pk}/"' in body


def test_counterparts_is_one_query(sample, django_assert_num_queries):
    from archive.selectors import counterparts

    with django_assert_num_queries(1):
        rows = counterparts(sample.araji)
    assert [(r["official__name"], r["n"]) for r in rows] == [("Aziz Nasirzadeh", 1)]


def test_article_page_highlights_and_links_passages(client, sample):
    body = client.get(sample.article.get_absolute_url()).content.decode()
    assert '<mark class="passage passage-statement"' in body
    assert f'href="/statements/{sample.quote.pk}/"' in body
    assert f'href="/officials/{sample.araji.pk}/"' in body
    assert '<mark class="passage passage-meeting"' in body


def test_article_text_is_escaped(client, db):
    from tests.factories import make_article, make_statement

    text = '<script>alert("x")</script> He said "hello <b>".'
    article = make_article(text=text)
    start = text.index("hello")
    make_statement(article=article, text="hello <b>", start=start, end=start + 9)
    body = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;" in body
    assert "hello &lt;b&gt;" in body


def test_every_detail_page_has_a_citation(client, sample):
    for obj in [
        sample.meeting,
        sample.araji,
        sample.article,
        sample.quote,
        sample.agreement,
        sample.nasirzadeh.institution,
    ]:
        body = client.get(obj.get_absolute_url()).content.decode()
        assert '<meta name="citation_title"' in body, obj
        assert '<meta name="citation_public_url" content="http://testserver' in body
        assert "Cite this record" in body


def test_meeting_citation_names_the_source_and_dates_the_record_not_the_meeting(client, sample):
    body = client.get(sample.meeting.get_absolute_url()).content.decode()
    assert "IRNA, 2 March 2025" in body
    created = sample.meeting.created_at.date()
    assert f'<meta name="citation_date" content="{created:%Y/%m/%d}">' in body
    assert '<meta name="citation_date" content="2025/03/02">' not in body  # the meeting's day


def test_agreement_page(client, sample):
    body = client.get(sample.agreement.get_absolute_url()).content.decode()
    assert "Iraq, Iran" in body and "19 March 2023" in body and "Signed" in body
    assert sample.meeting.get_absolute_url() in body


def test_home_has_counts_latest_and_chart(client, sample):
    body = client.get("/").content.decode()
    assert "<strong>3</strong> meetings" in body
    assert "<svg" in body and "Meetings per month" in body
    assert ' style="' not in body  # the CSP forbids inline styles


def test_institution_page_lists_the_latest_meetings_hosted_and_says_how_many(client, db):
    from archive.selectors import INSTITUTION_PAGE_MEETINGS
    from tests.factories import make_institution

    venue = make_institution(name="Hall of Talks")
    for day in range(INSTITUTION_PAGE_MEETINGS + 5):
        make_meeting(venue=venue, start_date=datetime.date(2020, 1, 1) + datetime.timedelta(day))
    response = client.get(venue.get_absolute_url())
    meetings = response.context["meetings"]
    assert len(meetings) == INSTITUTION_PAGE_MEETINGS
    assert meetings[0][0].start_date == datetime.date(2020, 1, 1) + datetime.timedelta(
        INSTITUTION_PAGE_MEETINGS + 4
    )
    assert f"of {INSTITUTION_PAGE_MEETINGS + 5} meetings hosted" in response.content.decode()
    few = make_institution(name="Small Hall")
    make_meeting(venue=few)
    assert client.get(few.get_absolute_url()).context["meetings_total"] is None
