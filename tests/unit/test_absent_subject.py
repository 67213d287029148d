"""A question about something the site never mentions is recognised as such
(app/services/retrieval.absent_words): the bot declines instead of answering from a
passage that merely shares words with it."""

from __future__ import annotations

from app.services.retrieval import Passage, absent_words, rarest_subject_word, says_word
from tests.support.stores import TextStore


def _store(*texts: str) -> TextStore:
    return TextStore(*texts, title="Repairs")


STORE = _store(
    "All our rental bikes are serviced after every hire.",
    "We collect and deliver bikes for servicing in Dublin 7 for €15 each way.",
)


def test_a_service_the_site_never_names_is_absent():
    assert absent_words("Do you service motorbikes?", STORE) == ["motorbikes"]
    assert absent_words("Do you ship bikes to the UK?", STORE) == ["ship"]
    assert absent_words("Will you buy my old bike as a trade-in?", STORE)


def test_a_service_the_site_names_is_not_absent():
    assert absent_words("Do you service bikes?", STORE) == []
    assert absent_words("Do you deliver bikes?", STORE) == []
    assert absent_words("What time do you close on weekdays?", STORE) == []  # no subject asked


def test_the_priced_thing_is_the_questions_rarest_word_the_site_uses():
    store = _store(
        "Meeting rooms: the Anchor room costs €35 per hour.",
        "Our meeting rooms seat twelve.",
        "We can arrange catering for €14.50 per person.",
    )
    assert rarest_subject_word("How much does catering for a meeting cost?", store) == "cater"
    # a word the site never uses is not asked for here (absent_words declines on it)
    assert rarest_subject_word("How much is a veneer?", store) is None


def test_the_priced_thing_is_one_the_found_passages_say():
    store = _store(
        "Neutering. Rabbits: castration £150, spay £185.",
        "Neutering. Castration: cat £115.",
        "Straining to pass urine, especially in male cats.",
        "Hay is most of a rabbit's diet.",
        "Rabbits should live in pairs.",
    )
    found = [
        Passage(
            text="Rabbits: castration £150, spay £185.",
            score=0.7,
            title="Our fees",
            url="https://vets.example/fees",
            section="Neutering",
            collection="website_content",
        )
    ]
    question = "How much is neutering a male rabbit?"
    assert rarest_subject_word(question, store) == "male"  # said once, of cats, elsewhere
    assert rarest_subject_word(question, store, found) == "neuter"


def test_a_word_is_said_by_its_stem_or_with_an_ending():
    assert says_word("week", "€80 per week")
    assert says_word("weekly", "City bike: €80 per week.")
    assert not says_word("catering", "The Anchor room: €35 per hour.")


def test_a_way_of_paying_the_site_never_names_is_absent():
    missing = absent_words("Can I pay for a bike in monthly instalments?", STORE)
    assert "instalments" in missing
    assert absent_words("Can I pay by card?", _store("We take card and cash.")) == []


def test_a_service_named_by_its_verb_or_priced_with_what_does_it_cost_is_checked():
    store = _store(
        "Cats have their own quiet waiting room.",
        "Home visit: from £120.",
        "We take cash and cards.",
    )
    assert "board" in absent_words("Do you board cats while I'm on holiday?", store)
    assert absent_words("What does a home euthanasia visit cost?", store) == ["euthanasia"]
    # an asking verb is not what the question is about
    assert absent_words("Do you take cash?", store) == []
    assert absent_words("What does a home visit cost?", store) == []


def test_with_any_other_verb_only_the_verb_is_checked_not_the_rest_of_the_question():
    store = _store(
        "We close at 1pm on the 24th of December.",
        "We work with clients in 14 countries.",
        "We are happy to sign a non-disclosure agreement before the first meeting.",
    )
    # phrasing the site does not use ("early", "christmas", "abroad") is not the subject
    assert absent_words("Do you close early on Christmas Eve?", store) == []
    assert absent_words("Do you take on clients from abroad?", store) == []
    assert absent_words("Will you sign an NDA?", store) == []
    assert absent_words("Do you board cats?", store) == ["board"]


def test_what_is_accepted_or_taken_is_the_subject():
    store = _store(
        "We accept cards, Apple Pay and Google Pay, and most dental insurance plans.",
        "We work with clients in 14 countries.",
    )
    assert absent_words("Do you accept Bupa dental insurance?", store) == ["bupa"]
    assert absent_words("Do you take cash?", store) == ["cash"]
    assert absent_words("Do you accept Apple Pay?", store) == []
    # "take on" is a phrasal verb: what follows is phrasing, not the thing accepted
    assert absent_words("Do you take on clients from abroad?", store) == []


def test_a_discount_is_how_a_price_is_asked_not_a_thing_the_site_must_name():
    store = _store("Students get 15% off all cuts from Tuesday to Thursday.")
    assert absent_words("Is there any discount for students?", store) == []
    assert absent_words("Is there a discount for pensioners?", store) == ["pensioners"]
