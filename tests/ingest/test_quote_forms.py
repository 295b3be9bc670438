"""Quotations in the forms news uses, each with the statements an editor would record.

A statement is what a person said, with who said it. Quotation marks of every kind, a
quotation run over two paragraphs, a quotation split by its attribution, dash dialogue,
speech under a `Name:` header or a transcript label and paragraphs after "X said:" are
statements; scare quotes, quoted names of programmes and quotations whose source is an
organisation, a document, a news agency or both sides are not."""

from __future__ import annotations

import pytest

from archive.ingest.document import read_text
from archive.ingest.pipeline import extract


def statements(text: str) -> list[tuple[str, str | None]]:
    """(words, speaker's name) of every statement, in text order. A comma closing the quoted
    words ("We are ready," Merz said) is punctuation of the sentence around them, not said."""
    extraction = extract(read_text(text, file_name="quotes.txt"))
    names = {p.key: p.name for p in extraction.people}
    return [
        (" ".join(s.text.split()).rstrip(", "), names.get(s.speaker_key or ""))
        for s in sorted(extraction.statements, key=lambda s: s.span.start)
    ]


DE_FR = "German Chancellor Friedrich Merz met French President Emmanuel Macron in Berlin on Monday."
MERZ, MACRON = "Friedrich Merz", "Emmanuel Macron"
RU_TR = (
    "Russian Foreign Minister Sergei Lavrov met Turkish Foreign Minister Hakan Fidan in Antalya "
    "on Friday to discuss a ceasefire in Ukraine."
)
LAVROV, FIDAN = "Sergei Lavrov", "Hakan Fidan"
KR_JP = (
    "South Korean Defence Minister Kim Min-ho met Japanese Defence Minister Gen Nakatani in "
    "Seoul on Tuesday. The two ministers spoke to reporters after the talks."
)
KIM, NAKATANI = "Kim Min-ho", "Gen Nakatani"
AU_ID = (
    "Australian Foreign Minister Penny Wong met Indonesian Foreign Minister Sugiono in Jakarta "
    "on Thursday to discuss fisheries and maritime security."
)
WONG = "Penny Wong"
CN_RU = (
    "Chinese President Xi Jinping received Russian President Vladimir Putin in Beijing on "
    "Tuesday for talks on trade and energy."
)
XI, PUTIN = "Xi Jinping", "Vladimir Putin"

QUOTE_FORMS = [
    # Marks of every kind.
    pytest.param(
        f"{DE_FR} “We stand together with Ukraine,” Merz said.",
        [("We stand together with Ukraine", MERZ)],
        id="curly-double",
    ),
    pytest.param(
        f'{DE_FR} "Europe must be able to defend itself," Macron said.',
        [("Europe must be able to defend itself", MACRON)],
        id="straight-double",
    ),
    pytest.param(
        f"{DE_FR} 'We will not be divided by anyone,' said Merz.",
        [("We will not be divided by anyone", MERZ)],
        id="straight-single",
    ),
    pytest.param(
        f"{DE_FR} ‘Our friendship is the engine of Europe,’ Macron told reporters.",
        [("Our friendship is the engine of Europe", MACRON)],
        id="curly-single",
    ),
    pytest.param(
        f"{DE_FR} 'We won't let Ukraine's friends down,' Merz said.",
        [("We won't let Ukraine's friends down", MERZ)],
        id="apostrophes-inside-straight-single",
    ),
    pytest.param(
        f"{DE_FR} ‘We don’t accept Moscow’s terms for a ceasefire,’ Macron said.",
        [("We don’t accept Moscow’s terms for a ceasefire", MACRON)],
        id="apostrophes-inside-curly-single",
    ),
    pytest.param(
        f"{DE_FR} „We stand shoulder to shoulder with Kyiv“, Merz said.",
        [("We stand shoulder to shoulder with Kyiv", MERZ)],
        id="low-high-german",
    ),
    pytest.param(
        f"{DE_FR} «Europe must take its destiny into its own hands», Macron said.",
        [("Europe must take its destiny into its own hands", MACRON)],
        id="guillemets",
    ),
    pytest.param(
        f"{DE_FR} « We are ready to do more for Ukraine », said Macron.",
        [("We are ready to do more for Ukraine", MACRON)],
        id="guillemets-spaced",
    ),
    pytest.param(
        f"{DE_FR} “Our bond is ‘unbreakable’ and it runs deep,” Merz stated.",
        [("Our bond is ‘unbreakable’ and it runs deep", MERZ)],
        id="scare-quote-inside-quote",
    ),
    # Where the attribution stands.
    pytest.param(
        f"{DE_FR} Macron added, “Europe must defend itself without delay.”",
        [("Europe must defend itself without delay.", MACRON)],
        id="attribution-before-comma",
    ),
    pytest.param(
        f"{DE_FR} Merz said: “Germany will remain a reliable partner for France.”",
        [("Germany will remain a reliable partner for France.", MERZ)],
        id="attribution-before-colon",
    ),
    pytest.param(
        f"{DE_FR} “We are ready,” Merz said, “to send more air defence systems to Ukraine.”",
        [("We are ready", MERZ), ("to send more air defence systems to Ukraine.", MERZ)],
        id="split-by-attribution-curly",
    ),
    pytest.param(
        f'{DE_FR} Macron spoke after lunch. "France will stay the course," he said, '
        '"whatever it costs us."',
        [("France will stay the course", MACRON), ("whatever it costs us.", MACRON)],
        id="split-by-attribution-pronoun",
    ),
    # A quotation over two paragraphs: one statement.
    pytest.param(
        f"{DE_FR}\n\n“The talks were long and difficult, but we found common ground on every "
        "point.\n\n“We will meet again in Paris in June,” Macron said.\n",
        [
            (
                "The talks were long and difficult, but we found common ground on every point. "
                "We will meet again in Paris in June",
                MACRON,
            )
        ],
        id="two-paragraphs-curly",
    ),
    pytest.param(
        f'{RU_TR}\n\n"Turkey is ready to host the next round of talks in Istanbul.\n\n'
        '"We have offered this to both parties," Fidan said.\n',
        [
            (
                "Turkey is ready to host the next round of talks in Istanbul. We have offered "
                "this to both parties",
                FIDAN,
            )
        ],
        id="two-paragraphs-straight",
    ),
    # Dash dialogue.
    pytest.param(
        f"{RU_TR}\n— We are ready to continue the talks, — said Lavrov.\n",
        [("We are ready to continue the talks", LAVROV)],
        id="dash-dialogue",
    ),
    pytest.param(
        f"{RU_TR}\n– Ankara supports an immediate ceasefire, – Fidan said.\n",
        [("Ankara supports an immediate ceasefire", FIDAN)],
        id="dash-dialogue-en-dash",
    ),
    # Speech under a Name: header, a transcript, paragraphs after "X said:".
    pytest.param(
        f"{CN_RU}\n\nWhat they said:\n\nChinese President Xi Jinping:\nChina and Russia are "
        "good neighbours and reliable partners.\n\nRussian President Vladimir Putin:\n"
        "Relations between our countries are at their best in history.\n",
        [
            ("China and Russia are good neighbours and reliable partners.", XI),
            ("Relations between our countries are at their best in history.", PUTIN),
        ],
        id="name-header-unquoted",
    ),
    pytest.param(
        f"{CN_RU}\n\nChinese President Xi Jinping:\n“Our trade keeps growing every year.”\n",
        [("Our trade keeps growing every year.", XI)],
        id="name-header-quoted",
    ),
    pytest.param(
        f"{KR_JP}\n\nMINISTER KIM: We have agreed to expand our joint drills next year.\n"
        "Q: When will the drills begin?\nMINISTER KIM: In the spring, as planned.\n"
        "MINISTER NAKATANI: Japan welcomes the agreement.\n",
        [
            ("We have agreed to expand our joint drills next year.", KIM),
            ("In the spring, as planned.", KIM),
            ("Japan welcomes the agreement.", NAKATANI),
        ],
        id="transcript-labels",
    ),
    pytest.param(
        f"{KR_JP}\n\nQ: Will the exercises include live fire?\nMINISTER KIM: Yes, in the "
        "second phase of the drills.\n",
        [("Yes, in the second phase of the drills.", KIM)],
        id="transcript-question-is-no-statement",
    ),
    pytest.param(
        f"{AU_ID} After the talks Wong said:\n\nAustralia and Indonesia share a long maritime "
        "border and a common interest in a stable region.\n",
        [
            (
                "Australia and Indonesia share a long maritime border and a common interest in "
                "a stable region.",
                WONG,
            )
        ],
        id="said-colon-unquoted-paragraph",
    ),
    pytest.param(
        f"{AU_ID} Wong told reporters:\n“We will keep talking to Jakarta about fisheries and "
        "the border.”\n",
        [("We will keep talking to Jakarta about fisheries and the border.", WONG)],
        id="said-colon-quoted-next-line",
    ),
    # A named spokesperson is a person, even of a ministry.
    # Not statements: scare quotes, names of programmes, organisations and both sides.
    pytest.param(
        f"{DE_FR} Merz warned of 'hostilities' by unnamed actors.",
        [],
        id="scare-quote-one-word",
    ),
    pytest.param(
        f"{DE_FR} Both described the ties as “strategic relations” that matter.",
        [],
        id="scare-quote-two-words",
    ),
    pytest.param(
        f"{DE_FR} They discussed the “European Sky Shield Initiative” and joint procurement.",
        [],
        id="programme-name-capitalised",
    ),
    pytest.param(
        f"{DE_FR} “The talks were constructive and forward-looking,” the German Foreign "
        "Ministry said in a statement.",
        [],
        id="ministry-statement",
    ),
    pytest.param(
        "Japanese Prime Minister Shigeru Ishiba met Philippine President Ferdinand Marcos Jr. in "
        "Manila on Tuesday. “Both sides reaffirmed their commitment to a free and open "
        "Indo-Pacific,” the joint statement said.",
        [],
        id="joint-statement",
    ),
    pytest.param(
        f"{DE_FR} “We will deepen cooperation in energy and defence,” both sides said.",
        [],
        id="both-sides",
    ),
    pytest.param(
        f"{DE_FR} The two leaders said they were “determined to support Ukraine for as long as "
        "it takes”.",
        [],
        id="the-two-leaders",
    ),
    pytest.param(
        "Iraqi Defence Minister Thabet al-Abbasi met Iranian Defence Minister Aziz Nasirzadeh "
        "in Tehran on Sunday. “The two countries will expand their security cooperation,” the "
        "IRNA news agency reported.",
        [],
        id="news-agency-reported",
    ),
    pytest.param(
        "Indian Prime Minister Narendra Modi met Japanese Prime Minister Shigeru Ishiba in "
        "Tokyo on Friday. “The visit strengthens our special strategic and global partnership,” "
        "according to the Ministry of External Affairs.",
        [],
        id="according-to-ministry",
    ),
    pytest.param(
        f"{DE_FR} “We agreed on a common plan for air defence,” according to Chancellor Merz.",
        [("We agreed on a common plan for air defence", MERZ)],
        id="according-to-person",
    ),
    pytest.param(
        f"{DE_FR} “We agreed on a common plan for air defence,” according to Merz.",
        [("We agreed on a common plan for air defence", MERZ)],
        id="according-to-surname",
    ),
    pytest.param(
        f"{DE_FR} According to Merz, “the plan for air defence is ready and funded.”",
        [("the plan for air defence is ready and funded.", MERZ)],
        id="according-to-before-quote",
    ),
    pytest.param(
        f"{AU_ID} Wong told reporters:\n\n“We will keep talking to Jakarta about fisheries and "
        "the border.”\n",
        [("We will keep talking to Jakarta about fisheries and the border.", WONG)],
        id="said-colon-quoted-paragraph",
    ),
    pytest.param(
        "Chinese Foreign Minister Wang Yi met Pakistani Foreign Minister Ishaq Dar in Beijing on "
        "Monday. “China will not accept any threats to its security,” Foreign Ministry "
        "spokesperson Mao Ning said.",
        [("China will not accept any threats to its security", "Mao Ning")],
        id="named-spokesperson",
    ),
    pytest.param(
        "Indian Prime Minister Narendra Modi met Japanese Prime Minister Shigeru Ishiba in Tokyo "
        "on Friday. Ishiba praised the “Make in India” programme and Japan's part in it.",
        [],
        id="programme-name-with-lowercase-word",
    ),
]


@pytest.mark.parametrize(("text", "expected"), QUOTE_FORMS)
def test_quote_form(text, expected):
    assert statements(text) == expected


SINGLE_CURLY = (
    "Qatar's Minister of State Khalid al-Kuwari met Oman's Foreign Minister Hamed al-Harthy in "
    "Muscat on Monday.\n\n"
    "‘There has been a lot of talk about rivalry. I want to say clearly that it is not how we "
    "see it.\n\n"
    "‘Doha and Muscat have different styles, and that’s a strength,’ al-Kuwari told reporters.\n\n"
    "‘We don’t see mediation as a competition,’ al-Harthy said.\n"
)


def test_single_curly_quotation_over_two_paragraphs_and_a_surname_with_its_article():
    assert statements(SINGLE_CURLY) == [
        (
            "There has been a lot of talk about rivalry. I want to say clearly that it is not "
            "how we see it. Doha and Muscat have different styles, and that’s a strength",
            "Khalid al-Kuwari",
        ),
        ("We don’t see mediation as a competition", "Hamed al-Harthy"),
    ]


def test_a_name_and_title_header_over_unquoted_words():
    text = (
        "Singapore's Defence Minister Tan Wei Liang met Indonesian Defence Minister Hendro "
        "Wiranegara in Jakarta on Wednesday.\n\n"
        "Hendro Wiranegara, Indonesian Defence Minister:\n"
        "Singapore is a small country with a big navy, and we need each other.\n\n"
        "The ministers also discussed training.\n"
    )
    assert statements(text) == [
        (
            "Singapore is a small country with a big navy, and we need each other.",
            "Hendro Wiranegara",
        )
    ]
