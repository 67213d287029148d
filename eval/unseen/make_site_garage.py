"""Writes the Kirkgate Motors copy under eval/unseen/sites/kirkgatemotors/ (run once; output is committed).

Written by hand, blind (before the bot was ever run on it): an independent, family-run car
garage on Kirkstall Road in Leeds (UK). MOT testing, servicing in three levels priced by engine
size, repairs, tyres, air-con re-gas, diagnostics, a courtesy car, collection and delivery and a
while-you-wait option. Prices are in pounds including VAT: an MOT and service price table by car
size (a real <table> with header cells), fixed-price jobs as cards in divs and spans, extras as a
list and a few prices only in prose; a tyres page with its own price table; a FAQ written as
headings phrased as questions; opening hours as a list of spans; terms with an estimates and
warranty policy; and three blog posts (MOT failures, winter tyres, EV servicing) that share the
garage's vocabulary. Nothing here is fetched.

    cd /work/main && .venv/bin/python -m eval.unseen.make_site_garage
"""

from __future__ import annotations

from eval.unseen.make_sites import write_site

GARAGE = {
    "index.html": (
        "Home",
        "Family-run garage in Leeds: MOTs, servicing, tyres and repairs",
        """
<section class="hero hero--workshop">
<div class="hero__inner">
<h1>Honest car care in Leeds since 1987</h1>
<p class="lead">Kirkgate Motors is an independent, family-run garage on Kirkstall Road, a mile
and a half from Leeds city centre. We look after all makes and models &ndash; petrol, diesel,
hybrid and fully electric &ndash; with MOTs, servicing, repairs, tyres and air-con, and we tell
you straight what your car needs and what can wait.</p>
<div class="hero__buttons"><a class="btn btn--primary" href="contact.html">Book online</a>
<a class="btn btn--ghost" href="tel:+441134960417">Call 0113 496 0417</a></div>
</div>
</section>
<section class="usp-strip">
<div class="container"><div class="row">
<div class="col usp"><span class="usp__icon icon-mot"></span><div class="usp__text"><strong>MOTs
for &pound;45</strong><span>Cars and vans, with a free retest</span></div></div>
<div class="col usp"><span class="usp__icon icon-clock"></span><div class="usp__text"><strong>While
you wait</strong><span>MOTs and interim services in our lounge</span></div></div>
<div class="col usp"><span class="usp__icon icon-car"></span><div class="usp__text"><strong>Free
courtesy car</strong><span>with every full and major service</span></div></div>
<div class="col usp"><span class="usp__icon icon-shield"></span><div class="usp__text"><strong>12
months' warranty</strong><span>on parts and labour for repairs</span></div></div>
</div></div>
</section>
<section class="services-teaser">
<h2>What we do</h2>
<div class="grid grid--3">
<div class="tile"><h3><a href="services.html#mot">MOT testing</a></h3><p>Class 4 and class 7 MOT
testing in our own DVSA-approved test bay.</p></div>
<div class="tile"><h3><a href="services.html#servicing">Servicing</a></h3><p>Interim, full and
major services from &pound;129, priced by engine size. <a href="prices.html">See prices</a></p></div>
<div class="tile"><h3><a href="tyres.html">Tyres</a></h3><p>Budget to premium tyres fitted and
balanced, tracking, puncture repairs and a tyre hotel.</p></div>
<div class="tile"><h3><a href="services.html#aircon">Air-con</a></h3><p>Re-gas, leak test and
antibacterial clean.</p></div>
<div class="tile"><h3><a href="services.html#diagnostics">Diagnostics</a></h3><p>Warning light on?
We'll find out why.</p></div>
<div class="tile"><h3><a href="services.html#ev">Electric &amp; hybrid</a></h3><p>IMI-qualified
technicians for high-voltage vehicles.</p></div>
</div>
</section>
<section class="reviews">
<h2>What our customers say</h2>
<div class="rating"><span class="stars">&#9733;&#9733;&#9733;&#9733;&#9733;</span> <span>4.9
out of 5 from over 600 Google reviews</span></div>
<blockquote>"Rang me before doing anything extra and the bill matched the quote to the penny.
Been going for ten years now." <cite>&ndash; Janet, Bramley</cite></blockquote>
<blockquote>"Collected my car from work in Headingley and brought it back serviced by half five.
Brilliant." <cite>&ndash; Imran, Headingley</cite></blockquote>
</section>
<section class="latest-posts">
<h2>From the workshop blog</h2>
<ul class="post-list">
<li><a href="blog-mot-failures.html">The seven most common MOT failures (and how to avoid them)</a></li>
<li><a href="blog-winter-tyres.html">Winter tyres in Leeds: worth it or a waste of money?</a></li>
<li><a href="blog-ev-servicing.html">Does an electric car need servicing? What's actually different</a></li>
</ul>
</section>
<section class="accreditation"><p>Accredited to The Motor Ombudsman's Service and Repair Code.
Proud to be family-run, and still not owned by a chain.</p></section>
""",
    ),
    "services.html": (
        "Services",
        "Our services",
        """
<div class="page-intro"><h1>Our services</h1>
<p>From a £45 MOT to a clutch or timing belt, everything is done in our own workshop by our own
technicians. Every job starts with a free written estimate, and we never do extra work without
ringing you first. For prices see our <a href="prices.html">price list</a>.</p></div>

<section id="mot" class="service-block">
<h2>MOT testing</h2>
<p>Our test bay is approved by the DVSA for class 4 (cars, taxis and light vans) and class 7
(goods vehicles from 3,001 kg up to 3,500 kg) MOTs, including electric and hybrid vehicles. We
do not test motorcycles. Our nominated tester, Gareth Pickles, has been testing since 2004.</p>
<p>An MOT takes about 45 minutes to an hour, so you can wait in our customer lounge or leave the
car with us. You're welcome to watch the test from the viewing window next to the MOT bay. If
your car fails, we'll give you a written quote for the repairs, and the retest is free if the
car stays with us for the work or comes back within 10 working days.</p>
</section>

<section id="servicing" class="service-block">
<h2>Servicing</h2>
<p>We offer three levels of service, priced by engine size. All services use oil and parts that
meet your manufacturer's specification, and we stamp your service book or update your car's
digital service record.</p>
<div class="service-levels">
<div class="level"><h3>Interim service</h3><p class="level__when">Every 6 months or 6,000 miles</p>
<ul><li>Engine oil and oil filter change</li><li>Brake, tyre, lights and steering checks</li>
<li>Fluid top-ups and 30-point inspection</li></ul>
<p class="level__time">Takes about 1&frac12; hours, so it can be done while you wait.</p></div>
<div class="level"><h3>Full service</h3><p class="level__when">Every 12 months or 12,000 miles</p>
<ul><li>Everything in the interim service</li><li>Air filter and pollen (cabin) filter</li>
<li>Brakes cleaned and adjusted, battery test</li><li>60-point inspection</li></ul>
<p class="level__time">Takes about 3 hours. Please drop off by 9am.</p></div>
<div class="level"><h3>Major service</h3><p class="level__when">Every 2 years or 24,000 miles</p>
<ul><li>Everything in the full service</li><li>Spark plugs (petrol) or fuel filter (diesel)</li>
<li>Brake fluid change</li><li>80-point inspection</li></ul>
<p class="level__time">A day job: drop off by 9am and collect after 4pm.</p></div>
</div>
<p>Not sure which service your car is due? Give us your registration and mileage and we'll check
the manufacturer's schedule for you.</p>
</section>

<section id="repairs" class="service-block">
<h2>Repairs</h2>
<p>Brakes, clutches, timing belts and chains, suspension, steering, exhausts, batteries, starter
motors and alternators, cooling systems and general mechanical repairs. We don't do bodywork,
dent repair or paintwork, but we're happy to recommend a local body shop.</p>
<p>Most parts arrive from our suppliers the same day. If you'd like to supply your own parts we
can fit them, but see our <a href="terms.html#warranty">warranty terms</a> first.</p>
</section>

<section id="diagnostics" class="service-block">
<h2>Diagnostics</h2>
<p>Engine management light, ABS or airbag warning, a car that won't start, a strange noise? Our
diagnostic check covers up to 45 minutes of a technician's time with our dealer-level scan tools,
plus a road test where needed. You'll get a clear explanation of the fault and a quote to fix it.
If you go ahead with the repair, we take the diagnostic fee off the bill.</p>
</section>

<section id="aircon" class="service-block">
<h2>Air conditioning</h2>
<p>A re-gas takes around 45 minutes. We first vacuum test the system and add UV dye so any leak
can be found; if the system won't hold a vacuum, we stop and quote for the repair instead, and
you only pay for the test. Cars built from around 2017 use the newer R1234yf refrigerant, which
costs more; the sticker under your bonnet tells you which gas your car takes. Our air-con work is
done by Aisha Rahman, who holds an F-gas certificate.</p>
</section>

<section id="ev" class="service-block">
<h2>Electric and hybrid vehicles</h2>
<p>Tom Haigh and Aisha Rahman both hold the IMI Level 3 Award in electric and hybrid vehicle
repair and replacement, so we can service, MOT and repair most EVs and hybrids safely. We can
work on brakes, suspension, tyres, air-con and 12-volt systems, but we don't open or repair
high-voltage battery packs; if yours needs attention we'll arrange it with a battery specialist.
Read more in our blog post <a href="blog-ev-servicing.html">Does an electric car need
servicing?</a></p>
</section>

<section id="wait" class="service-block">
<h2>While-you-wait</h2>
<p>MOTs, interim services, air-con re-gases and tyre fitting can all be done while you wait.
Book a waiting slot at 8am or 1pm on weekdays, or 8am on a Saturday for an MOT. Our lounge has
free Wi-Fi, a desk with sockets, coffee from the machine and the biscuit tin.</p>
</section>

<section id="inspection" class="service-block">
<h2>Pre-purchase inspection</h2>
<p>Buying a used car? We'll give it a 100-point inspection, a road test and a diagnostic scan
before you hand over the money, with a written report. The seller must bring the car to us.</p>
</section>

<p class="cta-line">Need a courtesy car or would you like us to collect your car? See
<a href="courtesy-car.html">Courtesy car &amp; collection</a>.</p>
""",
    ),
    "prices.html": (
        "Prices",
        "Prices: MOT, servicing and fixed-price jobs",
        """
<div class="page-intro"><h1>Prices</h1>
<p>All our prices are in pounds and <strong>include VAT at 20%</strong>. Service prices depend
on engine size; if you're not sure of yours, it's on your V5C logbook (box P.1) or just give us
your registration.</p></div>

<section class="price-section">
<h2>MOT and servicing by car size</h2>
<div class="table-wrap">
<table class="price-table price-table--service">
<thead>
<tr><th scope="col">Vehicle</th><th scope="col">MOT</th><th scope="col">Interim service</th>
<th scope="col">Full service</th><th scope="col">Major service</th>
<th scope="col">Full service + MOT</th></tr>
</thead>
<tbody>
<tr><th scope="row">Small car<br><small>up to 1,400cc</small></th><td>&pound;45</td>
<td>&pound;129</td><td>&pound;199</td><td>&pound;289</td><td>&pound;229</td></tr>
<tr><th scope="row">Medium car<br><small>1,401cc to 2,000cc</small></th><td>&pound;45</td>
<td>&pound;149</td><td>&pound;229</td><td>&pound;329</td><td>&pound;259</td></tr>
<tr><th scope="row">Large car<br><small>over 2,000cc</small></th><td>&pound;45</td>
<td>&pound;169</td><td>&pound;259</td><td>&pound;379</td><td>&pound;289</td></tr>
<tr><th scope="row">Van (class 7)<br><small>3,001 to 3,500 kg</small></th><td>&pound;50</td>
<td>&pound;179</td><td>&pound;279</td><td>&pound;399</td><td>&pound;314</td></tr>
</tbody>
</table>
</div>
<p class="small-print">Full service + MOT saves &pound;15 on booking them separately. Hybrids
are priced by engine size, plus &pound;20 for a hybrid system health check. Prices include
up to 5 litres of oil; cars that take more are charged at &pound;9 a litre. Fully electric cars
have their own service below.</p>
</section>

<section class="price-section">
<h2>Fixed-price jobs</h2>
<div class="cards">
<div class="card"><div class="card__head"><h3>Air-con re-gas</h3><span class="card__tag">R134a,
most cars before 2017</span></div><div class="card__price"><span class="currency">&pound;</span><span
class="amount">59</span></div><div class="card__body"><span>Vacuum test, UV dye and re-gas.
About 45 minutes.</span></div></div>
<div class="card"><div class="card__head"><h3>Air-con re-gas</h3><span class="card__tag">R1234yf,
most cars from 2017</span></div><div class="card__price"><span class="currency">&pound;</span><span
class="amount">99</span></div><div class="card__body"><span>Same as above for the newer
refrigerant.</span></div></div>
<div class="card"><div class="card__head"><h3>Diagnostic check</h3></div><div
class="card__price"><span class="currency">&pound;</span><span class="amount">48</span></div><div
class="card__body"><span>Up to 45 minutes' investigation with a scan and road test. Deducted from
the bill if we do the repair.</span></div></div>
<div class="card"><div class="card__head"><h3>Electric vehicle service</h3></div><div
class="card__price"><span class="currency">&pound;</span><span class="amount">139</span></div><div
class="card__body"><span>Annual EV service for any fully electric car, whatever the size.</span></div></div>
<div class="card"><div class="card__head"><h3>Brake fluid change</h3></div><div
class="card__price"><span class="currency">&pound;</span><span class="amount">49</span></div><div
class="card__body"><span>Recommended every 2 years. Included in a major service.</span></div></div>
<div class="card"><div class="card__head"><h3>Pre-purchase inspection</h3></div><div
class="card__price"><span class="currency">&pound;</span><span class="amount">95</span></div><div
class="card__body"><span>100-point check, road test and written report on a used car.</span></div></div>
</div>
</section>

<section class="price-section">
<h2>Extras and small jobs</h2>
<ul class="extras">
<li>Air-con antibacterial clean (kills smells from the vents): <span class="price">&pound;25</span>
when added to a re-gas</li>
<li>Wiper blades, supplied and fitted (pair): <span class="price">&pound;28</span></li>
<li>Headlight or brake light bulb fitted: from <span class="price">&pound;12</span></li>
<li>Battery test: <span class="price">free</span></li>
<li>Puncture repair: <span class="price">&pound;20</span> per tyre</li>
<li>Courtesy car (when it isn't free): <span class="price">&pound;20 per day</span></li>
<li>Collection and delivery: free within 5 miles, <span class="price">&pound;15</span> from 5 to
10 miles</li>
</ul>
</section>

<section class="price-section">
<h2>Repairs</h2>
<p>Repairs are quoted individually, because parts prices vary so much between makes. As a guide,
front brake pads start from &pound;99 fitted and a timing belt kit with water pump starts from
&pound;299 on most small petrol cars. Clutch replacements usually cost between &pound;450 and
&pound;750. Our labour rate is &pound;78 an hour including VAT, which is about half what most
main dealers in Leeds charge.</p>
</section>

<section class="price-section" id="discounts">
<h2>Discounts</h2>
<div class="discount-box">
<p><strong>Blue light and NHS:</strong> 10% off servicing and repairs for NHS staff, police, fire
and ambulance crews and the armed forces. Show your work ID or Blue Light Card when you book.
Not valid on MOTs or tyres.</p>
<p><strong>Two cars, one trip:</strong> book two or more cars in for an MOT on the same day and
we'll take &pound;5 off each MOT.</p>
</div>
<p>Discounts can't be combined with each other or with the Full service + MOT price.</p>
</section>
<p>Tyre prices are on our <a href="tyres.html">tyres page</a>.</p>
""",
    ),
    "tyres.html": (
        "Tyres",
        "Tyres, tracking and puncture repairs",
        """
<div class="page-intro"><h1>Tyres</h1>
<p>We keep around 300 tyres in stock in the most common sizes, and most others arrive the next
working day. Every tyre price below is <em>fully fitted</em>: fitting, a new valve, balancing and
environmentally friendly disposal of your old tyre are all included.</p></div>

<div class="tyre-tiers">
<div class="tier"><h3>Budget</h3><p>Tried and trusted budget brands we're happy to put on our
own cars. Fine for low-mileage town driving.</p></div>
<div class="tier"><h3>Mid-range</h3><p>Hankook, Falken and Nexen: the sweet spot for most
drivers.</p></div>
<div class="tier"><h3>Premium</h3><p>Michelin, Continental, Bridgestone and Pirelli: the
shortest braking distances in the wet and the longest life.</p></div>
</div>

<h2>Popular sizes: price per tyre, fitted</h2>
<table class="tyre-table">
<tr><th>Tyre size</th><th>Typical cars</th><th>Budget</th><th>Mid-range</th><th>Premium</th></tr>
<tr><td>175/65 R14</td><td>Fiesta, Yaris, Corsa</td><td>&pound;55</td><td>&pound;68</td><td>&pound;92</td></tr>
<tr><td>195/65 R15</td><td>Focus, Golf, Auris</td><td>&pound;59</td><td>&pound;74</td><td>&pound;99</td></tr>
<tr><td>205/55 R16</td><td>Golf, Astra, Octavia</td><td>&pound;65</td><td>&pound;82</td><td>&pound;115</td></tr>
<tr><td>215/60 R17</td><td>Qashqai, Kuga, Sportage</td><td>&pound;84</td><td>&pound;105</td><td>&pound;148</td></tr>
<tr><td>225/45 R17</td><td>3 Series, A4, Leon</td><td>&pound;79</td><td>&pound;98</td><td>&pound;139</td></tr>
</table>
<p class="small-print">Not listed? Ring us with your tyre size (it's written on the side of the
tyre) and we'll give you a price over the phone. Run-flat and electric-vehicle tyres are quoted
separately.</p>

<h2>Other tyre services</h2>
<ul class="tyre-services">
<li><strong>Puncture repair</strong> &ndash; &pound;20, repaired to British Standard BS AU 159 where
the damage is in the repairable central area of the tread.</li>
<li><strong>Front tracking</strong> &ndash; &pound;40. <strong>Four-wheel laser alignment</strong>
&ndash; &pound;65. Both include a printout of the before and after readings.</li>
<li><strong>Seasonal wheel swap</strong> &ndash; &pound;30 to swap a set of four wheels that are
already on rims.</li>
<li><strong>Tyre hotel</strong> &ndash; &pound;40 a season to store your set of four summer or
winter wheels in our racking, cleaned and checked.</li>
<li><strong>TPMS</strong> &ndash; we can replace and program tyre pressure sensors; price on
request.</li>
</ul>

<h2>Good to know</h2>
<p>If your car has locking wheel nuts, please leave the key in the glovebox or hand it in with
your car keys. Tyre fitting takes about 30 minutes for a pair, so it's a while-you-wait job.
Special-order tyres need a &pound;50 deposit when you order (see our <a href="terms.html">terms</a>).</p>
<p>Thinking about winter tyres? Read <a href="blog-winter-tyres.html">our blog post</a> first.</p>
""",
    ),
    "courtesy-car.html": (
        "Courtesy car",
        "Courtesy car and collection and delivery",
        """
<div class="page-intro"><h1>Courtesy car &amp; collection</h1>
<p>Can't be without a car for the day? We have two ways to make it easy.</p></div>

<section class="panel" id="courtesy">
<h2>Courtesy car</h2>
<p>We have three courtesy cars, all automatic Toyota Yaris hybrids. A courtesy car is
<strong>free</strong> with every full or major service and with any repair over &pound;300;
otherwise it's &pound;20 a day. There are only three, so please ask for one when you book:
we can't promise one on the day.</p>
<div class="panel__requirements">
<h3>Who can drive it</h3>
<ul>
<li>Drivers aged 25 to 75</li>
<li>A full UK driving licence held for at least 3 years</li>
<li>No more than 6 penalty points, and no drink-driving convictions</li>
</ul>
<h3>What to bring</h3>
<ul>
<li>Your photocard driving licence</li>
<li>A DVLA licence check code (get it at gov.uk/view-driving-licence; it's valid for 21 days)</li>
<li>Proof of address dated within the last 3 months</li>
</ul>
</div>
<p>Our insurance covers you while you drive the courtesy car, with an excess of &pound;250 if
it's damaged. Please bring it back with the same amount of fuel; any fuel used is charged at
pump price. Courtesy cars must stay within mainland UK and no smoking or pets, please.</p>
</section>

<section class="panel" id="collection">
<h2>Collection and delivery</h2>
<p>We'll collect your car from your home or work and bring it back when it's done. Collection is
free within 5 miles of the garage and &pound;15 from 5 to 10 miles; we don't collect further
than 10 miles away. Collections are between 7.30am and 9.30am, Monday to Friday only, and we
aim to have your car back by 5.30pm. Our drivers are covered by our motor trade insurance.</p>
<p>Please leave the keys somewhere safe for us or hand them to the driver, and let us know about
any parking permits or access codes.</p>
</section>

<section class="panel" id="keydrop">
<h2>Out-of-hours key drop</h2>
<p>Can't make it during opening hours? Park in our yard and post your keys in an envelope with
your name, phone number and registration through the key drop box by the office door. It's
available 24 hours a day.</p>
</section>
""",
    ),
    "faq.html": (
        "FAQ",
        "Frequently asked questions",
        """
<div class="page-intro"><h1>Frequently asked questions</h1></div>
<div class="faq-list">
<div class="faq-item"><h3 class="faq-q">How long does an MOT take?</h3>
<div class="faq-a"><p>About 45 minutes to an hour. You can wait in our lounge, or drop the car
off and we'll text you when it's done.</p></div></div>

<div class="faq-item"><h3 class="faq-q">Can I book my MOT early?</h3>
<div class="faq-a"><p>Yes. You can have your MOT up to a month (minus a day) before it runs out
and keep the same renewal date. We'll send you a free reminder text every year if you'd
like.</p></div></div>

<div class="faq-item"><h3 class="faq-q">What do I need to bring for my MOT?</h3>
<div class="faq-a"><p>Just the car and, if it has them, the locking wheel nut key. You don't
need your V5C logbook or old MOT certificate: everything is on the DVSA system.</p></div></div>

<div class="faq-item"><h3 class="faq-q">What happens if my car fails?</h3>
<div class="faq-a"><p>We'll show you the faults and give you a written quote. The retest is
free if we do the repairs, or if you take the car away and bring it back within 10 working days.
If a fault is listed as dangerous, you can't legally drive the car away until it's fixed.</p></div></div>

<div class="faq-item"><h3 class="faq-q">Can I watch my MOT?</h3>
<div class="faq-a"><p>Yes, from the viewing window next to the test bay. For safety, customers
can't come into the workshop itself.</p></div></div>

<div class="faq-item"><h3 class="faq-q">Will servicing with you affect my manufacturer's warranty?</h3>
<div class="faq-a"><p>No. Under block exemption rules you can have your car serviced by any
garage without affecting the warranty, as long as the work follows the manufacturer's schedule
and uses parts of matching quality. We do both, and we stamp your book or update your car's
digital service record.</p></div></div>

<div class="faq-item"><h3 class="faq-q">Can I wait while my car is serviced?</h3>
<div class="faq-a"><p>For an interim service, yes: book the 8am or 1pm waiting slot and it takes
about an hour and a half. Full and major services take longer, so please leave the car with us
(a courtesy car is free with those).</p></div></div>

<div class="faq-item"><h3 class="faq-q">Do you work on electric cars?</h3>
<div class="faq-a"><p>Yes, our EV service is &pound;139 for any fully electric car, and we MOT
them too. Two of our technicians are IMI Level 3 qualified for high-voltage systems.</p></div></div>

<div class="faq-item"><h3 class="faq-q">Do you MOT motorbikes?</h3>
<div class="faq-a"><p>Sorry, no. We test cars and light vans (classes 4 and 7) only.</p></div></div>

<div class="faq-item"><h3 class="faq-q">Do you do bodywork?</h3>
<div class="faq-a"><p>No, we're mechanical only. Ask at reception and we'll point you to a body
shop we trust.</p></div></div>

<div class="faq-item"><h3 class="faq-q">Can I bring my own parts?</h3>
<div class="faq-a"><p>We'll fit parts you supply, but we can't give any warranty on them or on
the labour to fit them, and if a part turns out to be wrong we charge for the time spent.</p></div></div>

<div class="faq-item"><h3 class="faq-q">How do I pay?</h3>
<div class="faq-a"><p>When you collect your car, by card, Apple Pay, Google Pay or cash. Bills
between &pound;100 and &pound;1,000 can be split into three interest-free payments with
Klarna.</p></div></div>

<div class="faq-item"><h3 class="faq-q">Do you sell gift vouchers?</h3>
<div class="faq-a"><p>Yes, in any amount from &pound;25, and they can be spent on anything,
including MOTs, servicing and tyres. An MOT voucher makes a great present for a new driver. Buy
them at reception or over the phone; they're valid for 12 months.</p></div></div>

<div class="faq-item"><h3 class="faq-q">Do you do business or fleet accounts?</h3>
<div class="faq-a"><p>Yes. Businesses with five or more vehicles can open an account with
monthly invoicing on 30-day terms. Email Sarah to set one up.</p></div></div>

<div class="faq-item"><h3 class="faq-q">Is the garage accessible?</h3>
<div class="faq-a"><p>Reception and the customer lounge are on the ground floor with step-free
access from the yard, and we have an accessible toilet. Assistance dogs are welcome.</p></div></div>

<div class="faq-item"><h3 class="faq-q">Are you open over Christmas?</h3>
<div class="faq-a"><p>We close from 24 December and reopen on 2 January. The key drop stays
open, and we'll get your car done first thing when we're back.</p></div></div>
</div>
""",
    ),
    "about.html": (
        "About us",
        "About Kirkgate Motors",
        """
<div class="page-intro"><h1>About us</h1></div>
<section class="story">
<p>Derek Haigh opened Kirkgate Motors in 1987 in a two-car railway arch off Kirkgate, round the
corner from Leeds Kirkgate Market, which is where the name comes from. In 2008 we moved to our
current, much bigger workshop on Kirkstall Road, with five service bays and our own MOT bay.</p>
<p>Derek retired in 2019 and handed the keys to his daughter Sarah and son Tom, but he still
pops in most Friday mornings to check we're keeping the place tidy. We're still family-owned,
still independent, and a lot of our customers have been coming to us for more than twenty
years.</p>
</section>
<section class="team">
<h2>Meet the team</h2>
<div class="team-grid">
<div class="member"><div class="member__photo"><img src="img/sarah.jpg" alt=""></div>
<div class="member__info"><h3>Sarah Haigh</h3><span class="role">Managing director</span>
<p>Sarah runs the office, bookings and accounts. If you need a quote, a fleet account or want to
talk about a bill, she's the one to speak to.</p></div></div>
<div class="member"><div class="member__photo"><img src="img/tom.jpg" alt=""></div>
<div class="member__info"><h3>Tom Haigh</h3><span class="role">Workshop manager and master
technician</span>
<p>Tom did his apprenticeship here under his dad and has been in the workshop for 22 years. He is
an IMI-accredited master technician, qualified to IMI Level 3 on electric and hybrid vehicles,
and he writes most of our blog.</p></div></div>
<div class="member"><div class="member__photo"><img src="img/gareth.jpg" alt=""></div>
<div class="member__info"><h3>Gareth Pickles</h3><span class="role">MOT tester</span>
<p>Gareth has been an MOT tester since 2004 and joined us in 2011. He's our nominated tester,
and a Leeds Rhinos season ticket holder.</p></div></div>
<div class="member"><div class="member__photo"><img src="img/aisha.jpg" alt=""></div>
<div class="member__info"><h3>Aisha Rahman</h3><span class="role">Technician</span>
<p>Aisha joined us as an apprentice in 2018 and now looks after our air-con work (she holds an
F-gas certificate) and, with Tom, our electric and hybrid cars.</p></div></div>
<div class="member"><div class="member__photo"><img src="img/liam.jpg" alt=""></div>
<div class="member__info"><h3>Liam Dobson</h3><span class="role">Apprentice technician</span>
<p>Liam is in the second year of his Level 3 apprenticeship at Leeds City College and does most
of our tyre fitting.</p></div></div>
</div>
</section>
<section class="standards">
<h2>Our standards</h2>
<ul>
<li>Accredited to The Motor Ombudsman's Service and Repair Code</li>
<li>DVSA-approved MOT test centre for classes 4 and 7</li>
<li>Free written estimate before any work, and no extra work without your say-so</li>
</ul>
</section>
""",
    ),
    "contact.html": (
        "Contact",
        "Contact us and opening hours",
        """
<div class="page-intro"><h1>Contact us</h1>
<p>Book online with the button at the top of the page, ring us or just drop in.</p></div>
<div class="contact-layout">
<div class="contact-layout__col">
<h2>Find us</h2>
<address class="vcard"><span class="org">Kirkgate Motors Ltd</span><br>
<span class="street">Unit 7, Milford Works, 190 Kirkstall Road</span><br>
<span class="locality">Leeds</span> <span class="postcode">LS4 2AZ</span></address>
<p class="contact-line"><span class="label">Phone</span>
<a href="tel:+441134960417">0113 496 0417</a></p>
<p class="contact-line"><span class="label">Email</span>
<a href="mailto:bookings@kirkgatemotors.example">bookings@kirkgatemotors.example</a></p>
<p>We answer emails within one working day. For anything urgent, please phone.</p>
</div>
<div class="contact-layout__col">
<h2>Opening hours</h2>
<ul class="opening-hours">
<li><span class="day">Monday &ndash; Thursday</span> <span class="time">7.30am &ndash; 5.30pm</span></li>
<li><span class="day">Friday</span> <span class="time">7.30am &ndash; 5pm</span></li>
<li><span class="day">Saturday</span> <span class="time">8am &ndash; 12 noon</span>
<span class="note">(MOTs, tyres and air-con only)</span></li>
<li><span class="day">Sunday</span> <span class="time">Closed</span></li>
</ul>
<p>Closed on bank holidays. The phones are answered from 8am. Our out-of-hours key drop is
available 24 hours a day.</p>
</div>
</div>
<section class="directions">
<h2>Getting here</h2>
<p>We're on Kirkstall Road (A65), about a mile and a half from Leeds city centre, on the left
heading out of town just after the Cardigan Fields retail park. Turn into Milford Place and we're
the blue building at the end of the yard.</p>
<p>Buses 33, 33A and 34 stop on Kirkstall Road at the end of Milford Place. Burley Park railway
station is a 12-minute walk.</p>
<h3>Parking</h3>
<p>We have eight customer parking spaces in our yard, free while your car is with us. Please
don't park in front of the roller doors. There's no parking on Milford Place itself.</p>
</section>
""",
    ),
    "terms.html": (
        "",
        "Terms and conditions",
        """
<div class="page-intro"><h1>Terms and conditions</h1>
<p>The small print, in plain English.</p></div>
<section class="terms" id="estimates">
<h2>1. Estimates and quotes</h2>
<p>We give a free written estimate before starting any work. If we find something else while
your car is with us, we'll ring you with a price and won't go ahead until you say yes; if we
can't reach you, the extra work waits. Estimates are valid for 30 days. Where we need to
investigate a fault first, the diagnostic time is charged at our standard diagnostic fee.</p>
</section>
<section class="terms" id="warranty">
<h2>2. Warranty</h2>
<p>All repairs carry a warranty of 12 months or 12,000 miles, whichever comes first, covering
both parts and labour. If something goes wrong more than 50 miles from Leeds, call us before
getting it repaired elsewhere and we'll agree what we can cover. New tyres carry the
manufacturer's warranty. Parts supplied by the customer are fitted without any warranty on the
part or the labour.</p>
</section>
<section class="terms" id="cancellations">
<h2>3. Cancellations and no-shows</h2>
<p>You can cancel or move a booking free of charge with at least 24 hours' notice. If you cancel
an MOT or a while-you-wait slot with less notice, or don't turn up, we charge &pound;20, because
we can't usually refill the slot.</p>
</section>
<section class="terms" id="deposits">
<h2>4. Deposits and refunds</h2>
<p>Special-order tyres need a &pound;50 deposit, and parts costing more than &pound;250 that we
order in specially need a deposit of half the parts price. Deposits are refunded in full if you
cancel before we've ordered. Once parts are ordered, we refund the deposit less any restocking
charge our supplier makes (usually 15%). Electrical parts can't be returned once fitted.</p>
</section>
<section class="terms" id="late">
<h2>5. Arriving late</h2>
<p>If you're more than 15 minutes late for an MOT or a while-you-wait slot, we may have to move
you to a later time that day or rebook you. Cars left with us for the day should be dropped off
by 9am.</p>
</section>
<section class="terms" id="payment">
<h2>6. Payment</h2>
<p>Payment is due when you collect your car, and we release the car once the bill is paid. We
accept Visa, Mastercard and American Express (no surcharge), Apple Pay, Google Pay and cash. We
no longer take cheques. Bills from &pound;100 to &pound;1,000 can be paid in three interest-free
instalments with Klarna. Business account customers pay on 30-day terms.</p>
</section>
<section class="terms" id="storage">
<h2>7. Uncollected vehicles</h2>
<p>Please collect your car within 3 working days of us telling you it's ready. After that, a
storage charge of &pound;15 a day applies.</p>
</section>
<section class="terms" id="vouchers">
<h2>8. Gift vouchers</h2>
<p>Gift vouchers are valid for 12 months from purchase, can't be exchanged for cash and can't be
refunded.</p>
</section>
<section class="terms" id="complaints">
<h2>9. Complaints</h2>
<p>Please talk to Sarah first: most problems are sorted out in a phone call. If we can't agree,
you can refer the complaint to The Motor Ombudsman, whose Service and Repair Code we follow.</p>
</section>
""",
    ),
    "privacy.html": (
        "",
        "Privacy policy",
        """
<div class="page-intro"><h1>Privacy policy</h1></div>
<p>Kirkgate Motors Ltd is registered with the Information Commissioner's Office. We collect your
name, phone number, email, address and vehicle details so we can book and carry out work on your
car, send you reminders and invoice you.</p>
<h2>Who we share it with</h2>
<p>MOT results are recorded on the DVSA's MOT system, as the law requires. If you use Klarna,
Klarna processes your payment details. We never sell your data.</p>
<h2>How long we keep it</h2>
<p>We keep invoices and job records for 6 years for HMRC. CCTV covers our yard and reception,
and recordings are deleted after 30 days.</p>
<h2>Reminders</h2>
<p>If you opt in, we'll text you when your MOT or service is due. Reply STOP to any reminder to
stop them.</p>
<h2>Your rights</h2>
<p>You can ask for a copy of your data or ask us to delete it by emailing
bookings@kirkgatemotors.example.</p>
""",
    ),
    "blog-mot-failures.html": (
        "Blog",
        "The seven most common MOT failures (and how to avoid them)",
        """
<article class="post">
<header class="post__header"><h1>The seven most common MOT failures (and how to avoid them)</h1>
<p class="post__meta">By Gareth Pickles, MOT tester &middot; 9 March 2026</p></header>
<div class="post__body">
<p>I've been doing MOTs for over twenty years, and the same handful of things catch people out
every time. Last year 71% of cars passed first time in our bay, and most of the rest failed on
something the owner could have spotted on the drive. Here's what to check before your test.</p>
<h2>1. Lights and indicators</h2>
<p>Blown bulbs are the single biggest reason for failure: nearly a third of the fails in our bay
last year involved a light. Walk round the car with someone pressing the brake pedal, and don't
forget the number plate light.</p>
<h2>2. Tyres</h2>
<p>The legal minimum tread is 1.6mm across the central three-quarters of the tyre. Pop a 20p
coin into the tread: if you can see the outer band of the coin, your tyres are close to the limit.
Cuts and bulges in the sidewall are a fail too.</p>
<h2>3. Windscreen and wipers</h2>
<p>Any chip or crack bigger than 10mm in the area in front of the driver is a fail, or 40mm
anywhere else the wipers sweep. Split wiper blades and an empty screenwash bottle are fails as
well, so top it up before you come in.</p>
<h2>4. Brakes</h2>
<p>Grinding, a pull to one side or a soft pedal all need looking at before the test.</p>
<h2>5. Suspension</h2>
<p>Broken coil springs are surprisingly common on Leeds roads: a knock over speed bumps is the
clue.</p>
<h2>6. Warning lights</h2>
<p>An engine management, ABS, airbag or tyre pressure warning light that stays on is an
automatic fail. Our diagnostic check will tell you why it's on.</p>
<h2>7. Number plates and clutter</h2>
<p>Dirty or non-standard plates fail, and so can a sat-nav mount in the wrong place on the
windscreen.</p>
<h2>Book it with a service</h2>
<p>Our MOT is &pound;45, and if you book a full service and MOT together it saves you &pound;15.
Remember, the retest is free if the car comes back to us within 10 working days.</p>
</div>
</article>
""",
    ),
    "blog-winter-tyres.html": (
        "",
        "Winter tyres in Leeds: worth it or a waste of money?",
        """
<article class="post">
<header class="post__header"><h1>Winter tyres in Leeds: worth it or a waste of money?</h1>
<p class="post__meta">By Tom Haigh &middot; 20 October 2026</p></header>
<div class="post__body">
<p>Every autumn somebody asks us whether they need winter tyres. The honest answer for most
people in Leeds is: probably not, but it depends on where you live and what you drive.</p>
<h2>What winter tyres actually do</h2>
<p>Winter tyres use a softer rubber that stays grippy below 7&deg;C, with lots of small slits
(sipes) that bite into snow and slush. Below that temperature a summer tyre hardens and takes
noticeably longer to stop, even on a dry road.</p>
<h2>Who should get them</h2>
<p>If you live up in the hills (Otley Chevin, Bramhope, out towards Ilkley Moor) or drive over
the Pennines on the M62 every day, winter tyres or a set of all-season tyres are well worth it.
If you mostly drive in the city, a good all-season tyre marked with the three-peak mountain
snowflake symbol is the best compromise: you can leave it on all year.</p>
<h2>Tread depth</h2>
<p>The legal minimum is 1.6mm, but a tyre is much worse in snow and slush below 3mm. We recommend
changing winter and all-season tyres at 3mm.</p>
<h2>Storage and swapping</h2>
<p>The easiest way to run winter tyres is a second set of wheels. We'll swap them in October and
back again in March for &pound;30 a time, and our tyre hotel will store the set you're not using
for &pound;40 a season, so your garage stays free.</p>
<p>One last tip: tell your insurer if you fit winter tyres. Most don't charge extra, but they
like to know.</p>
</div>
</article>
""",
    ),
    "blog-ev-servicing.html": (
        "",
        "Does an electric car need servicing? What's actually different",
        """
<article class="post">
<header class="post__header"><h1>Does an electric car need servicing? What's actually different</h1>
<p class="post__meta">By Tom Haigh &middot; 5 June 2026</p></header>
<div class="post__body">
<p>No oil, no spark plugs, no clutch, no timing belt: it's easy to think an electric car never
needs to see a garage. It does still need looking after, just differently.</p>
<h2>Brakes: the EV's weak spot</h2>
<p>Because regenerative braking does most of the slowing down, the brake discs hardly get used
and they rust and seize instead of wearing out. We clean and lubricate the calipers at every EV
service, and we see more brake failures at MOT on electric cars than on petrol ones of the same
age.</p>
<h2>Tyres wear faster</h2>
<p>EVs are heavy and have a lot of instant torque, so tyres typically wear out 20 to 30% faster.
Check them every month.</p>
<h2>The rest of the check</h2>
<p>We check the battery coolant, cabin filter, suspension (it works hard carrying the battery
weight), the 12-volt battery, and read the battery health report from the car's computer.</p>
<h2>What it costs</h2>
<p>Our electric vehicle service is a flat &pound;139 for any fully electric car. Electric cars
still need an MOT from three years old, and it's the same &pound;45. While your car is with us
we'll top it up on the 7kW charger in our yard at no charge.</p>
<h2>What we don't do</h2>
<p>We don't open or repair high-voltage battery packs; that's specialist work, and we'll arrange
it for you with a battery specialist if it's needed.</p>
</div>
</article>
""",
    ),
}


def main() -> None:
    write_site(
        "kirkgatemotors",
        "Kirkgate Motors",
        "Independent family-run garage on Kirkstall Road, Leeds: MOTs, servicing, tyres and repairs since 1987.",
        ("Book online", "contact.html"),
        GARAGE,
    )


if __name__ == "__main__":
    main()
