"""An answer that does not speak of the asked-about thing is no answer
(app/services/retrieval.unsaid_words): "Is there a waiting list for Keys Club?" answered with
the club's price is declined, though the site says "list" somewhere."""

from __future__ import annotations

from app.services.knowledge import _priced
from app.services.retrieval import (
    Passage,
    absent_words,
    asked_service,
    rarest_subject_word,
    unsaid_words,
)
from tests.support.stores import TextStore


def _store(*texts: str) -> TextStore:
    return TextStore(*texts, title="Fees")


STORE = _store(
    "Keys Club group piano (ages 6-9): $325 / term.",
    "Our reading list for theory students.",
    "Private lessons: $35 for 30 minutes.",
    "Lessons are taught in our studios.",
    "Free parking in our lot behind the building.",
    "Our lounge has free Wi-Fi and three highchairs.",
    "Marco teaches acoustic, electric and classical guitar.",
)


def test_the_asked_thing_missing_from_the_answer_is_unsaid():
    answer = "Fees Group classes Keys Club group piano (ages 6-9): $325 / term."
    question = "Is there a waiting list for Keys Club and how long is it?"
    assert unsaid_words(question, answer, STORE) == ["list", "waiting"]


def test_what_the_question_says_after_the_thing_need_not_be_said():
    # "for my daughter" tells about the visitor, not what is asked for
    answer = "Fees Group classes Keys Club group piano (ages 6-9): $325 / term."
    assert unsaid_words("How much is Keys Club for my daughter?", answer, STORE) == []


def test_a_word_said_on_many_pages_need_not_be_said_again():
    answer = "Parking Free parking in our lot behind the building."
    question = "Is there a lesson parking space?"
    assert unsaid_words(question, answer, STORE) == ["lesson", "space"]
    # "lesson" is on two of the seven passages; "space" on none
    assert unsaid_words(question, answer, STORE, min_weight=1.5) == ["space"]


def test_the_sites_spelling_of_a_word_counts_as_said():
    answer = "Our lounge has free Wi-Fi and three highchairs."
    assert unsaid_words("Is there wifi?", answer, STORE) == []  # "Wi-Fi"
    assert unsaid_words("Are there high chairs?", answer, STORE) == []  # "highchairs"


def test_how_a_thing_is_reached_is_not_what_it_is():
    answer = "FAQ Every client gets a login to the client portal."
    assert (
        unsaid_words("Is there an online portal where I can see my invoices?", answer, STORE) == []
    )


def test_a_person_by_name_offers_as_the_business_does():
    assert absent_words("Does Marco teach bass guitar?", STORE) == ["bass"]
    assert absent_words("Does Marco teach electric guitar?", STORE) == []


def test_a_phrasal_verb_does_not_name_the_service():
    assert asked_service("Can you pick up my bike for a service?") is None
    assert asked_service("Do you board cats?") == "board"


def test_whose_it_is_says_nothing_of_what_it_is():
    assert absent_words("Does Marco teach her guitar?", STORE) == []


def test_the_priced_thing_is_not_a_pronoun():
    store = _store(
        "Helena Kowalczyk: founder and director.",
        "Lessons with our director Helena: $82 an hour.",
        "Private lessons: $35 for 30 minutes.",
        "She studied in Toronto.",
    )
    question = "What do lessons with Helena cost? I've heard she's great."
    assert rarest_subject_word(question, store) == "helena"


def _passage(text: str, section: str) -> Passage:
    return Passage(
        text=text,
        score=0.6,
        title="Muddy Paws",
        url="https://dogs.example/",
        section=section,
        collection="website_content",
    )


def test_the_priced_thing_is_a_word_of_a_priced_passage():
    # the visitor's suburb is said only by the zone list, which prices nothing
    store = _store(
        "Pick-up van: Zone 1 $12 each way, Zone 2 $18 each way.",
        "Zone 1: Wigram, Hornby, Halswell and Addington. The pick-up van collects from home.",
        "Ben drives the pick-up van.",
        "Daycare: $52 a day.",
    )
    found = [
        _passage("Pick-up van: Zone 1 $12 each way, Zone 2 $18 each way.", "Prices"),
        _passage("Zone 1: Wigram, Hornby, Halswell and Addington.", "Pick-up van"),
    ]
    question = "How much does the van cost from Halswell?"
    assert rarest_subject_word(question, store, found) == "halswell"
    assert rarest_subject_word(question, store, _priced(found)) == "van"
