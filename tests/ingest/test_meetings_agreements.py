"""Meetings and agreements in articles about other country pairs."""

from __future__ import annotations

import pytest

EGYPT_SAUDI = (
    "published: 2025-05-12\n\n"
    "Egyptian Foreign Minister Badr Abdelatty held talks with Saudi Foreign Minister Prince "
    "Faisal bin Farhan in Riyadh on Sunday. The two ministers discussed the situation in Gaza. "
    "Cairo and Riyadh have coordinated closely since 2023."
)
INDIA_JAPAN = (
    "Indian Defence Minister Rajnath Singh met Japanese Defense Minister Gen Nakatani in Tokyo "
    "on 10-11 June 2025. The two sides signed a memorandum of understanding on defence "
    "equipment transfer. Under the terms of the memorandum, Japan will supply radar parts."
)
METONYMY = (
    "Why it matters:\nBeijing and Moscow view their partnership as central.\n"
    "Chinese President Xi Jinping:\n“We are good neighbours and friends.”\n"
    "Russian President Vladimir Putin:\n“Our ties have never been stronger.”\n"
    "The meeting took place amid tension."
)


@pytest.mark.parametrize(
    ("text", "iso", "city", "countries"),
    [
        (EGYPT_SAUDI, "2025-05-11", "Riyadh", {"EG", "SA"}),
        (INDIA_JAPAN, "2025-06-10", "Tokyo", {"IN", "JP"}),
        (METONYMY, None, None, {"CN", "RU"}),
    ],
)
def test_meeting_date_city_and_sides(run, text, iso, city, countries):
    (meeting,) = run(text).meetings
    assert (meeting.start.iso if meeting.start else None) == iso
    assert meeting.city == city
    assert set(meeting.countries) == countries


def test_meeting_range_end(run):
    (meeting,) = run(INDIA_JAPAN).meetings
    assert meeting.end.iso == "2025-06-11"
    assert meeting.kind == "defense"
    assert len(meeting.participants) == 2


def test_text_without_a_meeting_is_rejected_explicitly(run):
    extraction = run("Oil prices rose on Tuesday amid supply worries.")
    assert extraction.meetings == ()
    assert any(r.stage == "meetings" for r in extraction.rejected)


def test_agreement_signed_date_place_and_status(run):
    extraction = run(
        "Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergey Lavrov in Moscow. "
        "The energy cooperation agreement, known as the 2024 Power of Siberia accord, was "
        "signed on May 16, 2024, in Beijing. The initial deadline for the agreement was "
        "December 1, 2024."
    )
    (agreement,) = extraction.agreements
    assert agreement.signed.iso == "2024-05-16"
    assert agreement.place == "Beijing"
    assert agreement.deadline.iso == "2024-12-01"
    assert agreement.status == "signed"
    assert set(agreement.parties) == {"CN", "RU"}


def test_agreement_in_preparation_has_no_signing_date(run):
    extraction = run(
        "US Defense Secretary Pete Hegseth met Japanese Defense Minister Gen Nakatani in Tokyo. "
        "“The two countries have prepared a document that will be signed soon,” Hegseth said."
    )
    (agreement,) = extraction.agreements
    assert agreement.status == "in_preparation"
    assert agreement.signed is None


def test_plural_agreements_are_not_records(run):
    extraction = run(
        "Indian Defence Minister Rajnath Singh met officials in Tokyo. India has signed defence "
        "contracts with Japan in the past, and existing agreements cover training."
    )
    assert extraction.agreements == ()


def test_hard_wrapped_sentence_keeps_its_date(run):
    text = (
        "PARIS – French Defence Minister Sébastien Lecornu met German Defence Minister "
        "Boris Pistorius\n"
        "in Paris on March 11, 2024, to discuss air defence.\n"
        '"Our two countries must build this shield together," Lecornu said.\n'
    )
    (meeting,) = run(text).meetings
    assert meeting.start.iso == "2024-03-11"
    assert meeting.city == "Paris"
