"""Writes the Little Saltbush site under eval/unseen/sites/littlesaltbush/ (run once; the output
is committed).

Written by hand, blind, for the unseen-site evaluation: a neighbourhood restaurant in South
Fremantle, Western Australia. A menu as tables and definition lists with dietary labels, a
drinks list in spans, a private-dining page, a bookings-policy page, an FAQ accordion, opening
hours as a table, gift vouchers, privacy, terms and three journal posts that share the
restaurant's words. Nothing here is fetched.

    cd /work/main && .venv/bin/python -m eval.unseen.make_site_restaurant
"""

from __future__ import annotations

from eval.unseen.make_sites import write_site

RESTAURANT = {
    "index.html": (
        "Home",
        "Neighbourhood restaurant in South Fremantle",
        """
<section class="hero"><h1>Little Saltbush</h1>
<p>A neighbourhood restaurant on Wray Avenue, South Fremantle. Local fish, slow-cooked lamb,
sourdough baked every morning and a short list of Western Australian wine, in a 1924 corner
store with a sunny front terrace.</p>
<a class="btn" href="bookings.html">Book a table</a> <a class="btn btn-ghost" href="menu.html">See
the menu</a></section>
<section><h2>When we're open</h2>
<p>Dinner Wednesday to Sunday, lunch Friday to Sunday. Closed Monday and Tuesday.
Full hours are on our <a href="contact.html">contact page</a>.</p></section>
<section class="cards">
<div class="card"><h3>Set lunch</h3><p>Friday and Saturday lunch: two courses $39 or three
courses $48. Add a glass of house wine for $10.</p><a href="menu.html#set-lunch">Set lunch
menu</a></div>
<div class="card"><h3>Bring the gang</h3><p>The Limestone Room seats up to 18 people at one long
table. Birthdays, wakes, work dinners and everything in between.</p>
<a href="private-dining.html">Private dining</a></div>
<div class="card"><h3>Give a good night out</h3><p>Gift vouchers from $50, valid for three
years, emailed straight to your inbox.</p><a href="gift-vouchers.html">Buy a voucher</a></div>
</section>
<section><h2>Who we are</h2>
<p>Little Saltbush is run by chef Jess Kowalczyk and her partner Dan Okafor, who looks after the
floor and the wine. We opened in May 2017 and we still buy our fish from the same boat.
<a href="about.html">Read our story</a>.</p></section>
<section><h2>From the journal</h2><ul>
<li><a href="blog-summer-menu.html">Summer menu 2026: what's new</a></li>
<li><a href="blog-lamb-shoulder.html">Recipe: our slow-cooked lamb shoulder, at home</a></li>
<li><a href="blog-meet-mick.html">Meet Mick, the man who catches our fish</a></li>
</ul></section>
<section><blockquote>"The kind of local every suburb wishes it had. Get the sardines." &ndash;
The West Australian, Good Food Guide 2025</blockquote></section>
""",
    ),
    "menu.html": (
        "Menu",
        "Menu",
        """
<h1>Menu</h1>
<p class="intro">Our summer menu, from 2 December 2026. The menu changes with the seasons and a
few dishes change every week depending on what comes off the boat and out of the garden.
Please tell your server about any allergies before you order.</p>
<p class="key"><strong>V</strong> vegetarian &middot; <strong>VG</strong> vegan &middot;
<strong>GF</strong> gluten free &middot; <strong>GFO</strong> gluten free option available</p>

<h2>To start</h2>
<table class="menu">
<tr><td>House sourdough, cultured butter, saltbush salt</td><td>V &middot; GFO</td><td>$9</td></tr>
<tr><td>Albany rock oysters, shallot and red wine mignonette</td><td>GF</td><td>$5.50 each / $30 half dozen</td></tr>
<tr><td>Grilled Fremantle sardines, salsa verde, charred lemon</td><td>GF</td><td>$19</td></tr>
<tr><td>Burrata, heirloom tomatoes, white peach, basil oil</td><td>V &middot; GF</td><td>$24</td></tr>
<tr><td>Crispy pork belly, pickled nashi pear, black vinegar caramel</td><td>GF</td><td>$22</td></tr>
<tr><td>Charred broccolini, whipped tahini, macadamia dukkah</td><td>VG &middot; GF</td><td>$17</td></tr>
<tr><td>Kingfish crudo, finger lime, cucumber, green chilli</td><td>GF</td><td>$26</td></tr>
</table>

<h2>Mains</h2>
<table class="menu">
<tr><td>Market fish, brown butter, capers, crushed kipfler potatoes<br><small>ask your server
what Mick caught this week</small></td><td>GF</td><td>$42</td></tr>
<tr><td>12-hour lamb shoulder for two, anchovy and rosemary, white beans, salsa rossa<br>
<small>serves two, allow 10 minutes</small></td><td>GF</td><td>$88</td></tr>
<tr><td>Harvey beef sirloin 300g, bone marrow butter, watercress, chips</td><td>GF</td><td>$52</td></tr>
<tr><td>Hand-rolled pappardelle, mushroom ragu, aged pecorino</td><td>V</td><td>$34</td></tr>
<tr><td>Roast half chicken, lemon, garlic, green sauce</td><td>GF</td><td>$38</td></tr>
<tr><td>Saltbush-roasted cauliflower, romesco, toasted almonds, pickled grapes</td><td>VG &middot; GF</td><td>$31</td></tr>
</table>

<h3>Sides</h3>
<ul class="menu-sides">
<li><span>Chips, rosemary salt, aioli</span> <span>GF</span> <span>$11</span></li>
<li><span>Green leaves, mustard dressing</span> <span>VG &middot; GF</span> <span>$10</span></li>
<li><span>Charred corn, chipotle butter, pecorino</span> <span>V &middot; GF</span> <span>$12</span></li>
<li><span>Heirloom tomato salad, red onion, oregano</span> <span>VG &middot; GF</span> <span>$13</span></li>
</ul>

<h2>Desserts</h2>
<dl class="menu">
<dt>Sticky date pudding, butterscotch, vanilla bean ice cream <em>V</em></dt><dd>$16</dd>
<dt>Dark chocolate tart, crème fraîche, sea salt <em>V</em></dt><dd>$17</dd>
<dt>Lemon myrtle panna cotta, macerated strawberries <em>GF</em></dt><dd>$15</dd>
<dt>Mango and lime sorbet, toasted coconut <em>VG &middot; GF</em></dt><dd>$13</dd>
<dt>Affogato with Frangelico <em>V &middot; GF</em></dt><dd>$18 (without liqueur $9)</dd>
<dt>Three WA cheeses, lavosh, quince paste <em>V</em></dt><dd>$26</dd>
</dl>

<h2 id="set-lunch">Set lunch</h2>
<p>Friday and Saturday lunch only, not available on Sunday or on public holidays.
<strong>Two courses $39 &middot; three courses $48.</strong> Add a glass of house wine for
$10.</p>
<div class="set-lunch">
<h4>Entrée (choose one)</h4>
<ul><li>Grilled Fremantle sardines, salsa verde</li><li>Charred broccolini, whipped tahini (VG)</li></ul>
<h4>Main (choose one)</h4>
<ul><li>Market fish of the day, crushed potatoes</li><li>Pappardelle, mushroom ragu (V)</li></ul>
<h4>Dessert (choose one)</h4>
<ul><li>Sticky date pudding</li><li>Mango and lime sorbet (VG)</li></ul>
</div>

<h2>Feed me</h2>
<p>Can't decide? Let the kitchen choose: five sharing courses for $75 per person, for the whole
table (minimum two people). Our feed-me menu is compulsory for groups of 8 or more.</p>

<h2 id="kids">Little ones</h2>
<p>For kids under 12. <strong>$16</strong>, including a main, an apple or orange juice and a
scoop of ice cream.</p>
<ul><li>Fish and chips</li><li>Spaghetti with tomato sauce (V)</li><li>Crumbed chicken and
chips</li></ul>

<p class="small">Gluten-free bread is available for $2 extra. Our chips are cooked in a
dedicated gluten-free fryer. All prices include GST. A 15% surcharge applies on public
holidays.</p>
""",
    ),
    "drinks.html": (
        "Drinks",
        "Drinks list",
        """
<h1>Drinks</h1>
<p>Dan's list is short and mostly Western Australian: about two thirds of the wines come from
within a day's drive of Fremantle. It changes often, so ask for the blackboard.</p>

<h2>House wine</h2>
<ul class="drinks">
<li><span>House white &ndash; Vermentino, Margaret River</span> <span>glass $12</span> <span>500ml carafe $34</span> <span>bottle $52</span></li>
<li><span>House red &ndash; Grenache, Swan Valley</span> <span>glass $12</span> <span>500ml carafe $34</span> <span>bottle $52</span></li>
</ul>

<h2>By the glass and bottle</h2>
<ul class="drinks">
<li><span>NV Sparkling, Great Southern</span> <span>$15</span> <span>$68</span></li>
<li><span>2024 Riesling, Porongurup</span> <span>$14</span> <span>$62</span></li>
<li><span>2023 Chardonnay, Margaret River</span> <span>$18</span> <span>$84</span></li>
<li><span>2024 Rosé, Frankland River</span> <span>$14</span> <span>$60</span></li>
<li><span>2023 Pinot Noir, Pemberton</span> <span>$17</span> <span>$78</span></li>
<li><span>2022 Cabernet Sauvignon, Margaret River</span> <span>$19</span> <span>$92</span></li>
</ul>

<h2>Beer and cider</h2>
<ul class="drinks">
<li><span>Little Saltbush Pale Ale, brewed for us by Harbour Mill Brewing</span> <span>schooner $12</span> <span>pint $15</span></li>
<li><span>Harbour Mill Lager</span> <span>schooner $11</span> <span>pint $14</span></li>
<li><span>Apple cider, Donnybrook (330ml)</span> <span>$12</span></li>
<li><span>Zero-alcohol pale ale (375ml)</span> <span>$9</span></li>
</ul>

<h2>Cocktails</h2>
<ul class="drinks">
<li><span>Saltbush Margarita &ndash; tequila, lime, triple sec, saltbush salt rim</span> <span>$21</span></li>
<li><span>Freo Spritz &ndash; blood orange aperitivo, WA sparkling, soda</span> <span>$19</span></li>
<li><span>Negroni</span> <span>$20</span></li>
<li><span>Espresso Martini</span> <span>$22</span></li>
</ul>

<h2>No and low</h2>
<ul class="drinks">
<li><span>Lemon myrtle lemonade, made here</span> <span>$7</span></li>
<li><span>Non-alcoholic spritz</span> <span>$12</span></li>
<li><span>Soft drinks</span> <span>$5</span></li>
<li><span>Filtered still or sparkling water</span> <span>free</span></li>
</ul>

<h2>Coffee and tea</h2>
<ul class="drinks">
<li><span>Espresso</span> <span>$4.50</span></li>
<li><span>Flat white, latte, cappuccino</span> <span>$5.20</span></li>
<li><span>Pot of tea</span> <span>$6</span></li>
<li><span>Oat or almond milk</span> <span>+$0.80</span></li>
</ul>

<h2>BYO</h2>
<p>BYO wine is welcome on Wednesday, Thursday and Sunday. Corkage is $15 per 750ml bottle. Bottled
wine only, please: no BYO beer or spirits, and no BYO on Friday or Saturday.</p>
""",
    ),
    "private-dining.html": (
        "Private dining",
        "Private dining and events",
        """
<h1>Private dining</h1>
<p>Our back room, the Limestone Room, has its original 1920s limestone walls, its own door to
the courtyard and one long jarrah table. It's ours most nights and yours whenever you need it.</p>

<h2>Capacity</h2>
<table>
<thead><tr><th>Space</th><th>Seated</th><th>Standing</th></tr></thead>
<tbody>
<tr><td>The Limestone Room</td><td>up to 18</td><td>up to 25</td></tr>
<tr><td>Whole restaurant (inside and terrace)</td><td>up to 60</td><td>up to 90</td></tr>
</tbody></table>

<h2>Minimum spend</h2>
<p>There's no room hire fee. Instead we ask for a minimum spend on food and drink:</p>
<table>
<thead><tr><th>When</th><th>The Limestone Room</th></tr></thead>
<tbody>
<tr><td>Wednesday or Thursday dinner</td><td>$800</td></tr>
<tr><td>Friday, Saturday or Sunday lunch</td><td>$1,000</td></tr>
<tr><td>Friday or Saturday dinner</td><td>$1,400</td></tr>
<tr><td>Sunday dinner</td><td>$800</td></tr>
</tbody></table>
<p>Exclusive hire of the whole restaurant starts at $6,500.</p>

<h2>Menus</h2>
<ul>
<li><strong>Feed me</strong>: five sharing courses, $75 per person</li>
<li><strong>Long table feast</strong>: seven courses including the lamb shoulder and a
cheese course, $95 per person</li>
<li><strong>Canapés</strong>: six pieces per person, $48 per person (standing events)</li>
</ul>
<p>We can cater for vegetarian, vegan and gluten-free guests within all of these menus. Please
send dietary requirements with your final numbers.</p>

<h2>Drinks packages</h2>
<ul>
<li>Classic, 3 hours: house wines, pale ale, lager, soft drinks &ndash; $65 per person</li>
<li>Premium, 3 hours: the full wine list by the glass, beer, cider, one cocktail on arrival &ndash; $85 per person</li>
</ul>
<p>Or run a bar tab with a limit you set.</p>

<h2>Booking the room</h2>
<ul>
<li>A deposit of $250 secures the Limestone Room. For exclusive hire we ask for 50% of the
minimum spend.</li>
<li>The deposit comes off your final bill.</li>
<li>Final numbers and dietary requirements are due 72 hours before your event.</li>
<li>Cancel more than 14 days before the event for a full refund of the deposit. Within 14 days
the deposit is kept.</li>
<li>The room has a 55-inch screen with HDMI for slides or a birthday slideshow. No microphone or
PA, sorry.</li>
<li>Decorations are fine, but no confetti, glitter or helium balloons.</li>
</ul>
<p>To enquire, email <a href="mailto:events@littlesaltbush.example">events@littlesaltbush.example</a>
with the date, the number of guests and what you're celebrating. Dan replies within two working
days.</p>
""",
    ),
    "bookings.html": (
        "Bookings",
        "Bookings and policies",
        """
<h1>Bookings and policies</h1>
<p>Book online through the button at the top of every page, or call us on (08) 7010 4829 from
2pm on the days we're open. We take bookings up to 60 days ahead.</p>

<h2>Walk-ins</h2>
<p>We keep the 8 seats at the bar and the front terrace for walk-ins every service. If we're
full, leave a number and we'll text you when a table comes up.</p>

<h2>How long is my table?</h2>
<p>On Friday and Saturday nights, tables of up to 6 booked between 6pm and 8pm are ours again
after 2 hours, and tables of 7 or more after 2&frac12; hours. We'll always tell you when you
book. At other times there's no time limit, stay as long as you like.</p>

<h2>Groups of 8 or more</h2>
<ul>
<li>Groups of 8 to 16 sit together in the main dining room; for more than 16, see
<a href="private-dining.html">private dining</a>.</li>
<li>Groups of 8 or more have the feed-me menu ($75 per person).</li>
<li>We take a deposit of $20 per person when you book, which comes off the bill.</li>
<li>A discretionary 10% service charge is added to the bill for tables of 8 or more. It all goes
to the team, and you can ask us to remove it.</li>
</ul>

<h2>Cancellations and no-shows</h2>
<ul>
<li>Tables of 1 to 7: please give us at least 24 hours' notice. If you cancel later than that or
don't turn up, we may charge $30 per person to the card you booked with.</li>
<li>Groups of 8 or more: cancel at least 48 hours before and we refund the deposit in full.
After that the deposit is kept.</li>
<li>Private dining has its own terms: see the <a href="private-dining.html">private dining
page</a>.</li>
</ul>

<h2>Running late?</h2>
<p>We hold tables for 20 minutes. After that we may give the table away, so please call if
you're held up and we'll do our best.</p>

<h2>Corkage and cakeage</h2>
<p>BYO wine on Wednesday, Thursday and Sunday only: corkage $15 per 750ml bottle. Bringing a
birthday cake? Cakeage is $4 per person and we'll slice it and serve it with cream.</p>

<h2>Surcharges and paying</h2>
<ul>
<li>A 15% surcharge applies on public holidays, to cover penalty rates for our staff.</li>
<li>We're cashless. We take Visa, Mastercard, American Express and EFTPOS, plus Apple Pay and
Google Pay. A 1.2% surcharge applies to credit cards; debit cards are surcharge-free.</li>
<li>We can split the bill up to four ways.</li>
</ul>
""",
    ),
    "faq.html": (
        "FAQ",
        "Frequently asked questions",
        """
<h1>Frequently asked questions</h1>
<div class="faq">
<details><summary>Do you cater for gluten-free diets?</summary>
<p>Yes. Most of the menu is gluten free (look for GF), gluten-free bread is $2 extra, and our
chips are cooked in a dedicated gluten-free fryer. We're not a gluten-free kitchen, so if you
have coeliac disease please tell us when you book.</p></details>
<details><summary>Is there anything for vegans?</summary>
<p>Every section of the menu has at least one vegan (VG) dish. For groups, we can do a vegan
version of the feed-me menu with 48 hours' notice.</p></details>
<details><summary>Can I bring my kids?</summary>
<p>Of course. We have a kids' menu for under-12s ($16 with a juice and ice cream), three
highchairs and a change table in the accessible bathroom. Mention the highchair when you book so
we can keep one for you.</p></details>
<details><summary>Can I bring my dog?</summary>
<p>Dogs on a lead are welcome on the front terrace (not inside). We'll bring a water bowl.</p></details>
<details><summary>Is the restaurant wheelchair accessible?</summary>
<p>Yes: there's step-free entry through the main door on Wray Avenue, and an accessible toilet.
The Limestone Room has one small step down; we have a ramp for it, just ask.</p></details>
<details><summary>What time does the kitchen close?</summary>
<p>Last food orders are 45 minutes before closing: 8:45pm on Wednesday and Thursday, 9:15pm on
Friday and Saturday, and 7:15pm on Sunday.</p></details>
<details><summary>Do you do takeaway?</summary>
<p>Yes, most of the menu is available to take away. Call us to order and collect from the bar.
We don't deliver and we're not on any delivery apps.</p></details>
<details><summary>Can I bring a birthday cake?</summary>
<p>Yes, cakeage is $4 per person. Let us know when you book and we'll keep it in the fridge.</p></details>
<details><summary>Can we split the bill?</summary>
<p>Up to four ways, on one card each. Anything more and we'll ask one person to pay.</p></details>
<details><summary>Do I need to book?</summary>
<p>For Friday and Saturday dinner, yes, usually a week or two ahead. Otherwise we keep the bar
and terrace for walk-ins.</p></details>
<details><summary>Is the fish sustainable?</summary>
<p>All our fish is caught by line off the Fremantle and Rottnest coast. We don't serve any
species that is on the Australian Marine Conservation Society's red list.</p></details>
</div>
""",
    ),
    "about.html": (
        "About",
        "Our story",
        """
<h1>Our story</h1>
<p>Little Saltbush opened in May 2017 in a 1924 limestone corner store that was Wray Avenue's
deli for almost fifty years. We kept the pressed-tin ceiling, the jarrah floor and the old
shop counter, which is now our bar.</p>

<h2>The people</h2>
<p><strong>Jess Kowalczyk</strong> (chef and co-owner) grew up in Bunbury and cooked in
Melbourne for nine years, the last four as sous chef at a wine bar in Fitzroy, before coming
home to the west. <strong>Dan Okafor</strong> (co-owner, front of house and wine) was born in
Lagos, trained as a sommelier in London and has been pouring WA wine since 2012.
<strong>Lena Matsuda</strong> joined as sous chef in 2019 and makes every dessert on the menu.</p>

<h2>Where our food comes from</h2>
<p>About 85% of what we cook is grown, raised or caught within 300 km of the restaurant.</p>
<ul>
<li><strong>Fish</strong>: Mick Sorensen's boat, the <em>Mary Ellen</em>, landed at the
Fremantle Fishing Boat Harbour</li>
<li><strong>Lamb</strong>: Kessell Creek Farm, near Boyup Brook</li>
<li><strong>Vegetables</strong>: the Trinh family's Green Acre Gardens in Spearwood</li>
<li><strong>Olive oil</strong>: Moondyne Grove, Gingin</li>
<li><strong>Bread</strong>: baked here every morning from a sourdough starter called Gerald,
who is older than the restaurant</li>
<li><strong>Saltbush</strong>: grown in the planters in our courtyard</li>
</ul>

<h2>Less waste</h2>
<p>Food scraps go into the City of Fremantle FOGO bin, coffee grounds go to the Green Acre
compost, and we stopped using single-use plastic in 2020.</p>

<p>The restaurant has 52 seats inside and 16 on the front terrace.</p>
""",
    ),
    "gift-vouchers.html": (
        "Gift vouchers",
        "Gift vouchers",
        """
<h1>Gift vouchers</h1>
<p>Know someone who'd love a long lunch? Our vouchers can be used for food and drink at any
service, and towards a private dining deposit.</p>
<h2>Choose a voucher</h2>
<ul class="vouchers">
<li><span>Any amount from $50 to $500</span> <span>you choose</span></li>
<li><span>Set lunch for two (three courses each, with a glass of house wine)</span> <span>$116</span></li>
<li><span>Lamb shoulder for two with a bottle of house wine</span> <span>$135</span></li>
</ul>
<h2>How it works</h2>
<ul>
<li>Buy online and we email the voucher to you or straight to the lucky person, usually within
a few minutes.</li>
<li>Prefer something to wrap? We post a printed card in an envelope for $4, or collect it free
from the bar.</li>
<li>Vouchers are valid for three years from the date of purchase.</li>
<li>Vouchers can be used over more than one visit; the balance stays on the voucher.</li>
<li>Vouchers can't be exchanged for cash, and can't be used to buy other vouchers.</li>
<li>Lost your voucher? Email us the voucher number and we'll send a new one.</li>
</ul>
""",
    ),
    "contact.html": (
        "Contact",
        "Contact and opening hours",
        """
<h1>Find us</h1>
<div class="contact-grid">
<div>
<h2>Little Saltbush</h2>
<address>48 Wray Avenue<br>South Fremantle WA 6162<br>Australia</address>
<p>Phone: <a href="tel:+61870104829">(08) 7010 4829</a> (from 2pm on the days we're open)<br>
Email: <a href="mailto:hello@littlesaltbush.example">hello@littlesaltbush.example</a><br>
Private dining: <a href="mailto:events@littlesaltbush.example">events@littlesaltbush.example</a></p>
</div>
<div>
<h2>Opening hours</h2>
<table class="hours">
<tr><th>Monday</th><td>Closed</td></tr>
<tr><th>Tuesday</th><td>Closed</td></tr>
<tr><th>Wednesday</th><td>5:30pm &ndash; 9:30pm</td></tr>
<tr><th>Thursday</th><td>5:30pm &ndash; 9:30pm</td></tr>
<tr><th>Friday</th><td>12pm &ndash; 2:30pm, 5:30pm &ndash; 10pm</td></tr>
<tr><th>Saturday</th><td>12pm &ndash; 3pm, 5:30pm &ndash; 10pm</td></tr>
<tr><th>Sunday</th><td>12pm &ndash; 8pm (all day)</td></tr>
</table>
<p>Public holidays: open as usual if the day falls Wednesday to Sunday (15% surcharge). We close
for two weeks every July.</p>
</div>
</div>

<h2>Getting here</h2>
<ul>
<li><strong>Bus</strong>: the free Blue CAT stops on South Terrace at Wray Avenue, a 3-minute
walk away.</li>
<li><strong>Train</strong>: Fremantle station is 2 km north, about 25 minutes on foot along South
Terrace, or take the Blue CAT from the station.</li>
<li><strong>Bike</strong>: there's a rack for 6 bikes outside the front terrace.</li>
<li><strong>Car</strong>: free street parking on Wray Avenue and the side streets (2-hour limit
8am&ndash;6pm, unrestricted after 6pm). There's one ACROD accessible bay right outside our
door.</li>
</ul>
<p>Looking for a job with us? Please don't call during service, just pop in between 2pm and 4pm
on a Wednesday or Thursday with your CV.</p>
""",
    ),
    "privacy.html": (
        "",
        "Privacy policy",
        """
<h1>Privacy policy</h1>
<p>Little Saltbush Pty Ltd (ABN 51 824 613 907) follows the Australian Privacy Principles.</p>
<h2>What we collect</h2>
<p>When you book we collect your name, phone number, email, the number of guests and any
dietary requirements or allergies you tell us about. Our online bookings are handled by
SeatLink, who store this information on our behalf in Australia.</p>
<h2>What we use it for</h2>
<p>To hold your table, to remind you the day before, and to cook safely for you. If you tick
the box, we'll also send our newsletter, about once a month; every newsletter has an
unsubscribe link.</p>
<h2>How long we keep it</h2>
<p>Booking records are deleted 24 months after your last visit. Card details for no-show
charges are held by our payment provider, never by us.</p>
<h2>Cookies</h2>
<p>This website uses cookies for analytics and to remember your cookie choice. You can decline
analytics cookies using the banner.</p>
<h2>Questions</h2>
<p>Email our privacy officer, Dan Okafor, at
<a href="mailto:privacy@littlesaltbush.example">privacy@littlesaltbush.example</a>.</p>
""",
    ),
    "terms.html": (
        "",
        "Terms and conditions",
        """
<h1>Terms and conditions</h1>
<h2>Prices and menus</h2>
<p>All prices are in Australian dollars and include GST. Menus and prices can change without
notice, depending on the season and what our suppliers have. A 15% surcharge applies on public
holidays and a 1.2% surcharge on credit card payments.</p>
<h2>Bookings</h2>
<p>Booking deposits, cancellation charges and table times are set out on our
<a href="bookings.html">bookings page</a> and form part of these terms.</p>
<h2>Gift vouchers</h2>
<p>Vouchers are valid for three years from the date of purchase, as required by Australian
Consumer Law. They are not redeemable for cash and can't be replaced without the voucher
number.</p>
<h2>Responsible service of alcohol</h2>
<p>We follow the Liquor Control Act 1988 (WA). We may ask for ID from anyone who looks under 25
and we may refuse service to anyone who is intoxicated.</p>
<h2>Website</h2>
<p>Photos and text on this website belong to Little Saltbush Pty Ltd. These terms are governed
by the law of Western Australia.</p>
""",
    ),
    "blog-summer-menu.html": (
        "",
        "Summer menu 2026: what's new",
        """
<article><h1>Summer menu 2026: what's new</h1>
<p class="meta">By Jess Kowalczyk &middot; 28 November 2026</p>
<p>Our menu changes four times a year, on the first Wednesday of March, June, September and
December. The summer menu starts on Wednesday 2 December, and it's the most fun one to write:
the Trinh family's tomatoes are in, the mangoes are coming down from Carnarvon and the
kingfish are running.</p>
<p>Three new dishes to look out for:</p>
<ul>
<li><strong>Kingfish crudo</strong> with finger lime and green chilli ($26). The finger limes
come from a single tree in Lena's mum's backyard in Hamilton Hill.</li>
<li><strong>Burrata with heirloom tomatoes and white peach</strong> ($24). The burrata is made
for us in Osborne Park, two days before it gets to your plate.</li>
<li><strong>Mango and lime sorbet</strong> ($13), our first vegan dessert that isn't fruit salad.
It takes 4 kg of mangoes to make one batch of 30 serves.</li>
</ul>
<p>Saying goodbye for now: the pumpkin and burrata (back in autumn, promise) and the
quince tarte tatin.</p>
<p>The lamb shoulder stays. It will always stay.</p>
</article>
""",
    ),
    "blog-lamb-shoulder.html": (
        "",
        "Recipe: our slow-cooked lamb shoulder, at home",
        """
<article><h1>Recipe: our slow-cooked lamb shoulder, at home</h1>
<p class="meta">By Jess Kowalczyk &middot; 14 August 2026</p>
<p>At the restaurant the lamb shoulder for two ($88) cooks for 12 hours at 110&deg;C in the
old deli's bread oven. You probably don't want your oven on overnight, so here's the home
version, which takes about five hours.</p>
<h2>You'll need</h2>
<ul>
<li>1 bone-in lamb shoulder, about 2 kg (ours come from Kessell Creek Farm)</li>
<li>6 anchovy fillets</li>
<li>1 whole head of garlic, cloves peeled</li>
<li>3 sprigs of rosemary</li>
<li>1 tablespoon dried saltbush, or 2 teaspoons sea salt</li>
<li>250 ml white wine</li>
</ul>
<h2>Method</h2>
<ol>
<li>Heat your oven to 150&deg;C (fan forced 130&deg;C).</li>
<li>Pound the anchovies, garlic, rosemary and saltbush into a rough paste. Stab the lamb all
over with a small knife and rub the paste into the cuts.</li>
<li>Put the lamb in a deep tray, pour in the wine and cover tightly with foil.</li>
<li>Roast for 5 hours, until the bone pulls out clean.</li>
<li>Take off the foil, turn the oven up to 220&deg;C and roast for another 15 minutes to crisp the
top.</li>
<li>Rest for 30 minutes before you pull it apart with two forks.</li>
</ol>
<p>Serves four at home, or two very hungry people. Serve with white beans and something green.</p>
</article>
""",
    ),
    "blog-meet-mick.html": (
        "",
        "Meet Mick, the man who catches our fish",
        """
<article><h1>Meet Mick, the man who catches our fish</h1>
<p class="meta">By Dan Okafor &middot; 9 October 2026</p>
<p>If you've had the market fish at Little Saltbush, you've eaten something Mick Sorensen
caught. Mick has fished out of Fremantle since 1988 and has skippered the <em>Mary Ellen</em>,
a 12-metre line boat, for the last twenty years.</p>
<p>He's back at the Fishing Boat Harbour by about 5am, and Jess is usually on the jetty by
5:30 to see what he's got. We don't order a species: we take what he lands, somewhere between
30 and 40 kg a week. In summer that's mostly pink snapper and Spanish mackerel; in winter,
dhufish and breaksea cod.</p>
<p>"Line-caught, one at a time, and on ice within a minute," says Mick. That's why the fish
on your plate was usually swimming two days earlier.</p>
<p>Mick has supplied us since the week we opened in 2017. He still won't eat at the restaurant
(&ldquo;I see enough fish&rdquo;), but he does come in for the lamb.</p>
</article>
""",
    ),
}

if __name__ == "__main__":
    write_site(
        "littlesaltbush",
        "Little Saltbush",
        "Neighbourhood restaurant on Wray Avenue, South Fremantle.",
        ("Book a table", "bookings.html"),
        RESTAURANT,
    )
