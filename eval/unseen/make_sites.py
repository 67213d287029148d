"""Writes unseen-site copies under eval/unseen/sites/ (run once; the output is committed).

Written by hand for the evaluation of issue 11: realistic small-business pages with the
navigation, footer and cookie banner every page repeats, pricing tables and lists, a
contact page, an about page, a FAQ, terms and blog posts. Nothing here is fetched.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent / "sites"

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {brand}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/assets/site.css"></head>
<body>
<div class="cookie-banner" id="cookies"><p>We use cookies to improve your experience and to
analyse traffic. By clicking "Accept" you agree to our use of cookies.
<a href="privacy.html">Read more</a> <button>Accept</button> <button>Decline</button></p></div>
<header class="site-header"><a class="logo" href="index.html">{brand}</a>
<nav><ul>{nav}</ul></nav><a class="cta" href="{cta_href}">{cta}</a></header>
<main>
{body}
</main>
<footer class="site-footer">
<div class="cols"><div><h4>{brand}</h4><p>{footer_blurb}</p></div>
<div><h4>Explore</h4><ul>{nav}</ul></div>
<div><h4>Follow us</h4><ul><li><a href="#">Instagram</a></li><li><a href="#">LinkedIn</a></li>
<li><a href="#">Newsletter</a></li></ul></div></div>
<p class="legal">&copy; 2026 {brand}. All rights reserved. <a href="terms.html">Terms</a> ·
<a href="privacy.html">Privacy</a> · <a href="contact.html">Contact</a></p>
</footer></body></html>
"""


def write_site(name: str, brand: str, blurb: str, cta: tuple[str, str], pages: dict) -> None:
    folder = HERE / name
    folder.mkdir(parents=True, exist_ok=True)
    nav = "".join(
        f'<li><a href="{file}">{label}</a></li>' for file, (label, _, _) in pages.items() if label
    )
    for file, (_, title, body) in pages.items():
        html = PAGE.format(
            title=title,
            brand=brand,
            nav=nav,
            body=body.strip(),
            footer_blurb=blurb,
            cta=cta[0],
            cta_href=cta[1],
        )
        (folder / file).write_text(html, encoding="utf-8")


COWORK = {
    "index.html": (
        "Home",
        "Coworking in the Old Port",
        """
<section class="hero"><h1>Work better by the water</h1>
<p>Harbourline is a friendly coworking space in a converted 1890s sail loft in Rotterdam's
Oude Haven. Hot desks, permanent desks, private offices and two meeting rooms, with fast
fibre and good coffee.</p><a class="btn" href="pricing.html">See prices</a></section>
<section><h2>Why Harbourline</h2><ul>
<li>1 Gbit/s fibre internet and Wi-Fi 6 throughout</li>
<li>Unlimited filter coffee, tea and fruit water</li>
<li>Community lunch every Thursday</li>
<li>Five minutes' walk from Blaak station</li></ul></section>
<section><h2>What members say</h2><blockquote>"The best desk I've had in ten years of
freelancing." – Sanne, UX designer</blockquote></section>
""",
    ),
    "pricing.html": (
        "Pricing",
        "Membership prices",
        """
<h1>Membership prices</h1>
<p>Simple, monthly plans with no long contracts. Cancel any month with 30 days' notice.
All prices are in euros and exclude 21% VAT unless stated otherwise.</p>
<h2>Memberships</h2>
<table class="pricing"><thead><tr><th>Plan</th><th>Price</th><th>What's included</th></tr></thead>
<tbody>
<tr><td>Day pass</td><td>€25 per day</td><td>Any free hot desk, 09:00–18:00, coffee included</td></tr>
<tr><td>10-day bundle</td><td>€210</td><td>Ten day passes, valid for 6 months, shareable within one company</td></tr>
<tr><td>Flex (hot desk)</td><td>€189 per month</td><td>Any free hot desk, member hours access</td></tr>
<tr><td>Permanent desk</td><td>€289 per month</td><td>Your own desk with a lockable pedestal, 24/7 access</td></tr>
<tr><td>Private office (2–4 people)</td><td>from €850 per month</td><td>Lockable office, 24/7 access, furniture included</td></tr>
</tbody></table>
<h2>Meeting rooms</h2>
<ul>
<li>The Anchor room (up to 6 people): €35 per hour, €220 per day</li>
<li>The Lighthouse room (up to 12 people, screen and video bar): €55 per hour, €380 per day</li>
<li>Members get 4 hours of meeting-room credit per month included with Permanent desk and Private office plans</li>
</ul>
<h2>Extras</h2>
<ul>
<li>Business address and mail handling: €45 per month</li>
<li>Locker: €15 per month</li>
<li>Bike parking in the courtyard: free for members</li>
<li>Printing: €0.10 per black-and-white page, €0.35 per colour page</li>
</ul>
<p>Students with a valid student card get 25% off the Flex plan.</p>
""",
    ),
    "meeting-rooms.html": (
        "Meeting rooms",
        "Meeting rooms",
        """
<h1>Meeting rooms</h1>
<p>Our two meeting rooms can be booked by members and non-members alike.</p>
<h2>The Anchor room</h2>
<p>A cosy room on the ground floor for up to 6 people, with a whiteboard and a 55-inch screen
with HDMI and USB-C.</p>
<h2>The Lighthouse room</h2>
<p>Our largest room seats 12 around one table or 20 theatre-style. It has a Logitech video bar
for hybrid meetings and a view over the harbour.</p>
<h2>Catering</h2>
<p>We can arrange lunch platters from Bakkerij Jansen next door for €14.50 per person; order
at least 48 hours in advance.</p>
""",
    ),
    "about.html": (
        "About",
        "About us",
        """
<h1>About Harbourline</h1>
<p>Harbourline Coworking was founded in 2017 by Ilse van Dijk, a former harbour engineer who
wanted a workplace with a view of the boats instead of a car park.</p>
<p>Ilse still runs the space day to day with community manager Tomás Reyes, who organises our
Thursday lunches and member events.</p>
<h2>The building</h2>
<p>The sail loft was built in 1893 and restored in 2016. It has three floors, 70 desks and
original oak beams.</p>
<h2>Sustainability</h2>
<p>We run on 100% Dutch wind power and the roof has 48 solar panels.</p>
<h2>Work with us</h2>
<p>Come work at Harbourline! If you'd like to work at Harbourline, send your CV to
jobs@harbourline.example.</p>
""",
    ),
    "contact.html": (
        "Contact",
        "Contact us",
        """
<h1>Contact us</h1>
<p>Drop by for a free tour on weekdays between 10:00 and 16:00, no appointment needed.</p>
<h2>Get in touch</h2>
<ul>
<li>Email: hello@harbourline.example</li>
<li>Phone: +31 10 555 0142</li>
<li>WhatsApp: +31 6 5555 0199</li>
</ul>
<h2>Address</h2>
<address>Harbourline Coworking<br>Haringvliet 72<br>3011 TG Rotterdam<br>The Netherlands</address>
<h2>Opening hours</h2>
<p>The front desk is staffed Monday to Friday from 08:30 to 18:00. Flex members can use the
space from 08:00 to 20:00 on weekdays; permanent desk and office members have 24/7 access with
their key card.</p>
<h2>Getting here</h2>
<p>Blaak station (metro, tram and train) is a five-minute walk. Paid parking is available in
the Kipstraat garage.</p>
""",
    ),
    "faq.html": (
        "FAQ",
        "Frequently asked questions",
        """
<h1>Frequently asked questions</h1>
<h3>Can I try the space before I sign up?</h3>
<p>Yes. Your first day is free: book a trial day by email and bring your laptop.</p>
<h3>Is there a minimum contract?</h3>
<p>No. All memberships run month to month; cancel with 30 days' notice before the end of your
billing month.</p>
<h3>Can I bring my dog?</h3>
<p>Well-behaved dogs are welcome on the ground floor on Fridays ("Dog Friday"). Please keep
them on a lead.</p>
<h3>Do you have phone booths?</h3>
<p>Yes, there are four soundproof phone booths on the first floor. You can call at your desk
too, but please keep calls short.</p>
<h3>Is there a kitchen?</h3>
<p>Yes, a shared kitchen with a fridge, microwave, dishwasher and an espresso machine.</p>
<h3>Can I register my company at your address?</h3>
<p>Yes, with the business address plan you can register your company with the Chamber of
Commerce (KvK) at Haringvliet 72.</p>
<h3>Is the building accessible for wheelchairs?</h3>
<p>The ground floor, including the Anchor room and an accessible toilet, is step-free. The upper
floors are reached by stairs only.</p>
<h3>How do I pay?</h3>
<p>We invoice monthly in advance. You can pay by SEPA direct debit or bank transfer; day passes
can be paid by card at the front desk.</p>
<h3>Can guests visit me?</h3>
<p>Members can bring up to two guests per day for free for a meeting in the lounge.</p>
""",
    ),
    "terms.html": (
        "",
        "Membership terms",
        """
<h1>Membership terms</h1>
<h2>1. Notice period</h2>
<p>Monthly memberships can be cancelled in writing with 30 days' notice, effective at the end of
a billing month. Cancellations must be sent by email; we cannot accept cancellations by phone.</p>
<h2>2. Deposit</h2>
<p>Permanent desk and private office members pay a deposit of one month's fee, returned within
14 days after the membership ends.</p>
<h2>3. Meeting-room cancellations</h2>
<p>Meeting-room bookings can be cancelled free of charge up to 24 hours before the start. Later
cancellations are charged in full.</p>
<h2>4. House rules</h2>
<p>Members keep the space tidy, respect quiet zones on the second floor and do not sublet
desks.</p>
""",
    ),
    "privacy.html": (
        "",
        "Privacy policy",
        """
<h1>Privacy policy</h1>
<p>We keep your name, email, company and billing details for as long as you are a member and
for seven years after that, as Dutch tax law requires. Camera images at the entrance are
deleted after 28 days.</p>
""",
    ),
    "events.html": (
        "Events",
        "Events",
        """
<h1>Events</h1>
<h2>Thursday community lunch</h2>
<p>Every Thursday at 12:30 in the lounge. Free for members, bring a friend for €8.</p>
<h2>Founders' breakfast</h2>
<p>On the first Tuesday of each month from 08:00, a short talk by a local founder followed by
breakfast. Tickets for non-members cost €12.</p>
""",
    ),
    "blog-focus.html": (
        "Blog",
        "Five ways to focus in an open workspace",
        """
<article><h1>Five ways to focus in an open workspace</h1><p class="meta">Posted by Tomás Reyes, 3 March 2026</p>
<p>Open workspaces are great for energy but hard on deep work. Here's what our members swear by.</p>
<ol><li>Book a phone booth for calls instead of taking them at your desk.</li>
<li>Use the quiet zone on the second floor in the morning.</li>
<li>Put on headphones as a "do not disturb" sign.</li>
<li>Batch your email into two slots a day.</li>
<li>Take a walk along the harbour after lunch.</li></ol></article>
""",
    ),
    "blog-anniversary.html": (
        "",
        "We're turning eight",
        """
<article><h1>We're turning eight!</h1><p class="meta">Posted by Ilse van Dijk, 12 January 2026</p>
<p>Eight years ago we opened the doors with twelve desks and a second-hand coffee machine.
Today 140 members from 19 countries work here. To celebrate, we're throwing a harbour party on
14 February. Thank you all!</p></article>
""",
    ),
    "blog-tax.html": (
        "",
        "Freelancer tax tips",
        """
<article><h1>Freelancer tax tips for the Netherlands</h1><p class="meta">Posted 20 November 2025</p>
<p>Your coworking membership is usually a deductible business expense. Keep your monthly
invoices and note the VAT separately for your quarterly return. This post is general
information, not tax advice.</p></article>
""",
    ),
}

YOGA = {
    "index.html": (
        "Home",
        "Lotus Lane Yoga",
        """
<section class="hero"><h1>Breathe, move, belong</h1>
<p>Lotus Lane Yoga is a small, friendly studio in Bristol's Stokes Croft with 40 classes a week
for every level, from gentle hatha to hot vinyasa.</p>
<a class="btn" href="prices.html">New student offer</a></section>
<section><h2>New here?</h2><p>Start with our Intro Month and try as many classes as you like.</p></section>
""",
    ),
    "prices.html": (
        "Prices",
        "Prices and passes",
        """
<h1>Prices and passes</h1>
<p>All prices include VAT.</p>
<h2>Drop-in and class packs</h2>
<table><tr><th>Option</th><th>Price</th><th>Valid for</th></tr>
<tr><td>Single class (drop-in)</td><td>£14</td><td>1 class</td></tr>
<tr><td>5-class pack</td><td>£62</td><td>2 months</td></tr>
<tr><td>10-class pack</td><td>£115</td><td>4 months</td></tr>
</table>
<h2>Memberships</h2>
<table><tr><th>Membership</th><th>Price</th><th>Classes</th></tr>
<tr><td>Intro Month (new students only)</td><td>£45</td><td>Unlimited classes for 30 days</td></tr>
<tr><td>Monthly Unlimited</td><td>£99 per month</td><td>Unlimited classes, 3-month minimum</td></tr>
<tr><td>Monthly 8</td><td>£79 per month</td><td>8 classes per month</td></tr>
<tr><td>Annual Unlimited</td><td>£990 per year</td><td>Unlimited classes, paid upfront</td></tr>
</table>
<h2>Concessions</h2>
<p>Students, over-65s and people on Universal Credit get 20% off any pass on showing proof.</p>
<h2>Hire</h2>
<ul><li>Mat hire: £2 per class</li><li>Towel hire: £1.50</li><li>Private one-to-one session: £65 per hour</li></ul>
""",
    ),
    "timetable.html": (
        "Timetable",
        "Weekly timetable",
        """
<h1>Weekly timetable</h1>
<table><tr><th>Day</th><th>Time</th><th>Class</th><th>Teacher</th></tr>
<tr><td>Monday</td><td>07:00</td><td>Morning Vinyasa</td><td>Priya</td></tr>
<tr><td>Monday</td><td>18:30</td><td>Hot Vinyasa</td><td>Jake</td></tr>
<tr><td>Tuesday</td><td>12:15</td><td>Lunchtime Flow (45 min)</td><td>Priya</td></tr>
<tr><td>Wednesday</td><td>19:00</td><td>Yin and Meditation</td><td>Helen</td></tr>
<tr><td>Thursday</td><td>18:30</td><td>Ashtanga Led Primary</td><td>Jake</td></tr>
<tr><td>Saturday</td><td>09:30</td><td>Beginners' Hatha</td><td>Helen</td></tr>
<tr><td>Sunday</td><td>17:00</td><td>Restorative</td><td>Helen</td></tr>
</table>
<p>Classes last 60 minutes unless stated. Doors open 15 minutes before class.</p>
""",
    ),
    "classes.html": (
        "Classes",
        "Our classes",
        """
<h1>Our classes</h1>
<h2>Hot Vinyasa</h2><p>A flowing class in a room heated to 32°C. Bring water and a towel.</p>
<h2>Yin and Meditation</h2><p>Long, passive holds followed by a 15-minute guided meditation. Suitable for all levels.</p>
<h2>Ashtanga Led Primary</h2><p>The traditional primary series, counted by the teacher. Some experience recommended.</p>
<h2>Beginners' Hatha</h2><p>Slow-paced and explained step by step: the best place to start if you have never done yoga.</p>
<h2>Restorative</h2><p>Supported poses with bolsters and blankets to help you fully relax.</p>
""",
    ),
    "teachers.html": (
        "Teachers",
        "Our teachers",
        """
<h1>Our teachers</h1>
<h2>Helen Marsh</h2><p>Helen founded Lotus Lane in 2015 after twenty years of teaching in London
and Mysore. She teaches yin, hatha and restorative classes and leads our teacher training.</p>
<h2>Priya Shah</h2><p>Priya teaches vinyasa and our lunchtime flow. She is also a qualified physiotherapist.</p>
<h2>Jake Holloway</h2><p>Jake teaches hot vinyasa and Ashtanga and has practised Ashtanga for twelve years.</p>
""",
    ),
    "about.html": (
        "About",
        "About the studio",
        """
<h1>About Lotus Lane</h1>
<p>Lotus Lane Yoga opened its doors in 2015 in a former print works on Jamaica Street. The
studio is owned and run by Helen Marsh.</p>
<p>We are a small team of three teachers and two front-desk staff, and we believe yoga should be
for every body.</p>
<h2>Our space</h2><p>The main studio holds 24 mats. There are two changing rooms with showers
and a small tea corner.</p>
""",
    ),
    "contact.html": (
        "Contact",
        "Contact",
        """
<h1>Contact</h1>
<p>Questions about classes or passes? We're happy to help.</p>
<dl><dt>Email</dt><dd>namaste@lotuslane.example</dd>
<dt>Phone</dt><dd>0117 496 0731</dd>
<dt>Address</dt><dd>Unit 3, 41 Jamaica Street, Bristol BS2 8JP</dd></dl>
<h2>Front desk hours</h2><p>The front desk is open 30 minutes before the first class until the
end of the last class. Phone lines are answered Monday to Friday, 10:00–16:00.</p>
<h2>Parking</h2><p>There is no parking at the studio; the nearest car park is Trenchard Street.
Bike racks are outside the door.</p>
""",
    ),
    "faq.html": (
        "FAQ",
        "FAQ",
        """
<h1>FAQ</h1>
<details><summary>What should I bring to my first class?</summary><p>Comfortable clothes and a
bottle of water. We have mats you can hire for £2, or bring your own.</p></details>
<details><summary>Can I come if I'm pregnant?</summary><p>We don't run dedicated pregnancy
classes, but Restorative and Yin are usually fine after your first trimester. Please tell your
teacher before class.</p></details>
<details><summary>Do I need to book?</summary><p>Yes, please book through our app or website; classes
often fill up. Drop-ins without a booking are only possible if there's space.</p></details>
<details><summary>Can I freeze my membership?</summary><p>Monthly Unlimited members can freeze
their membership once a year for up to 2 months for a fee of £10.</p></details>
<details><summary>Is there a shower?</summary><p>Yes, both changing rooms have a shower and we
provide shampoo and body wash.</p></details>
<details><summary>How hot is the hot class?</summary><p>Hot Vinyasa is heated to 32°C.</p></details>
<details><summary>Do you offer gift vouchers?</summary><p>Yes, gift vouchers for any amount from
£20 are available at the front desk and are valid for 12 months.</p></details>
""",
    ),
    "policies.html": (
        "",
        "Studio policies",
        """
<h1>Studio policies</h1>
<h2>Late cancellation</h2><p>You can cancel a class booking free of charge up to 12 hours before
it starts. If you cancel later or don't show up, the class is deducted from your pack, and
members are charged a £5 late-cancel fee.</p>
<h2>Cancelling a membership</h2><p>Monthly memberships can be cancelled after the 3-month minimum
with one full month's notice, by email to namaste@lotuslane.example.</p>
<h2>Refunds</h2><p>Class packs and memberships are non-refundable, but can be transferred to
a friend once.</p>
<h2>Late arrival</h2><p>For safety, we can't admit anyone more than 10 minutes after a class has started.</p>
""",
    ),
    "workshops.html": (
        "Workshops",
        "Workshops and teacher training",
        """
<h1>Workshops and teacher training</h1>
<h2>Inversions workshop</h2><p>Saturday 16 May, 14:00–16:30 with Jake. £35, or £30 for members.</p>
<h2>200-hour teacher training</h2><p>Our next 200-hour Yoga Alliance certified training starts
in September 2026 and runs over ten weekends. The full course costs £2,950; an early-bird price
of £2,650 applies until 30 June.</p>
""",
    ),
    "blog-breathing.html": (
        "Blog",
        "Three breathing techniques",
        """
<article><h1>Three breathing techniques for stressful days</h1><p class="meta">By Priya Shah, 2 February 2026</p>
<p>Box breathing, alternate nostril breathing and the long exhale are three simple tools you can
use anywhere. Try four counts in, four counts hold, four counts out.</p></article>
""",
    ),
    "blog-10-years.html": (
        "",
        "Ten years of Lotus Lane",
        """
<article><h1>Ten years of Lotus Lane</h1><p class="meta">By Helen Marsh, 10 January 2025</p>
<p>When I opened the studio I had six students in my first class. Thank you to everyone who has
rolled out a mat with us since.</p></article>
""",
    ),
}


SALON = {
    "index.html": (
        "Home",
        "Hair salon in Glasgow's West End",
        """
<section class="hero"><h1>Good hair days start on Great Western Road</h1>
<p>Thistle &amp; Comb is an independent hair salon in Glasgow's West End: cuts, colour,
curly hair and wedding hair, in a bright first-floor studio above the old Kelvin bookshop.</p>
<a class="btn" href="contact.html">Book an appointment</a></section>
<section><h2>What we do</h2><ul>
<li>Precision cuts and restyles for everyone</li>
<li>Balayage, foils and all-over colour</li>
<li>Curly and wavy hair cut dry, curl by curl</li>
<li>Bridal hair in the salon or at your venue</li></ul></section>
<section><h2>Kind words</h2><blockquote>"Finally a salon that understands my curls." – Ailsa,
Partick</blockquote></section>
""",
    ),
    "prices.html": (
        "Prices",
        "Price list",
        """
<h1>Price list</h1>
<p>Our prices depend on who you book with. Every appointment starts with a short consultation,
and prices for long or very thick hair may be higher: your stylist will tell you before they
start.</p>
<h2>Cutting and styling</h2>
<table class="price-grid"><thead><tr><th>Service</th><th>Stylist</th><th>Senior stylist</th>
<th>Creative director</th></tr></thead>
<tbody>
<tr><td>Women's cut &amp; blow-dry</td><td>£48</td><td>£58</td><td>£72</td></tr>
<tr><td>Men's cut</td><td>£28</td><td>£34</td><td>£44</td></tr>
<tr><td>Children's cut (under 12)</td><td>£18</td><td>£18</td><td>£24</td></tr>
<tr><td>Blow-dry</td><td>£30</td><td>£35</td><td>£42</td></tr>
<tr><td>Curly cut (dry cut)</td><td>£55</td><td>£65</td><td>£80</td></tr>
</tbody></table>
<h2>Colour</h2>
<ul class="price-list">
<li><span>Root tint</span> <span>from £62</span></li>
<li><span>Full head colour</span> <span>from £78</span></li>
<li><span>Half head foils</span> <span>from £85</span></li>
<li><span>Full head foils</span> <span>from £110</span></li>
<li><span>Balayage</span> <span>from £145</span></li>
<li><span>Toner or gloss</span> <span>£25 with any colour service, £35 on its own</span></li>
<li><span>Colour correction</span> <span>by consultation only (£20, taken off your bill)</span></li>
</ul>
<h2>Treatments</h2>
<ul class="price-list">
<li><span>Olaplex bond treatment</span> <span>£20 added to any service</span></li>
<li><span>Keratin smoothing treatment</span> <span>from £180, lasts up to 4 months</span></li>
<li><span>Scalp treatment and massage</span> <span>£15</span></li>
</ul>
<p>Students get 15% off all cuts from Tuesday to Thursday with a valid student card or Young
Scot card.</p>
""",
    ),
    "weddings.html": (
        "Weddings",
        "Wedding hair",
        """
<h1>Wedding hair</h1>
<p>From a relaxed registry office to a castle in the Highlands, we'll make sure your hair lasts
from the first photo to the last dance.</p>
<h2>Packages</h2>
<ul>
<li>Bridal hair trial: £75, in the salon, about 90 minutes</li>
<li>Bridal hair on the day: £130</li>
<li>Bridesmaids and mothers of the bride: £65 per person</li>
<li>Flower girls (under 12): £30</li>
</ul>
<h2>Coming to you</h2>
<p>We can travel to your venue. Within 15 miles of the salon the travel fee is £40; for venues
further away we will send you a quote.</p>
<h2>When to book</h2>
<p>Wedding dates get busy: we recommend booking 6 to 12 months before your wedding. A £100
deposit secures your date and is taken off the final bill.</p>
""",
    ),
    "team.html": (
        "Our team",
        "Meet the team",
        """
<h1>Meet the team</h1>
<div class="team-card"><h3>Morag Reid</h3><p class="role">Founder and creative director</p>
<p>Morag has been cutting hair for twenty years, in London and Paris, before coming home to
Glasgow. She loves a big restyle.</p></div>
<div class="team-card"><h3>Priya Anand</h3><p class="role">Senior stylist</p>
<p>Priya is our colour specialist: balayage, blondes and colour correction.</p></div>
<div class="team-card"><h3>Callum Fraser</h3><p class="role">Senior stylist</p>
<p>Callum does sharp men's cuts, skin fades and short crops.</p></div>
<div class="team-card"><h3>Erin Walsh</h3><p class="role">Stylist</p>
<p>Erin is our curly hair specialist and is trained in curl-by-curl dry cutting.</p></div>
<div class="team-card"><h3>Jamie Lee</h3><p class="role">Apprentice</p>
<p>Jamie is in the second year of a Modern Apprenticeship in hairdressing and runs our model
nights.</p></div>
""",
    ),
    "about.html": (
        "About",
        "About the salon",
        """
<h1>About Thistle &amp; Comb</h1>
<p>Morag Reid opened Thistle &amp; Comb in 2014 with two chairs and a borrowed basin. Ten years
on we are a team of five, in a first-floor studio with big windows over Great Western
Road.</p>
<h2>Our products</h2>
<p>We colour and style with Davines and Olaplex. All of the products we use are vegan and
cruelty-free, and you can buy them at the front desk.</p>
<h2>A greener salon</h2>
<p>We are members of the Green Salon Collective: 95% of our salon waste is recycled, including
foils, colour tubes and even hair clippings.</p>
""",
    ),
    "contact.html": (
        "Contact",
        "Contact and opening hours",
        """
<h1>Contact and opening hours</h1>
<p>Book online, give us a ring or pop in.</p>
<p>Phone: 0141 496 0872<br>Email: hello@thistleandcomb.example</p>
<p>Thistle &amp; Comb, First floor, 112 Great Western Road, Glasgow G4 9AD</p>
<h2>Opening hours</h2>
<ul class="hours">
<li><span>Monday</span> <span>Closed</span></li>
<li><span>Tuesday</span> <span>9:30 – 18:00</span></li>
<li><span>Wednesday</span> <span>9:30 – 18:00</span></li>
<li><span>Thursday</span> <span>9:30 – 20:00 (late night)</span></li>
<li><span>Friday</span> <span>9:00 – 18:00</span></li>
<li><span>Saturday</span> <span>8:30 – 17:00</span></li>
<li><span>Sunday</span> <span>11:00 – 16:00</span></li>
</ul>
<h2>Getting here</h2>
<p>St George's Cross subway station is a three-minute walk away. There is pay-and-display
parking on Great Western Road and the side streets.</p>
""",
    ),
    "faq.html": (
        "FAQ",
        "Good to know",
        """
<h1>Good to know</h1>
<div class="accordion">
<div class="accordion-item"><button class="accordion-toggle" aria-expanded="false">Do I need a
patch test before a colour?</button><div class="accordion-panel" hidden><p>Yes. If you're new to
us, or it has been more than six months since your last colour, we need a skin test at least 48
hours before your appointment. It's free and takes five minutes: just drop in during opening
hours.</p></div></div>
<div class="accordion-item"><button class="accordion-toggle" aria-expanded="false">Can I just walk
in?</button><div class="accordion-panel" hidden><p>For men's cuts, walk-ins are welcome on
Tuesdays and Wednesdays when a chair is free. For everything else, please book ahead.</p></div></div>
<div class="accordion-item"><button class="accordion-toggle" aria-expanded="false">How can I
pay?</button><div class="accordion-panel" hidden><p>Card, contactless and cash are all fine. We
don't take American Express.</p></div></div>
<div class="accordion-item"><button class="accordion-toggle" aria-expanded="false">Do you sell gift
vouchers?</button><div class="accordion-panel" hidden><p>Yes, from £25, online or at the front
desk. Vouchers are valid for 12 months.</p></div></div>
<div class="accordion-item"><button class="accordion-toggle" aria-expanded="false">Is the salon
accessible?</button><div class="accordion-panel" hidden><p>There is a lift from the street door and
the salon floor is step-free, with a tilting basin. Our toilet is small and not suitable for
wheelchairs, we're sorry.</p></div></div>
<div class="accordion-item"><button class="accordion-toggle" aria-expanded="false">What are model
nights?</button><div class="accordion-panel" hidden><p>On Thursday evenings our apprentice cuts and
styles under supervision for £10. Appointments take a little longer.</p></div></div>
<div class="accordion-item"><button class="accordion-toggle" aria-expanded="false">How long will my
appointment take?</button><div class="accordion-panel" hidden><p>A cut and blow-dry takes about an
hour. Allow two hours for full head foils and three to four hours for balayage.</p></div></div>
<div class="accordion-item"><button class="accordion-toggle" aria-expanded="false">Is there
Wi-Fi?</button><div class="accordion-panel" hidden><p>Yes, free Wi-Fi, and we'll bring you tea or
coffee while you wait.</p></div></div>
</div>
""",
    ),
    "policies.html": (
        "",
        "Booking and cancellation policy",
        """
<h1>Booking and cancellation policy</h1>
<h2>Deposits</h2>
<p>For colour appointments and any booking over £100 we take a £20 deposit when you book. It is
taken off your bill on the day.</p>
<h2>Cancelling or moving an appointment</h2>
<p>Please give us at least 48 hours' notice if you need to cancel or rebook. With less notice
the deposit is kept. If you don't come to your appointment and don't tell us, we charge 50% of
the booked service.</p>
<h2>Running late</h2>
<p>If you are more than 15 minutes late we may have to shorten your service or move your
appointment to another day.</p>
<h2>If you're not happy</h2>
<p>Tell us within 7 days and we'll put it right free of charge.</p>
<h2>Products</h2>
<p>Unopened products can be returned within 14 days with your receipt for a full refund.</p>
<h2>Children</h2>
<p>Children under 16 must come with an adult.</p>
""",
    ),
    "privacy.html": (
        "",
        "Privacy notice",
        """
<h1>Privacy notice</h1>
<p>We keep your name, phone number, email and a record of your appointments and colour formulas
so that we can look after your hair. We delete the records of clients who have not visited for
three years. We never sell your data.</p>
""",
    ),
    "blog-curly-hair.html": (
        "Blog",
        "Looking after curly hair through a Glasgow winter",
        """
<article><h1>Looking after curly hair through a Glasgow winter</h1>
<p class="meta">By Erin Walsh · 14 November 2025</p>
<p>Cold wind outside and radiators inside: winter is hard on curls. Here is what I tell my
clients.</p>
<ul><li>Wash two or three times a week at most, and use a sulphate-free shampoo.</li>
<li>Squeeze water out with a microfibre towel or an old T-shirt, never rub.</li>
<li>Diffuse on low heat and low speed, and don't touch your curls until they're dry.</li>
<li>Book a curly cut every 10 to 12 weeks to keep the shape.</li></ul>
</article>
""",
    ),
    "blog-balayage.html": (
        "",
        "Balayage or highlights: which is right for you?",
        """
<article><h1>Balayage or highlights: which is right for you?</h1>
<p class="meta">By Priya Anand · 3 March 2026</p>
<p>Highlights are woven in foils from the root and give an even, all-over brightness. They
need a refresh every 6 to 8 weeks as your roots grow.</p>
<p>Balayage is painted on by hand and grows out softly, so you can leave it for three to four
months. Most clients pop in for a toner every 8 to 10 weeks to keep the colour fresh.</p>
</article>
""",
    ),
    "blog-heat.html": (
        "",
        "Heat styling without the damage",
        """
<article><h1>Heat styling without the damage</h1>
<p class="meta">By Morag Reid · 20 January 2026</p>
<p>Straighteners and curling tongs are fine if you use them well. Always put on a heat
protection spray while your hair is still damp, and let it dry before you style.</p>
<p>Fine or coloured hair should never be straightened above 185°C; thick hair can take up to
210°C. One slow pass is kinder than five quick ones.</p>
</article>
""",
    ),
}

if __name__ == "__main__":
    write_site(
        "harbourline",
        "Harbourline Coworking",
        "Coworking, private offices and meeting rooms in Rotterdam's Old Port.",
        ("Book a tour", "contact.html"),
        COWORK,
    )
    write_site(
        "lotuslane",
        "Lotus Lane Yoga",
        "A friendly yoga studio in Stokes Croft, Bristol.",
        ("Book a class", "timetable.html"),
        YOGA,
    )
    print("written:", HERE)


CLINIC = {
    "index.html": (
        "Home",
        "Riverside Dental",
        """
<section class="hero"><h1>Gentle dentistry in the heart of Leeds</h1>
<p>Riverside Dental is an independent family practice on the Calls waterfront. NHS and private
patients welcome; evening appointments twice a week.</p>
<a class="btn" href="contact.html">Book a check-up</a></section>
<section><h2>Our services</h2><ul><li>Check-ups and hygiene</li><li>Fillings and root canals</li>
<li>Teeth whitening</li><li>Invisalign clear aligners</li><li>Emergency appointments</li></ul>
</section>
""",
    ),
    "fees.html": (
        "Fees",
        "Private fees",
        """
<h1>Private fees</h1>
<p>These are our private fees. NHS patients pay the national NHS charge bands instead.
Dental treatment is exempt from VAT.</p>
<h2>Examinations and hygiene</h2>
<table><tr><th>Treatment</th><th>Fee</th><th>Notes</th></tr>
<tr><td>New patient examination</td><td>£75</td><td>Includes two X-rays</td></tr>
<tr><td>Routine check-up</td><td>£55</td><td>Every 6 to 12 months</td></tr>
<tr><td>Hygienist visit (30 minutes)</td><td>£68</td><td>Scale and polish</td></tr>
<tr><td>Emergency appointment</td><td>£95</td><td>Same day where possible</td></tr>
</table>
<h2>Restorative</h2>
<table><tr><th>Treatment</th><th>Fee</th><th>Notes</th></tr>
<tr><td>White filling</td><td>from £140</td><td>Per tooth</td></tr>
<tr><td>Root canal (front tooth)</td><td>£450</td><td>Up to two visits</td></tr>
<tr><td>Crown (porcelain)</td><td>£695</td><td>Includes temporary crown</td></tr>
</table>
<h2>Cosmetic</h2>
<ul><li>Home teeth whitening: £325 (custom trays and gel)</li>
<li>Invisalign Lite: from £2,400</li><li>Invisalign Comprehensive: from £3,900</li></ul>
<h2>Dental plan</h2>
<p>Our Riverside Care plan costs £16.50 per month and covers two check-ups and two hygienist
visits a year, plus 10% off treatment.</p>
""",
    ),
    "nhs.html": (
        "NHS",
        "NHS dentistry",
        """
<h1>NHS dentistry</h1>
<p>We are currently accepting new NHS patients for children under 18 only. Adults can join our
NHS waiting list by phone.</p>
<h2>NHS charges (England, from April 2025)</h2>
<ul><li>Band 1 (examination, X-rays, scale and polish): £27.40</li>
<li>Band 2 (fillings, root canals, extractions): £75.30</li>
<li>Band 3 (crowns, dentures, bridges): £326.70</li></ul>
<p>Children, pregnant women and new mothers get free NHS dental treatment.</p>
""",
    ),
    "team.html": (
        "Our team",
        "Meet the team",
        """
<h1>Meet the team</h1>
<h2>Dr Amara Okoye – Principal dentist</h2>
<p>Amara founded Riverside Dental in 2011 after eight years in hospital dentistry. She has a
special interest in nervous patients and root canal treatment.</p>
<h2>Dr Tom Fielding – Associate dentist</h2><p>Tom is our Invisalign provider and joined in 2019.</p>
<h2>Grace Liu – Hygienist</h2><p>Grace runs our hygiene clinic on Tuesdays, Thursdays and Saturdays.</p>
""",
    ),
    "about.html": (
        "About",
        "About the practice",
        """
<h1>About Riverside Dental</h1>
<p>Riverside Dental was founded in 2011 by Dr Amara Okoye and is still owned and led by her. We
are a team of nine: three dentists, two hygienists and four nurses and receptionists.</p>
<h2>Our building</h2><p>The practice is on the ground floor with step-free access and an
accessible toilet. We have four surgeries and a calm waiting room with a river view.</p>
<h2>Inspections</h2><p>The Care Quality Commission (CQC) rated us Good in all areas in 2024.</p>
""",
    ),
    "contact.html": (
        "Contact",
        "Contact and opening hours",
        """
<h1>Contact and opening hours</h1>
<div class="contact-card"><p><strong>Phone</strong> 0113 496 0527</p>
<p><strong>Email</strong> reception@riversidedental.example</p>
<address>Riverside Dental<br>14 The Calls<br>Leeds LS2 7EY</address></div>
<h2>Opening hours</h2>
<table><tr><th>Day</th><th>Hours</th></tr>
<tr><td>Monday, Wednesday, Friday</td><td>08:30 – 17:30</td></tr>
<tr><td>Tuesday, Thursday</td><td>08:30 – 20:00</td></tr>
<tr><td>Saturday</td><td>09:00 – 13:00</td></tr>
<tr><td>Sunday</td><td>Closed</td></tr></table>
<h2>Out of hours</h2><p>If you are in pain when we are closed, call NHS 111.</p>
<h2>Parking</h2><p>Pay-and-display parking is available on Duncan Street; we have no car park of our own.</p>
""",
    ),
    "faq.html": (
        "FAQ",
        "Frequently asked questions",
        """
<h1>Frequently asked questions</h1>
<h3>I'm nervous about the dentist. Can you help?</h3>
<p>Yes. Tell us when you book and we'll give you a longer appointment. We also offer
inhalation sedation for £120 per visit.</p>
<h3>Do you see children?</h3><p>Yes, from their first tooth. Children's NHS check-ups are free.</p>
<h3>How do I pay?</h3><p>We accept cards, Apple Pay and Google Pay. We do not accept cheques.</p>
<h3>Can I spread the cost of treatment?</h3><p>Yes, interest-free finance over 12 months is
available for treatment over £1,000.</p>
<h3>How often should I see the hygienist?</h3><p>Most patients every six months; your dentist
will advise.</p>
""",
    ),
    "policies.html": (
        "",
        "Practice policies",
        """
<h1>Practice policies</h1>
<h2>Missed appointments</h2><p>Please give at least 24 hours' notice to cancel or move an
appointment. Private patients who miss an appointment or cancel later are charged £30.</p>
<h2>Late arrival</h2><p>If you are more than 10 minutes late we may need to rebook you.</p>
<h2>Deposits</h2><p>A deposit of 50% is required before starting cosmetic treatment.</p>
<h2>Complaints</h2><p>Send complaints to our practice manager at
complaints@riversidedental.example; we reply within 3 working days.</p>
""",
    ),
    "blog-whitening.html": (
        "Blog",
        "Is teeth whitening safe?",
        """
<article><h1>Is teeth whitening safe?</h1><p class="meta">By Dr Tom Fielding, 4 April 2026</p>
<p>Whitening carried out by a dentist is safe. Beauty salons offering whitening are breaking the
law in the UK. Sensitivity usually fades within a few days.</p></article>
""",
    ),
    "blog-brushing.html": (
        "",
        "How to brush properly",
        """
<article><h1>How to brush properly</h1><p class="meta">By Grace Liu, 12 February 2026</p>
<p>Brush for two minutes twice a day with a fluoride toothpaste. Spit, don't rinse, and clean
between your teeth once a day.</p></article>
""",
    ),
}

BIKESHOP = {
    "index.html": (
        "Home",
        "Bike shop, repairs and rentals in Dublin",
        """
<section class="hero"><h1>Dublin's friendly bike shop on the quays</h1>
<p>Liffey Cycles sells, fixes and rents bikes a few steps from the river in Dublin 7. City bikes,
e-bikes, kids' bikes and folding bikes, and a workshop that will have you rolling again
quickly.</p><a class="btn" href="pricing.html">Service prices</a></section>
<section class="features">
<div class="feature"><h3>Workshop</h3><p>Services and repairs for every kind of bike, e-bikes
included.</p><a href="repairs.html">Repairs</a></div>
<div class="feature"><h3>Rentals</h3><p>Explore the city by bike for a day or a week.</p>
<a href="rentals.html">Rent a bike</a></div>
<div class="feature"><h3>New bikes</h3><p>Hand-picked bikes from brands we trust.</p>
<a href="bikes.html">Shop bikes</a></div></section>
<section><h2>Customers say</h2><blockquote>"Fixed my wheel while I had a coffee next door."
– Aoife, Stoneybatter</blockquote></section>
""",
    ),
    "pricing.html": (
        "Prices",
        "Workshop prices",
        """
<h1>Workshop prices</h1>
<p>Fixed prices for our most popular services. Parts are charged extra unless they are listed
as included. All prices include VAT.</p>
<div class="price-grid">
<div class="price-card"><h3>Safety check</h3><p class="price">€25</p>
<ul><li>Brakes and gears adjusted</li><li>Tyres pumped and checked</li><li>Takes about
30 minutes</li></ul></div>
<div class="price-card"><h3>Standard service</h3><p class="price">€65</p>
<ul><li>Everything in the safety check</li><li>Drivetrain cleaned and lubricated</li>
<li>Wheels trued</li><li>Bolts torqued to spec</li></ul></div>
<div class="price-card popular"><span class="badge">Most popular</span><h3>Full service</h3>
<p class="price">€120</p><ul><li>Bike stripped down and rebuilt</li><li>Bearings cleaned and
regreased</li><li>New cables and outer casing included</li></ul></div>
<div class="price-card"><h3>E-bike service</h3><p class="price">€95</p>
<ul><li>Standard service</li><li>Motor diagnostics and firmware update</li><li>Battery health
report</li></ul></div>
</div>
<h2>Other work</h2>
<p>Jobs that are not on this page are charged at our workshop rate of €40 per hour, and we
always give you a quote before we start.</p>
""",
    ),
    "rentals.html": (
        "Rentals",
        "Bike rental",
        """
<h1>Rent a bike</h1>
<p>All our rental bikes are serviced after every hire. Pick up from 09:00 and return by 18:00 on
the last day of your rental.</p>
<div class="price-grid">
<div class="price-card"><h3>City bike</h3><p class="price">€20 <span>per day</span></p>
<p class="price-alt">€80 per week</p><p>Seven gears, basket and lights.</p></div>
<div class="price-card"><h3>Hybrid</h3><p class="price">€25 <span>per day</span></p>
<p class="price-alt">€100 per week</p><p>Lighter and faster, good for longer rides to Howth.</p></div>
<div class="price-card"><h3>E-bike</h3><p class="price">€45 <span>per day</span></p>
<p class="price-alt">€180 per week</p><p>Range of about 80 km on one charge; charger
included.</p></div>
<div class="price-card"><h3>Kids' bike</h3><p class="price">€12 <span>per day</span></p>
<p>For ages 5 to 12.</p></div>
</div>
<h2>What you need to know</h2>
<ul><li>A deposit of €150 per bike is taken on your card and released when the bike comes
back.</li><li>Bring photo ID (passport or driving licence).</li><li>A helmet and a D-lock come
free with every rental.</li><li>Riders must be 16 or older to rent an adult bike.</li></ul>
""",
    ),
    "repairs.html": (
        "Repairs",
        "Repairs",
        """
<h1>Repairs</h1>
<p>Our two mechanics are Cytech qualified and work on road, city, mountain, folding and
electric bikes.</p>
<h2>Common repairs</h2>
<table><tr><th>Repair</th><th>Price</th></tr>
<tr><td>Puncture repair</td><td>€15</td></tr>
<tr><td>New inner tube fitted</td><td>€20 including the tube</td></tr>
<tr><td>Brake pads fitted</td><td>€12 per wheel plus pads</td></tr>
<tr><td>Chain replacement</td><td>from €35 including the chain</td></tr>
<tr><td>Wheel truing</td><td>€20</td></tr></table>
<h2>Good to know</h2>
<p><strong>Do I need to book a repair?</strong></p>
<p>Services need to be booked, by phone or in the shop. Punctures and small jobs are walk-in:
we usually do them while you wait, in about 20 minutes.</p>
<p><strong>How long does a service take?</strong></p>
<p>Most services are ready within 2 working days. In spring it can take a little longer, so
book early.</p>
<p><strong>Do you work on e-bikes?</strong></p>
<p>Yes. We are a Bosch and Shimano Steps service centre. We don't work on home-made conversion
kits.</p>
<p><strong>Can you collect my bike?</strong></p>
<p>We collect and deliver bikes for servicing in Dublin 1, 2, 7 and 8 for €15 each way.</p>
""",
    ),
    "bikes.html": (
        "Bikes",
        "New bikes",
        """
<h1>New bikes</h1>
<p>We stock Trek, Brompton, Cube and Ridgeback, and can order any model from their current
range within about a week.</p>
<h2>What we sell</h2>
<ul><li>City and hybrid bikes from €549</li><li>E-bikes from €1,899</li><li>Brompton folding
bikes from €1,295</li><li>Kids' bikes from €199</li></ul>
<h2>Every new bike includes</h2>
<ul><li>A professional build and a fit on the day you collect it</li><li>A free first service
within 6 weeks of purchase, when cables have settled</li></ul>
<h2>Test rides</h2>
<p>Test rides are free. Leave photo ID with us and take the bike along the quays.</p>
""",
    ),
    "faq.html": (
        "FAQ",
        "Frequently asked questions",
        """
<h1>Frequently asked questions</h1>
<dl class="faq">
<dt>Do you sell second-hand bikes?</dt>
<dd>Yes. We sell refurbished bikes from €180, each with a full service and a 3-month
warranty.</dd>
<dt>Can I buy a bike through the Bike to Work scheme?</dt>
<dd>Yes, we are registered with the scheme. Your employer buys the bike and you repay it from
your gross salary: up to €1,250 for a bike, or €1,500 for an e-bike.</dd>
<dt>Do you give a student discount?</dt>
<dd>Students get 10% off parts and accessories with a valid student card. The discount does not
apply to bikes or workshop services.</dd>
<dt>Can you fit a child seat?</dt>
<dd>Yes. Fitting costs €20, or it is free if you buy the seat from us.</dd>
<dt>Do you sell gift vouchers?</dt>
<dd>Yes, for any amount from €20. Vouchers are valid for 5 years and can be used in the shop
and the workshop.</dd>
<dt>How can I pay?</dt>
<dd>We accept cards, Apple Pay, Google Pay and cash. We do not take cheques.</dd>
</dl>
""",
    ),
    "contact.html": (
        "Contact",
        "Contact us",
        """
<h1>Contact us</h1>
<p>Questions about a repair or a bike? Call, email or drop in.</p>
<div class="contact-grid">
<div><h3>Phone</h3><p><a href="tel:+35315550148">+353 1 555 0148</a></p></div>
<div><h3>Email</h3><p><a href="mailto:hello@liffeycycles.example">hello@liffeycycles.example</a></p></div>
<div><h3>Shop</h3><address>Liffey Cycles<br>27 Ormond Quay Upper<br>Dublin 7, D07 X2K4</address></div>
</div>
<h2>Opening hours</h2>
<ul class="hours"><li>Monday to Friday: 08:00 – 18:30</li><li>Saturday: 09:00 – 17:00</li>
<li>Sunday: 12:00 – 16:00</li></ul>
<p>We are closed on bank holidays.</p>
<h2>Getting here</h2>
<p>The Four Courts Luas stop (Red Line) is two minutes' walk away. There are bike stands right
outside the shop.</p>
""",
    ),
    "about.html": (
        "About",
        "About us",
        """
<h1>About Liffey Cycles</h1>
<p>Liffey Cycles was started in 2009 by Niamh Byrne, a former bike courier, in a lock-up
off Capel Street with one workstand and a box of spare parts.</p>
<p>In 2015 we moved to our shop on Ormond Quay. Today we are a team of seven, including two
full-time mechanics.</p>
<h2>What we believe</h2>
<p>Cycling should be simple and affordable. We'll always tell you when a repair isn't worth
it.</p>
""",
    ),
    "returns.html": (
        "",
        "Returns and warranty",
        """
<h1>Returns and warranty</h1>
<h2>Returns</h2>
<p>You can return unused parts and accessories within 30 days with your receipt for a full
refund. Bikes that have been ridden outside the shop cannot be returned, and special-order
items are not refundable.</p>
<h2>Refunds</h2>
<p>Refunds go back to your original payment method within 5 working days of the return.</p>
<h2>Warranty on new bikes</h2>
<p>Every new bike comes with our 2-year warranty on parts. Frames are covered by the
manufacturer's own frame warranty, which is lifetime for most brands we sell.</p>
<h2>Workshop guarantee</h2>
<p>If an adjustment we made slips within 30 days of a service, bring the bike back and we'll fix
it free of charge.</p>
<h2>Rental cancellations</h2>
<p>Cancel a rental booking free of charge up to 24 hours before pick-up. Later cancellations
are charged 50% of the first day.</p>
""",
    ),
    "blog-winter.html": (
        "Blog",
        "Getting your bike ready for winter",
        """
<article><h1>Getting your bike ready for winter</h1>
<p class="meta">By Niamh Byrne, 14 October 2025</p>
<p>Dublin winters are wet rather than cold, and wet roads are hard on brakes, chains and tyres.
Fit mudguards and bright lights, check your brake pads every few weeks and wipe your chain
after rainy rides.</p>
<p>Run your tyres a little softer for grip in the rain. A standard service before the
clocks go back is the best present you can give your bike.</p></article>
""",
    ),
    "blog-ebike-battery.html": (
        "",
        "Looking after your e-bike battery",
        """
<article><h1>Looking after your e-bike battery</h1>
<p class="meta">By Cian Walsh, workshop manager, 3 February 2026</p>
<p>A lithium-ion e-bike battery lasts between 500 and 1,000 full charge cycles if you treat it
well. If you won't ride for a few weeks, store the battery indoors at between 30% and 60%
charge.</p>
<p>Never charge a battery below freezing, and let it warm up to room temperature after a cold
ride before you charge it. Our e-bike service includes a battery health report.</p></article>
""",
    ),
    "blog-chain.html": (
        "",
        "When should you replace your chain?",
        """
<article><h1>When should you replace your chain?</h1>
<p class="meta">By Cian Walsh, 9 March 2026</p>
<p>A chain stretches as it wears. On a city bike ridden in all weathers, plan on a new chain
roughly every 3,000 km. A worn chain quickly wears out your cassette and chainrings too, which
costs far more.</p>
<p>Drop in and we'll measure your chain with a chain checker for free: it takes a minute.</p>
</article>
""",
    ),
    "blog-commute.html": (
        "",
        "Five tips for commuting by bike in Dublin",
        """
<article><h1>Five tips for commuting by bike in Dublin</h1>
<p class="meta">By Niamh Byrne, 20 January 2026</p>
<ol><li>Use the quays' cycle lanes and the Royal Canal greenway where you can.</li>
<li>Lock your frame and front wheel with a D-lock to a fixed stand.</li>
<li>Keep a spare inner tube and a mini pump in your bag.</li>
<li>Get a bike through the Bike to Work scheme and spread the cost.</li>
<li>Book a safety check every few months so brakes and gears stay sharp.</li></ol>
</article>
""",
    ),
}

VETS = {
    "index.html": (
        "Home",
        "Independent vets in Pontcanna, Cardiff",
        """
<section class="hero"><h1>Caring for Cardiff's pets since 2009</h1>
<p>Fernbrook Vets is an independent veterinary practice on Cathedral Road in Pontcanna. We look
after cats, dogs, rabbits and other small pets, from first vaccinations to old age, in a
converted Victorian townhouse with its own cat-only waiting room.</p>
<a class="btn" href="contact.html">Book an appointment</a></section>
<section class="features">
<div class="feature"><h3>Fernbrook Health Club</h3><p>Spread the cost of routine care with one
monthly payment.</p><a href="health-club.html">Join the club</a></div>
<div class="feature"><h3>Fees</h3><p>Clear prices for consultations, vaccinations and
neutering.</p><a href="fees.html">See our fees</a></div>
<div class="feature"><h3>Emergencies</h3><p>Worried about your pet out of hours?</p>
<a href="emergencies.html">What to do</a></div></section>
<section><h2>What our clients say</h2><blockquote>"They were so gentle with our nervous rescue
greyhound." – Bethan, Canton</blockquote></section>
""",
    ),
    "fees.html": (
        "Fees",
        "Our fees",
        """
<h1>Our fees</h1>
<p>All prices include VAT at 20%. Medicines, and any tests your vet recommends, are charged on
top of the consultation fee. We will always give you a written estimate before any procedure
over £250.</p>
<h2>Consultations</h2>
<table><thead><tr><th>Consultation</th><th>Price</th></tr></thead><tbody>
<tr><td>Standard consultation with a vet (15 minutes)</td><td>£52</td></tr>
<tr><td>Long consultation or second opinion (30 minutes)</td><td>£85</td></tr>
<tr><td>Recheck for the same problem within 10 days</td><td>£26</td></tr>
<tr><td>Nurse clinic (weight check, stitches out, nail clip)</td><td>£22</td></tr>
<tr><td>Home visit (CF5, CF10 and CF11 postcodes)</td><td>from £120</td></tr>
</tbody></table>
<h2>Vaccinations</h2>
<table><thead><tr><th>Vaccination</th><th>Dog</th><th>Cat</th><th>Rabbit</th></tr></thead><tbody>
<tr><td>Primary course (two injections)</td><td>£78</td><td>£72</td><td>–</td></tr>
<tr><td>Annual booster</td><td>£58</td><td>£55</td><td>£62</td></tr>
<tr><td>Kennel cough (nasal drops)</td><td>£38</td><td>–</td><td>–</td></tr>
</tbody></table>
<h2>Neutering</h2>
<table><thead><tr><th>Operation</th><th>Cat</th><th>Dog under 20 kg</th><th>Dog 20 to 40 kg</th>
<th>Dog over 40 kg</th></tr></thead><tbody>
<tr><td>Castration</td><td>£115</td><td>£260</td><td>£310</td><td>£365</td></tr>
<tr><td>Spay</td><td>£140</td><td>£340</td><td>£395</td><td>£460</td></tr>
</tbody></table>
<p>Rabbits: castration £150, spay £185. Prices include the pre-op check, pain relief to take
home and a post-op check.</p>
<h2>Other treatments</h2>
<ul class="price-list">
<li><span>Microchipping</span> <span>£25 (free with a primary vaccination course)</span></li>
<li><span>Dental scale and polish under anaesthetic</span> <span>from £320</span></li>
<li><span>In-house blood test</span> <span>from £95</span></li>
<li><span>X-ray, including sedation</span> <span>from £280</span></li>
<li><span>Written prescription</span> <span>£18 per item</span></li>
</ul>
""",
    ),
    "health-club.html": (
        "Health Club",
        "Fernbrook Health Club",
        """
<h1>Fernbrook Health Club</h1>
<p>Our pet health plan spreads the cost of your pet's routine care into one monthly Direct
Debit, and saves most members over £120 a year.</p>
<h2>Monthly prices</h2>
<ul class="price-list">
<li><span>Cat</span> <span>£16.50 a month</span></li>
<li><span>Dog up to 20 kg</span> <span>£19.50 a month</span></li>
<li><span>Dog over 20 kg</span> <span>£23 a month</span></li>
<li><span>Rabbit</span> <span>£11 a month</span></li>
</ul>
<h2>What's included</h2>
<ul><li>Annual booster vaccination</li>
<li>Two health checks with a vet every year</li>
<li>Flea and worm treatment all year round</li>
<li>Unlimited nurse clinics, including nail clips</li>
<li>10% off all other treatment, and 5% off food</li></ul>
<h2>The small print</h2>
<p>Pets of any age can join. Membership runs for a minimum of 12 months; after that you can
cancel with one month's notice. If you leave in the first 12 months, we ask you to pay the
difference between what you have paid and the full price of the care you received.</p>
""",
    ),
    "services.html": (
        "Services",
        "Our services",
        """
<h1>Our services</h1>
<h2>Surgery</h2>
<p>Our operating theatre handles routine neutering, lump removals, wound repairs and
orthopaedic surgery. Pets come in between 08:00 and 08:45 on the day of their operation and
usually go home the same afternoon.</p>
<h2>Dentistry</h2>
<p>We have a dedicated dental suite with dental X-ray, so we can see the roots as well as the
crowns of your pet's teeth.</p>
<h2>Diagnostic imaging</h2>
<p>Digital X-ray and ultrasound on site. For CT and MRI scans we refer you to the Cardiff
Veterinary Referral Centre.</p>
<h2>Laboratory</h2>
<p>Our in-house laboratory gives most blood results within 30 minutes, while you wait.</p>
<h2>Puppy parties</h2>
<p>Free puppy socialisation evenings on Thursdays at 18:30, run by our nurses, for puppies
under 16 weeks who have had their first vaccination.</p>
<h2>Hospital care</h2>
<p>Inpatients staying overnight are checked by a nurse at 22:00 and again at 06:00. There is
no vet on the premises overnight, so pets who need constant care transfer to our
out-of-hours partner.</p>
""",
    ),
    "payments.html": (
        "Insurance & payment",
        "Insurance and payment",
        """
<h1>Insurance and payment</h1>
<h2>Paying your bill</h2>
<p>Payment is due when your pet is seen or collected. We take Visa, Mastercard and Maestro,
contactless, Apple Pay and Google Pay, and cash up to £200. We don't accept American Express
or cheques.</p>
<h2>Spreading the cost</h2>
<p>For bills over £500 you can apply to pay in instalments over 6 or 12 months through our
finance partner, Vetfi. The 6-month option is interest-free. Applications take about five
minutes at reception and are subject to status.</p>
<h2>Pet insurance</h2>
<p>We work with all UK pet insurers. For treatment over £300 we can claim directly from your
insurer, so you only pay your excess on the day. Direct claims are free of charge. If you
would rather claim yourself, we charge £20 to complete each claim form.</p>
<h2>Unpaid accounts</h2>
<p>Accounts not settled within 30 days are passed to a collection agency, and a £35
administration fee is added.</p>
""",
    ),
    "policies.html": (
        "",
        "Terms of business",
        """
<h1>Terms of business</h1>
<h2>Cancelling an appointment</h2>
<p>Please give us 24 hours' notice if you can't make an appointment. If you miss a
consultation without telling us, we charge £30. A missed operation slot is charged at £75,
because we keep the theatre and a nurse free for your pet.</p>
<h2>Arriving late</h2>
<p>If you are more than 10 minutes late, we may ask you to wait for the next free slot or to
rebook.</p>
<h2>Repeat prescriptions</h2>
<p>Please allow 48 hours for repeat prescriptions. By law your pet must have been examined by
one of our vets within the last 12 months before we can prescribe.</p>
<h2>Moving to another practice</h2>
<p>We transfer your pet's clinical records to your new vet free of charge, usually within 2
working days of their request.</p>
<h2>Complaints</h2>
<p>Please write to our practice manager, Sam Okafor, at practice@fernbrookvets.example. We
reply within 5 working days.</p>
""",
    ),
    "emergencies.html": (
        "Emergencies",
        "Emergencies and out of hours",
        """
<h1>Emergencies and out of hours</h1>
<h2>During opening hours</h2>
<p>Call us straight away on 029 2049 6731. We keep emergency slots free every day and will see
an emergency the same day.</p>
<h2>Out of hours</h2>
<p>On weeknights after 19:00, at weekends and on bank holidays, our out-of-hours care is
provided by Taff Valley Emergency Vets, 4 Penarth Road, Cardiff CF10 5DW, open 24 hours a day.
Phone them on 029 2049 6999 before you set off. Their out-of-hours consultation fee starts at
£195.</p>
<h2>When to call</h2>
<ul><li>Difficulty breathing, or collapse</li>
<li>Eating something poisonous, such as chocolate, grapes, lilies or rat bait</li>
<li>Straining to pass urine, especially in male cats</li>
<li>A swollen, tight belly in a dog</li>
<li>Bleeding that doesn't stop within 5 minutes</li></ul>
""",
    ),
    "faq.html": (
        "FAQ",
        "Frequently asked questions",
        """
<h1>Frequently asked questions</h1>
<dl class="faq">
<dt>Which animals do you see?</dt>
<dd>Cats, dogs, rabbits, guinea pigs, ferrets and pet chickens. For reptiles and birds we refer
you to the Severn Exotics Clinic in Newport.</dd>
<dt>Can I just walk in?</dt>
<dd>We don't run walk-in clinics: every consultation is by appointment, and you can book online
or by phone. If your pet is ill, we will always see them the same day.</dd>
<dt>How do I register my pet?</dt>
<dd>Fill in the registration form online or at reception. Registering is free.</dd>
<dt>When should my puppy have its vaccinations?</dt>
<dd>The first injection can be given from 8 weeks old and the second 2 to 4 weeks later. Your
puppy can go out for walks one week after the second injection.</dd>
<dt>Can I stay with my pet?</dt>
<dd>You are welcome to stay for consultations and vaccinations. For operations and X-rays your
pet stays with our nurses, and we'll phone you as soon as they wake up.</dd>
<dt>Should my pet have breakfast before an operation?</dt>
<dd>No food after 20:00 the night before the operation. Water is fine until the morning.</dd>
<dt>Do you have a separate area for cats?</dt>
<dd>Yes, cats have their own quiet waiting room upstairs, away from the dogs.</dd>
<dt>Can someone else bring my pet in?</dt>
<dd>Yes, anyone over 18 can bring your pet, but please call us first to give permission, and
make sure they can pay for the visit.</dd>
</dl>
""",
    ),
    "team.html": (
        "Our team",
        "Meet the team",
        """
<h1>Meet the team</h1>
<div class="team-card"><h3>Dr Rhian Morgan BVSc MRCVS</h3><p class="role">Clinical director and
owner</p><p>Rhian founded Fernbrook in 2009. Her special interest is orthopaedic surgery, and
she is the practice's certificate holder in small animal surgery.</p></div>
<div class="team-card"><h3>Dr Tomasz Nowak MRCVS</h3><p class="role">Veterinary surgeon</p>
<p>Tomasz looks after our rabbits, guinea pigs and ferrets, and holds a certificate in zoological
medicine.</p></div>
<div class="team-card"><h3>Dr Hannah Pryce MRCVS</h3><p class="role">Veterinary surgeon</p>
<p>Hannah runs our heart and ultrasound clinic.</p></div>
<div class="team-card"><h3>Lowri Evans RVN</h3><p class="role">Head nurse</p>
<p>Lowri runs our weight clinics and puppy parties.</p></div>
<div class="team-card"><h3>Sam Okafor</h3><p class="role">Practice manager</p>
<p>Sam looks after accounts, insurance claims and the front desk.</p></div>
""",
    ),
    "about.html": (
        "About",
        "About the practice",
        """
<h1>About Fernbrook Vets</h1>
<p>Dr Rhian Morgan opened Fernbrook Vets in 2009 in a Victorian townhouse on Cathedral Road.
We are still independent and owned by Rhian, not by a corporate group, and we are now a team of
fourteen: four vets, six nurses and four receptionists.</p>
<h2>Standards</h2>
<p>We are accredited under the RCVS Practice Standards Scheme, and we hold a Gold Cat Friendly
Clinic award from the International Society of Feline Medicine.</p>
<h2>Our building</h2>
<p>The ground floor, with the dog waiting room and four consulting rooms, is step-free. The cat
waiting room is on the first floor, up one flight of stairs; tell us if you need to wait
downstairs.</p>
""",
    ),
    "contact.html": (
        "Contact",
        "Contact and opening hours",
        """
<h1>Contact and opening hours</h1>
<p>Phone: 029 2049 6731<br>Email: hello@fernbrookvets.example</p>
<address>Fernbrook Vets, 27 Cathedral Road, Pontcanna, Cardiff CF11 9HA</address>
<h2>Opening hours</h2>
<dl class="hours">
<dt>Monday to Friday</dt><dd>08:00 – 19:00</dd>
<dt>Saturday</dt><dd>09:00 – 13:00</dd>
<dt>Sunday and bank holidays</dt><dd>Closed (see <a href="emergencies.html">emergencies</a>)</dd>
</dl>
<h2>Getting here</h2>
<p>Buses 25 and 62 stop outside Llandaff Fields, two minutes' walk away. Cardiff Central station
is a 20-minute walk.</p>
<h2>Parking</h2>
<p>We have four client parking spaces behind the building, reached from Talbot Street. There is
pay-and-display parking on Cathedral Road.</p>
""",
    ),
    "blog-fireworks.html": (
        "Blog",
        "Helping your pet through fireworks season",
        """
<article><h1>Helping your pet through fireworks season</h1>
<p class="meta">By Lowri Evans · 10 October 2026</p>
<p>Bonfire night can be frightening for dogs and cats. Start a calming pheromone diffuser two
weeks before the fireworks begin, and walk your dog before it gets dark.</p>
<p>Make a den with blankets where your pet can hide, close the curtains and put the radio on.
If your pet is very frightened, book a consultation at least a month before: there are
medicines that help.</p>
</article>
""",
    ),
    "blog-ticks.html": (
        "",
        "Ticks: what every dog owner should know",
        """
<article><h1>Ticks: what every dog owner should know</h1>
<p class="meta">By Dr Rhian Morgan · 2 April 2026</p>
<p>In South Wales ticks are most active from March to October, especially in long grass and
woodland such as Bute Park. Check your dog all over after every walk.</p>
<p>Remove a tick with a tick hook, twisting gently until it lets go. Never burn it or pull it
straight out. Ticks can carry Lyme disease, so ask us about a tick treatment that works for a
whole month.</p>
</article>
""",
    ),
    "blog-rabbits.html": (
        "",
        "Happy rabbits: food and space",
        """
<article><h1>Happy rabbits: food and space</h1>
<p class="meta">By Dr Tomasz Nowak · 15 June 2026</p>
<p>Hay should make up about 85% of your rabbit's diet: give a pile at least as big as your rabbit
every day. Add a handful of leafy greens morning and evening, and no more than an egg cup of
pellets.</p>
<p>Rabbits are social and should live in pairs. A hutch on its own is not enough: two rabbits
need an enclosure of at least 3 m by 2 m, and 1 m high, so they can hop, run and stand up.</p>
</article>
""",
    ),
}

if __name__ == "__main__":
    write_site(
        "riverside",
        "Riverside Dental",
        "Family and cosmetic dentistry on the Calls, Leeds.",
        ("Book now", "contact.html"),
        CLINIC,
    )
    write_site(
        "liffeycycles",
        "Liffey Cycles",
        "Bike shop, workshop and rentals on Ormond Quay, Dublin.",
        ("Book a service", "contact.html"),
        BIKESHOP,
    )
    write_site(
        "thistlecomb",
        "Thistle & Comb",
        "Independent hair salon on Great Western Road, Glasgow.",
        ("Book now", "contact.html"),
        SALON,
    )
    write_site(
        "fernbrook",
        "Fernbrook Vets",
        "Independent veterinary practice on Cathedral Road, Cardiff.",
        ("Book an appointment", "contact.html"),
        VETS,
    )
