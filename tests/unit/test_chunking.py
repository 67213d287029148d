"""Chunking: sections from headings, bounded chunks with overlap, FAQ pairs, tables."""

from __future__ import annotations

from ingest.chunking import chunk_document, split_sentences
from ingest.documents import Document

PAGE = """# Business hours and contact

## Business hours

Our business hours are Monday to Friday from 9:00 am to 6:00 pm. We are closed on Sundays.

| Day | Opening hours |
|---|---|
| Saturday | 10:00 am – 4:00 pm |
| Sunday | Closed |

## Contact us

Call us at +1 (555) 010-4242.

- Email hello@brightpath.example
- Visit the office
"""


def _doc(text: str, **kwargs) -> Document:
    return Document(
        source="https://shop.example/hours", title="Business hours and contact", text=text, **kwargs
    )


def test_each_chunk_keeps_its_url_title_and_section_heading():
    chunks = chunk_document(_doc(PAGE))

    assert [chunk.section for chunk in chunks] == ["Business hours", "Contact us"]
    assert {chunk.url for chunk in chunks} == {"https://shop.example/hours"}
    assert {chunk.title for chunk in chunks} == {"Business hours and contact"}
    assert chunks[0].text.startswith("Our business hours are Monday to Friday")


def test_a_table_becomes_sentences_without_its_header_row():
    hours = chunk_document(_doc(PAGE))[0].text

    assert "Saturday: 10:00 am – 4:00 pm." in hours
    assert "Sunday: Closed." in hours
    assert "Opening hours" not in hours


def test_a_table_without_a_header_row_keeps_its_first_row():
    """A table of `<td>` cells only comes without a ruled-off header; its first row was read as
    the column labels and dropped, and with it Monday's hours."""
    page = """## Daycare

| Monday – Friday | 7:00am – 6:00pm |
| Saturday & Sunday | Closed |

## Grooming salon

| Monday | Closed |
| Tuesday – Saturday | 8:30am – 4:30pm |

## Prices

| Plan | Price | Access |
| Hot desk | €15 a day | Weekdays |
| Permanent desk | €289 a month | 24/7 |
"""
    daycare, grooming, *prices = chunk_document(_doc(page))

    assert daycare.text == "Monday – Friday: 7:00am – 6:00pm. Saturday & Sunday: Closed."
    assert grooming.text == "Monday: Closed. Tuesday – Saturday: 8:30am – 4:30pm."
    # the first row of `<td>` cells that names the columns of numbers still labels them
    assert [chunk.text for chunk in prices] == [
        "Hot desk — Price: €15 a day; Access: Weekdays.",
        "Permanent desk — Price: €289 a month; Access: 24/7.",
    ]


def test_list_items_read_as_sentences():
    contact = chunk_document(_doc(PAGE))[1].text

    assert "Email hello@brightpath.example. Visit the office." in contact


def test_chunks_stay_within_the_size_bound_and_overlap_by_one_sentence():
    sentences = [f"Sentence number {i} says something about parking and prices." for i in range(40)]
    text = "## Long section\n\n" + "\n\n".join(
        " ".join(sentences[i : i + 4]) for i in range(0, 40, 4)
    )

    chunks = chunk_document(_doc(text), max_chars=300)

    assert len(chunks) > 3
    assert all(len(chunk.text) <= 300 for chunk in chunks)
    for previous, following in zip(chunks, chunks[1:], strict=False):
        assert following.text.startswith(split_sentences(previous.text)[-1])
    assert [chunk.position for chunk in chunks] == list(range(len(chunks)))


def test_a_paragraph_longer_than_the_bound_is_cut_at_sentence_ends():
    paragraph = " ".join(f"Fact {i} is stated here in a sentence." for i in range(50))

    chunks = chunk_document(_doc(paragraph), max_chars=200)

    assert all(len(chunk.text) <= 200 for chunk in chunks)
    assert all(chunk.text.endswith(".") for chunk in chunks)
    joined = " ".join(chunk.text for chunk in chunks)
    assert all(f"Fact {i} is stated" in joined for i in range(50))


def test_every_faq_pair_is_one_chunk_with_the_question_as_section():
    document = _doc(
        "",
        faq_pairs=[("Do you deliver?", "Yes, within 10 miles."), ("Gift cards?", "Yes, from $25.")],
    )

    chunks = chunk_document(document)

    assert [(c.section, c.text) for c in chunks] == [
        ("Do you deliver?", "Do you deliver? Yes, within 10 miles."),
        ("Gift cards?", "Gift cards? Yes, from $25."),
    ]


def test_the_page_title_heading_is_not_a_section_and_intro_text_has_none():
    chunks = chunk_document(_doc("# Business hours and contact\n\nWelcome to our shop."))

    assert [(c.section, c.text) for c in chunks] == [(None, "Welcome to our shop.")]


def test_embedding_text_gives_the_passage_its_title_and_section():
    chunk = chunk_document(_doc(PAGE))[1]

    assert chunk.embedding_text.startswith("Business hours and contact – Contact us\n")


def test_sentences_split_at_ends_but_not_inside_times_or_prices():
    assert split_sentences("We open at 9:00 am. A demo costs $0. Is it free? Yes.") == [
        "We open at 9:00 am.",
        "A demo costs $0.",
        "Is it free?",
        "Yes.",
    ]


def test_sentences_do_not_end_at_a_title_or_a_saint():
    # "Sunday, June 13: Spring Recital, 1:30 pm, St." was said without the church's name
    assert split_sentences(
        "Spring Recital, 1:30 pm, St. Agnes Church. Ask for Dr. Lee or Mrs. Ortiz. "
        "Room No. 5 is upstairs. We are at 12 Main St. Parking is at the back."
    ) == [
        "Spring Recital, 1:30 pm, St. Agnes Church.",
        "Ask for Dr. Lee or Mrs. Ortiz.",
        "Room No. 5 is upstairs.",
        "We are at 12 Main St.",
        "Parking is at the back.",
    ]


def test_prose_after_a_list_is_a_passage_of_its_own():
    # A price list, then a sentence about something else under the same heading: packed
    # together, "Students get 15% off" was lost among the treatments' prices and not found.
    page = (
        "# Prices\n\n## Treatments\n\n- Olaplex bond treatment £20 added to any service\n"
        "- Scalp treatment and massage £15\n\n"
        "Students get 15% off all cuts from Tuesday to Thursday with a valid student card.\n"
    )
    texts = [chunk.text for chunk in chunk_document(_doc(page))]

    assert texts == [
        "Olaplex bond treatment £20 added to any service. Scalp treatment and massage £15.",
        "Students get 15% off all cuts from Tuesday to Thursday with a valid student card.",
    ]


def test_a_list_of_short_items_is_one_sentence_under_its_heading():
    # What a service includes, item by item: said one item at a time, an answer gave one item
    # of each of two lists ("Everything in the interim service. Everything in the full
    # service.") for "What does a full service include?".
    page = (
        "# Services\n\n## Full service\n\n- Everything in the interim service\n"
        "- Air filter and pollen (cabin) filter\n- 60-point inspection\n\n"
        "## Major service\n\n- Everything in the full service\n- Brake fluid change\n\n"
        "Takes a day: please drop off by 9am.\n"
    )
    chunks = chunk_document(_doc(page))

    assert [(chunk.section, chunk.text) for chunk in chunks] == [
        (
            "Full service",
            "Everything in the interim service; Air filter and pollen (cabin) filter; "
            "60-point inspection.",
        ),
        ("Major service", "Everything in the full service; Brake fluid change."),
        ("Major service", "Takes a day: please drop off by 9am."),
    ]
    assert split_sentences(chunks[0].text) == [chunks[0].text]


def test_list_items_that_are_facts_of_their_own_stay_sentences():
    # A price, a label, a discount, a contact detail or a sentence of its own is a fact an
    # answer may give alone; the short items around it are still said together.
    page = (
        "# Health Club\n\n## What's included\n\n- Annual booster vaccination\n"
        "- Flea and worm treatment all year round\n- 10% off all other treatment\n"
        "- Cancel 24 hours ahead. Later than that, we charge half the fee.\n"
        "- Wash: $40\n- Call 0113 496 0417\n- Nail clips\n- Nurse clinics\n"
    )
    text = chunk_document(_doc(page))[0].text

    assert split_sentences(text) == [
        "Annual booster vaccination; Flea and worm treatment all year round.",
        "10% off all other treatment.",
        "Cancel 24 hours ahead.",
        "Later than that, we charge half the fee.",
        "Wash: $40.",
        "Call 0113 496 0417.",
        "Nail clips; Nurse clinics.",
    ]
