"""Writes the Corio Bay Physio copy under eval/unseen/sites/coriobay/ (run once; output is committed).

Written by hand, blind (before the bot was ever run on it): a physiotherapy and sports massage
clinic in Geelong, Victoria (Australia). A fee table with duration, standard and concession
columns, packages as pricing cards in divs and spans, a FAQ as <details>/<summary>, opening
hours as a table, policies as headed sections, a team page and three blog posts that share the
clinic's vocabulary. Nothing here is fetched.

    cd /work/main && .venv/bin/python -m eval.unseen.make_site_physio
"""

from __future__ import annotations

from eval.unseen.make_sites import write_site

PHYSIO = {
    "index.html": (
        "Home",
        "Physiotherapy and sports massage in central Geelong",
        """
<section class="hero"><h1>Move better, recover faster, get back to what you love</h1>
<p>Corio Bay Physio &amp; Sports Massage is an independent clinic on Moorabool Street in the
heart of Geelong. Our physiotherapists and remedial massage therapist help runners, footy and
netball players, desk workers, tradies and weekend gardeners get moving again, without the
waiting lists.</p>
<a class="btn" href="contact.html">Book online or call (03) 5550 4182</a></section>
<section class="features">
<div class="feature"><h3>No referral needed</h3><p>Book straight in with a physio. You only
need a GP referral for Medicare, DVA or WorkCover claims.</p></div>
<div class="feature"><h3>Claim on the spot</h3><p>HICAPS terminal in the clinic, so you only pay
the gap with your private health fund card.</p></div>
<div class="feature"><h3>Early and late appointments</h3><p>Open from 7am most weekdays, until
8pm on Thursdays, and Saturday mornings.</p></div>
</section>
<section><h2>What we help with</h2><ul>
<li>Sports injuries: ankle sprains, hamstring strains, ACL rehab and return to sport</li>
<li>Running injuries, including a video running assessment on our treadmill</li>
<li>Neck and back pain, headaches and desk-related aches</li>
<li>Rehab after knee, hip and shoulder surgery</li>
<li>Sports and remedial massage (30, 60 and 90 minutes)</li>
<li>Dry needling and Clinical Pilates on our four reformers</li>
</ul><p><a href="treatments.html">See all treatments</a> · <a href="fees.html">Fees</a></p></section>
<section><h2>Kind words</h2>
<blockquote>"Three sessions with Tom and my shoulder finally lets me serve again." – Rachel,
Newtown</blockquote>
<blockquote>"Jack's massage the week after the Melbourne Marathon was worth every cent." – Dan,
Belmont</blockquote></section>
<section><h2>From the blog</h2><ul>
<li><a href="blog-shin-pain.html">Shin splints or stress fracture? Five questions runners should ask</a></li>
<li><a href="blog-desk-neck.html">Working from home with a sore neck: five desk fixes</a></li>
<li><a href="blog-marathon-recovery.html">After the marathon: your first two weeks of recovery</a></li>
</ul></section>
""",
    ),
    "treatments.html": (
        "Treatments",
        "Treatments and conditions we treat",
        """
<h1>Treatments</h1>
<p>Every new problem starts with an initial assessment so we can work out what is going on
before we start treating it. Treatment begins in that first session: you won't leave with just
a diagnosis.</p>

<h2>Physiotherapy</h2>
<h3>Conditions we commonly treat</h3>
<ul>
<li>Ankle sprains and recurrent ankle instability</li>
<li>Knee pain: runner's knee (patellofemoral pain), meniscus injuries, ACL rehabilitation</li>
<li>Achilles and patellar tendinopathy</li>
<li>Plantar fasciitis and heel pain</li>
<li>Hamstring, calf and groin strains</li>
<li>Shoulder pain, rotator cuff injuries and frozen shoulder</li>
<li>Tennis elbow and golfer's elbow</li>
<li>Low back pain, sciatica and neck pain</li>
<li>Headaches coming from the neck</li>
<li>Pregnancy-related back and hip pain</li>
<li>Rehabilitation after knee replacement, hip replacement, ACL reconstruction and shoulder
surgery</li>
</ul>
<h3>What happens in your first session</h3>
<p>Your initial assessment lasts 50 minutes. Your physio will ask about your injury, your
health and your goals, examine how you move, explain what they think is going on, and start
hands-on treatment and exercises. You will get your home exercise programme through the
Physitrack app (or printed, if you prefer). Follow-up sessions are 30 minutes, or 45 minutes
if you need more complex rehab.</p>
<p>Most people need between 3 and 6 sessions, but your physio will give you a plan and an
estimate at the end of the first appointment.</p>

<h2>Sports and remedial massage</h2>
<p>Our massage therapist Jack Brennan offers 30, 60 and 90 minute sessions. Sports massage is
firmer and focused on the muscles you train with; remedial massage targets a specific problem
area. A 30-minute session is ideal for one area such as calves or upper back; choose 60 minutes
for a full lower-body or back-and-shoulders session. Jack is a member of Massage &amp;
Myotherapy Australia, so most private health funds pay a rebate on remedial massage if you have
extras cover.</p>

<h2>Dry needling</h2>
<p>Dry needling uses fine, single-use sterile needles to release tight, sensitive points in
muscles. It can be added to any physio appointment for $20, or booked as a 30-minute session on
its own. Mei-Lin and Tom are both trained in dry needling. We do not use dry needling for
patients under 18. Please note that dry needling is not traditional Chinese acupuncture, which
we do not offer.</p>

<h2>Clinical Pilates</h2>
<p>Our Pilates studio has four reformers. Before joining a class you need a 45-minute one-to-one
Pilates assessment with Priya, so we can set your starting exercises. Small-group classes run
for 55 minutes with a maximum of 4 people, on Tuesday and Thursday evenings and Saturday
mornings.</p>

<h2>Running assessment</h2>
<p>A 60-minute video running assessment on our treadmill, filmed from the side and behind with
two cameras, plus strength and flexibility tests. You will receive a written report with your
running drills and a strength plan within 3 working days. Bring the shoes you run in most.</p>

<h2>Home visits</h2>
<p>For patients who can't get to the clinic after surgery, we offer home visits within 10 km of
the clinic on Friday afternoons. See <a href="fees.html">fees</a>.</p>

<h2>Telehealth</h2>
<p>Follow-up appointments can be done by video call if you can't make it in. They last 30
minutes and cost the same as a standard follow-up.</p>
""",
    ),
    "fees.html": (
        "Fees",
        "Fees and packages",
        """
<h1>Fees</h1>
<p>Fees are payable on the day. We claim on the spot through HICAPS, so you only pay the gap.
Concession prices apply to holders of a Pensioner Concession Card or Health Care Card and to
full-time students with a valid student card.</p>
<table class="fees">
<thead><tr><th>Appointment</th><th>Length</th><th>Standard</th><th>Concession</th></tr></thead>
<tbody>
<tr><td>Initial physiotherapy assessment</td><td>50 min</td><td>$115</td><td>$98</td></tr>
<tr><td>Standard follow-up (in clinic or telehealth)</td><td>30 min</td><td>$88</td><td>$75</td></tr>
<tr><td>Long follow-up</td><td>45 min</td><td>$110</td><td>$94</td></tr>
<tr><td>Sports or remedial massage</td><td>30 min</td><td>$70</td><td>$60</td></tr>
<tr><td>Sports or remedial massage</td><td>60 min</td><td>$120</td><td>$104</td></tr>
<tr><td>Sports or remedial massage</td><td>90 min</td><td>$165</td><td>–</td></tr>
<tr><td>Dry needling (stand-alone)</td><td>30 min</td><td>$80</td><td>$70</td></tr>
<tr><td>Dry needling added to a physio session</td><td>–</td><td>+$20</td><td>+$20</td></tr>
<tr><td>Clinical Pilates assessment (1:1)</td><td>45 min</td><td>$105</td><td>$90</td></tr>
<tr><td>Clinical Pilates small-group class (max 4)</td><td>55 min</td><td>$42</td><td>$36</td></tr>
<tr><td>Video running assessment with written report</td><td>60 min</td><td>$160</td><td>–</td></tr>
<tr><td>Home visit (within 10 km)</td><td>45 min</td><td>$165</td><td>–</td></tr>
</tbody></table>

<h2>Packages</h2>
<div class="cards">
<div class="card"><h3>Massage 5-pack</h3><span class="price">$540</span>
<span class="note">Five 60-minute sports or remedial massages, save $60. Valid 6 months.</span></div>
<div class="card"><h3>Pilates 10-class pass</h3><span class="price">$380</span>
<span class="note">Ten small-group Clinical Pilates classes. Valid 4 months.</span></div>
<div class="card"><h3>Return to Run</h3><span class="price">$395</span>
<span class="note">Initial assessment, video running assessment and two standard follow-ups.</span></div>
</div>
<p>Concession prices cannot be combined with packages. Packages are for one person and cannot
be shared.</p>

<h2>Medicare, DVA, WorkCover and TAC</h2>
<ul>
<li><strong>Medicare Chronic Disease Management plan:</strong> with a GP referral you can
claim up to 5 allied health sessions per calendar year. We charge our standard fee and you
receive the Medicare rebate ($60.35 at the time of writing).</li>
<li><strong>DVA:</strong> Gold Card and White Card holders with a valid referral are treated at
no cost to them.</li>
<li><strong>WorkCover and TAC:</strong> once your claim is accepted we bill the insurer
directly. Please bring your claim number to your first visit.</li>
</ul>
<p>Gift vouchers are available from $50 at reception or by phone.</p>
""",
    ),
    "team.html": (
        "Our team",
        "Meet the team",
        """
<h1>Our team</h1>
<p>All of our physiotherapists are registered with AHPRA and are members of the Australian
Physiotherapy Association.</p>
<div class="team">
<article class="person"><h2>Mei-Lin Hartley</h2><p class="role">Founder and Principal
Physiotherapist</p>
<p>Bachelor of Physiotherapy (Hons), University of Melbourne; APA Titled Sports &amp; Exercise
Physiotherapist; certified in dry needling.</p>
<p>Mei-Lin founded the clinic in 2014. She looks after knee injuries, ACL rehab and runners,
and has run eleven marathons herself. She works Monday to Thursday.</p></article>
<article class="person"><h2>Tom Okafor</h2><p class="role">Physiotherapist</p>
<p>Doctor of Physiotherapy, La Trobe University; certified in dry needling.</p>
<p>Tom joined us in 2019. He has a special interest in shoulders and elbows, and in tennis,
swimming and overhead athletes. He runs our Friday afternoon home visits.</p></article>
<article class="person"><h2>Priya Ramanathan</h2><p class="role">Physiotherapist and Clinical
Pilates instructor</p>
<p>Bachelor of Physiotherapy, Deakin University; Clinical Pilates certificate (DMA).</p>
<p>Priya treats low back and neck pain and pregnancy-related back pain, and leads our Clinical
Pilates programme. She works Tuesdays, Thursdays and Saturdays.</p></article>
<article class="person"><h2>Jack Brennan</h2><p class="role">Remedial and Sports Massage
Therapist</p>
<p>Diploma of Remedial Massage (HLT52021); member of Massage &amp; Myotherapy Australia.</p>
<p>Jack has been the match-day massage therapist for the Geelong West Amateur Football Club
since 2017. He works afternoons and evenings, so he is the one to book after work.</p></article>
<article class="person"><h2>Sophie Tran</h2><p class="role">Practice Manager</p>
<p>Sophie runs reception, bookings and health fund claims, and is our privacy officer. If you
have a question about an invoice or a WorkCover claim, she's the person to ask.</p></article>
</div>
""",
    ),
    "faq.html": (
        "FAQ",
        "Frequently asked questions",
        """
<h1>Frequently asked questions</h1>
<details><summary>Do I need a referral from my GP?</summary>
<p>No. Physiotherapists are first-contact practitioners, so you can book directly. You only
need a GP referral if you want to use a Medicare Chronic Disease Management plan, or if you are
a DVA client. For WorkCover you will need your claim number and certificate of capacity.</p>
</details>
<details><summary>What should I wear?</summary>
<p>Loose, comfortable clothing. For knee, hip or ankle problems please bring a pair of shorts;
for neck and shoulder problems a singlet or tank top is ideal. If your problem is running
related, bring your running shoes.</p>
</details>
<details><summary>How early should I arrive for my first appointment?</summary>
<p>Please arrive 10 minutes early, or fill in the online intake form we email you when you
book.</p>
</details>
<details><summary>Can I claim on my private health insurance?</summary>
<p>Yes. We have HICAPS, so bring your health fund card and we will claim your rebate on the spot
for physiotherapy, Clinical Pilates and remedial massage, if you have extras cover. How much you
get back depends on your fund and level of cover.</p>
</details>
<details><summary>How many sessions will I need?</summary>
<p>It depends on the problem, but most people need between 3 and 6 sessions. Your physio will
give you a plan at the end of your first visit.</p>
</details>
<details><summary>Do you do acupuncture?</summary>
<p>We offer dry needling, which is different from traditional Chinese acupuncture. We do not
offer traditional acupuncture.</p>
</details>
<details><summary>Can I have a video appointment?</summary>
<p>Yes, follow-up appointments can be done by telehealth video call: 30 minutes, $88.</p>
</details>
<details><summary>Is there parking?</summary>
<p>We have two client car spaces at the back of the building, entered from Morrow Lane. There
is also 2-hour street parking on Moorabool Street.</p>
</details>
<details><summary>Can I bring my child?</summary>
<p>Yes, we treat children and teenagers. A parent or guardian must come with anyone under 16.
</p>
</details>
<details><summary>Can I book online?</summary>
<p>Yes, our online booking is open 24/7 through the "Book now" button, or call us during
opening hours.</p>
</details>
""",
    ),
    "policies.html": (
        "Policies",
        "Clinic policies",
        """
<h1>Clinic policies</h1>
<h2>Cancellations</h2>
<p>We ask for at least 24 hours' notice if you need to cancel or move an appointment, so we can
offer the time to someone on our waiting list. Cancellations with less than 24 hours' notice are
charged 50% of the appointment fee.</p>
<h2>Missed appointments</h2>
<p>If you don't turn up without letting us know, we charge the full appointment fee. We know
emergencies happen, so we waive the fee the first time.</p>
<h2>Arriving late</h2>
<p>If you arrive late, your appointment will still finish at the scheduled time so the next
patient isn't kept waiting, and the full fee applies. If you are more than 15 minutes late for an
initial assessment we may need to rebook you.</p>
<h2>Deposits</h2>
<p>Running assessments need a $50 deposit when you book. It is refunded if you cancel with at
least 48 hours' notice.</p>
<h2>Payment</h2>
<p>Payment is due at the end of each appointment. We accept EFTPOS, Visa, Mastercard, American
Express, Apple Pay and Google Pay. A 1.5% surcharge applies to American Express. We are a
cashless clinic and no longer accept cash.</p>
<h2>Health insurance</h2>
<p>We claim private health rebates on the spot through HICAPS; you pay the gap. If your card
can't be claimed on the day, we give you a receipt to claim from your fund yourself. WorkCover
and TAC: once your claim is accepted, we bill the insurer directly. Until then you pay and claim
back.</p>
<h2>Children and teenagers</h2>
<p>Patients under 16 must be accompanied by a parent or guardian for every appointment, and the
parent or guardian signs the consent form. Patients aged 16 and 17 can attend on their own once a
parent or guardian has signed the consent form.</p>
<h2>Packages and vouchers</h2>
<p>Packages are non-transferable. Unused sessions can be refunded within 30 days of purchase; any
sessions already used are charged at the full single-session price. Gift vouchers are valid for
3 years from the date of purchase.</p>
""",
    ),
    "contact.html": (
        "Contact",
        "Contact and opening hours",
        """
<h1>Contact us</h1>
<div class="contact-grid">
<div><h2>Find us</h2>
<address>Corio Bay Physio &amp; Sports Massage<br>Ground floor, 118 Moorabool Street<br>Geelong
VIC 3220</address>
<p>Phone: <a href="tel:+61355504182">(03) 5550 4182</a><br>
Email: <a href="mailto:hello@coriobayphysio.example">hello@coriobayphysio.example</a></p>
<p>We reply to emails within one working day. For same-day appointments, please call.</p></div>
<div><h2>Opening hours</h2>
<table class="hours"><tbody>
<tr><th>Monday</th><td>7:00am – 7:30pm</td></tr>
<tr><th>Tuesday</th><td>7:00am – 7:30pm</td></tr>
<tr><th>Wednesday</th><td>8:00am – 6:00pm</td></tr>
<tr><th>Thursday</th><td>7:00am – 8:00pm</td></tr>
<tr><th>Friday</th><td>7:00am – 5:00pm</td></tr>
<tr><th>Saturday</th><td>8:00am – 1:00pm</td></tr>
<tr><th>Sunday</th><td>Closed</td></tr>
</tbody></table>
<p>Closed on public holidays, including Geelong Cup day.</p></div>
</div>
<h2>Parking</h2>
<p>Two client car spaces at the rear of the building, entered from Morrow Lane. 2-hour street
parking on Moorabool Street, and the Market Square car park is a 3-minute walk.</p>
<h2>Public transport</h2>
<p>Geelong railway station is about 800 metres away, a 10-minute walk. Buses stop on Moorabool
Street right outside, at the Moorabool Street / Little Malop Street stop.</p>
<h2>Accessibility</h2>
<p>The clinic is on the ground floor with step-free access from the street. We have an
accessible toilet, and all our treatment tables are height-adjustable. Assistance dogs are
welcome.</p>
""",
    ),
    "about.html": (
        "About",
        "About the clinic",
        """
<h1>About Corio Bay Physio</h1>
<p>Corio Bay Physio was founded in 2014 by physiotherapist Mei-Lin Hartley, after eight years in
sports physiotherapy, including three seasons with a VFL football club. It began as a
single treatment room above a café on Little Malop Street. In 2019 we moved to our current,
larger ground-floor clinic at 118 Moorabool Street and added sports massage and our Clinical
Pilates studio.</p>
<p>Today we are a team of three physiotherapists, a remedial massage therapist and a practice
manager, and we have treated more than 9,000 patients from Geelong, the Bellarine and the Surf
Coast.</p>
<h2>How we work</h2>
<ul>
<li>Time with your physio: initial assessments are 50 minutes, never rushed.</li>
<li>Hands-on treatment plus exercise: you leave every session knowing what to do at home.</li>
<li>Honest advice: if you need a scan or a specialist, we will tell you and write to your GP.</li>
</ul>
<h2>Community</h2>
<p>We sponsor the Geelong parkrun volunteers and the Geelong West Amateur Football Club, and
every October we run a free injury clinic for local runners in the four weeks before the
Melbourne Marathon.</p>
""",
    ),
    "blog-shin-pain.html": (
        "",
        "Shin splints or stress fracture? Five questions runners should ask",
        """
<article><h1>Shin splints or stress fracture? Five questions runners should ask</h1>
<p class="meta">By Mei-Lin Hartley · 14 March 2026</p>
<p>Shin pain is one of the most common reasons runners come to see us. Most of the time it is
medial tibial stress syndrome, better known as shin splints. Sometimes it is a bone stress
injury, which needs a very different plan. Here are five questions to ask yourself.</p>
<h2>1. Did you increase your running recently?</h2>
<p>Most shin pain follows a jump in training. As a rule of thumb, don't increase your weekly
distance by more than 10% a week.</p>
<h2>2. Can you point to the pain with one finger?</h2>
<p>Shin splints usually hurt along a length of the inner shin, 5 cm or more. Pain you can cover
with one fingertip is more worrying.</p>
<h2>3. Does it hurt to hop?</h2>
<p>Try 10 single-leg hops on the sore side. If that hurts sharply at one spot, stop running and
get it checked: you may need a scan.</p>
<h2>4. Does it hurt at night or at rest?</h2>
<p>Shin splints tend to ease once you warm up and settle with rest. Pain at rest or at night is a
red flag.</p>
<h2>5. How old are your shoes?</h2>
<p>Most running shoes lose much of their cushioning after 600 to 800 km. Keep a log.</p>
<h2>Getting back to running</h2>
<p>We rebuild calf strength first: aim for 25 single-leg calf raises on each side before you
start a return-to-run programme. Our <a href="fees.html">Return to Run package</a> includes an
initial assessment, a video running assessment and two follow-ups.</p></article>
""",
    ),
    "blog-desk-neck.html": (
        "",
        "Working from home with a sore neck: five desk fixes",
        """
<article><h1>Working from home with a sore neck: five desk fixes</h1>
<p class="meta">By Priya Ramanathan · 2 June 2026</p>
<p>Since more of us started working from the kitchen table, neck pain and headaches have become
one of the most common things we see at the clinic. The good news: small changes to your desk
make a big difference.</p>
<ol>
<li><strong>Raise your screen.</strong> The top of the screen should be at eye level, about an
arm's length away. On a laptop, use a stand and a separate keyboard and mouse.</li>
<li><strong>Check your chair.</strong> Sit so your hips are slightly higher than your knees with
your feet flat on the floor or a footrest.</li>
<li><strong>Move every 30 minutes.</strong> Set a timer: stand up, roll your shoulders, walk to
refill your water.</li>
<li><strong>Rest your eyes.</strong> Use the 20-20-20 rule: every 20 minutes, look at something 20
feet (6 metres) away for 20 seconds.</li>
<li><strong>Keep your phone at eye level.</strong> Looking down at your phone loads your neck far
more than you would think.</li>
</ol>
<h2>Need more help?</h2>
<p>We now offer workplace ergonomic assessments at your office anywhere in Greater Geelong:
$220 for a visit of up to 90 minutes, with a written report for your employer. Call us to
book. If you still have pain, Clinical Pilates is a great way to build strength for long desk
days.</p></article>
""",
    ),
    "blog-marathon-recovery.html": (
        "",
        "After the marathon: your first two weeks of recovery",
        """
<article><h1>After the marathon: your first two weeks of recovery</h1>
<p class="meta">By Jack Brennan · 20 October 2026</p>
<p>Congratulations, you ran the Melbourne Marathon! Whether you ran it in three hours or six,
your muscles have had a battering. Here's how to recover well.</p>
<h2>Days 1 to 3</h2>
<p>Walk, eat, sleep and drink plenty of water. Skip deep-tissue massage for the first 48 to 72
hours: your muscles are inflamed and firm pressure can make the soreness worse. A gentle
30-minute flush massage is fine.</p>
<h2>Days 4 to 7</h2>
<p>No running yet. Easy cycling or swimming for 20 to 30 minutes gets blood moving. This is the
best time for a sports massage.</p>
<h2>Week two</h2>
<p>Try a few short, easy runs of 20 to 30 minutes. If anything feels sharp or one-sided, don't
push on: book in with a physio.</p>
<h2>Post-marathon recovery special</h2>
<p>Bring your race bib and book a 30-minute recovery flush massage for $55 (normally $70), until
2 November 2026. Mei-Lin, who has run eleven marathons, says it's the best money she spends
after a race.</p></article>
""",
    ),
    "privacy.html": (
        "",
        "Privacy policy",
        """
<h1>Privacy policy</h1>
<p>Corio Bay Physio &amp; Sports Massage collects and looks after your personal and health
information in line with the Privacy Act 1988 (Cth) and the Health Records Act 2001 (Vic).</p>
<h2>What we collect</h2>
<p>Your name, contact details, date of birth, health fund and Medicare details, medical history
and clinical notes, and details of your referring doctor.</p>
<h2>How we store it</h2>
<p>Clinical records are kept in Cliniko, a practice management system with data stored in
Australia. We keep records for 7 years after your last visit, or, for patients under 18, until
they turn 25.</p>
<h2>Who we share it with</h2>
<p>We only share your information with your consent, for example with your GP, your health
fund, or WorkCover or TAC if you have a claim, or where the law requires it.</p>
<h2>Accessing your records</h2>
<p>You can ask for a copy of your records at any time. We respond within 30 days. Contact our
privacy officer, Sophie Tran, at privacy@coriobayphysio.example.</p>
<h2>Cookies</h2>
<p>Our website uses cookies for analytics only. You can decline them in the cookie banner.</p>
""",
    ),
    "terms.html": (
        "",
        "Terms of use",
        """
<h1>Terms of use</h1>
<p>This website is run by Corio Bay Physio Pty Ltd (ABN 51 824 753 556), trading as Corio Bay
Physio &amp; Sports Massage.</p>
<h2>Health information</h2>
<p>The articles on this website are general information only and are not a substitute for an
assessment by a registered health professional. In an emergency, call 000.</p>
<h2>Online bookings</h2>
<p>When you book online you agree to our <a href="policies.html">clinic policies</a>, including
the 24-hour cancellation policy.</p>
<h2>Prices</h2>
<p>Prices on this website are in Australian dollars and may change without notice.
Physiotherapy is GST-free; massage prices include GST.</p>
<h2>Governing law</h2>
<p>These terms are governed by the laws of Victoria, Australia.</p>
""",
    ),
}


def main() -> None:
    write_site(
        "coriobay",
        "Corio Bay Physio & Sports Massage",
        "Independent physiotherapy and sports massage clinic on Moorabool Street, Geelong.",
        ("Book now", "contact.html"),
        PHYSIO,
    )


if __name__ == "__main__":
    main()
