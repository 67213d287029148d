"""How a page's structure reaches the passages a visitor is answered from (ingest/extract.py,
ingest/chunking.py): each FAQ entry one passage, a price kept with what it is the price of."""

from __future__ import annotations

from ingest.chunking import chunk_document
from ingest.extract import html_document


def _chunks(body: str) -> list:
    html = (
        "<html><head><title>Shop</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<main>{body}</main><footer>© 2026 Shop</footer></body></html>"
    )
    return chunk_document(html_document("http://shop.example/page", html))


def test_a_faq_written_as_a_definition_list_gives_one_passage_per_question():
    chunks = _chunks(
        "<h1>Frequently asked questions</h1><dl>"
        "<dt>Do you sell second-hand bikes?</dt><dd>Yes. Refurbished bikes from €180.</dd>"
        "<dt>Do you sell gift vouchers?</dt><dd>Yes, for any amount from €20.</dd></dl>"
    )

    assert [(c.section, c.text) for c in chunks] == [
        ("Do you sell second-hand bikes?", "Yes. Refurbished bikes from €180."),
        ("Do you sell gift vouchers?", "Yes, for any amount from €20."),
    ]


def test_a_faq_whose_entries_are_wrapped_in_divs_still_gives_one_passage_per_question():
    """HTML lets each `dt`/`dd` pair of a definition list sit in a `div` of its own; such a FAQ
    was read as a list, every question and answer an item, with no question over its answer."""
    chunks = _chunks(
        "<h1>Frequently asked questions</h1><dl class='faq'>"
        "<div><dt>Can I change teachers?</dt><dd><p>Of course. Talk to Priya and we will move"
        " you at no charge.</p></dd></div>"
        "<div><dt>Do you sell gift certificates?</dt><dd><p>Yes, and they never expire.</p>"
        "</dd></div></dl>"
    )

    assert [(c.section, c.text) for c in chunks] == [
        ("Can I change teachers?", "Of course. Talk to Priya and we will move you at no charge."),
        ("Do you sell gift certificates?", "Yes, and they never expire."),
    ]


def test_a_definition_list_of_labels_still_reads_label_colon_value():
    chunks = _chunks(
        "<h1>Contact</h1><p>Call or write to us any weekday, we answer within a day.</p>"
        "<dl><dt>Email</dt><dd>hello@shop.example</dd><dt>Phone</dt><dd>01 555 0148</dd></dl>"
    )

    text = " ".join(c.text for c in chunks)
    assert "Email: hello@shop.example." in text
    assert "Phone: 01 555 0148." in text


def test_a_bold_question_line_heads_its_answer_like_a_faq_entry():
    chunks = _chunks(
        "<h1>Repairs</h1><p>Our mechanics work on every kind of bike, electric ones too.</p>"
        "<p><strong>Do I need to book a repair?</strong></p>"
        "<p>Punctures are walk-in: we fix them while you wait.</p>"
        "<p><strong>Can you collect my bike?</strong></p>"
        "<p>We collect and deliver in Dublin 7 for €15 each way.</p>"
    )

    by_section = {c.section: c.text for c in chunks}
    assert by_section["Do I need to book a repair?"] == (
        "Punctures are walk-in: we fix them while you wait."
    )
    assert by_section["Can you collect my bike?"] == (
        "We collect and deliver in Dublin 7 for €15 each way."
    )


def test_an_accordion_faq_of_buttons_gives_one_passage_per_question():
    chunks = _chunks(
        "<h1>Good to know</h1><div class='accordion'>"
        "<div><button aria-expanded='false'>Can I just walk in?</button>"
        "<div hidden><p>Walk-ins are welcome on Tuesdays when a chair is free.</p></div></div>"
        "<div><button aria-expanded='false'>How can I pay?</button>"
        "<div hidden><p>Card and cash are fine. We don't take American Express.</p></div></div>"
        "</div><button>Accept cookies</button>"
    )

    by_section = {c.section: c.text for c in chunks}
    assert by_section["Can I just walk in?"] == (
        "Walk-ins are welcome on Tuesdays when a chair is free."
    )
    assert by_section["How can I pay?"] == (
        "Card and cash are fine. We don't take American Express."
    )


def test_a_price_card_keeps_its_amount_with_its_heading():
    chunks = _chunks(
        "<h1>Prices</h1><p>Fixed prices for our most popular workshop services.</p>"
        "<div class='card'><h3>Safety check</h3><p class='price'>€25</p>"
        "<ul><li>Brakes and gears adjusted</li></ul></div>"
        "<div class='card'><h3>City bike</h3><p class='price'>€20 per day</p>"
        "<p class='price-alt'>€80 per week</p><p>Seven gears and lights.</p></div>"
    )

    texts = [c.text for c in chunks]
    assert "Safety check: €25. Brakes and gears adjusted." in texts
    assert "City bike: €20 per day, €80 per week. Seven gears and lights." in texts


def test_a_phone_number_and_email_written_as_links_are_kept():
    chunks = _chunks(
        "<h1>Contact us</h1><p>Questions about a repair or a bike? Call, email or drop in.</p>"
        "<div><h3>Phone</h3><p><a href='tel:+35315550148'>+353 1 555 0148</a></p></div>"
        "<div><h3>Email</h3><p><a href='mailto:hello@shop.example'>hello@shop.example</a></p>"
        "</div>"
    )

    text = " ".join(c.text for c in chunks)
    assert "Phone: +353 1 555 0148." in text  # with its "+"
    assert "hello@shop.example" in text


def test_price_cards_written_as_spans_in_divs_are_labelled_sentences():
    """trafilatura drops a div whose text is all in spans: grooming prices by dog size and a
    class's price rows were missing from the index, so "How much is Keys Club?" was declined."""
    chunks = _chunks(
        "<h1>Prices</h1><h2>Grooming</h2><p>Prices for a dog that is brushed regularly.</p>"
        "<div class='cards'><div class='card'><div class='card__head'><span>Small</span> "
        "<span>under 10 kg</span></div>"
        "<div class='row'><span class='svc'>Bath &amp; tidy</span><span>$55</span></div>"
        "<div class='row'><span class='svc'>Full groom</span><span>$75</span></div></div>"
        "<div class='card'><div class='card__head'><span>Large</span> <span>25–40 kg</span>"
        "</div><div class='row'><span class='svc'>Full groom</span><span>$120</span></div>"
        "</div></div>"
        "<h2>Keys Club</h2><p>Group piano for ages 6–9, 45 minutes on Wednesdays.</p>"
        "<div class='price-row'><span class='price'>$325</span><span>fall or winter term</span>"
        "</div><div class='mini'><span>Little Notes (ages 3–5)</span> <span>$265</span> "
        "<span>/ term</span></div>"
    )

    text = " ".join(c.text for c in chunks)
    assert "Small under 10 kg — Bath & tidy: $55; Full groom: $75." in text
    assert "Large 25–40 kg — Full groom: $120." in text
    assert "$325 fall or winter term." in text
    assert "Little Notes (ages 3–5): $265 / term." in text


def test_a_team_section_beside_a_story_section_is_kept():
    """trafilatura takes an element whose class says "story" for the whole article: an about
    page's team, every name and role, was dropped. When it keeps less than half of `<main>`,
    the page is read again without the class names."""
    chunks = _chunks(
        "<section class='story'><p>Muddy Paws was started in 2016 by a vet nurse who spent nine "
        "years at a busy clinic.</p><p>In 2019 we added the grooming salon.</p></section>"
        "<section class='team'><h2>Meet the team</h2><div class='team-grid'>"
        "<div class='member'><h3>Rawiri Tane</h3><p class='role'>Daycare manager</p>"
        "<p>Rawiri runs the daycare floor and the Puppy Club. He holds a Certificate in Animal "
        "Behaviour and is our go-to for nervous and anxious dogs.</p></div>"
        "<div class='member'><h3>Lucy Zhang</h3><p class='role'>Head groomer</p>"
        "<p>Lucy has been grooming for 12 years, trained in Auckland and Sydney, and is our "
        "resident doodle expert. She works Tuesday to Saturday.</p></div></div></section>"
    )

    text = " ".join(c.text for c in chunks)
    assert "Muddy Paws was started in 2016" in text
    assert "Rawiri runs the daycare floor and the Puppy Club." in text
    assert "Lucy has been grooming for 12 years" in text
    assert "Rawiri Tane" in {c.section for c in chunks}


def test_a_date_written_as_a_time_element_is_kept():
    """trafilatura drops <time> with its text: a term calendar's key dates lost every date."""
    chunks = _chunks(
        "<h1>Term dates</h1><p>Lessons run in three terms, with a make-up week after each.</p>"
        "<h2>Key dates</h2><ul>"
        "<li><time datetime='2026-12-04'>Friday, December 4</time>: re-registration deadline"
        " for the winter term</li>"
        "<li><time datetime='2027-03-01'>Monday, March 1</time>: registration opens for the"
        " spring term</li></ul>"
    )

    text = " ".join(c.text for c in chunks)
    assert "Friday, December 4: re-registration deadline for the winter term" in text
    assert "Monday, March 1: registration opens for the spring term" in text
