"""Writes the Muddy Paws copy under eval/unseen/sites/muddypawsdaycare/ (run once; output is committed).

Written by hand, blind (before the bot was ever run on it): a dog daycare, grooming and home
boarding business in Wigram, Christchurch (New Zealand), prices in NZ dollars including GST. A
daycare price table with header cells, grooming prices as cards in divs and spans by dog size
and coat, boarding and extras as lists and prose, a FAQ as <dl> with dt/dd, opening hours as
rows of divs and spans, booking terms as numbered headed sections, a new-dog (vaccinations and
temperament assessment) page, a team page and three blog posts (separation anxiety, grooming
doodles, summer heat) that share the business's vocabulary. Nothing here is fetched.

    cd /work/main && .venv/bin/python -m eval.unseen.make_site_dogs
"""

from __future__ import annotations

from eval.unseen.make_sites import write_site

DOGS = {
    "index.html": (
        "Home",
        "Dog daycare, grooming and home boarding in Christchurch",
        """
<section class="hero hero--paws">
<div class="hero__inner">
<h1>Happy, tired dogs. Every single day.</h1>
<p class="lead">Muddy Paws is a family-owned dog daycare, grooming salon and home boarding
service in Wigram, Christchurch. Your dog spends the day playing in small, supervised groups,
and comes home muddy, happy and ready for a good sleep.</p>
<div class="hero__buttons"><a class="btn btn--primary" href="new-dogs.html">Book a meet &amp; greet</a>
<a class="btn btn--ghost" href="prices.html">See our prices</a></div>
</div></section>

<section class="usp-strip"><div class="container"><div class="row">
<div class="col usp"><span class="icon icon-sun"></span><h3>Daycare from $52 a day</h3>
<p>Full days Monday to Friday, half days and money-saving 10 and 20-day packs.</p></div>
<div class="col usp"><span class="icon icon-scissors"></span><h3>Grooming salon</h3>
<p>Baths, full grooms, doodle coats and walk-in nail clips on Saturday mornings.</p></div>
<div class="col usp"><span class="icon icon-home"></span><h3>Home boarding</h3>
<p>Holidays sorted: your dog stays in one of our carers' homes, not a kennel.</p></div>
<div class="col usp"><span class="icon icon-van"></span><h3>Door-to-door van</h3>
<p>We can pick your dog up in the morning and bring them home after a big day.</p></div>
</div></div></section>

<section class="intro"><div class="container">
<h2>Kia ora, welcome to the pack</h2>
<p>We opened in 2016 with six dogs and one very patient Huntaway. Today around 60 dogs a day
play in our indoor barn and fenced outdoor yards, grouped by size and play style, with one
handler for every 10 dogs. Every new dog starts with a temperament assessment so we can make
sure daycare is the right fit.</p>
<p><a href="services.html">Find out how a day works &rarr;</a></p>
</div></section>

<section class="testimonials"><div class="container">
<h2>What the humans say</h2>
<div class="quotes">
<blockquote><p>"Ollie the cavoodle is obsessed. He drags me to the door every Tuesday and
Thursday."</p><cite>- Mereana, Halswell</cite></blockquote>
<blockquote><p>"Lucy sorted out our labradoodle's matts without shaving him bald. Legend."</p>
<cite>- James, Riccarton</cite></blockquote>
<blockquote><p>"Marion and Geoff looked after Pippa for three weeks over Christmas and she
didn't want to come home."</p><cite>- Sarah, Hornby</cite></blockquote>
</div></div></section>

<section class="blog-teasers"><div class="container">
<h2>From the blog</h2>
<ul class="teaser-list">
<li><a href="blog-separation-anxiety.html">Does your dog panic when you leave? Easing separation anxiety</a></li>
<li><a href="blog-doodle-grooming.html">Living with a doodle: coat care between grooms</a></li>
<li><a href="blog-summer-heat.html">Hot dogs: keeping your dog cool in a Canterbury summer</a></li>
</ul>
<p class="small">Gift vouchers are available &mdash; the perfect present for the dog lover who has everything.</p>
</div></section>
""",
    ),
    "services.html": (
        "Services",
        "Our services",
        """
<div class="page-header"><h1>Our services</h1>
<p>Daycare, grooming, boarding and transport, all under one (very hairy) roof.</p></div>

<div class="container services">

<section id="daycare" class="service-block">
<h2>Doggy daycare</h2>
<div class="service-body">
<p>Daycare runs Monday to Friday. Drop-off is between 7:00am and 9:30am, and pick-up is
from 3:30pm until we close at 6:00pm. Dogs play in groups of similar size and energy: the
<strong>Minis</strong> (dogs under 10 kg), the <strong>Middles</strong> and the
<strong>Big Kids</strong>. We have a heated indoor barn with rubber matting for wet days, two
fenced outdoor yards with artificial grass, and a quiet room with beds and calming music for
older dogs and dogs who need a break.</p>
<p>Every group is supervised at all times, with one handler for every 10 dogs. After lunch
there is a compulsory nap time from 12:30pm to 2:00pm &mdash; trust us, they need it.</p>
<h3>Half days</h3>
<p>A half day is up to 5 hours, either a morning (drop-off by 9:30am, pick-up by 1:00pm) or
an afternoon (drop-off from 1:00pm). Half days are great for young dogs, seniors and dogs
who are still getting used to daycare.</p>
</div></section>

<section id="puppy-club" class="service-block">
<h2>Puppy Club</h2>
<div class="service-body">
<p>Puppy Club is a three-hour socialisation session for puppies aged 12 weeks to 6 months,
every Wednesday and Friday from 9:00am to 12:00pm. Puppies play with other puppies and
a few calm, hand-picked adult dogs, with one handler for every 6 puppies. Sessions are
capped at 12 puppies. Puppies must have had their second puppy vaccination before their
first session.</p>
</div></section>

<section id="grooming" class="service-block">
<h2>Grooming salon</h2>
<div class="service-body">
<p>Our grooming salon is open Tuesday to Saturday. Lucy and her team groom all breeds,
from chihuahuas to Newfoundlands. You can choose between:</p>
<ul>
<li><strong>Bath &amp; tidy</strong> &ndash; bath, blow-dry, brush-out, ear clean, nail clip and a
tidy of the face, feet and bottom. Takes about 1.5 hours.</li>
<li><strong>Full groom</strong> &ndash; everything in the bath &amp; tidy plus a full haircut
in the style you choose. Takes 2 to 3 hours; doodles and heavily coated dogs can take up to 4 hours.</li>
</ul>
<p>We'll send you a text when your dog is ready to be collected. Daycare dogs can be groomed
during their daycare day, so there's no extra trip.</p>
<h3>Nail clips</h3>
<p>Need just the nails done? Walk in on Saturdays between 9:00am and 11:00am, no appointment
needed, or book a nail clip any time the salon is open.</p>
</div></section>

<section id="boarding" class="service-block">
<h2>Home boarding</h2>
<div class="service-body">
<p>Going away? Your dog stays in the home of one of our vetted carers, with a maximum of three
dogs per home, and gets daily photo updates. <a href="boarding.html">Read more about home
boarding</a>.</p>
</div></section>

<section id="van" class="service-block">
<h2>Pick-up van</h2>
<div class="service-body">
<p>Ben and the Muddy Paws van collect daycare dogs from home between 7:00am and 8:30am and
drop them back between 4:00pm and 6:00pm, Monday to Friday. The van is air-conditioned and
every dog travels in their own crate. We cover two zones:</p>
<ul>
<li>Zone 1: Wigram, Hornby, Halswell, Hoon Hay, Sockburn, Riccarton, Upper Riccarton and Addington</li>
<li>Zone 2: the rest of Christchurch city, within 15 km of the daycare</li>
</ul>
<p>Van places are limited, so please book them at the same time as your daycare days.</p>
</div></section>

<section id="pawties" class="service-block">
<h2>Pawties and group bookings</h2>
<div class="service-body">
<p>Birthday for your dog? Catch-up with the dogs from your street or your puppy class? You can
hire our outdoor yards privately on Sunday afternoons for a <em>Pawty</em>: 2 hours, up to 10
dogs, one handler, paddling pool and a dog-safe &ldquo;pupcake&rdquo; for the birthday dog, for
$180. Extra dogs are $12 each, up to 20 dogs in total. All dogs at a Pawty must be up to date
with their vaccinations.</p>
</div></section>

</div>
""",
    ),
    "prices.html": (
        "Prices",
        "Prices",
        """
<div class="page-header"><h1>Prices</h1>
<p>All prices are in New Zealand dollars and include GST.</p></div>

<div class="container prices">

<section class="price-section" id="daycare-prices">
<h2>Daycare</h2>
<div class="table-wrap">
<table class="price-table">
<thead><tr><th scope="col">Option</th><th scope="col">Price</th><th scope="col">Details</th></tr></thead>
<tbody>
<tr><td>Full day</td><td>$52</td><td>7:00am&ndash;6:00pm, Monday to Friday</td></tr>
<tr><td>Half day</td><td>$36</td><td>Up to 5 hours, morning or afternoon</td></tr>
<tr><td>10-day pack</td><td>$480</td><td>Ten full days, valid for 4 months from purchase</td></tr>
<tr><td>20-day pack</td><td>$900</td><td>Twenty full days, valid for 8 months from purchase</td></tr>
<tr><td>Puppy Club session</td><td>$30</td><td>Wednesdays and Fridays, 9:00am&ndash;12:00pm, 12 weeks to 6 months</td></tr>
<tr><td>Temperament assessment</td><td>$25</td><td>3-hour trial morning, required for every new daycare dog</td></tr>
</tbody></table></div>
<p class="note">Second dog from the same household? You get 10% off their daycare days and packs.
Packs can be used by any dog in the same household.</p>
</section>

<section class="price-section" id="grooming-prices">
<h2>Grooming</h2>
<p>Grooming prices depend on your dog's size and coat. Prices below are for a dog that is
brushed regularly and free of matts.</p>
<div class="cards grooming-cards">
  <div class="card card--small">
    <div class="card__head"><span class="size">Small</span> <span class="weight">under 10 kg</span></div>
    <div class="card__row"><span class="svc">Bath &amp; tidy</span><span class="amt">$55</span></div>
    <div class="card__row"><span class="svc">Full groom</span><span class="amt">$75</span></div>
  </div>
  <div class="card card--medium">
    <div class="card__head"><span class="size">Medium</span> <span class="weight">10&ndash;25 kg</span></div>
    <div class="card__row"><span class="svc">Bath &amp; tidy</span><span class="amt">$70</span></div>
    <div class="card__row"><span class="svc">Full groom</span><span class="amt">$95</span></div>
  </div>
  <div class="card card--large">
    <div class="card__head"><span class="size">Large</span> <span class="weight">25&ndash;40 kg</span></div>
    <div class="card__row"><span class="svc">Bath &amp; tidy</span><span class="amt">$85</span></div>
    <div class="card__row"><span class="svc">Full groom</span><span class="amt">$120</span></div>
  </div>
  <div class="card card--giant">
    <div class="card__head"><span class="size">Giant</span> <span class="weight">over 40 kg</span></div>
    <div class="card__row"><span class="svc">Bath &amp; tidy</span><span class="amt">$100</span></div>
    <div class="card__row"><span class="svc">Full groom</span><span class="amt">$150</span></div>
  </div>
</div>
<p>Doodles, poodles and poodle crosses have a coat that takes a lot longer to dry and scissor,
so we add a coat surcharge of $20 to any full groom for these breeds. If your dog's coat is
matted we'll talk to you before we start; dematting is charged at $15 per 15 minutes, and if
the matting is too tight to brush out kindly we will recommend a short clip instead.</p>
<h3>Grooming extras</h3>
<ul class="extras">
<li>Nail clip: $15 (included free with every full groom)</li>
<li>Nail grind (smooth finish): $20</li>
<li>Teeth brushing: $8</li>
<li>Flea treatment bath: $10 on top of any bath or groom</li>
</ul>
</section>

<section class="price-section" id="boarding-prices">
<h2>Home boarding</h2>
<ul>
<li>Standard night: $65 per dog</li>
<li>Second dog from the same household sharing the same carer: $50 per night</li>
<li>Peak surcharge: an extra $15 per dog per night over Christmas and New Year (18 December to 10 January) and the Easter long weekend</li>
</ul>
<p>See <a href="boarding.html">home boarding</a> for deposits and minimum stays.</p>
</section>

<section class="price-section" id="van-prices">
<h2>Pick-up van</h2>
<div class="van-prices">
<p><span class="zone">Zone 1</span> <span class="amt">$12</span> <span class="per">each way</span></p>
<p><span class="zone">Zone 2</span> <span class="amt">$18</span> <span class="per">each way</span></p>
</div>
<p class="small">Zones are listed on our <a href="services.html#van">services page</a>. Two dogs
from the same address travel for the price of one.</p>
</section>

</div>
""",
    ),
    "boarding.html": (
        "Boarding",
        "Home boarding",
        """
<div class="page-header"><h1>Home boarding</h1>
<p>A real home while you're away. No kennels, no concrete runs.</p></div>
<div class="container">
<div class="two-col">
<div class="col-main">
<h2>How it works</h2>
<p>Instead of a kennel, your dog stays in the home of one of our carers. Each carer takes a
maximum of three dogs at a time, and the dogs live as part of the family: couch cuddles,
walks, garden time and a bed inside at night. You'll get a photo update every day.</p>
<p>Boarding dogs must have completed our temperament assessment and have been to at least one
day of daycare first, so we can match them with the right carer. Dogs that don't get on with
other dogs can sometimes be placed as the only guest &ndash; just ask.</p>
<h2>Our carers</h2>
<ul class="carers">
<li><strong>Marion and Geoff Pike</strong>, Halswell &ndash; a lifestyle block with a fully
fenced one-acre paddock. Great for big, bouncy dogs.</li>
<li><strong>Priya Nand</strong>, Burnside &ndash; a quiet townhouse, small dogs and seniors only.</li>
<li><strong>Tama and Jess Ruru</strong>, Prebbleton &ndash; two kids, one cat-free house and
a lot of tennis balls.</li>
</ul>
<h2>Drop-off and collection</h2>
<p>Boarding dogs are dropped off and collected at our Wigram base, Monday to Friday during
daycare hours, or on Saturdays between 9:00am and 12:00pm. We don't do boarding drop-offs or
collections on Sundays.</p>
<h2>What to bring</h2>
<ul>
<li>Your dog's usual food, portioned into one bag per day and labelled with their name</li>
<li>Their bed or a blanket that smells like home</li>
<li>Any medication, with written instructions</li>
<li>Your vet's name and phone number, and an emergency contact who is staying in New Zealand</li>
</ul>
<p>Please leave toys at home; they tend to become everybody's toys.</p>
</div>
<aside class="col-side">
<div class="box box--price">
<h3>Boarding rates</h3>
<p>$65 per dog per night. Second dog from your household: $50 per night.</p>
<p>Peak periods (18 December &ndash; 10 January, and Easter) carry a surcharge of $15 per dog per
night.</p>
</div>
<div class="box">
<h3>Booking and deposits</h3>
<p>Boarding bookings are confirmed once we receive a 30% deposit. For peak periods the deposit is
50%, and there is a minimum stay of 4 nights. The balance is paid when you collect your dog.</p>
<p>Christmas books out fast: bookings for the peak period open on 1 July.</p>
</div>
</aside>
</div>
</div>
""",
    ),
    "new-dogs.html": (
        "New dogs",
        "Getting started: new dogs",
        """
<div class="page-header"><h1>New to Muddy Paws?</h1>
<p>Here's what you need before your dog's first day.</p></div>
<div class="container">
<ol class="steps">
<li class="step"><div class="step__num">1</div><div class="step__body">
<h2>Fill in the registration form</h2>
<p>Send us your dog's details and your vet's details using the form below, or pick one up from
reception.</p></div></li>
<li class="step"><div class="step__num">2</div><div class="step__body">
<h2>Check the requirements</h2>
<ul>
<li><strong>Vaccinations:</strong> dogs must be fully vaccinated with a C5 vaccination (parvovirus,
distemper, hepatitis and both strains of kennel cough) at least 14 days before their first
visit. Please email us a copy of the certificate from your vet.</li>
<li><strong>Age:</strong> Puppy Club is for puppies from 12 weeks to 6 months. Regular daycare is
for dogs aged 6 months and over. There is no upper age limit; our oldest regular is a 15-year-old
jack russell called Biscuit.</li>
<li><strong>Desexing:</strong> dogs over 7 months old must be desexed to come to daycare.
(This doesn't apply to grooming.)</li>
<li><strong>Flea and worm treatment:</strong> up to date, within the last 3 months.</li>
<li><strong>Registration:</strong> your dog must be registered with the Christchurch City
Council (or your own district council) and microchipped.</li>
</ul></div></li>
<li class="step"><div class="step__num">3</div><div class="step__body">
<h2>Book a temperament assessment</h2>
<p>Every new daycare dog comes in for a 3-hour trial morning, on a Tuesday or Thursday
starting at 9:00am. We introduce your dog to one calm dog first, then to a small group, and
watch how they play. The assessment costs $25, and that's refunded if you buy a 10 or 20-day
pack within two weeks. We'll call you at lunchtime to let you know how it went.</p>
<p>Assessments aren't needed for grooming only.</p></div></li>
<li class="step"><div class="step__num">4</div><div class="step__body">
<h2>First day!</h2>
<p>Bring your dog on a lead with a flat collar and an ID tag. We provide water, treats and
plenty of fun; you only need to bring lunch if your dog is under 6 months or on a special
diet (please label it). Please don't send toys, harnesses, raincoats or anything you'd like to
see again.</p></div></li>
</ol>
<div class="form-placeholder"><p><em>[Registration form: dog's name, breed, age, weight,
vaccination certificate upload, owner's name, phone, email, vet clinic.]</em></p></div>
</div>
""",
    ),
    "faq.html": (
        "FAQ",
        "Frequently asked questions",
        """
<div class="page-header"><h1>Frequently asked questions</h1></div>
<div class="container faq">
<h2>Daycare</h2>
<dl class="faq-list">
<dt>What does a typical day look like?</dt>
<dd><p>Morning play in groups, a snack, lunchtime nap from 12:30pm to 2:00pm, then afternoon play
and enrichment games until pick-up. Dogs go home tired!</p></dd>
<dt>Does my dog need vaccinations?</dt>
<dd><p>Yes. Every dog needs an up-to-date C5 vaccination, given at least 14 days before their
first visit. See <a href="new-dogs.html">New dogs</a> for all requirements.</p></dd>
<dt>Do I have to book, or can I just turn up?</dt>
<dd><p>Please book daycare at least 24 hours ahead by text or through the client portal. We
can't take walk-ins for daycare because group sizes are capped.</p></dd>
<dt>Is there a discount for two dogs?</dt>
<dd><p>Yes, the second dog from the same household gets 10% off daycare.</p></dd>
<dt>We've just adopted a rescue dog. Can they come?</dt>
<dd><p>Absolutely, once they've settled in at home for a couple of weeks. Dogs adopted from the
SPCA or a registered rescue in the last 3 months get their first full day of daycare free after
their assessment &mdash; just show us the adoption papers.</p></dd>
<dt>What happens if my dog gets hurt or sick?</dt>
<dd><p>All our handlers hold a current pet first aid certificate. If your dog needs a vet, we
call you straight away and take them to your own vet if they're nearby, or the closest
available vet if not. Vet costs are paid by the owner.</p></dd>
<dt>Do you take dogs in season?</dt>
<dd><p>No. Females in season can't come to daycare or boarding, but they can still be groomed if
they're the only dog booked in at the time.</p></dd>
</dl>

<h2>Grooming</h2>
<dl class="faq-list">
<dt>How long does a groom take?</dt>
<dd><p>A bath &amp; tidy takes about 1.5 hours and a full groom 2 to 3 hours. We'll text you when
your dog is ready.</p></dd>
<dt>Can I stay and watch?</dt>
<dd><p>Sorry, no. Most dogs get excited when their owner is around and it makes grooming
harder and less safe for them.</p></dd>
<dt>Do I need an appointment for a nail clip?</dt>
<dd><p>Not on Saturdays: walk in between 9:00am and 11:00am. At other times, please book.</p></dd>
<dt>How often should my dog be groomed?</dt>
<dd><p>Most curly and long-coated dogs need a full groom every 6 to 8 weeks.</p></dd>
</dl>

<h2>Booking and payment</h2>
<dl class="faq-list">
<dt>How do I pay?</dt>
<dd><p>We take EFTPOS, Visa, Mastercard, cash and bank transfer. Credit card payments have a
2% surcharge; EFTPOS has none. We don't accept American Express.</p></dd>
<dt>Do you sell gift vouchers?</dt>
<dd><p>Yes! Gift vouchers are available in any amount from $25 and can be used for daycare,
grooming or boarding. Buy them at reception or by emailing us. They are valid for 3 years.</p></dd>
<dt>Can I share a daycare pack with my friend's dog?</dt>
<dd><p>Packs can be shared between dogs in the same household only.</p></dd>
<dt>Is the building accessible?</dt>
<dd><p>Yes, reception is at ground level with a ramp from the car park and there is an accessible
toilet. If it's easier, call us from the car park and we'll come out to collect your dog from
the car.</p></dd>
</dl>
</div>
""",
    ),
    "about.html": (
        "About us",
        "About us and the team",
        """
<div class="page-header"><h1>About Muddy Paws</h1></div>
<div class="container about">
<section class="story">
<p>Muddy Paws was started in 2016 by Hana Whitfield, a vet nurse who spent nine years at a
busy Christchurch clinic watching dogs come in bored, overweight and lonely. She leased an old
implement shed in Wigram, put down rubber matting, and opened with six dogs and her own
Huntaway, Moss, who is still our chief meet-and-greet officer.</p>
<p>In 2019 we added the grooming salon, and in 2021 the home boarding network and our pick-up
van. We are still family-owned and Christchurch-run.</p>
</section>

<section class="team">
<h2>Meet the team</h2>
<div class="team-grid">
<div class="member"><div class="member__photo"></div><div class="member__text">
<h3>Hana Whitfield</h3><p class="role">Founder and owner</p>
<p>Former vet nurse. Hana does most of the temperament assessments herself and writes our blog.</p>
</div></div>
<div class="member"><div class="member__photo"></div><div class="member__text">
<h3>Rawiri Tane</h3><p class="role">Daycare manager</p>
<p>Rawiri runs the daycare floor and the Puppy Club. He holds a Certificate in Animal Behaviour
and is our go-to for nervous and anxious dogs.</p>
</div></div>
<div class="member"><div class="member__photo"></div><div class="member__text">
<h3>Lucy Zhang</h3><p class="role">Head groomer</p>
<p>Lucy has been grooming for 12 years, trained in Auckland and Sydney, and is our resident
doodle expert. She works Tuesday to Saturday.</p>
</div></div>
<div class="member"><div class="member__photo"></div><div class="member__text">
<h3>Ben Harcourt</h3><p class="role">Van driver and handler</p>
<p>Ben drives the pick-up van and knows every dog's favourite seat. On rainy days he's the one
with the towels.</p>
</div></div>
</div>
<p>Our team of 9 handlers all hold current pet first aid certificates.</p>
</section>
</div>
""",
    ),
    "contact.html": (
        "Contact",
        "Contact us",
        """
<div class="page-header"><h1>Contact us</h1></div>
<div class="container contact">
<div class="contact-cols">
<div class="contact-col">
<h2>Find us</h2>
<address>Muddy Paws Dog Daycare &amp; Grooming<br>14 Treffers Road<br>Wigram<br>Christchurch 8042</address>
<p>Phone: <a href="tel:+6435550148">03 555 0148</a><br>
Text (bookings and cancellations): <a href="sms:+64215550473">021 555 0473</a><br>
Email: <a href="mailto:woof@muddypaws.example">woof@muddypaws.example</a></p>
<p>We answer the phone during opening hours. Texts and emails are answered within one working day.</p>
</div>
<div class="contact-col">
<h2>Opening hours</h2>
<div class="hours">
<div class="hours__group"><h3>Daycare</h3>
<div class="hours__row"><span class="day">Monday &ndash; Friday</span><span class="time">7:00am &ndash; 6:00pm</span></div>
<div class="hours__row"><span class="day">Saturday &amp; Sunday</span><span class="time">Closed</span></div>
</div>
<div class="hours__group"><h3>Grooming salon</h3>
<div class="hours__row"><span class="day">Monday</span><span class="time">Closed</span></div>
<div class="hours__row"><span class="day">Tuesday &ndash; Saturday</span><span class="time">8:30am &ndash; 4:30pm</span></div>
<div class="hours__row"><span class="day">Sunday</span><span class="time">Closed</span></div>
</div>
</div>
<p>Daycare is closed on public holidays. Boarding dogs are looked after every day of the year.</p>
</div>
</div>

<h2>Getting here</h2>
<p>We're about 15 minutes' drive from the central city. Treffers Road runs off Springs Road,
just past the Wigram roundabout; look for the big green shed with the paw-print gate.</p>
<h2>Parking</h2>
<p>There are 8 customer car parks right outside reception, including two 5-minute drop-off bays
by the gate. Please don't park on the yellow lines along Treffers Road &mdash; our neighbours
run trucks.</p>
</div>
""",
    ),
    "terms.html": (
        "",
        "Booking terms and policies",
        """
<div class="page-header"><h1>Booking terms and policies</h1>
<p>Last updated 1 August 2026. By booking with Muddy Paws you agree to these terms.</p></div>
<div class="container terms">
<h2>1. Daycare cancellations</h2>
<p>Please cancel daycare by text or through the client portal by 7:00pm the evening before.
Days cancelled later than that, and no-shows, are charged in full (or a day is deducted from your
pack). If your dog is unwell, let us know before 7:30am on the day and we won't charge you.</p>
<h2>2. Late pick-up</h2>
<p>Daycare closes at 6:00pm. Dogs collected after 6:00pm are charged a late fee of $10 per
15 minutes or part thereof. If you're stuck in traffic, please call so we can reassure your dog.</p>
<h2>3. Grooming appointments</h2>
<p>We need at least 24 hours' notice to cancel or move a grooming appointment. Cancellations
with less notice are charged 50% of the groom; no-shows are charged the full price. If you
arrive more than 20 minutes late, we may have to rebook you, and the late cancellation fee applies.</p>
<h2>4. Boarding deposits and refunds</h2>
<p>A deposit of 30% is due when you book boarding (50% for peak periods). If you cancel more than
14 days before drop-off, your deposit is refunded in full. If you cancel within 14 days, the deposit
is kept. Peak-period deposits are non-refundable, but can be moved to another boarding stay
within 12 months. No refunds are given for collecting your dog early.</p>
<h2>5. Packs</h2>
<p>Daycare packs are paid in advance and are non-refundable. Packs can be used by any dog in the
same household but can't be transferred to another household. Expired days can't be used; if your
dog is unable to attend for medical reasons, we will extend your pack on receipt of a vet's note.</p>
<h2>6. Payment</h2>
<p>Casual daycare days, grooming and van trips are paid on the day, at pick-up. Boarding balances
are paid on collection. We accept EFTPOS, Visa, Mastercard, cash and bank transfer; a 2%
surcharge applies to credit card payments. Overdue accounts may lead to bookings being paused.</p>
<h2>7. Behaviour</h2>
<p>We may ask you to collect your dog early, or to stop attending, if your dog shows aggressive
behaviour that puts other dogs or our team at risk.</p>
<h2>8. Photos</h2>
<p>We love sharing photos of our dogs on social media. If you'd rather we didn't share your
dog's photo, tell us and we'll note it on their file.</p>
</div>
""",
    ),
    "privacy.html": (
        "",
        "Privacy policy",
        """
<div class="page-header"><h1>Privacy policy</h1></div>
<div class="container">
<p>Muddy Paws Limited collects and uses personal information in line with the Privacy Act 2020.</p>
<h2>What we collect</h2>
<p>Your name, address, phone number and email; your dog's details, vaccination records and
vet's details; and your booking and payment history.</p>
<h2>Why we collect it</h2>
<p>To care for your dog, manage bookings and payments, contact you in an emergency, and
(if you agree) send you our newsletter.</p>
<h2>How long we keep it</h2>
<p>We keep client records for 7 years after your last booking, as required for tax purposes.</p>
<h2>Access and correction</h2>
<p>You can ask to see or correct your information at any time by emailing our privacy officer,
Hana Whitfield, at woof@muddypaws.example.</p>
<h2>Cookies</h2>
<p>Our website uses cookies for analytics. You can decline them in the cookie banner.</p>
</div>
""",
    ),
    "blog-separation-anxiety.html": (
        "Blog",
        "Does your dog panic when you leave? Easing separation anxiety",
        """
<article class="post">
<header class="post__header"><h1>Does your dog panic when you leave? Easing separation anxiety</h1>
<p class="meta">By Rawiri Tane &middot; 12 May 2026 &middot; <a href="#">Behaviour</a></p></header>
<div class="post__body">
<p>Howling, chewed door frames, a puddle by the door: separation anxiety is one of the most
common worries we hear about at daycare drop-off. Lots of dogs adopted during the lockdowns
never learned to be home alone, and it's not their fault.</p>
<h2>Start small</h2>
<p>Practise leaving for just 5 minutes at a time, and build up slowly. Don't make a big fuss
when you leave or when you come back: boring goodbyes are good goodbyes.</p>
<h2>Give them a job</h2>
<p>A frozen Kong stuffed with their breakfast and a bit of plain yoghurt can keep a dog busy
for 30 minutes, which is often the hardest part of being alone.</p>
<h2>Is daycare a good idea for an anxious dog?</h2>
<p>It can be, but go gently. We usually suggest starting with half days, and for anxious dogs
we recommend two or three days a week for the first month, so daycare becomes routine
rather than a big event. Our quiet room, with beds and calming music, is always available if
it gets too much. Daycare doesn't fix separation anxiety on its own, but a dog who's had a
good day with friends is much calmer on the days they're home alone.</p>
<h2>When to get help</h2>
<p>If your dog is hurting themselves trying to escape, talk to your vet. Some dogs need help
from a veterinary behaviourist, and that's nothing to be embarrassed about.</p>
</div></article>
""",
    ),
    "blog-doodle-grooming.html": (
        "",
        "Living with a doodle: coat care between grooms",
        """
<article class="post">
<header class="post__header"><h1>Living with a doodle: coat care between grooms</h1>
<p class="meta">By Lucy Zhang &middot; 3 September 2026 &middot; <a href="#">Grooming</a></p></header>
<div class="post__body">
<p>Labradoodles, groodles, cavoodles, spoodles: we groom more doodles than any other kind of
dog, and the number one problem we see is matting. Doodle coats are gorgeous, but they don't
shed the way a lab's does, so loose hair gets trapped and knots up close to the skin.</p>
<h2>Brush properly, and often</h2>
<p>Brush your doodle at least three times a week with a slicker brush, then go over the coat
with a metal comb right down to the skin. If the comb can't get through, there's a matt.
Pay extra attention behind the ears, under the collar, in the armpits and on the legs.</p>
<h2>Book a groom every 6 to 8 weeks</h2>
<p>A regular full groom keeps the coat at a length you can manage at home. Because doodle
coats take longer to wash, dry and scissor, doodles have a $20 coat surcharge on a full groom.
Matted coats take even longer, which is why regular brushing saves you money.</p>
<h2>Start them young</h2>
<p>We offer a Puppy Intro Groom for puppies under 6 months: a 45-minute gentle bath, blow-dry,
face and feet tidy and a nail clip, for $45. The aim is a happy first experience, not a perfect
haircut. We recommend the first one at around 16 weeks, once they've had all their puppy
vaccinations.</p>
<h2>"Can you keep him fluffy?"</h2>
<p>We will always try. But if the coat is matted tight to the skin, the kindest option is a short
clip and a fresh start. Brushing out tight matts hurts, and we won't do that to your dog.</p>
</div></article>
""",
    ),
    "blog-summer-heat.html": (
        "",
        "Hot dogs: keeping your dog cool in a Canterbury summer",
        """
<article class="post">
<header class="post__header"><h1>Hot dogs: keeping your dog cool in a Canterbury summer</h1>
<p class="meta">By Hana Whitfield &middot; 8 December 2025 &middot; <a href="#">Health</a></p></header>
<div class="post__body">
<p>A hot nor'wester can push Christchurch into the thirties, and dogs feel it much more than we
do. Here's what we do at daycare, and what you can do at home.</p>
<h2>Our hot-day rules</h2>
<p>When it's over 28&deg;C, we bring every group inside to the barn between 12:00pm and 3:00pm,
turn on the big fans and fill the paddling pools. Flat-faced breeds like pugs, bulldogs and
frenchies stay inside in the cool all day on hot days.</p>
<h2>The seven-second test</h2>
<p>Before a walk, put the back of your hand on the footpath. If you can't hold it there for
7 seconds, it's too hot for paws. Walk early in the morning or after 7pm instead.</p>
<h2>Never leave a dog in the car</h2>
<p>Even with the windows down, a car can get dangerously hot in minutes. (Our van is
air-conditioned, and we never leave dogs in it.)</p>
<h2>Should I shave my dog for summer?</h2>
<p>Not if they're double-coated. Huskies, collies, golden retrievers and Huntaways have an
undercoat that actually helps keep them cool; shaving it can cause sunburn and patchy regrowth. A
good bath and brush-out is better. Curly coats like poodles and doodles are different: a shorter
summer clip makes them much more comfortable.</p>
<h2>Know the signs of heatstroke</h2>
<p>Heavy panting, drooling, a bright red tongue, wobbliness and vomiting. Move your dog into the
shade, wet them with cool (not icy) water and call your vet straight away.</p>
</div></article>
""",
    ),
}


def main() -> None:
    write_site(
        "muddypawsdaycare",
        "Muddy Paws",
        "Dog daycare, grooming and home boarding in Wigram, Christchurch. Family-owned since 2016.",
        ("Book a meet & greet", "new-dogs.html"),
        DOGS,
    )


if __name__ == "__main__":
    main()
