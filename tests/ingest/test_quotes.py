"""Quotes: marks of every kind, apostrophes, scare quotes, and who is speaking."""

from __future__ import annotations

import pytest

from .conftest import speaker_of

INTRO = "German Chancellor Friedrich Merz met French President Emmanuel Macron in Berlin. "


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (INTRO + "“We stand together on Ukraine,” Merz said.", "We stand", "Friedrich Merz"),
        (INTRO + '"We stand together on Ukraine," Macron said.', "We stand", "Emmanuel Macron"),
        (INTRO + "'We stand together on Ukraine,' said Merz.", "We stand", "Friedrich Merz"),
        (INTRO + "Macron added, “Europe must defend itself.”", "Europe must", "Emmanuel Macron"),
        (
            INTRO + "“Our bond is ‘unbreakable’ and deep,” the chancellor stated.",
            "Our bond",
            "Friedrich Merz",
        ),
        (
            INTRO + "Macron spoke after lunch. “France is ready to act now,” he told the Le Monde.",
            "France is ready",
            "Emmanuel Macron",
        ),
        (
            INTRO + "“Europe needs more shared capacity,” Merz was quoted by Reuters as saying.",
            "Europe needs",
            "Friedrich Merz",
        ),
        (
            INTRO + "“Europe needs more shared capacity,” pointed out the French president.",
            "Europe needs",
            "Emmanuel Macron",
        ),
    ],
)
def test_speaker_by_attribution(run, text, quote, speaker):
    assert speaker_of(run(text), quote) == speaker


def test_speaker_from_a_header_line(run):
    text = (
        "What they said:\n"
        "Chinese President Xi Jinping:\n"
        "“China and Russia are good neighbours and partners.”\n"
        "“Our trade keeps growing every year.”\n"
        "Russian President Vladimir Putin:\n"
        "“Relations are at their best in history.”\n"
    )
    extraction = run(text)
    assert speaker_of(extraction, "China and Russia") == "Xi Jinping"
    assert speaker_of(extraction, "Our trade") == "Xi Jinping"
    assert speaker_of(extraction, "Relations are") == "Vladimir Putin"


def test_continuation_quote_keeps_the_speaker(run):
    text = INTRO + "“We will meet again soon,” Merz said. “The agenda is long and full.”"
    assert speaker_of(run(text), "The agenda") == "Friedrich Merz"


def test_outlet_is_not_the_speaker(run):
    text = INTRO + "“We agreed on a joint plan,” according to DefenseNews."
    extraction = run(text)
    # An outlet is nobody's speaker, and a quotation the article gives to nobody is not an
    # official's statement: it is refused, with its reason.
    assert not [s for s in extraction.statements if s.text.startswith("We agreed")]
    assert any(
        r.text.startswith("We agreed") and r.reason == "quotation the article gives to nobody"
        for r in extraction.rejected
    )
    assert all(p.name != "DefenseNews" for p in extraction.people)


@pytest.mark.parametrize(
    "text",
    [
        INTRO + "Merz warned of 'hostilities' by unnamed actors.",
        INTRO + "Both described the ties as “strategic relations” that matter.",
        INTRO + "Iran's and Germany's ministers' aides didn't talk.",
    ],
)
def test_scare_quotes_and_apostrophes_are_not_statements(run, text):
    assert run(text).statements == ()


def test_headline_with_colon_but_no_quotes_is_no_statement(run):
    text = "Iranian Defense Minister: Ready to meet the needs of the Iraqi armed forces\n"
    assert run(text).statements == ()


def test_quote_span_points_at_the_quote(run):
    text = INTRO + "“We stand together,” Merz said."
    extraction = run(text)
    (statement,) = extraction.statements
    assert text[statement.span.start : statement.span.end] == "We stand together,"
    assert statement.direct


def test_quote_marks_past_the_cap_are_ignored_with_a_reason(run, monkeypatch):
    """A text with more quote marks than any article (here: over a lowered cap) keeps the
    statements before the cut and says why the rest was not read."""
    from archive.ingest import quotes

    monkeypatch.setattr(quotes, "MAX_QUOTE_MARKS", 20)
    text = (
        "French Defense Minister Anna Dubois met German Foreign Minister Jonas Weber in Paris "
        "on 3 March 2024. “We agreed to deepen our cooperation,” Dubois said.\n"
        + "Readers wrote 'a' 'b' 'c' 'd' 'e' 'f' 'g' 'h' 'i' 'j' 'k' 'l'.\n"
        + "“This quote comes after the cut and is not read,” Weber said.\n"
    )
    extraction = run(text)
    assert speaker_of(extraction, "We agreed to deepen") == "Anna Dubois"
    assert not any(s.text.startswith("This quote comes") for s in extraction.statements)
    reasons = [r.reason for r in extraction.rejected if r.stage == "quotes"]
    assert any("quotation marks" in reason for reason in reasons)
