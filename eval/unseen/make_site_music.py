"""Writes the Lakeshore Music School copy under eval/unseen/sites/lakeshoremusic/ (run once; output is committed).

Written by hand, blind (before the bot was ever run on it): a community music school on Lake
Shore Boulevard West in Toronto, Ontario (Canada), with private piano, guitar, voice, violin and
drum lessons, group classes for children and adult beginners, RCM exam preparation, recitals and
instrument rental. Prices in Canadian dollars with HST notes. A fee table with per-lesson and
per-term columns, group classes as pricing cards in divs and spans, extras and rentals as lists,
some prices only in prose, a FAQ as <dl>/<dt>/<dd>, opening hours as a <dl>, term dates as a
table, policies as headed sections, an about/team page and three blog posts that share the
school's vocabulary. Canadian spelling. Nothing here is fetched.

    cd /work/main && .venv/bin/python -m eval.unseen.make_site_music
"""

from __future__ import annotations

from eval.unseen.make_sites import write_site

MUSIC = {
    "index.html": (
        "Home",
        "Music lessons for all ages in south Etobicoke",
        """
<section class="hero hero--lake">
  <div class="hero__inner">
    <h1>Find your sound on the lakeshore</h1>
    <p class="lead">Lakeshore Music School is a community music school in New Toronto, on Lake
    Shore Boulevard West at Eighth Street. Since 2009 we have taught piano, guitar, voice, violin
    and drums to more than 3,000 students, from three-year-olds in our Little Notes class to
    retirees picking up the guitar for the first time.</p>
    <div class="hero__buttons"><a class="btn btn--primary" href="contact.html">Book a $25 trial lesson</a>
    <a class="btn btn--ghost" href="fees.html">Fees &amp; terms</a></div>
  </div>
</section>
<section class="instruments">
  <h2>What we teach</h2>
  <div class="grid grid--5">
    <div class="tile"><a href="lessons.html#piano"><span class="tile__icon">&#127929;</span><span class="tile__name">Piano</span></a></div>
    <div class="tile"><a href="lessons.html#guitar"><span class="tile__icon">&#127928;</span><span class="tile__name">Guitar</span></a></div>
    <div class="tile"><a href="lessons.html#voice"><span class="tile__icon">&#127908;</span><span class="tile__name">Voice</span></a></div>
    <div class="tile"><a href="lessons.html#violin"><span class="tile__icon">&#127931;</span><span class="tile__name">Violin</span></a></div>
    <div class="tile"><a href="lessons.html#drums"><span class="tile__icon">&#129345;</span><span class="tile__name">Drums</span></a></div>
  </div>
  <p>Private lessons of 30, 45 or 60 minutes, once a week, with the same teacher all term.
  Plus <a href="group-classes.html">group classes</a> for kids and adult beginners, RCM exam
  preparation and two recitals a year.</p>
</section>
<section class="news">
  <div class="news__item"><h3>Winter term starts Monday, January 4</h3>
  <p>New students can still register for the winter term. Our new <strong>Adult Beginner
  Guitar</strong> group starts Thursday, January 14: eight evenings, no experience needed.</p></div>
  <div class="news__item"><h3>Winter Showcase</h3>
  <p>Join us on Sunday, December 13 for our Winter Showcase in the recital room. Free to attend,
  everyone welcome.</p></div>
</section>
<section class="testimonials">
  <h2>From our families</h2>
  <blockquote>"Both of our kids have been with Sofia since they were five. The sibling discount
  doesn't hurt either!" <cite>Jenn, Mimico</cite></blockquote>
  <blockquote>"I started piano at 64. Helena made me feel like it was the most normal thing in
  the world." <cite>Robert, Long Branch</cite></blockquote>
</section>
<section class="from-blog">
  <h2>From the blog</h2>
  <ul class="post-list">
    <li><a href="blog-practice-habits.html">Ten minutes a day: building a practice habit that sticks</a></li>
    <li><a href="blog-first-instrument.html">Piano, guitar, violin, voice or drums? Choosing a first instrument</a></li>
    <li><a href="blog-rcm-exam.html">Getting ready for your RCM exam: a 12-week plan</a></li>
  </ul>
</section>
""",
    ),
    "lessons.html": (
        "Lessons",
        "Private lessons and exam preparation",
        """
<div class="page-intro">
<h1>Private lessons</h1>
<p>Every private student has one lesson a week with the same teacher, at the same time, for the
whole term. Choose a 30, 45 or 60-minute lesson. As a rough guide, 30 minutes suits beginners up
to about age 9, 45 minutes suits most students from RCM Level 3 to 6, and 60 minutes is best from
Level 7 and for adults who want to cover a lot of ground. Your teacher will suggest when it is
time to move up. See <a href="fees.html">fees</a> for prices.</p>
</div>

<div class="instrument" id="piano">
  <h2>Piano</h2>
  <p>Classical, pop, jazz basics and accompaniment, from first notes to ARCT. We follow the
  Royal Conservatory of Music (RCM) Celebration Series for students who want to take exams, and
  happily teach by ear, chord charts and lead sheets for those who don't.</p>
  <ul class="meta-list">
    <li><span class="label">Starting age:</span> 5</li>
    <li><span class="label">At home:</span> an acoustic piano or a digital piano with 88 weighted
    keys and a sustain pedal. Keyboards with fewer keys are fine for the first few months only.</li>
    <li><span class="label">Bring:</span> your books and a pencil. Your teacher will tell you which
    books to buy after the first lesson.</li>
  </ul>
</div>

<div class="instrument" id="guitar">
  <h2>Guitar</h2>
  <p>Acoustic, classical and electric guitar: chords and strumming, fingerstyle, reading music and
  tab, rock and blues lead, and RCM classical guitar exams. Students under 10 start on a
  nylon-string guitar in the right size.</p>
  <ul class="meta-list">
    <li><span class="label">Starting age:</span> 7</li>
    <li><span class="label">Bring:</span> your own guitar (tuned, if you can), a capo and a few
    picks. Electric players can use our studio amplifiers, so just bring your guitar and a cable.</li>
  </ul>
</div>

<div class="instrument" id="voice">
  <h2>Voice</h2>
  <p>Classical, musical theatre, jazz and pop singing. Lessons cover breathing, healthy technique,
  range, diction and performance, and prepare students for RCM voice exams and musical theatre
  auditions.</p>
  <ul class="meta-list">
    <li><span class="label">Starting age:</span> 10 for private lessons. Younger singers are
    welcome in our children's choir, the <a href="group-classes.html">Lakeshore Youth Singers</a>
    (ages 7 to 13).</li>
    <li><span class="label">Bring:</span> a water bottle and your music. For auditions, bring the
    sheet music in the right key.</li>
  </ul>
</div>

<div class="instrument" id="violin">
  <h2>Violin</h2>
  <p>Our violin teacher is trained in the Suzuki method and also teaches traditional note reading
  from the start. Young beginners learn on a small violin (1/16 or 1/10 size) and move up as they
  grow; we can size your child at the trial lesson.</p>
  <ul class="meta-list">
    <li><span class="label">Starting age:</span> 5</li>
    <li><span class="label">Bring:</span> your violin, bow, rosin and a shoulder rest. Don't have
    one yet? Rent one from us (see <a href="fees.html#rentals">rentals</a>).</li>
  </ul>
</div>

<div class="instrument" id="drums">
  <h2>Drums</h2>
  <p>Rock, pop, jazz and Latin grooves, reading, rudiments and fills, on the full acoustic kit in
  our soundproofed drum studio. Students also learn to play along with songs and, when they are
  ready, in a band with other students.</p>
  <ul class="meta-list">
    <li><span class="label">Starting age:</span> 8 (students need to reach the pedals)</li>
    <li><span class="label">Bring:</span> your own pair of sticks (5A is a good size to start).
    We provide ear protection in the studio; you are welcome to bring your own earplugs.</li>
    <li><span class="label">At home:</span> a practice pad is enough for the first term.</li>
  </ul>
</div>

<section class="exam-prep" id="exams">
  <h2>RCM exam preparation</h2>
  <p>We prepare students for Royal Conservatory of Music practical exams in piano, violin, voice
  and classical guitar, from the Preparatory level to Level 10 and ARCT, and for RCM theory exams.
  Exam students are not a separate program: any private student can work toward an exam with
  their regular teacher. From Level 5 we recommend at least a 45-minute lesson.</p>
  <p>Two extras help exam students: our <strong>mock exams</strong>, a 30-minute run-through of
  the whole exam with a different teacher playing examiner, with written comments, cost $45; and
  our weekly <a href="group-classes.html#theory">RCM theory classes</a>.</p>
  <p>Exam fees are not included in our lesson fees. You register for the exam yourself on the
  RCM website and pay the exam fee directly to the RCM.</p>
</section>

<section class="recitals" id="recitals">
  <h2>Recitals</h2>
  <p>Every student is invited to play in our two recitals each year: the Winter Showcase in
  December in our own recital room, and the Spring Recital in June. Taking part is optional but
  most students love it. There is no fee to perform, and family and friends attend for free.
  Dates are on the <a href="calendar.html">term calendar</a>.</p>
</section>

<section class="online">
  <h2>Online lessons</h2>
  <p>Piano, voice and guitar lessons can also be taken online by Zoom, for the whole term or just
  for a week when you can't make it in. Online lessons cost the same as lessons at the school.</p>
</section>

<section class="trial">
  <h2>Trial lesson</h2>
  <p>Not sure yet? Book a 30-minute trial lesson on any instrument for $25. Call us or use the
  form on our <a href="contact.html">contact page</a>.</p>
</section>
""",
    ),
    "group-classes.html": (
        "Group classes",
        "Group classes for children and adults",
        """
<h1>Group classes</h1>
<p class="intro">Group classes follow our term calendar: 14 weekly classes in the fall and
winter terms and 10 in the spring term, except the adult beginner courses, which run for eight
weeks. Classes need at least 3 students to run. Fees for the children's classes are shown per
term.</p>

<div class="class-grid">
  <div class="class-card" id="little-notes">
    <div class="class-card__head"><h2>Little Notes</h2><span class="tag">Ages 3&ndash;5</span></div>
    <div class="class-card__body">
      <p>Music and movement for preschoolers with a parent or caregiver: singing, rhythm games,
      percussion instruments and first steps in listening. 45 minutes, Saturdays at 9:30 am.</p>
      <div class="price-row"><span class="price">$265</span><span class="per">fall or winter term</span></div>
      <div class="price-row"><span class="price">$190</span><span class="per">spring term</span></div>
    </div>
  </div>

  <div class="class-card" id="keys-club">
    <div class="class-card__head"><h2>Keys Club</h2><span class="tag">Ages 6&ndash;9</span></div>
    <div class="class-card__body">
      <p>Group piano on digital pianos with headphones, up to 6 children. A fun, affordable start
      before private lessons. 45 minutes, Wednesdays at 4:30 pm or Saturdays at 11:00 am.</p>
      <div class="price-row"><span class="price">$325</span><span class="per">fall or winter term</span></div>
      <div class="price-row"><span class="price">$235</span><span class="per">spring term</span></div>
    </div>
  </div>

  <div class="class-card" id="junior-guitar">
    <div class="class-card__head"><h2>Junior Guitar Group</h2><span class="tag">Ages 8&ndash;12</span></div>
    <div class="class-card__body">
      <p>Chords, strumming and simple riffs in a group of up to 6. Bring your own guitar or rent
      one from us. 60 minutes, Mondays at 5:00 pm.</p>
      <div class="price-row"><span class="price">$345</span><span class="per">fall or winter term</span></div>
      <div class="price-row"><span class="price">$245</span><span class="per">spring term</span></div>
    </div>
  </div>

  <div class="class-card" id="youth-singers">
    <div class="class-card__head"><h2>Lakeshore Youth Singers</h2><span class="tag">Ages 7&ndash;13</span></div>
    <div class="class-card__body">
      <p>Our children's choir, directed by Aisha Thompson. Part-singing, sight-singing and a
      performance at both recitals. No audition. 60 minutes, Saturdays at 10:30 am.</p>
      <div class="price-row"><span class="price">$180</span><span class="per">fall or winter term</span></div>
      <div class="price-row"><span class="price">$130</span><span class="per">spring term</span></div>
    </div>
  </div>

  <div class="class-card" id="theory">
    <div class="class-card__head"><h2>RCM Theory</h2><span class="tag">Levels 5&ndash;8, ages 10+</span></div>
    <div class="class-card__body">
      <p>Weekly theory classes that follow the RCM theory syllabus, with practice papers before
      each exam session. 60 minutes, Wednesdays at 6:00 pm.</p>
      <div class="price-row"><span class="price">$28</span><span class="per">per class, billed by term</span></div>
    </div>
  </div>
</div>

<h2 id="adults">Adult beginners</h2>
<p>Always wanted to play? Our eight-week beginner courses for adults (16 and over) are relaxed,
sociable and assume no experience at all. Classes are small, with up to 6 people in piano and up
to 8 in guitar.</p>
<div class="class-grid class-grid--2">
  <div class="class-card class-card--adult">
    <div class="class-card__head"><h3>Adult Beginner Piano</h3></div>
    <div class="class-card__body">
      <p>Tuesdays, 7:30 to 8:30 pm, on digital pianos with headphones. Next course starts Tuesday,
      January 12, 2027; the following one on April 27.</p>
      <div class="price-row"><span class="price">$320</span><span class="per">for 8 weeks, plus HST</span></div>
    </div>
  </div>
  <div class="class-card class-card--adult">
    <div class="class-card__head"><h3>Adult Beginner Guitar</h3></div>
    <div class="class-card__body">
      <p>Thursdays, 7:30 to 8:30 pm. Bring an acoustic guitar (we can rent you one). Next course
      starts Thursday, January 14, 2027.</p>
      <div class="price-row"><span class="price">$295</span><span class="per">for 8 weeks, plus HST</span></div>
    </div>
  </div>
</div>

<h2 id="workshops">Workshops for groups</h2>
<p>Schools, Scouts and Guides groups, camps and workplaces can book a group drumming workshop
with Jordan Baptiste for 8 to 20 people. No experience needed: we bring the hand drums and
percussion. A 60-minute workshop costs $240 at our school or $300 at your location anywhere in
Toronto. Please book at least three weeks ahead.</p>
""",
    ),
    "fees.html": (
        "Fees",
        "Fees, discounts and instrument rental",
        """
<h1>Fees</h1>
<p class="intro">All prices are in Canadian dollars. Lessons for students aged 14 and under are
exempt from HST. For students aged 15 and over, 13% HST is added to lesson and class fees. The
prices below do not include HST.</p>

<section id="private">
<h2>Private lessons</h2>
<div class="table-wrap">
<table class="fee-table">
  <thead>
    <tr><th scope="col">Lesson length</th><th scope="col">Fall or winter term<br><small>(14 lessons)</small></th>
    <th scope="col">Spring term<br><small>(10 lessons)</small></th><th scope="col">Pay per lesson<br><small>(adults only)</small></th></tr>
  </thead>
  <tbody>
    <tr><th scope="row">30 minutes</th><td>$490</td><td>$350</td><td>$38</td></tr>
    <tr><th scope="row">45 minutes</th><td>$700</td><td>$500</td><td>$54</td></tr>
    <tr><th scope="row">60 minutes</th><td>$910</td><td>$650</td><td>$70</td></tr>
  </tbody>
</table>
</div>
<p>Paying by the term works out to $35 for a 30-minute lesson, $50 for 45 minutes and $65 for an
hour. Pay-per-lesson is meant for adult students (18 and over) with changing schedules: book a
lesson up to two weeks ahead, subject to teacher availability. Children and teens register for
the full term.</p>
<p>Lessons with our director Helena Kowalczyk, who teaches advanced piano students (Level 8 to
ARCT), are charged at a senior faculty rate of $82 per 60-minute lesson, or $1,085 for a
14-lesson term.</p>
</section>

<section id="groups">
<h2>Group classes</h2>
<div class="mini-cards">
  <div class="mini-card"><span class="name">Little Notes (ages 3&ndash;5)</span> <span class="amount">$265</span> <span class="unit">/ term</span></div>
  <div class="mini-card"><span class="name">Keys Club group piano (ages 6&ndash;9)</span> <span class="amount">$325</span> <span class="unit">/ term</span></div>
  <div class="mini-card"><span class="name">Junior Guitar Group (ages 8&ndash;12)</span> <span class="amount">$345</span> <span class="unit">/ term</span></div>
  <div class="mini-card"><span class="name">Lakeshore Youth Singers (ages 7&ndash;13)</span> <span class="amount">$180</span> <span class="unit">/ term</span></div>
  <div class="mini-card"><span class="name">Adult Beginner Piano or Guitar</span> <span class="amount">from $295</span> <span class="unit">/ 8 weeks</span></div>
</div>
<p class="small">Term prices are for the fall and winter terms. Spring term prices and class times
are on the <a href="group-classes.html">group classes</a> page.</p>
</section>

<section id="other">
<h2>Other fees</h2>
<ul class="fee-list">
  <li><strong>Registration fee:</strong> $35 per family, once a year (non-refundable)</li>
  <li><strong>Trial lesson:</strong> $25 for 30 minutes, any instrument</li>
  <li><strong>Mock exam:</strong> $45 (30 minutes with written comments)</li>
  <li><strong>RCM theory classes:</strong> $28 per class, billed by term</li>
  <li><strong>Recitals:</strong> no charge to perform or attend</li>
  <li><strong>Declined pre-authorized payment:</strong> $25</li>
</ul>
</section>

<section id="discounts">
<h2>Discounts</h2>
<p>Families save with our <strong>sibling discount</strong>: 10% off the term fees of the second
child and 15% off the term fees of the third and any further children. The discount applies to
the lower-priced registrations and to term fees only, not to the registration fee, rentals or
pay-per-lesson bookings. Students taking both a private lesson and a group class pay full price
for the private lesson and get 10% off the group class.</p>
</section>

<section id="rentals">
<h2>Instrument rental</h2>
<p>Not ready to buy? Rent an instrument by the month. Rental prices are plus 13% HST for all
ages.</p>
<ul class="rental-list">
  <li>Violin, any size from 1/16 to 4/4, with bow, case and rosin &ndash; <span class="amount">$22 / month</span></li>
  <li>Acoustic guitar, 1/2, 3/4 or full size, with gig bag &ndash; <span class="amount">$18 / month</span></li>
  <li>Digital piano, 88 weighted keys, with stand, bench and headphones &ndash; <span class="amount">$55 / month</span>, 3-month minimum; delivery and pick-up $60 each way</li>
  <li>Optional damage protection &ndash; <span class="amount">$4 / month</span> per instrument</li>
</ul>
</section>
""",
    ),
    "calendar.html": (
        "Term dates",
        "Term dates 2026-2027",
        """
<h1>Term dates 2026&ndash;2027</h1>
<p>Lessons run in three terms. Fall and winter terms have 14 lessons plus a make-up week; the
spring term has 10 lessons. There are no lessons on statutory holidays; if your lesson falls on a
holiday Monday, it is moved to make-up week.</p>
<table class="terms">
  <thead><tr><th>Term</th><th>First lesson</th><th>Last lesson</th><th>Lessons</th><th>Make-up week</th></tr></thead>
  <tbody>
    <tr><td>Fall 2026</td><td>Tuesday, September 8, 2026</td><td>Saturday, December 12, 2026</td><td>14</td><td>December 14&ndash;19</td></tr>
    <tr><td>Winter 2027</td><td>Monday, January 4, 2027</td><td>Saturday, April 10, 2027</td><td>14</td><td>April 12&ndash;17</td></tr>
    <tr><td>Spring 2027</td><td>Monday, April 19, 2027</td><td>Saturday, June 26, 2027</td><td>10</td><td>&ndash;</td></tr>
  </tbody>
</table>

<h2>Key dates</h2>
<ul class="key-dates">
  <li><time datetime="2026-12-04">Friday, December 4</time>: re-registration deadline for the winter term (current students keep their lesson time)</li>
  <li><time datetime="2026-12-13">Sunday, December 13</time>: Winter Showcase, 2:00 pm and 4:00 pm, in our recital room</li>
  <li><time datetime="2026-12-20">December 20 to January 3</time>: school closed for the holidays</li>
  <li><time datetime="2027-02-15">Monday, February 15</time>: Family Day, no lessons</li>
  <li><time datetime="2027-03-15">March 15 to 20</time>: March Break, no lessons</li>
  <li><time datetime="2027-03-01">Monday, March 1</time>: registration opens for the spring term</li>
  <li><time datetime="2027-03-26">Friday, March 26</time>: Good Friday, no lessons</li>
  <li><time datetime="2027-05-15">Saturday, May 15</time>: mock exam day for the June RCM exam session</li>
  <li><time datetime="2027-05-24">Monday, May 24</time>: Victoria Day, no lessons (Monday students' last spring lesson is Monday, June 28)</li>
  <li><time datetime="2027-06-13">Sunday, June 13</time>: Spring Recital, 1:30 pm, St. Agnes Parish Hall, 9 Thirteenth Street</li>
</ul>
""",
    ),
    "about.html": (
        "About us",
        "About the school and our teachers",
        """
<h1>About Lakeshore Music School</h1>
<div class="about-story">
<p>Lakeshore Music School was founded in 2009 by pianist Helena Kowalczyk, who started teaching
twelve students in a rented room above a bakery on Lake Shore Boulevard. In 2016 we moved into
the former Bank of Upper Canada building at the corner of Eighth Street, with six teaching
studios and a recital room that seats 60.</p>
<p>Today twelve teachers teach about 310 students a week. About a third of our students are
adults, and our oldest current student is 82.</p>
</div>

<h2>Our teachers</h2>
<div class="team-grid">
  <div class="team-member">
    <div class="team-member__photo"><img src="/img/helena.jpg" alt="Helena Kowalczyk at the piano"></div>
    <div class="team-member__text"><h3>Helena Kowalczyk</h3><p class="role">Founder &amp; Director &middot; Piano</p>
    <p>ARCT in Piano Performance from the Royal Conservatory and a Master of Music from the
    University of Toronto. Helena teaches advanced piano students and coaches our exam
    candidates before the June session.</p></div>
  </div>
  <div class="team-member">
    <div class="team-member__photo"><img src="/img/daniel.jpg" alt=""></div>
    <div class="team-member__text"><h3>Daniel Cheng</h3><p class="role">Piano &middot; RCM Theory</p>
    <p>Daniel has taught with us since 2014. He teaches piano from beginner to Level 8, leads the
    Keys Club and the Adult Beginner Piano course, and runs our RCM theory classes.</p></div>
  </div>
  <div class="team-member">
    <div class="team-member__photo"><img src="/img/marco.jpg" alt=""></div>
    <div class="team-member__text"><h3>Marco Rinaldi</h3><p class="role">Guitar</p>
    <p>A session and touring guitarist for fifteen years, Marco teaches acoustic, electric and
    classical guitar and leads the Junior Guitar Group and Adult Beginner Guitar.</p></div>
  </div>
  <div class="team-member">
    <div class="team-member__photo"><img src="/img/aisha.jpg" alt=""></div>
    <div class="team-member__text"><h3>Aisha Thompson</h3><p class="role">Voice &middot; Youth Singers director</p>
    <p>Aisha studied voice at Humber College and has performed in musical theatre across
    Ontario. She teaches classical, musical theatre and pop singing and directs the Lakeshore
    Youth Singers.</p></div>
  </div>
  <div class="team-member">
    <div class="team-member__photo"><img src="/img/sofia.jpg" alt=""></div>
    <div class="team-member__text"><h3>Sofia Lindqvist</h3><p class="role">Violin</p>
    <p>Sofia is a Suzuki-trained violinist and a member of a community orchestra in Mississauga.
    She specializes in young beginners and teaches students from age 5.</p></div>
  </div>
  <div class="team-member">
    <div class="team-member__photo"><img src="/img/jordan.jpg" alt=""></div>
    <div class="team-member__text"><h3>Jordan Baptiste</h3><p class="role">Drums &amp; Percussion</p>
    <p>Jordan plays in two Toronto bands and teaches drum kit from age 8. He also leads our
    group drumming workshops for schools and workplaces.</p></div>
  </div>
  <div class="team-member">
    <div class="team-member__photo"><img src="/img/emily.jpg" alt=""></div>
    <div class="team-member__text"><h3>Emily Tran</h3><p class="role">Early childhood music &middot; Piano</p>
    <p>Emily teaches Little Notes on Saturday mornings and beginner piano during the week.</p></div>
  </div>
  <div class="team-member">
    <div class="team-member__photo"><img src="/img/priya.jpg" alt=""></div>
    <div class="team-member__text"><h3>Priya Nair</h3><p class="role">Office Manager</p>
    <p>Priya runs the front desk, scheduling and registration. If you have a question about your
    account, your lesson time or a make-up lesson, Priya is the person to ask.</p></div>
  </div>
</div>
<p>All our teachers have a post-secondary music qualification or equivalent professional
experience, and are trained in first aid.</p>
""",
    ),
    "faq.html": (
        "FAQ",
        "Frequently asked questions",
        """
<h1>Frequently asked questions</h1>
<dl class="faq">
  <div class="faq__item">
    <dt>How old does my child need to be to start?</dt>
    <dd><p>Little Notes is for ages 3 to 5. Private piano and violin lessons start at age 5,
    guitar at 7, drums at 8 and voice at 10. Not sure if your child is ready? A trial lesson is
    the best way to find out.</p></dd>
  </div>
  <div class="faq__item">
    <dt>Am I too old to start?</dt>
    <dd><p>Never. About a third of our students are adults, and many of them had never played
    before. Try our Adult Beginner courses or private lessons.</p></dd>
  </div>
  <div class="faq__item">
    <dt>Can we try a lesson first?</dt>
    <dd><p>Yes. A 30-minute trial lesson costs $25. If you register for the term within 14 days
    of the trial, the $25 is taken off your term fees. For group classes, children can sit in on
    one class for free if there is space.</p></dd>
  </div>
  <div class="faq__item">
    <dt>Do I need my own instrument?</dt>
    <dd><p>You will need an instrument at home to practise on. Piano students need a piano or a
    digital piano; guitar, violin and drum students bring their own instrument or sticks to
    lessons. We rent violins, guitars and digital pianos.</p></dd>
  </div>
  <div class="faq__item">
    <dt>Can I buy the instrument I'm renting?</dt>
    <dd><p>Yes. If you decide to buy your rental instrument within the first year, everything you
    paid in rent for the first six months is credited toward the purchase price.</p></dd>
  </div>
  <div class="faq__item">
    <dt>Do you have a discount for siblings?</dt>
    <dd><p>Yes: 10% off term fees for the second child and 15% off for the third and any more.
    See <a href="fees.html#discounts">fees</a>.</p></dd>
  </div>
  <div class="faq__item">
    <dt>What happens if we have to miss a lesson?</dt>
    <dd><p>Let us know at least 24 hours before your lesson and you can have a make-up lesson.
    Full details are in our <a href="policies.html">policies</a>.</p></dd>
  </div>
  <div class="faq__item">
    <dt>Do you charge HST?</dt>
    <dd><p>Lessons and classes for students aged 14 and under are HST-exempt. For students 15 and
    older, 13% HST is added. Instrument rentals are taxed for everyone.</p></dd>
  </div>
  <div class="faq__item">
    <dt>Can parents sit in on lessons?</dt>
    <dd><p>Parents are welcome to sit in on lessons for children under 8. For older students we
    ask parents to wait in the lobby, where there is seating and free Wi-Fi, so students can
    focus.</p></dd>
  </div>
  <div class="faq__item">
    <dt>Do you sell gift certificates?</dt>
    <dd><p>Yes, in any amount from $25. They can be used for lessons, group classes and trial
    lessons (not for rentals) and they never expire. We can email a printable certificate the same
    day, or you can pick one up at the front desk.</p></dd>
  </div>
  <div class="faq__item">
    <dt>Can I change teachers?</dt>
    <dd><p>Of course. Sometimes a teacher and student just aren't the right fit. Talk to Priya at
    the front desk and we will move you at no charge, usually at the start of the next term.</p></dd>
  </div>
  <div class="faq__item">
    <dt>Do students have to take exams or play in recitals?</dt>
    <dd><p>No. Exams and recitals are optional. Many of our students never take an exam and enjoy
    playing just as much.</p></dd>
  </div>
  <div class="faq__item">
    <dt>Where do I park?</dt>
    <dd><p>We have a free parking lot behind the building, entered from Eighth Street. See
    <a href="contact.html">contact</a> for other options.</p></dd>
  </div>
  <div class="faq__item">
    <dt>How do I pay?</dt>
    <dd><p>By Interac e-Transfer, Visa, Mastercard or debit. Fall and winter term fees can be
    paid in three monthly instalments.</p></dd>
  </div>
</dl>
""",
    ),
    "policies.html": (
        "Policies",
        "School policies",
        """
<h1>School policies</h1>
<p>By registering, you agree to these policies. Please read them; they are here to keep things
fair for every family and for our teachers.</p>

<section class="policy"><h2>1. Registration and deposits</h2>
<p>A registration fee of $35 per family is due once a year. To keep your lesson time for the next
term, current students pay a $100 deposit per student by the re-registration deadline. The
deposit is deducted from your term fees. It is non-refundable after the deadline.</p></section>

<section class="policy"><h2>2. Payment</h2>
<p>Term fees are due before the first lesson of the term. Fall and winter term fees can be split
into three equal monthly instalments, charged to a credit card on the 1st of each month, at no
extra cost. We accept Interac e-Transfer (to payments@lakeshoremusic.example), Visa, Mastercard
and debit at the front desk. We do not accept American Express, cash or cheques. A $25 fee applies
to a declined pre-authorized payment.</p></section>

<section class="policy"><h2>3. Missed lessons and make-up lessons</h2>
<p>If you cannot attend a private lesson, please tell us at least 24 hours in advance by email or
phone. With 24 hours' notice you can have a make-up lesson: up to two per student in the fall and
winter terms and one in the spring term. Make-up lessons are held in make-up week or in an open
slot with your teacher, and must be used by the end of the term. Lessons missed without 24 hours'
notice are not made up or refunded.</p>
<p>Group classes are not made up, but you may attend another session of the same class that
week if there is space.</p>
<p>If your teacher has to cancel, we will give you a make-up lesson or a substitute teacher, or
credit the lesson to your account.</p></section>

<section class="policy"><h2>4. Arriving late</h2>
<p>If you arrive late, your lesson will still end at its scheduled time. Teachers wait 15 minutes;
if we haven't heard from you by then, the lesson is counted as missed.</p></section>

<section class="policy"><h2>5. Withdrawals and refunds</h2>
<p>You can withdraw before the third lesson of the term and receive a refund for the remaining
lessons, minus a $50 administration fee. After the third lesson, term fees are not refundable,
except for medical reasons with a doctor's note, when we refund the remaining lessons. If we cancel
a group class because fewer than 3 students register, you get a full refund.</p></section>

<section class="policy"><h2>6. Drop-off and pick-up</h2>
<p>Children under 10 must be brought into the building by an adult and picked up from the lobby.
Please collect children within 10 minutes of the end of their lesson. After that a late pick-up
fee of $1 per minute applies.</p></section>

<section class="policy"><h2>7. Severe weather</h2>
<p>We stay open in most weather. If we have to close, we will email all families and post on
our Instagram by 12 noon, and lessons cancelled by the school are made up.</p></section>

<section class="policy"><h2>8. Rentals</h2>
<p>Rental instruments are charged monthly to a credit card on file. Please return instruments
clean and in the case they came in. Damage beyond normal wear is charged at repair cost unless
you have damage protection.</p></section>
""",
    ),
    "contact.html": (
        "Contact",
        "Contact, hours and directions",
        """
<h1>Contact us</h1>
<div class="contact-wrap">
  <div class="contact-col">
    <h2>Lakeshore Music School</h2>
    <address>3128 Lake Shore Boulevard West<br>(at Eighth Street)<br>Toronto, ON M8V 1L9</address>
    <p class="contact-line"><span class="icon">&#9742;</span> <a href="tel:+14165550173">416-555-0173</a></p>
    <p class="contact-line"><span class="icon">&#9993;</span> <a href="mailto:hello@lakeshoremusic.example">hello@lakeshoremusic.example</a></p>
    <p>We answer the phone during opening hours and reply to emails within one business day. For
    a same-day cancellation, please call.</p>
  </div>
  <div class="contact-col">
    <h2>Opening hours</h2>
    <dl class="hours">
      <dt>Monday</dt><dd>3:00 pm &ndash; 9:00 pm</dd>
      <dt>Tuesday</dt><dd>3:00 pm &ndash; 9:00 pm</dd>
      <dt>Wednesday</dt><dd>3:00 pm &ndash; 9:00 pm</dd>
      <dt>Thursday</dt><dd>3:00 pm &ndash; 9:00 pm</dd>
      <dt>Friday</dt><dd>3:00 pm &ndash; 8:00 pm</dd>
      <dt>Saturday</dt><dd>9:00 am &ndash; 1:00 pm, 2:00 pm &ndash; 5:00 pm</dd>
      <dt>Sunday</dt><dd>Closed (except recital days)</dd>
    </dl>
    <p class="small">The front desk closes for lunch on Saturdays from 1:00 to 2:00 pm.</p>
  </div>
</div>

<h2>Getting here</h2>
<div class="directions">
  <h3>By TTC</h3>
  <p>The 501 Queen streetcar stops right outside our door at Lake Shore Boulevard West and Eighth
  Street. From Long Branch GO station it is a short ride east on the 501.</p>
  <h3>Parking</h3>
  <p>Free parking in our lot behind the building (enter from Eighth Street). The lot has 10
  spaces, including two 5-minute drop-off spaces by the back door. There is also paid Green P
  street parking on Lake Shore Boulevard West.</p>
  <h3>By bike</h3>
  <p>Bike rings are by the front door, and the Waterfront Trail is two blocks south.</p>
</div>

<h2>Accessibility</h2>
<p>The rear entrance from the parking lot has a ramp and an automatic door. Studios 1 to 3, the
recital room, the lobby and an accessible washroom are on the ground floor. Studios 4 to 6 are on
the second floor and can only be reached by stairs; there is no elevator. Let us know when you
register and we will schedule your lessons in a ground-floor studio.</p>

<h2>Send us a message</h2>
<form class="contact-form" action="#" method="post">
  <label>Name <input type="text" name="name"></label>
  <label>Email <input type="email" name="email"></label>
  <label>I'm interested in <select name="interest"><option>Trial lesson</option><option>Private lessons</option><option>Group classes</option><option>Instrument rental</option><option>Something else</option></select></label>
  <label>Message <textarea name="message"></textarea></label>
  <button type="submit">Send</button>
</form>
""",
    ),
    "privacy.html": (
        "",
        "Privacy policy",
        """
<h1>Privacy policy</h1>
<p>Lakeshore Music School respects your privacy and handles personal information in line with the
Personal Information Protection and Electronic Documents Act (PIPEDA).</p>
<h2>What we collect</h2>
<p>Student and parent or guardian names, contact details, the student's date of birth (to apply
the HST exemption and place children in the right class), lesson and payment history, and any
medical or learning needs you choose to tell us about.</p>
<h2>Photos and video</h2>
<p>We sometimes take photos and video at recitals and classes. We only post pictures of students
on our website or social media if you have said yes on the registration form, and you can change
your mind at any time.</p>
<h2>Payment information</h2>
<p>Card details for instalments and rentals are stored by our payment processor, not by us.</p>
<h2>How long we keep it</h2>
<p>We keep student records for three years after the last lesson, and financial records for seven
years as the Canada Revenue Agency requires.</p>
<h2>Your rights</h2>
<p>You can ask to see or correct your information at any time. Contact our privacy officer, Priya
Nair, at privacy@lakeshoremusic.example.</p>
<h2>Cookies</h2>
<p>Our website uses cookies for basic analytics only.</p>
""",
    ),
    "terms.html": (
        "",
        "Terms of use",
        """
<h1>Terms of use</h1>
<p>This website is operated by Lakeshore Music School Inc., 3128 Lake Shore Boulevard West,
Toronto.</p>
<h2>Prices</h2>
<p>Prices on this website are in Canadian dollars and may change from one term to the next.
Fees for a term you have already paid for will not change.</p>
<h2>School policies</h2>
<p>Lesson registrations are subject to our <a href="policies.html">school policies</a>.</p>
<h2>Content</h2>
<p>Blog articles are general advice from our teachers. Photos, text and logos on this website
belong to Lakeshore Music School and may not be copied without permission.</p>
<h2>Governing law</h2>
<p>These terms are governed by the laws of the Province of Ontario and of Canada.</p>
""",
    ),
    "blog-practice-habits.html": (
        "Blog",
        "Ten minutes a day: building a practice habit that sticks",
        """
<article class="post">
<header class="post__header"><h1>Ten minutes a day: building a practice habit that sticks</h1>
<p class="meta">By Sofia Lindqvist &middot; October 5, 2026 &middot; Practice tips</p></header>
<div class="post__body">
<p>Every term, parents ask me the same question at the first lesson: "How much should my child
practise?" My answer surprises them: less than you think, but more often than you think.</p>
<h2>Little and often beats long and rare</h2>
<p>For young beginners with a 30-minute lesson, 10 to 15 minutes a day, five days a week, is
plenty. Students in Levels 3 to 6 should aim for 20 to 30 minutes, and students preparing
for Level 7 and above usually need 45 minutes or more. One hour on Sunday night before a Monday
lesson does far less than ten minutes every day.</p>
<h2>Same time, same place</h2>
<p>Tie practice to something that already happens every day: right after school snack, or before
screen time. Keep the instrument out of its case and the music on the stand, so starting takes
five seconds, not five minutes.</p>
<h2>Make it visible</h2>
<p>Every student at the school gets a practice chart at the first lesson of each term. Stickers
work wonders for under-tens; older students often like a practice app or a simple notebook.</p>
<h2>Practise the hard bit first</h2>
<p>Start with the two bars that keep going wrong, slowly, and play them correctly five times in a
row before moving on. Then play through the piece for fun.</p>
<h2>Parents: be the audience</h2>
<p>You don't need to read music to help. Ask your child to teach you what they learned this week,
or to give a two-minute "concert" after dinner. For children under 8, please sit in on the first
few lessons of the term so you know what to listen for at home.</p>
<h2>And if you miss a week?</h2>
<p>It happens to everyone. Don't skip the lesson because you haven't practised: your teacher
would much rather practise with you in the lesson than have you miss it. And if you really can't
come, remember that a make-up lesson needs 24 hours' notice.</p>
</div>
</article>
""",
    ),
    "blog-first-instrument.html": (
        "",
        "Piano, guitar, violin, voice or drums? Choosing a first instrument",
        """
<article class="post">
<header class="post__header"><h1>Piano, guitar, violin, voice or drums? Choosing a first instrument</h1>
<p class="meta">By Helena Kowalczyk &middot; August 18, 2026 &middot; Getting started</p></header>
<div class="post__body">
<p>Choosing a first instrument is one of the most common questions we get at the front desk in
August. Here is what we tell families.</p>
<h2>Follow the interest</h2>
<p>The best first instrument is the one your child wants to play. A child who is excited about
drums will practise drums; a child pushed into piano may not practise at all.</p>
<h2>Piano: the all-rounder</h2>
<p>Piano is where most of our beginners start, and for good reason: you can see the notes laid
out in front of you, and you learn melody and harmony at the same time. It is a great foundation
for any instrument later on. Five is a good age to start.</p>
<h2>Guitar: for songs and friends</h2>
<p>Guitar is brilliant for kids (and adults) who want to play the songs they love. Fingertips are
sore for the first two or three weeks; this passes. Steel strings are harder on small hands,
which is why we start children under 10 on nylon strings.</p>
<h2>Violin: patience pays</h2>
<p>Violin takes longer to sound good than piano or guitar, but young violinists develop a
wonderful ear. A 1/16 or 1/10 violin suits most five-year-olds, and renting makes sense while
your child is still growing through the sizes.</p>
<h2>Voice: wait a little</h2>
<p>Young voices are still developing, so we start private voice lessons at 10. Before that, the
Lakeshore Youth Singers choir is the perfect place to learn to sing well with others.</p>
<h2>Drums: yes, really</h2>
<p>Drummers need good coordination and need to reach the pedals, which usually means eight or
older. Worried about noise? A practice pad is quiet and enough for the first term, and electronic
kits with headphones come later.</p>
<h2>Still not sure?</h2>
<p>Book a trial lesson. And if your child picks an instrument and it doesn't click, they can switch
to a different instrument once during their first term at no charge.</p>
</div>
</article>
""",
    ),
    "blog-rcm-exam.html": (
        "",
        "Getting ready for your RCM exam: a 12-week plan",
        """
<article class="post">
<header class="post__header"><h1>Getting ready for your RCM exam: a 12-week plan</h1>
<p class="meta">By Daniel Cheng &middot; November 2, 2026 &middot; Exams</p></header>
<div class="post__body">
<p>Last year 47 of our students took RCM practical exams, from Preparatory A to ARCT. Here is the
plan I give every exam student, counting back from exam day.</p>
<h2>12 weeks out: know the requirements</h2>
<p>Your teacher will go through the syllabus with you: repertoire, etudes, technical requirements,
ear tests and sight reading. Register for your exam on the RCM website before the registration
deadline. Exam fees are set by the RCM and go up most years, so check the fee when you
register.</p>
<h2>8 weeks out: pieces learned, not polished</h2>
<p>All notes should be learned by now. From here on, practice is about musicality, memory (if you
are playing from memory) and consistency. Spend at least 10 minutes a day on technique and 5 on
sight reading.</p>
<h2>4 weeks out: the mock exam</h2>
<p>Book a mock exam. Playing for a teacher you don't know is the closest thing to the real exam,
and the written comments give you a clear list for the last month.</p>
<h2>1 week out: nothing new</h2>
<p>Run the whole exam program once a day, in order. Get plenty of sleep.</p>
<h2>Exam day</h2>
<p>Arrive at the exam centre 20 minutes early to warm up your fingers and your nerves. Bring your
original books: the RCM does not allow photocopies in the exam room. Breathe. The examiner wants
you to do well.</p>
<h2>After the exam</h2>
<p>Results usually arrive within a few weeks. From Level 5 on, remember that you also need the
matching theory exam to receive your practical certificate, so ask about our theory classes.</p>
</div>
</article>
""",
    ),
}


def main() -> None:
    write_site(
        "lakeshoremusic",
        "Lakeshore Music School",
        "Community music school on Lake Shore Boulevard West, Toronto: piano, guitar, voice, "
        "violin and drums for all ages.",
        ("Book a trial lesson", "contact.html"),
        MUSIC,
    )


if __name__ == "__main__":
    main()
