"""Full-text search on whichever database runs: ranking, phrases, prefixes, cleaned syntax."""

from __future__ import annotations

import pytest

from archive import search
from archive.models import Article, Official, OfficialAlias, Statement
from tests.factories import make_article, make_official, make_statement


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("security agreement", [(("security",), False), (("agreement",), False)]),
        ('"security agreement"', [(("security", "agreement"), False)]),
        ("secur*", [(("secur",), True)]),
        ("def*", [(("def",), True)]),
        ("s*", [(("s",), False)]),  # a one- or two-letter prefix is the word itself
        ("de*", [(("de",), False)]),
        ('"unclosed phrase', [(("unclosed", "phrase"), False)]),
        ("AND", []),
        ("-", []),
        ("*", []),
        ("NEAR(", []),
        ("a OR b NOT c", [(("a",), False), (("b",), False), (("c",), False)]),
        ("al-Araji", [(("al", "araji"), False)]),
        ('"" ()', []),
    ],
)
def test_parse_query(q, expected):
    assert [(t.words, t.prefix) for t in search.parse_query(q)] == expected


def test_parse_query_is_bounded():
    terms = search.parse_query("word " * 5000)
    assert len(terms) == search.MAX_TERMS


def _statements(rows: dict[str, str]) -> dict[str, Statement]:
    """One statement per text, all from one article, by key."""
    article = make_article()
    return {
        key: make_statement(article=article, text=text, start=i * 100, end=i * 100 + 10)
        for i, (key, text) in enumerate(rows.items())
    }


@pytest.fixture
def texts(db):
    return _statements(
        {
            "both": "The security agreement was signed in Baghdad.",
            "phrase_apart": "An agreement on trade; security was discussed later.",
            "security_only": "Security on the border is a priority for security forces.",
            "nothing": "The weather in Tehran was fine.",
            "prefix": "They want to secure the border.",
        }
    )


def _found(q: str) -> list[int]:
    return list(
        search.search(Statement.objects.all(), q)
        .order_by("-search_rank", "id")
        .values_list("pk", flat=True)
    )


def test_several_words_all_required(texts):
    assert set(_found("security agreement")) == {texts["both"].pk, texts["phrase_apart"].pk}


def test_phrase(texts):
    assert _found('"security agreement"') == [texts["both"].pk]


def test_prefix(texts):
    found = set(_found("secur*"))
    assert {texts["both"].pk, texts["security_only"].pk, texts["prefix"].pk} <= found
    assert texts["nothing"].pk not in found


def test_ranking_prefers_more_matches(texts):
    found = _found("security")
    assert found[0] == texts["security_only"].pk


@pytest.mark.parametrize("q", ['"security', "AND", "-", "*", "NEAR(", "OR NOT", "((", "'"])
def test_malformed_queries_never_raise(texts, q):
    list(search.search(Statement.objects.all(), q))


def test_unclosed_quote_still_searches(texts):
    assert _found('"security agreement') == [texts["both"].pk]


def test_snippet_is_highlighted_and_escaped(db):
    make_statement(text='security <3 & "agreement" <b>')
    row = search.search(Statement.objects.all(), "security").get()
    html = search.highlight(row.search_snippet)
    assert "<mark>security</mark>" in html
    assert "&lt;3 &amp;" in html and "<3" not in html and "<b>" not in html


def test_index_follows_updates_and_deletes(texts):
    statement = texts["nothing"]
    statement.text = "A new security pact"
    statement.save()
    assert statement.pk in _found("pact")
    statement.delete()
    assert _found("pact") == []


def test_article_title_and_text(db):
    article = make_article(title="Defence talks", text="Ministers met in Baghdad.")
    assert list(search.search(Article.objects.all(), "defence")) == [article]
    assert list(search.search(Article.objects.all(), "baghdad")) == [article]


def test_official_names_and_aliases(db):
    official = make_official(name="Mohammad Reza Ashtiani", country="IR")
    OfficialAlias.objects.create(official=official, name="Ashtiyani", name_key="ashtiyani")
    assert list(search.search(Official.objects.all(), "ashtiyani")) == [official]
    assert list(search.search(Official.objects.all(), "ashti*")) == [official]
    assert list(search.search(Official.objects.all(), "reza")) == [official]


def test_search_page_sections(client, sample):
    body = client.get("/search/?q=security+agreement").content.decode()
    assert "<mark>security</mark>" in body.lower() or "<mark>Security</mark>" in body
    assert f"/statements/{sample.quote.pk}/" in body
    assert f"/meetings/{sample.meeting.pk}/" in body
    assert "/statements/?q=security+agreement" in body


@pytest.fixture
def phrases(db):
    return _statements(
        {
            "adjacent": "The president will strengthen ties; the president strengthened them.",
            "stop_word": "He spoke of the president of France at length.",
            "apart": "A president said they would strengthen the border.",
            "two": "Border security and trade agreement talks went on.",
        }
    )


@pytest.mark.parametrize(
    "q, expected",
    [
        ('"president strengthened"', {"adjacent"}),
        ('"president strengthen"', {"adjacent"}),  # stems, as words do
        ('"strengthen the border"', {"apart"}),  # a stop word inside the phrase
        ('"president of france"', {"stop_word"}),
        ('"president stren*"', {"adjacent"}),  # a prefix ends the phrase
        ('"border security" "trade agreement"', {"two"}),
        ('"security border"', set()),  # order matters
        ('"president" strengthen', {"adjacent", "apart"}),
    ],
)
def test_phrases_match_adjacent_words_only(phrases, client, q, expected):
    """Phrase matching (on PostgreSQL helped by the stored word pairs) finds exactly the
    statements holding the words side by side, in the list page's ranked path too."""
    found = set(_found(q))
    assert found == {phrases[key].pk for key in expected}
    body = client.get("/statements/", {"q": q}).content.decode()
    for key, statement in phrases.items():
        assert (f'href="/statements/{statement.pk}/"' in body) == (key in expected), key


def _meetings_found(client, q: str) -> set[int]:
    response = client.get("/meetings/", {"q": q})
    assert response.status_code == 200
    return {int(row.split("/meetings/")[1].split("/")[0]) for row in response.context["rows"]}


def test_meetings_match_their_own_title_summary_and_topics_by_word(client, db):
    from tests.factories import make_meeting

    talks = make_meeting(summary="Talks on pipeline negotiations resumed.", topics="energy, oil")
    named = make_meeting(title="Border Commission session")
    make_meeting(summary="Nothing of interest here.")
    assert _meetings_found(client, "pipeline") == {talks.pk}
    assert _meetings_found(client, "negotiation") == {talks.pk}  # stemmed, as statements are
    assert _meetings_found(client, '"pipeline negotiations"') == {talks.pk}
    assert _meetings_found(client, "oil") == {talks.pk}
    assert _meetings_found(client, "commission") == {named.pk}
    assert _meetings_found(client, "pipe*") == {talks.pk}
    assert _meetings_found(client, "zzzz") == set()


def test_meeting_index_follows_edits_and_deletes(client, db):
    from tests.factories import make_meeting

    meeting = make_meeting(summary="A visit about fisheries.")
    meeting.summary = "A visit about railways."
    meeting.save()
    assert _meetings_found(client, "railways") == {meeting.pk}
    assert _meetings_found(client, "fisheries") == set()
    meeting.delete()
    assert _meetings_found(client, "railways") == set()


def test_article_phrases_match_adjacent_words_only_and_follow_edits(client, db):
    together = make_article(title="Gas talks", text="They agreed a pipeline deadline in May.")
    apart = make_article(title="Other", text="The pipeline was built before the deadline.")
    phrase = '"pipeline deadline"'
    assert list(search.search(Article.objects.all(), phrase)) == [together]
    assert set(search.search(Article.objects.all(), "pipeline deadline")) == {together, apart}
    assert list(search.search(Article.objects.all(), '"gas talks"')) == [together]  # title
    apart.text = "A pipeline deadline was set."
    apart.save()
    assert set(search.search(Article.objects.all(), phrase)) == {together, apart}
    listed = client.get("/articles/", {"q": phrase}).context["rows"]
    assert len(listed) == 2
