"""Grounded answers from the knowledge base (passages found by `app.services.retrieval`).

Used by `action_answer_question`, the admin "try a question" tool and the eval. An answer
is only ever built from the business's own passages: the few sentences that answer the
question, with the pages they come from; otherwise the bot declines and offers a contact.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from app.models import BotSettingsPublic
from app.models.citation import Citation
from app.services.opening_hours import asks_opening_hours, day_index, hours_answer
from app.services.profile import ProfileFact, profile_fact, shows
from app.services.retrieval import (
    Passage,
    absent_words,
    asked_service,
    content_words,
    passages_with,
    rarest_subject_word,
    says_word,
    search,
    spelled_out,
    unsaid_words,
    word_stem,
    word_weights,
)
from ingest.chunking import is_short_list, split_sentences
from ingest.embeddings import Embedder, get_embedder
from ingest.store import KnowledgeStore, get_store

# How a candidate sentence is scored against the question (see `select_sentences`);
# weights chosen on eval/qa_dataset.yaml (eval/results/qa_eval.md).
SENTENCE_WEIGHT = 0.5
PASSAGE_WEIGHT = 0.4
OVERLAP_WEIGHT = 0.1
SENTENCE_MARGIN = 0.12  # sentences this close to the best one are said too
MAX_SENTENCES = 2
# How much of a sentence's closeness to the question when read under its heading counts:
# half of it, under a FAQ's question or any other heading or the page title (chosen on the
# unseen sites' dev split, eval/results/unseen_dev.md; all of it under a FAQ's question cost
# the demo site an answer); a price is read under its heading in full.
CONTEXT_SHARE = 0.5
MAX_ANSWER_CHARS = 420
_SHORT_SENTENCE_WORDS = 4  # "Yes." reads as an answer only with the sentence after it
# Typed questions (a price, a contact detail, a person) are answered only by a sentence that
# holds such a thing; they search wider since the sentence may sit lower in the ranking,
# and the threshold relief lets a typed sentence through that the blended score alone
# would not (chosen on the unseen sites' dev split, eval/results/unseen_eval.md).
TYPED_TOP_K = 8
# Passages an untyped question reads from (3 before the twenty-fourth session; 4 answered one
# more dev question, 5 three fewer)
TOP_K = 4
TYPED_RELIEF = 0.07
_SCARCE_TYPES = frozenset(["year"])  # few passages hold one: looked for among those that do
# The question names something (a service, a room, a place) that no page of the site
# mentions: decline whatever the scores say, unless a sentence matches very closely.
ABSENT_SUBJECT_OVERRIDE = 0.75
# The site names the asked-about thing, but the chosen answer does not ("Is there a waiting
# list for Keys Club?" answered with the club's price): decline below this score. A word
# said on many passages (inverse chunk frequency under the weight) need not be said again.
# Both chosen on the unseen sites' dev split (eval/results/unseen_dev.md).
UNSAID_SUBJECT_OVERRIDE = 0.65
UNSAID_MIN_WEIGHT = 2.0

# An NLU entity may steer towards a collection; it never filters the others out.
_INFO_TYPE_COLLECTIONS = {
    "faq": "faq_content",
    "policy": "policy_docs",
    "privacy": "policy_docs",
    "cancellation": "policy_docs",
    "refund": "policy_docs",
    "booking_policy": "policy_docs",
    "hours": "website_content",
    "prices": "website_content",
    "services": "website_content",
    "location": "website_content",
    "contact": "website_content",
}


@dataclass(frozen=True)
class Answer:
    """What the bot says: the answer text (no citation in it), its sources, or a decline."""

    text: str
    sources: list[Citation] = field(default_factory=list)
    declined: bool = False
    passages: list[Passage] = field(default_factory=list)
    score: float = 0.0  # the best sentence's score, compared with the answer threshold


def answer_question(
    question: str,
    *,
    info_type: str | None = None,
    threshold: float | None = None,
    embedder: Embedder | None = None,
    store: KnowledgeStore | None = None,
) -> Answer:
    """Answer from the best passages, or decline when nothing clears the threshold; a question
    about opening hours that the pages do not answer is answered from the hours set on the
    Tasks page (`app.services.opening_hours`)."""
    from app.services.config import get_bot_settings

    settings = get_bot_settings()
    answer = _answer_from_site(
        question,
        settings=settings,
        info_type=info_type,
        threshold=threshold,
        embedder=embedder,
        store=store,
    )
    if answer.declined:
        from_hours = _from_opening_hours(question, settings)
        if from_hours:
            return Answer(
                text=from_hours,
                sources=_contact_citation(settings),
                passages=answer.passages,
                score=answer.score,
            )
    return answer


_ASKS_SOMETHING = re.compile(
    r"^\s*(?:who|what|whats|when|where|which|why|how|is|are|am|do|does|did|can|could|will|"
    r"would|should|shall|may|have|has|any)\b",
    re.IGNORECASE,
)


def asking_part(question: str) -> str:
    """The sentences of a message that ask, without the ones that tell the business about the
    visitor: "Do you do home visits?" of "Do you do home visits? My mum just had a hip
    replacement and can't drive". A message of one sentence, or of no asking one, is itself."""
    sentences = [s for s in re.split(r"(?<=[.?!])\s+", question.strip()) if s]
    asking = [s for s in sentences if s.endswith("?") or _ASKS_SOMETHING.match(s)]
    if not asking or len(asking) == len(sentences):
        return question
    return " ".join(asking)


def _from_opening_hours(question: str, settings: BotSettingsPublic) -> str | None:
    from app.services.calendar import BOOKING_TASK
    from app.services.config import get_task_config

    if not asks_opening_hours(question):  # no task config read for every other decline
        return None
    booking = get_task_config(BOOKING_TASK)
    if booking is None:
        return None
    return hours_answer(
        question,
        hours=booking.business_hours,
        blocked_dates=booking.blocked_dates,
        settings=settings,
    )


def _contact_citation(settings: BotSettingsPublic) -> list[Citation]:
    return (
        [Citation(title="Contact", url=settings.contact_page_url)]
        if settings.contact_page_url
        else []
    )


def _answer_from_site(
    question: str,
    *,
    settings: BotSettingsPublic,
    info_type: str | None,
    threshold: float | None,
    embedder: Embedder | None,
    store: KnowledgeStore | None,
) -> Answer:
    threshold = settings.answer_threshold if threshold is None else threshold
    embedder = embedder or get_embedder()
    boost = _INFO_TYPE_COLLECTIONS.get((info_type or "").strip().lower())
    store = store or get_store()
    # "Amex" on a site that says "American Express", "resturant" for "restaurant": asked in
    # the site's words
    question = spelled_out(question, store)
    fact = profile_fact(question, settings)
    if fact:
        return _from_profile(fact, settings, question, embedder=embedder, store=store)
    kind = answer_type(question)
    top_k = TYPED_TOP_K if kind else TOP_K
    passages = search(question, top_k=top_k, boost_collection=boost, embedder=embedder, store=store)
    doing = _ASKS_WHO_DOES.search(question) if kind == "person" else None
    if kind == "person" and _asks_owner(question):
        # "Who runs the school?" may find a policy's "lessons cancelled by the school" before
        # the about page's "founded in 2009 by pianist Helena Kowalczyk"
        passages = _with_passages(
            passages,
            passages_with(question, _OWNER_WORDS, top_k=3, embedder=embedder, store=store),
        )
    elif doing:
        # "Who runs the puppy club?" finds the club's descriptions; the team page's "Rawiri
        # runs the daycare floor and the Puppy Club" is among the passages that say "runs"
        passages = _with_passages(
            passages,
            passages_with(
                question, _does(doing[1]), top_k=TYPED_TOP_K, embedder=embedder, store=store
            ),
        )
    if _asks_hours(question):
        # the page's hours, which "How early do you open? I want to drop the car before
        # work" may not rank among the first passages
        passages = _with_passages(
            passages, passages_with(question, _DAY, top_k=3, embedder=embedder, store=store)
        )
    chosen, score = select_sentences(
        question, passages, embedder=embedder, kind=kind, weights=word_weights(store), store=store
    )
    item = (
        rarest_subject_word(question, store, _priced(passages))
        if kind == "price" and not chosen
        else None
    )
    # a year said only with "since" ("testing since 2004") may be someone's, not the business's
    unfounded = kind == "year" and bool(chosen) and not _FOUNDED.search(chosen[0][1])
    if (not chosen or unfounded) and (kind in _SCARCE_TYPES or item):
        # A year sits in one sentence of the about page, which a short "when did you open?"
        # may not rank among the first passages: the passages that hold one are searched.
        # So are a priced thing's, when every passage found prices something else: "tracking
        # price" found eight price cards of the prices page, not the tyre page's tracking.
        pattern = re.compile(rf"\b{re.escape(item)}", re.IGNORECASE) if item else None
        wider, found, found_score = _chosen_among(
            question, pattern or _ANSWER_TYPES[kind][1], kind=kind, embedder=embedder, store=store
        )
        if found:
            passages, chosen, score = wider, found, found_score
    period = _PER_PERIOD.search(question) if kind == "count" else None
    if period and not (chosen and _says_period(period[1], chosen[0][1])):
        # "How many classes a week do you run?": the home page's "40 classes a week", which
        # may not rank among the first passages, not the pricing's "8 classes per month"
        wider, found, found_score = _chosen_among(
            question, _period_pattern(period[1]), kind=kind, embedder=embedder, store=store
        )
        if found and _says_period(period[1], found[0][1]):
            passages, chosen, score = wider, found, found_score
    limit = threshold - TYPED_RELIEF if kind and chosen else threshold
    if kind == "count" and chosen and not _counts_asked(question, chosen[0][1]):
        limit = threshold  # "two injections" is some count, not the asked-for dogs' one
    if kind in _LABELS and chosen and _LABELS[kind].match(chosen[0][1]):
        limit = 0.0  # "Email: …" is the answer to "what's your email", whatever the score
    if kind in ("year", "identifier") and chosen:
        limit = 0.0  # a year said with a founding verb, a number with its name (`_answers_type`)
    if kind == "person" and chosen and _says_asked_part(question, chosen[0]):
        limit = 0.0  # "owner Rhian" for "Who owns the practice?", as a year said with "opened"
    if not question.strip() or not chosen or score < limit:
        return _decline(settings, passages, score)
    asked = asking_part(question)
    if score < ABSENT_SUBJECT_OVERRIDE and absent_words(
        asked, store, embedder=embedder, passages=passages
    ):
        return _decline(settings, passages, score)
    if score < UNSAID_SUBJECT_OVERRIDE and unsaid_words(
        asked,
        " ".join(f"{p.title} {p.section or ''} {sentence}" for p, sentence in chosen),
        store,
        embedder=embedder,
        min_weight=UNSAID_MIN_WEIGHT,
    ):
        return _decline(settings, passages, score)
    if _ASKS_DISCOUNT.search(question) and not any(
        _DISCOUNT.search(sentence) for _, sentence in chosen
    ):
        # "Is there a discounted pack for Puppy Club sessions?" is not answered by the
        # session's price: the answer says a discount, a saving or a reduced price
        return _decline(settings, passages, score)
    if _HOLIDAYS.search(question) and not any(
        _HOLIDAYS.search(f"{passage.section or ''} {sentence}") or re.search(_DATE, sentence)
        for passage, sentence in chosen
    ):
        # "are you open on bank holidays?" is not answered by the weekly hours ("Saturday:
        # 09:00 – 13:00. Sunday: Closed."): the answer names a holiday or gives dates
        return _decline(settings, passages, score)
    if _other_month(question, " ".join(sentence for _, sentence in chosen)):
        # "When is the mock exam day for the January session?" is not answered by "Saturday,
        # May 15: mock exam day for the June exam session"
        return _decline(settings, passages, score)
    service = asked_service(question)
    if service and not any(
        says_word(word_stem(service), f"{passage.title} {passage.section or ''} {sentence}")
        for passage, sentence in chosen
    ):
        # "Do you vaccinate ferrets?" is not answered by "Tomasz looks after our rabbits and
        # ferrets": the answer says the asked-for service (or its page or heading does).
        return _decline(settings, passages, score)
    sources: list[Citation] = []
    for passage, _ in chosen:
        source = Citation(title=passage.title, url=passage.url)
        if source not in sources:
            sources.append(source)
    if kind == "person":
        # a card's heading is said once, before the first of its sentences, when one of them
        # calls the person by first name or "he"/"she" only
        unnamed = {id(p) for p, sentence in chosen if _with_full_name(p, sentence) != sentence}
        for i, (passage, sentence) in enumerate(chosen):
            if id(passage) in unnamed:
                unnamed.discard(id(passage))
                chosen[i] = (passage, f"{(passage.section or '').strip()}: {sentence}")
    else:
        if (
            _asks_hours(question)
            and asked_day(question) is None
            and not _ASKS_WHEN.search(question)
        ):
            chosen = _whole_weeks(chosen, store)
        chosen = _hours_under_headings(chosen)
    return Answer(
        text=" ".join(sentence for _, sentence in chosen),
        sources=sources,
        passages=passages,
        score=round(score, 4),
    )


def _chosen_among(
    question: str,
    pattern: re.Pattern[str],
    *,
    kind: str | None,
    embedder: Embedder,
    store: KnowledgeStore,
) -> tuple[list[Passage], list[tuple[Passage, str]], float]:
    """The passages closest to the question among those matching `pattern`, and the sentences
    `select_sentences` chooses from them with its score."""
    wider = passages_with(question, pattern, top_k=TYPED_TOP_K, embedder=embedder, store=store)
    chosen, score = select_sentences(
        question, wider, embedder=embedder, kind=kind, weights=word_weights(store), store=store
    )
    return wider, chosen, score


def _with_passages(passages: list[Passage], more: list[Passage]) -> list[Passage]:
    """The passages, then those of `more` that are not among them."""
    found = {(p.url, p.text) for p in passages}
    return passages + [p for p in more if (p.url, p.text) not in found]


def _whole_weeks(
    chosen: list[tuple[Passage, str]], store: KnowledgeStore
) -> list[tuple[Passage, str]]:
    """Asked for the opening hours, the visitor gets every line of the week the answer reads
    from, in the week's order, not its two best-scoring days ("Saturday & Sunday: Closed."
    without the weekdays): the hours lines under the same heading of the same page."""
    result: list[tuple[Passage, str]] = []
    read: set[tuple[str, str]] = set()
    for passage, sentence in chosen:
        table = (passage.url, passage.section or "")
        if not _hours_line(sentence):
            result.append((passage, sentence))
        elif table not in read:
            read.add(table)
            result += _week_lines(passage, store) or [(passage, sentence)]
    return result


def _week_lines(passage: Passage, store: KnowledgeStore) -> list[tuple[Passage, str]]:
    """The lines of the hours table under the passage's heading on its page, Monday first."""
    snap = store.snapshot(passage.collection)
    if snap is None:
        return []
    lines: dict[str, tuple[Passage, str]] = {}
    for row, text in enumerate(snap.texts):
        if snap.sources[row] != passage.url or snap.sections[row] != passage.section:
            continue
        for line in _answer_sentences(text):
            if _hours_line(line):
                lines.setdefault(" ".join(line.lower().split()), (passage, line))
    return sorted(lines.values(), key=lambda item: _first_day(item[1]))


def _hours_line(sentence: str) -> bool:
    """A line of an hours table: it starts with the days it gives the hours of ("Tuesday –
    Saturday: 8:30am – 4:30pm"); a sentence ("We are open Monday to Friday…") is no line."""
    return bool(_DAY.match(sentence) or _EVERY_DAY.match(sentence)) and says_hours(sentence)


def _first_day(line: str) -> int:
    """The weekday (0 is Monday) an hours line starts from; -1 for every day."""
    day = _DAY.search(line)
    return day_index(day[1]) if day and not _EVERY_DAY.match(line) else -1


def _hours_under_headings(chosen: list[tuple[Passage, str]]) -> list[tuple[Passage, str]]:
    """Opening hours from two tables are each said under the table's heading when it names what
    they are the hours of: "Grooming salon: Monday Closed. … Daycare: Monday – Friday 7:00am –
    6:00pm.", not two weeks that disagree ("Opening hours" says nothing more)."""
    tables = {(p.section or "").strip().lower() for p, sentence in chosen if says_hours(sentence)}
    if len(tables) < 2:
        return chosen
    result, headed = [], set()
    for passage, sentence in chosen:
        heading = (passage.section or "").strip()
        if (
            heading
            and says_hours(sentence)
            and heading.lower() not in headed
            and heading.lower() not in sentence.lower()
            and not _HOURS_HEADING.search(heading)
        ):
            headed.add(heading.lower())
            sentence = f"{heading}: {sentence}"
        result.append((passage, sentence))
    return result


# A heading that only says hours follow ("Opening hours", "Hours", "Opening times")
_HOURS_HEADING = re.compile(
    r"^\W*(?:our\s+)?(?:(?:opening|business|office|trading)\s+)?(?:hours|times)\W*$"
    r"|^\W*(?:when we'?re open|opening)\W*$",
    re.IGNORECASE,
)


def _from_profile(
    fact: ProfileFact,
    settings: BotSettingsPublic,
    question: str,
    *,
    embedder: Embedder,
    store: KnowledgeStore,
) -> Answer:
    """The detail from Settings, citing the contact page set there, else the site's page that
    shows the same detail (none when no page does: the answer stands on the settings)."""
    if settings.contact_page_url:  # nothing to search for: the page to cite is set
        return Answer(text=fact.text, sources=_contact_citation(settings), score=1.0)
    passages = search(question, top_k=TYPED_TOP_K, embedder=embedder, store=store)
    showing = next((p for p in passages if shows(p.text, fact)), None)
    if showing is None:
        showing = next(
            (
                p
                for p in search(fact.value, top_k=5, embedder=embedder, store=store)
                if shows(p.text, fact)
            ),
            None,
        )
    sources = [Citation(title=showing.title, url=showing.url)] if showing else []
    return Answer(text=fact.text, sources=sources, passages=passages, score=1.0)


def select_sentences(
    question: str,
    passages: list[Passage],
    *,
    embedder: Embedder,
    kind: str | None = None,
    weights: dict[str, float] | None = None,
    store: KnowledgeStore | None = None,
) -> tuple[list[tuple[Passage, str]], float]:
    """The sentences that best answer the question, in reading order, and the best score.

    A sentence's score blends its similarity to the question with its passage's (a
    sentence is read in its passage's context) plus a little for shared words; it is what
    the answer threshold applies to: passages on the topic that do not contain an answering
    sentence score low, and the bot declines.
    """
    # A price is the price of the asked-for thing: the question's most specific word is
    # said in the sentence or its heading ("Catering: … €14.50 per person"), not only
    # some other amount on the same page (a room's price for "how much is catering?").
    item = (
        rarest_subject_word(question, store, _priced(passages))
        if kind == "price" and store
        else None
    )
    # "Do you sell X?" is answered by a sentence that sells it (or prices it), not by a blog
    # post's tips on using X.
    sells = bool(_ASKS_SALE.search(question))
    split = [_answer_sentences(passage.text) for passage in passages]
    # "How much is a 30 min piano lesson for the term?": a fee table's row for any instrument
    # ("30 minutes — Fall or winter term: $490; …") prices it, though it does not say "piano"
    minutes = asked_minutes(question) if kind == "price" else None
    # "a 6kg shih tzu", "a 1.2 litre Corsa": the row of the size it falls in ("Small under 10
    # kg — …", "Small car up to 1,400cc — …")
    measure = asked_measure(question) if kind == "price" else None
    candidates = [
        (index, position, sentence)
        for index, passage in enumerate(passages)
        for position, sentence in enumerate(split[index])
        if (kind is None or _answers_type(kind, question, sentence, passage))
        and (
            item is None
            or _names_priced(item, passage, split[index], position)
            or (minutes is not None and says_minutes(minutes, sentence))
            or (measure is not None and fits_measure(measure, sentence))
        )
        and (not sells or _says_sale(f"{passage.title} {passage.section} {sentence}"))
    ]
    if kind == "year":
        # "How long have you been going?" is answered by "Derek Haigh opened Kirkgate Motors in
        # 1987", not by "Our tester has been testing since 2004", when a sentence says how
        # the business began
        candidates = _narrowed(candidates, lambda sentence: bool(_FOUNDED.search(sentence)))
    if kind == "count" and _ASKED_COUNT.match(question):
        # "How many km before I replace my runners?": a sentence counting km, when one does,
        # not one that counts cameras beside a 60-minute assessment
        candidates = _narrowed(candidates, lambda sentence: _counts_asked(question, sentence))
    period = _PER_PERIOD.search(question) if kind == "count" else None
    if period:
        # "How many classes a week?" is answered by a count a week, not "8 classes per month"
        candidates = _narrowed(candidates, lambda sentence: _says_period(period[1], sentence))
    doing = _ASKS_WHO_DOES.search(question) if kind == "person" else None
    if _asks_owner(question):
        doing = None  # "Who runs the school?" asks who owns or directs it, not who runs a class
    elif kind == "person":
        # "Who teaches violin?" is answered from the team card of the person who does it
        # ("Sofia Lindqvist" / "Violin Sofia is a Suzuki-trained violinist…"), not by "Our
        # violin teacher is trained in the Suzuki method", when a card speaks of it
        what = content_words(question[doing.end() :]) - _PHRASING_OBJECTS if doing else set()
        candidates = [
            c
            for c in candidates
            if _on_card(passages[c[0]], c[2])
            and all(
                says_word(word_stem(word), f"{passages[c[0]].section or ''} {passages[c[0]].text}")
                for word in what
            )
        ] or candidates
    if doing:
        # "Who runs the puppy club?": the sentence that says who runs it ("Rawiri runs the
        # daycare floor and the Puppy Club"), not the club's own description, when one does
        does, what = _does(doing[1]), content_words(question[doing.end() :])
        candidates = _narrowed(
            candidates,
            lambda sentence: (
                bool(does.search(sentence))
                and any(says_word(word_stem(word), sentence) for word in what - _PHRASING_OBJECTS)
            ),
        )
    if _ASKS_DISCOUNT.search(question):
        # "I'm a student, do I get any discount?" is answered by "Students … get 20% off any
        # pass", not by the price of the Intro Month for new students, when a sentence says one
        candidates = _narrowed(candidates, lambda sentence: bool(_DISCOUNT.search(sentence)))
    if minutes is not None:
        # and the price of the asked length, not of another ("$65 for an hour" beside the
        # 30-minute lesson's), when a sentence says it
        candidates = _narrowed(candidates, lambda sentence: says_minutes(minutes, sentence))
    if measure is not None:
        candidates = _narrowed(candidates, lambda sentence: fits_measure(measure, sentence))
    day = asked_day(question)
    if day is not None:
        # "Are you open on Sundays?" is answered by the hours that say Sunday ("Sunday:
        # Closed."), not a summary of the weekdays, when a sentence says it
        candidates = _narrowed(candidates, lambda sentence: says_day(day, sentence))
    if _asks_hours(question):
        # "How early do you open?" is answered by the opening hours ("Monday – Thursday
        # 7.30am – 5.30pm"), not by when the phones are answered or cars dropped off
        candidates = _narrowed(candidates, says_hours)
    if asks_time(question):
        # "What time does the van come in the morning?" is answered by the sentence giving
        # the van's times ("between 7:00am and 8:30am"), not "We can pick your dog up in the
        # morning", when one does
        candidates = _narrowed(candidates, says_time)
    if not candidates:
        return [], 0.0
    vectors = embedder.embed_cached([sentence for _, _, sentence in candidates])
    question_vector = embedder.embed_query(question)
    similarities = vectors @ question_vector
    # A price is read under its heading: "€14.50 per person" is the catering's price only
    # with "Catering" in front of it; a FAQ's answer under its question ("We collect and
    # deliver bikes…" answers "Can you pick up my bike?" as the answer to "Can you collect
    # my bike?"). Any other sentence is read under its heading (or page title) too: "Please
    # write to our practice manager…" says how to complain under "Complaints", and "Most
    # clients pop in for a toner every 8 to 10 weeks" how often balayage needs toning under
    # its page's title, "Balayage or highlights".
    contextual = [
        i
        for i, (index, _, _) in enumerate(candidates)
        if kind == "price" or passages[index].section or passages[index].title
    ]
    if contextual:
        in_context = embedder.embed_cached(
            [_in_context(passages[candidates[i][0]], candidates[i][2]) for i in contextual]
        )
        similarities = similarities.copy()
        alone, read = similarities[contextual], in_context @ question_vector
        share = 1.0 if kind == "price" else CONTEXT_SHARE
        similarities[contextual] = np.maximum(alone, alone + share * (read - alone))
    question_words = content_words(question)
    scored = []
    for (index, position, sentence), similarity in zip(candidates, similarities, strict=True):
        # a price's words are read with its heading too ("Set lunch": "Two courses $39")
        read = _in_context(passages[index], sentence) if kind == "price" else sentence
        overlap = (
            _weighted_overlap(question_words, read, weights)
            if weights
            else _overlap(question_words, content_words(read))
        )
        score = (
            SENTENCE_WEIGHT * float(similarity)
            + PASSAGE_WEIGHT * passages[index].score
            + OVERLAP_WEIGHT * overlap
        )
        scored.append((score, index, position, sentence))
    scored.sort(reverse=True)
    best, best_url = scored[0][0], passages[scored[0][1]].url
    # A second sentence only from the same page: no fragments of two pages glued together.
    # A sentence said once: a chunk repeats its neighbour's last sentence as overlap, and
    # both copies would otherwise score alike and be said twice.
    chosen, said = [], set()
    for item in scored:
        key = " ".join(item[3].lower().split())
        if item[0] < best - SENTENCE_MARGIN or passages[item[1]].url != best_url or key in said:
            continue
        said.add(key)
        chosen.append(item)
    chosen = _without_restatements(chosen)[:MAX_SENTENCES]
    chosen.sort(key=lambda item: (item[1], item[2]))
    chosen = _whole_faq_answer(
        _with_continuations(_without_gap(chosen, passages), passages), passages
    )
    result: list[tuple[Passage, str]] = []
    length = 0
    for _, index, _, sentence in chosen:
        if result and length + len(sentence) > MAX_ANSWER_CHARS:
            break
        result.append((passages[index], sentence))
        length += len(sentence) + 1
    return result, best


def _priced(passages: list[Passage]) -> list[Passage]:
    """The passages that say an amount, when one does: the priced thing is a word of theirs,
    not the visitor's suburb or breed ("the pick-up van from Halswell", which only the zone
    list says)."""
    return [p for p in passages if _MONEY.search(p.text)] or passages


# A card of its own (a heading, a few sentences): its description names what its price line
# prices ("Lakeshore Youth Singers: Our children's choir, … $180 fall or winter term.")
_CARD_SENTENCES = 6


def _names_priced(item: str, passage: Passage, sentences: list[str], position: int) -> bool:
    """Whether the priced thing is said with the passage's sentence at `position` (of its
    `_answer_sentences`): in it, its heading or page title, or in an earlier sentence of a
    short passage under a heading of its own."""
    sentence = sentences[position]
    if says_word(item, f"{passage.title} {passage.section} {sentence}"):
        return True
    if not passage.section or passage.section == passage.title:
        return False
    if len(sentences) > _CARD_SENTENCES or not _MONEY.match(
        re.sub(r"^(?:from|only|just)\s+", "", sentence, flags=re.IGNORECASE)
    ):
        return False  # a price line ("$180 fall or winter term."), not any sentence after it
    return any(says_word(item, before) for before in sentences[:position])


# A sentence that goes on from the one before it: "Tables of 1 to 7: please give us at least
# 24 hours' notice. If you cancel later than that or don't turn up, we may charge $30 …"
_CONTINUES = re.compile(
    r"^(?:if (?:you|we|they)\b[^.]*\b(?:than that|after that|before that|that|this|then)\b"
    r"|after that\b|otherwise\b|beyond that\b|in that case\b|if not\b|failing that\b)",
    re.IGNORECASE,
)


def _with_continuations(
    chosen: list[tuple[float, int, int, str]], passages: list[Passage]
) -> list[tuple[float, int, int, str]]:
    """Each chosen sentence with the next one of its passage when that one goes on from it
    ("If you cancel later than that …"), and a chosen sentence that goes on from the one
    before it with that one, unless it is chosen already."""
    result = []
    taken = {(item[1], item[2]) for item in chosen}
    for item in chosen:
        sentences = _answer_sentences(passages[item[1]].text)
        before = item[2] - 1
        if before >= 0 and (item[1], before) not in taken and _CONTINUES.match(item[3]):
            taken.add((item[1], before))
            result.append((item[0], item[1], before, sentences[before]))
        result.append(item)
        following = item[2] + 1
        if (
            following < len(sentences)
            and (item[1], following) not in taken
            and _CONTINUES.match(sentences[following])
        ):
            taken.add((item[1], following))
            result.append((item[0], item[1], following, sentences[following]))
    return result


def _is_faq_entry(passage: Passage) -> bool:
    """Whether the passage is one FAQ entry: an answer under its question."""
    return (passage.section or "").rstrip().endswith("?")


def _whole_faq_answer(
    chosen: list[tuple[float, int, int, str]], passages: list[Passage]
) -> list[tuple[float, int, int, str]]:
    """A FAQ's answer read from is said whole when it is short: "Of course. Sometimes a teacher
    and student just aren't the right fit." left out what to do ("Talk to Priya at the front
    desk and we will move you at no charge")."""
    if not chosen or len({item[1] for item in chosen}) != 1:
        return chosen
    index = chosen[0][1]
    if not _is_faq_entry(passages[index]):
        return chosen
    sentences = _answer_sentences(passages[index].text)
    if sum(len(sentence) + 1 for sentence in sentences) > MAX_ANSWER_CHARS:
        return chosen
    best = max(item[0] for item in chosen)
    return [(best, index, position, sentence) for position, sentence in enumerate(sentences)]


def _without_gap(
    chosen: list[tuple[float, int, int, str]], passages: list[Passage]
) -> list[tuple[float, int, int, str]]:
    """Two sentences of one passage with one between them are said with it, when the three fit:
    "We work with all UK pet insurers. Direct claims are free of charge." left out the
    sentence between them, the one that says how ("For treatment over £300 we can claim
    directly from your insurer …"), and read as two fragments glued together."""
    if len(chosen) != 2 or chosen[0][1] != chosen[1][1] or chosen[1][2] - chosen[0][2] != 2:
        return chosen
    first, last = chosen
    sentences = _answer_sentences(passages[first[1]].text)
    middle = sentences[first[2] + 1] if first[2] + 1 < len(sentences) else ""
    if not middle or len(first[3]) + len(middle) + len(last[3]) + 2 > MAX_ANSWER_CHARS:
        return chosen
    return [first, (min(first[0], last[0]), first[1], first[2] + 1, middle), last]


def _without_restatements(
    chosen: list[tuple[float, int, int, str]],
) -> list[tuple[float, int, int, str]]:
    """The chosen sentences less any whose every word another of them says too: the hours
    table's row "Monday – Friday: 9:00 am – 6:00 pm." beside "Our business hours are Monday to
    Friday from 9:00 am to 6:00 pm and Saturday …" said the hours twice. Of two sentences with
    the same words, the better-scored one stays."""
    words = [content_words(item[3]) for item in chosen]
    return [
        item
        for i, item in enumerate(chosen)
        if not words[i]
        or not any(
            j != i and words[i] <= words[j] and (words[i] != words[j] or j < i)
            for j in range(len(chosen))
        )
    ]


# A percentage is a price only said as one ("15% off", "a deposit of 50%", "we charge 50% of
# the booked service", "21% VAT"), not "store the battery at 30% charge" or "85% of the diet".
_MONEY = re.compile(
    r"[$€£]\s?\d|\d\s?(?:€|eur\b|euros?\b|usd\b|gbp\b|dollars?\b|pounds?\b)|\bfree\b"
    r"|\bno charge\b|\bno fee\b"
    # "we charge the full appointment fee", "half price", "refunded in full"
    r"|\b(?:full|half|whole)\s+(?:\w+\s+)?(?:fee|price|cost|amount|rate)\b|\bin full\b"
    r"|\d\s?(?:%|percent\b)\s*(?:off|discount|vat|surcharge|deposit)\b"
    r"|\d\s?(?:%|percent\b)\s*(?:service|booking|card|cancellation|late|admin|processing)"
    r"\s+(?:charge|fee)\b"
    r"|\b(?:charge[ds]?|deposit of|discount of|vat at|fee of|surcharge of|refund of|save|saves|"
    r"get|gets)\s+(?:up to\s+)?\d+(?:\.\d+)?\s?(?:%|percent\b)",
    re.IGNORECASE,
)
_ASKS_DISCOUNT = re.compile(
    r"\b(?:discounts?|discounted|concessions?|deals?(?! with\b)|money off)\b", re.IGNORECASE
)
_DISCOUNT = re.compile(
    r"\d\s?(?:%|percent\b)|\bdiscount|\bconcession|\b(?:save|saves|saving)\b|\bhalf[- ]price\b"
    r"|\d\s+off\b|\breduced\b|\b(?:normally|usually|instead of)\s+[$€£]\s?\d|\bfree\b",
    re.IGNORECASE,
)
# Business and tax registration numbers' names, which a visitor asks for as they are written
_IDENTIFIERS = r"(?:ABN|ACN|NZBN|EIN|VAT|GST|HST|KvK|BTW|UTR|CRN|TIN|SIRET|SIREN|IBAN|AHPRA)\b"
# … or by what kind of number they are ("company number", "tax id")
_NUMBERED = r"(?:tax|company|registration|charity|licen[cs]e|provider|business)"
# (what in the question asks for it, what a sentence that answers it holds)
# "If I email you, how long before I get a reply?" asks how soon, not for the address; "what
# hours can I ring you?" asks when, not for the number
_NOT_HOW_SOON = (
    r"(?!.*\b(?:how (?:long|soon|quickly|fast)|when (?:will|can)|what (?:hours|times?|days)"
    r"|until|till)\b)"
)
_ANSWER_TYPES: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    # A business's registration or tax number: "What is your ABN?", "what's your VAT number?"
    "identifier": (
        re.compile(
            r"^\s*(?:what(?:'s| is| are)|whats|can i (?:have|get)|could i (?:have|get)|"
            r"do you have|tell me)\s+(?:your|the)\s+(?:company\s+|business\s+)?"
            rf"(?:{_IDENTIFIERS}|{_NUMBERED}\s+(?:number|no\.?|id)\b)",
            re.IGNORECASE,
        ),
        re.compile(r"\b(?:[A-Z]{2})?\d[\d .-]{4,}\d\b"),
    ),
    "email": (
        re.compile(
            rf"^{_NOT_HOW_SOON}.*?(?:\b(?:your|an?|the) e-?mail(?: address)?\b|\be-?mail address\b"
            r"|\be-?mail you\b)",
            re.IGNORECASE,
        ),
        re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"),
    ),
    "phone": (
        re.compile(
            rf"^{_NOT_HOW_SOON}.*?\b(?:phone number|your phone|telephone|call you|ring you|"
            r"what number|which number|number (?:can|do|should) i call|"
            r"(?:what(?:'s| is)|whats) the (?:mobile |text |whatsapp )?number(?:\s+(?:for|to)\b.*)?\s*[?.!]*\s*$)",
            re.IGNORECASE,
        ),
        re.compile(r"\+?\(?\d[\d ()./-]{6,}\d"),
    ),
    "address": (
        re.compile(
            r"\b(?:your address|street address|postal address|where are you|located|"
            r"where(?: exactly)?(?:'s| is) (?:exactly )?(?:the|your) (?:studio|office|shop|store|"
            r"clinic|space|practice|salon|restaurant|gym|surgery|building))\b",
            re.IGNORECASE,
        ),
        re.compile(r"\b\d+[a-z]?\s+[A-Z][\w'-]+|\b[A-Z][\w'-]+\s+\d+[a-z]?\b|\b[A-Z]{1,2}\d"),
    ),
    "price": (
        re.compile(
            r"^(?!.*\b(?:vat|gst|hst|tax|discount|included|include|refund|cheaper)\b).*"
            r"\b(?:how much(?!\s+(?!(?:is|are|do|does|did|will|would|for|to|it|they|r)\b)"
            r"[\w'-]+\s+(?:should|do|does|did|can|could|will|would|must|shall)\b)|cost|costs|"
            # "what did the inspectors rate you?" asks for no price
            r"price|prices|pricing|fee|fees|charge|charges|rate(?!\s+(?:you|us|them|it)\b)|rates)\b",
            re.IGNORECASE,
        ),
        _MONEY,
    ),
    "count": (
        re.compile(r"^\s*how many\b", re.IGNORECASE),
        re.compile(
            r"\b(?:\d+|once|twice|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            r"fifteen|twenty|thirty|forty|fifty|hundred|dozen)\b",
            re.IGNORECASE,
        ),
    ),
    "year": (
        re.compile(
            r"^\s*(?:when (?:did|was|were)|since when|(?:in )?what year|which year)\b.*\b(?:open|opened|start|"
            r"started|found|founded|establish|established|begin|began|launch|launched|set up)"
            r"(?:\s+(?:up|trading|in business|(?:its|your|the) doors))?\s*[?.!]*\s*$"
            r"|\bhow long have you been (?:open|around|in business|going|running)\b",
            re.IGNORECASE,
        ),
        re.compile(r"\b(?:18|19|20)\d\d\b"),
    ),
    "person": (
        re.compile(
            r"^\s*who\b.*\b(?:found|founded|started|own|owns|run|runs|manage|manages|"
            r"manager|owner|founder|teach|teaches|lead|leads|head|make|makes|cook|cooks|bake|"
            r"bakes)"
            # "Which physio should I see for my shoulder?" asks for a person too
            r"|^\s*which\s+(?!(?:class|classes|course|session|treatment|option|package|plan|"
            r"room|branch|clinic|location|day|time|service)\b)\w+\s+(?:should|do|can|could|"
            r"would)\s+(?:i|we)\s+(?:see|ask for|go to)\b"
            # "which of your dentists does Invisalign?", "are any of your teachers physios?"
            r"|\b(?:which|any|who) of (?:your|the) (?:dentists|doctors|vets|teachers|"
            r"instructors|tutors|trainers|coaches|therapists|physios|stylists|groomers|"
            r"hygienists|nurses|staff|team|carers|chefs|mechanics|technicians)\b",
            re.IGNORECASE,
        ),
        # a capitalised name that starts no sentence nor a list's item ("…; Brake fluid change")
        re.compile(
            r"(?<![.!?;]\s)(?<!^)\b(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
            r"January|February|March|April|May|June|July|August|September|October|November|"
            r"December)s?\b)[A-Z][a-zà-ÿ]+(?:\s+(?:van|de|der|von)?\s*[A-Z][a-zà-ÿ]+)?"
        ),
    ),
}


# "What brand of shampoo do you use?" is answered by a sentence naming one (a capitalised name
# that does not start the sentence), about the asked thing: "digital pianos" names no brand.
_ASKS_BRAND = re.compile(
    r"\b(?:what|which)\s+(?:brands?|makes?)\s+(?:of\s+)?(?P<thing>[a-z][a-z -]*?)"
    r"(?:\s+(?:do|does|did|are|is|will|would|should|can)\b|\s*[?.!]*\s*$)",
    re.IGNORECASE,
)
_ANSWER_TYPES["brand"] = (_ASKS_BRAND, _ANSWER_TYPES["person"][1])

# "When does winter term start?" is answered by a sentence that says a day, a date or a time
# ("Winter 2027 — First lesson: Monday, January 4, 2027"), not by one about the term that
# says none ("New students can still register for the winter term.").
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# A date: "January 4", "18th of December", "4/1"
_DATE = (
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
    r"|\b\d{1,2}/\d{1,2}\b"
)
_ANSWER_TYPES["start"] = (
    re.compile(
        r"^\s*when\s+(?:does|do|will|is|are)\s+(?!(?:you|i|we)\b)[\w' -]+?\s+"
        r"(?:start|starts|begin|begins|commence|commences|kick off|kicks off)\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"{_DATE}"
        r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b|\b\d{1,2}(?::\d\d)?\s*[ap]\.?m\b"
        r"|\b\d{1,2}:\d\d\b"
        # a month alone ("begins in April"), capitalised: "may" is also a verb
        r"|(?-i:\b(?:January|February|March|April|May|June|July|August|September|October|"
        r"November|December)\b)",
        re.IGNORECASE,
    ),
)

# "How old is the building?" is answered by a sentence that says when it was built or how
# old it is ("The sail loft was built in 1893"), not how big it is; "how old must my child
# be?" and "how old is too old to start?" ask for an age limit, which the rest reads
_ANSWER_TYPES["age"] = (
    re.compile(r"^\s*how old (?:is|are|was|were) (?!too\b)\w+", re.IGNORECASE),
    re.compile(
        r"\b(?:1[5-9]|20)\d\d\b|\b\d+\s+years?\s+old\b|\b(?:\d+(?:st|nd|rd|th)|\w+teenth)[- ]century\b",
        re.IGNORECASE,
    ),
)

# "How far are you from the station?" is answered by a sentence that gives a distance or a
# time to walk or drive ("a five-minute walk"), not by the street address
_ANSWER_TYPES["distance"] = (
    re.compile(r"^\s*how far\b(?!\s+(?:in advance|ahead|before|back|along|up))", re.IGNORECASE),
    re.compile(
        r"\b\d+(?:[.,]\d+)?\s*(?:-\s*)?(?:km|kilomet|miles?\b|metres?\b|meters?\b|m\b|minutes?\b"
        r"|mins?\b)|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty)"
        r"[- ](?:minute|min|mile|kilometre|kilometer|km)s?\b|\bwalking distance\b|\bnext door\b"
        r"|\bopposite\b|\bacross the (?:road|street)\b|\baround the corner\b",
        re.IGNORECASE,
    ),
)

# "Which dates count as peak season?" is answered by a sentence that gives dates ("18 December
# to 10 January"), not one that says only weekdays
_ANSWER_TYPES["date"] = (
    re.compile(r"^\s*(?:which|what) dates?\b", re.IGNORECASE),
    re.compile(_DATE, re.IGNORECASE),
)

# A contact line that says what it is (extraction writes them so: ingest/extract.py).
_LABELS = {
    "email": re.compile(r"^e-?mail\s*:", re.IGNORECASE),
    "phone": re.compile(r"^(?:phone|tel|telephone)\s*:", re.IGNORECASE),
    "address": re.compile(r"^address\s*:", re.IGNORECASE),
}


# "Who owns / founded X?" is answered by a name said with its part in the business
# ("Morag Reid opened X", "founded by …", a team card headed "… – Principal dentist"), not by
# any sentence with a capitalised word in it ("X is a salon in Glasgow's West End").
_ASKS_OWNER = re.compile(
    r"\b(?:found|founded|started|own|owns|owner|set up|established|opened)\b",
    re.IGNORECASE,
)
# The words that say someone owns or founded a business
_OWNER_WORDS = re.compile(
    r"\b(?:found(?:ed|er|ers|ing)|co-?founder|own(?:er|ers|ed|s)|director|principal|proprietor)\b",
    re.IGNORECASE,
)
# "Who runs the school?": the business itself run, which its owner or director does
_RUNS_BUSINESS = re.compile(
    r"^\s*who(?:'s| is)?\s+(?:runs|run|manages|heads|leads|is in charge of)\s+(?:the|this|your)\s+"
    r"(?:school|business|garage|clinic|practice|salon|studio|shop|store|restaurant|gym|place|"
    r"company|centre|center|surgery|cafe|café|bakery)\s*[?.!]*\s*$",
    re.IGNORECASE,
)


def _asks_owner(question: str) -> bool:
    """Whether a "who" question asks who owns, founded or runs the business."""
    return bool(_ASKS_OWNER.search(question) or _RUNS_BUSINESS.search(question))


# What a "who" question asks the person does ("Who runs the puppy club?", "who teaches
# violin?"), said in the answer's sentence when one says it
_ASKS_WHO_DOES = re.compile(
    r"^\s*who(?:'s| is)?\b.*?\b(runs?|leads?|teach(?:es)?|manages?|makes?|cooks?|bakes?|"
    r"heads?)\b",
    re.IGNORECASE,
)
_PHRASING_OBJECTS = frozenset(["you", "your", "here", "there", "it", "them", "one", "ones"])


def _does(verb: str) -> re.Pattern[str]:
    """A sentence saying the verb in any person: "runs" for "run", "teaches" for "teach"."""
    stem = re.sub(r"(?:es|s)$", "", verb.lower())
    return re.compile(rf"\b{stem}(?:s|es)?\b", re.IGNORECASE)


# A manager, a head nurse or whoever runs a clinic is not thereby its owner or founder ("Who
# owns the practice?" is not answered by "our practice manager, Sam Okafor").
_OWNER_ROLE = re.compile(
    r"\b(?:found\w*|start\w*|open(?:ed|er|ers)?\b|own(?:s|ed|er|ers|ing)\b|set up|"
    r"establish\w*|launch\w*|"
    r"(?:run|led|managed|headed) by|"
    r"director|principal|proprietor|partner|ceo)\b",
    re.IGNORECASE,
)

# "When did you open?" is answered by a year said with how the business began ("opened in
# 2014", "founded in 2011 by …"), not by a blog post's date: such a sentence is the answer
# whatever its score, the way a labelled contact line is.
_BEGAN = re.compile(
    r"\b(?:found(?:ed|ing)|open(?:ed|ing)|start(?:ed|ing)|establish(?:ed)|launch(?:ed)|"
    r"set up|since|began|begun)\b",
    re.IGNORECASE,
)

_FOUNDED = re.compile(
    r"\b(?:found(?:ed|ing)|open(?:ed|ing)|establish(?:ed)|set up|launch(?:ed))\b", re.IGNORECASE
)

_ASKS_SALE = re.compile(
    r"\b(?:do|does|will|would)\s+(?:you|they|the \w+)\s+(?:sell|stock)\b|\bcan i buy\b",
    re.IGNORECASE,
)
_SALE = re.compile(
    r"\b(?:sell|sells|sold|selling|buy|bought|buying|purchase\w*|stock\w*|shop|store|retail|"
    r"order|available)\b",
    re.IGNORECASE,
)


_NOT_A_COUNT = re.compile(
    r"[$€£]\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|%)|\b\d{1,2}[:.]\d\d\b|\b(?:19|20)\d\d\b"
    r"|\bone (?:of|another)\b"  # "one of our vets" counts nothing
    r"|\b(?:ages?|aged)\s+\d+(?:\s*(?:[–—-]|to)\s*\d+|\+)?",  # "(ages 6–9)" neither
    re.IGNORECASE,
)
# "How many dogs can stay?" is not answered by "allow 48 hours" or "within 12 months": a number
# of a unit of time, distance or weight counts only when the question asks for that unit
# ("How many hours should I set aside?" is answered by "three to four hours").
_NUMBER_WORDS = (
    r"\d+(?:[.,]\d+)?|a few|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|hundred"
)
_MEASURE = re.compile(
    rf"\b(?:{_NUMBER_WORDS})(?:\s*(?:to|-|–|or|and)\s*(?:{_NUMBER_WORDS}))?[\s-]*"
    r"(?P<unit>second|minute|min|hour|hr|day|night|week|fortnight|month|year|yr|km|kilometre|"
    r"kilometer|mile|metre|meter|cm|mm|kg|kilo|gram|g|litre|liter|ml)s?\b",
    re.IGNORECASE,
)
_UNIT_AFTER = re.compile(r"(?:second|minute|min|hour|day|night|week|month|year)s?$", re.IGNORECASE)
_ASKED_COUNT = re.compile(r"^\s*how many\s+(?P<noun>[a-z]+)", re.IGNORECASE)
# "How many people fit in the studio?" asks how many a place holds: "The main studio holds 24
# mats", not "I had six students in my first class".
_ASKS_CAPACITY = re.compile(
    r"^\s*how many\b.*\b(?:fit|fits|hold|holds|seat|seats|accommodate|accommodates|sleep|"
    r"sleeps)\b",
    re.IGNORECASE,
)
_CAPACITY = re.compile(
    r"\b(?:holds?|seats?|seating|fits?|sleeps?|accommodates?|capacity|room for|up to|"
    r"maximum|max|limited to|no more than|at most)\b",
    re.IGNORECASE,
)


def _says_sale(text: str) -> bool:
    return bool(_SALE.search(text) or _MONEY.search(text))


def _pronoun_under_name(passage: Passage, sentence: str) -> bool:
    """A team card's sentence that begins with "He"/"She"/"They" or the first name under a
    heading that is a full name ("Tom Okafor" / "He has a special interest in shoulders", "Dr
    Tom Fielding" / "Tom is our Invisalign provider")."""
    names = _heading_names(passage)
    return len(names) >= 2 and (
        bool(_PRONOUN.match(sentence)) or bool(re.match(rf"{names[0]}\b", sentence))
    )


def _on_card(passage: Passage, sentence: str) -> bool:
    """Whether the sentence is on a team card: under a heading that is a full name, it calls
    the person by their first name or "he"/"she"/"they"."""
    names = _heading_names(passage)
    return len(names) >= 2 and (
        bool(_PRONOUN.match(sentence)) or bool(re.search(rf"\b{names[0]}\b", sentence))
    )


def _heading_names(passage: Passage) -> list[str]:
    """The capitalised words of the passage's heading ("Tom", "Okafor"), without a title
    ("Dr")."""
    words = re.findall(r"\b[A-Z][a-zà-ÿ]+\b", (passage.section or "").strip())
    return [word for word in words if word not in _TITLES]


_TITLES = frozenset(["Dr", "Mr", "Mrs", "Ms", "Miss", "Mx", "Prof", "Professor", "Sir", "Dame"])


_PRONOUN = re.compile(r"(?:he|she|they)\b", re.IGNORECASE)


def _with_full_name(passage: Passage, sentence: str) -> str:
    """A team card's sentence that calls someone by their first name under a heading with their
    full name says the heading first: "Dr Rhian Morgan BVSc MRCVS: Clinical director and owner
    Rhian founded Fernbrook in 2009." (the visitor asked who, and "Rhian" alone is half of it)."""
    heading = (passage.section or "").strip()
    names = _heading_names(passage)
    if len(names) < 2 or heading.lower() in sentence.lower():
        return sentence
    if _PRONOUN.match(sentence):
        return f"{heading}: {sentence}"
    if not any(re.search(rf"\b{name}\b", sentence) for name in names[:-1]):
        return sentence
    if all(re.search(rf"\b{name}\b", sentence) for name in names):
        return sentence
    return f"{heading}: {sentence}"


_ASKS_HOURS = re.compile(
    r"\b(?:open|opens|opening|close|closes|closing|closed|shut|hours|times?|late|early)\b",
    re.IGNORECASE,
)
# A day's full name in any case, or its capitalised short form ("Mon", not "the sun")
_A_DAY = (
    r"(?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
    r"|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\b\.?)"
)
_DAY = re.compile(rf"\b({_A_DAY})")
_DAY_RANGE = re.compile(rf"\b({_A_DAY})\s*(?:to|-|–|—|through|until|till|thru)\s*({_A_DAY})")
_EVERY_DAY = re.compile(
    r"\b(?:every day|daily|7 days|seven days|all week|each day)\b", re.IGNORECASE
)
_CLOSED = re.compile(r"\bclosed\b", re.IGNORECASE)
_OPEN_OR_CLOSED = re.compile(r"\b(?:open|opens|opening|close|closes|closed|hours)\b", re.IGNORECASE)


# A length of time: "30 min", "a 45-minute lesson", "an hour-long lesson", "1.5 hours",
# "half an hour", "an hour and a half"
_DURATION = re.compile(
    r"\b(?:(?P<n>\d+(?:\.\d+)?)\s*-?\s*(?P<unit>minutes?|mins?|hours?|hrs?)\b"
    r"|(?P<half>half[- ]an?[- ]hour|half-hour)\b"
    r"|(?P<one>an?|one)\s*-?\s*(?:hour|hr)\b(?P<more>\s+and\s+a\s+half)?)",
    re.IGNORECASE,
)


def _durations(text: str) -> set[int]:
    """The lengths of time a text says, in minutes."""
    found = set()
    for match in _DURATION.finditer(text):
        if match["n"]:
            amount = float(match["n"]) * (60 if match["unit"].lower().startswith("h") else 1)
            found.add(round(amount))
        elif match["half"]:
            found.add(30)
        else:
            found.add(90 if match["more"] else 60)
    return found


def asked_minutes(question: str) -> int | None:
    """The one length of time a question asks about, in minutes ("a 30 min piano lesson")."""
    lengths = _durations(question)
    return next(iter(lengths)) if len(lengths) == 1 else None


def says_minutes(minutes: int, sentence: str) -> bool:
    return minutes in _durations(sentence)


# A weight or an engine size said with its unit: "30 kg", "6kg", "a 1.2 litre", "1.6l", "2,000cc",
# "3.5 tonnes"; in kilograms or cubic centimetres
_MEASURE_UNITS = {  # each unit the patterns below match, without a plural "s"
    "kg": ("kg", 1.0),
    "kilo": ("kg", 1.0),
    "tonne": ("kg", 1000.0),
    "cc": ("cc", 1.0),
    "litre": ("cc", 1000.0),
    "liter": ("cc", 1000.0),
    "l": ("cc", 1000.0),
}
_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
# the units of a size range in a sentence; litres are left out: "up to 5 litres of oil" is no
# engine size
_RANGE_UNITS = r"kgs?|kilos?|tonnes?|cc"
_ASKED_MEASURE = re.compile(rf"\b({_NUMBER})\s?({_RANGE_UNITS}|litres?|liters?|l)\b", re.IGNORECASE)
# "a 1.6 golf", "my 2.0 tdi": litres as a car's badge says them, not a length of time, a
# distance or a price ("1.5 hours", "2.5 km", "£1.50")
_BADGED_ENGINE = re.compile(
    r"(?<![£$€\d.,])\b([0-7]\.\d)\b(?!\s*(?:%|hours?|hrs?|h\b|km|kms|miles?|kg|kgs|m\b|"
    r"metres?|meters?|x\b|times|stars?|days?|weeks?|years?|months?|mins?|minutes?|per\b|pm|am))",
    re.IGNORECASE,
)
# a size range in a sentence: "20 to 40 kg", "1,401–2,000cc", "under 10 kg", "over 40 kg"
_RANGE_UNIT = rf"\s?({_RANGE_UNITS})\b"
_BETWEEN = re.compile(
    rf"({_NUMBER})\s?(?:{_RANGE_UNITS})?\s*(?:to|–|-|—)\s*({_NUMBER}){_RANGE_UNIT}",
    re.IGNORECASE,
)
_BELOW = re.compile(
    rf"\b(?:under|up to|below|less than|max(?:imum)?(?: of)?)\s+({_NUMBER}){_RANGE_UNIT}",
    re.IGNORECASE,
)
_ABOVE = re.compile(
    rf"\b(?:over|above|more than|at least|from)\s+({_NUMBER}){_RANGE_UNIT}", re.IGNORECASE
)


def _narrowed(
    candidates: list[tuple[int, int, str]], keeps: Callable[[str], bool]
) -> list[tuple[int, int, str]]:
    """The candidate sentences `keeps` says answer the question's detail (the asked day, length
    of time or size), or all of them when none does."""
    return [c for c in candidates if keeps(c[2])] or candidates


def _amount(number: str, unit: str) -> tuple[str, float]:
    kind, scale = _MEASURE_UNITS[unit.lower().removesuffix("s")]
    return kind, float(number.replace(",", "")) * scale


def asked_measure(question: str) -> tuple[str, float] | None:
    """The one weight or engine size a question says ("my 30kg lab": ("kg", 30.0)); an engine
    size said the way cars are badged, in litres with no unit ("a 1.6 golf")."""
    found = {_amount(m[1], m[2]) for m in _ASKED_MEASURE.finditer(question)}
    if not found:
        found = {_amount(m[1], "l") for m in _BADGED_ENGINE.finditer(question)}
    return next(iter(found)) if len(found) == 1 else None


def fits_measure(measure: tuple[str, float], sentence: str) -> bool:
    """Whether the sentence gives a size range the measure falls in ("Medium 10–25 kg" for
    20 kg)."""
    kind, value = measure
    ranges = []
    for match in _BETWEEN.finditer(sentence):
        low, high = _amount(match[1], match[3]), _amount(match[2], match[3])
        ranges.append((low[0], low[1], high[1]))
    sentence = _BETWEEN.sub(" ", sentence)
    for match in _BELOW.finditer(sentence):
        unit, high = _amount(match[1], match[2])
        ranges.append((unit, 0.0, high))
    for match in _ABOVE.finditer(sentence):
        unit, low = _amount(match[1], match[2])
        ranges.append((unit, low, float("inf")))
    return any(unit == kind and low <= value <= high for unit, low, high in ranges)


# A question asking for a time of day: "what time does the van come?", "how early do you
# open?", "what's the latest I can drop my dog off?"; not how long ahead ("how early can I
# book?", "by when do I re-register?") nor how much notice to give ("how late can I cancel?")
_ASKS_TIME = re.compile(
    r"^(?!.*\b(?:cancel\w*|notice|reschedul\w*|postpone|refund\w*)\b).*(?:"
    r"\bwhat time\b|\b(?:till|until) when\b"
    r"|\bhow (?:early|late)\s+(?:do|does|is|are|will|r)\b"
    r"|\bwhat(?:'s|s| is) the (?:latest|earliest)\s+(?:i|we|you|u|time|my|our|drop|pick|check)\b)",
    re.IGNORECASE,
)
_CLOCK_TIME = re.compile(
    r"\b\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\b|\b\d{1,2}:\d\d\b|\b(?:noon|midday|midnight)\b",
    re.IGNORECASE,
)


def asks_time(question: str) -> bool:
    """Whether the question asks for a time of day."""
    return bool(_ASKS_TIME.search(question))


def says_time(sentence: str) -> bool:
    """Whether a sentence gives a time of day ("7:30am", "9.30 pm", "18:00", "noon")."""
    return bool(_CLOCK_TIME.search(sentence))


def _asks_hours(question: str) -> bool:
    """Whether the question asks for the opening hours themselves, not something about them
    ("Which time zone are your opening hours in?")."""
    return (
        asks_opening_hours(question)
        and not _TIME_ZONE.search(question)
        and not _WHEN_CLOSED.search(question)
    )


# the hours asked for one thing in them ("Which evening are you open late?", "How early do
# you open?"): the lines that say it, not the whole week
_ASKS_WHEN = re.compile(
    r"\bwhich\b|\bwhat (?:days?|evenings?|nights?|mornings?)\b|\b(?:late|early|latest|earliest)\b",
    re.IGNORECASE,
)
_TIME_ZONE = re.compile(r"\btime ?zones?\b", re.IGNORECASE)
# "What should I do if I'm in pain on a Sunday when you're closed?" knows the hours: it asks
# what to do outside them
_WHEN_CLOSED = re.compile(
    r"\b(?:when|while|if) (?:you(?:'re| are)|you're|ur|u r|it's|it is) closed\b", re.IGNORECASE
)


def says_hours(sentence: str) -> bool:
    """Whether a sentence gives opening hours: a day, days or every day, with a time of day or
    "closed", as a line of an hours table ("Tuesday – Saturday 8:30am – 4:30pm", "Sunday:
    Closed") or said with "open" ("We're open every day from 9am"); not when something else
    happens ("Collections are between 7.30am and 9.30am, Monday to Friday")."""
    days = _DAY.match(sentence) or _EVERY_DAY.match(sentence)
    if not days and _OPEN_OR_CLOSED.search(sentence):
        days = _DAY.search(sentence) or _EVERY_DAY.search(sentence)
    return bool(days) and (says_time(sentence) or bool(_CLOSED.search(sentence)))


# a holiday by its kind or its name (its Monday is no Monday of the week's hours)
_HOLIDAYS = re.compile(
    r"\bholidays?\b|\bchristmas\b|\bxmas\b|\beaster\b|\bnew year|\bthanksgiving\b|\bboxing day\b"
    r"|\bking'?s day\b|\bqueen'?s birthday\b|\bking'?s birthday\b|\banzac day\b|\blabou?r day\b"
    r"|\bmemorial day\b|\bindependence day\b|\bgood friday\b|\bhogmanay\b|\bwaitangi\b",
    re.IGNORECASE,
)


_MONTH_NAME = re.compile(
    r"\b(january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\b",
    re.IGNORECASE,
)


def _other_month(question: str, answer: str) -> bool:
    """Whether the question names a month that the answer does not say while it says others."""
    asked = {m.lower() for m in _MONTH_NAME.findall(question) if m.lower() != "may"}
    said = {m.lower() for m in _MONTH_NAME.findall(answer)}
    return bool(asked) and bool(said) and not asked & said


def asked_day(question: str) -> int | None:
    """The weekday (0 is Monday) a question about opening hours names, if it names one; not
    the Monday of "the bank holiday Monday", which the hours of a Monday do not answer."""
    if (
        not _ASKS_HOURS.search(question)
        or _HOLIDAYS.search(question)
        or _WHEN_CLOSED.search(question)
    ):
        return None
    named = {
        day_index(m[1])
        for m in re.finditer(
            r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b",
            question,
            re.IGNORECASE,
        )
    }
    return named.pop() if len(named) == 1 else None


def says_day(day: int, sentence: str) -> bool:
    """Whether a sentence speaks of the weekday: names it, names a range of days holding it
    ("Tuesday to Saturday", "Mon–Fri"), weekdays or weekends, or every day."""
    for match in _DAY_RANGE.finditer(sentence):
        first, last = day_index(match[1]), day_index(match[2])
        if (day - first) % 7 <= (last - first) % 7:
            return True
    if any(day_index(m[1]) == day for m in _DAY.finditer(sentence)):
        return True
    if _EVERY_DAY.search(sentence):
        return True
    if re.search(r"\bweekends?\b", sentence, re.IGNORECASE):
        return day >= 5
    return day < 5 and bool(re.search(r"\bweekdays?\b", sentence, re.IGNORECASE))


def _says_asked_part(question: str, chosen: tuple[Passage, str]) -> bool:
    """Whether a name's sentence (or its heading) says the part the question asks about in
    its own word: "owner" or "owned by" for "Who owns …?", "founded" for "Who founded …?"."""
    asked = _ASKS_OWNER.search(question)
    if not asked:
        return False
    root = re.sub(r"(?:s|er|ed)$", "", asked[0].lower())  # "owns", "owner" -> "own"
    passage, sentence = chosen
    return bool(re.search(rf"\b{root}", f"{passage.section or ''} {sentence}", re.IGNORECASE))


# the period a count is asked over: "how many classes a week", "how many dogs per day"
_PER_PERIOD = re.compile(
    r"\b(?:a|per|each|every)\s+(day|week|month|year|term|night|session)\b", re.IGNORECASE
)
_PERIOD_ADVERBS = {"day": "daily", "week": "weekly", "month": "monthly", "year": "yearly|annually"}


def _period_pattern(period: str) -> re.Pattern[str]:
    """A count said over the period: "a week", "per week", "/week", "weekly"."""
    adverb = _PERIOD_ADVERBS.get(period.lower(), f"{period}ly")
    return re.compile(
        rf"\b(?:a|an|per|each|every)\s+{period}\b|/\s?{period}\b|\b(?:{adverb})\b", re.IGNORECASE
    )


def _says_period(period: str, sentence: str) -> bool:
    return bool(_period_pattern(period).search(sentence))


def _counts_asked(question: str, sentence: str) -> bool:
    """Whether the sentence counts the thing a "how many" question asks about ("four vets"
    for "How many vets work here?")."""
    asked = _ASKED_COUNT.match(question)
    if not asked:
        return False
    if _ASKS_CAPACITY.search(question):
        return bool(_CAPACITY.search(sentence))  # counted in mats, beds or chairs
    noun = word_stem(asked["noun"].lower())
    if noun == "time" and re.search(r"\b(?:once|twice)\b", sentence, re.IGNORECASE):
        return True  # "How many times can I move it?" - "at most twice"
    # the counted word follows the number, or follows one word after it ("more than 300 small
    # businesses"); "within two business days" counts days, not businesses
    for match in re.finditer(
        rf"\b(?:{_NUMBER_WORDS})\s+([a-z]+)(?:\s+([a-z]+))?", sentence, re.IGNORECASE
    ):
        first, second = (word_stem(w.lower()) if w else "" for w in match.groups())
        if noun in {second, f"{second}s"} or (
            noun in {first, f"{first}s"} and not _UNIT_AFTER.match(second)
        ):
            return True
    return False


def _answers_type(kind: str, question: str, sentence: str, passage: Passage) -> bool:
    """Whether a sentence holds the kind of thing the question asks for."""
    if kind == "count":
        # a count, not a time of day, a price or a year ("at 22:00", "£30", "in 2009"), nor a
        # length of time or a distance the question does not ask for ("within 12 months")
        sentence = _NOT_A_COUNT.sub(" ", sentence)
        asked = _ASKED_COUNT.match(question)
        noun = word_stem(asked["noun"].lower()) if asked else ""
        sentence = _MEASURE.sub(
            lambda m: m[0] if word_stem(m["unit"].lower()) == noun else " ", sentence
        )
    if not _ANSWER_TYPES[kind][1].search(sentence) and not (
        kind == "person" and _pronoun_under_name(passage, sentence)
    ):
        return False
    if kind == "person" and is_short_list(sentence):
        return False  # "Dry needling and Clinical Pilates" in a list of treatments is no one
    if kind == "count" and _ASKS_CAPACITY.search(question):
        return bool(_CAPACITY.search(sentence))
    if kind == "brand":
        asked = _ASKS_BRAND.search(question)
        return bool(asked) and any(
            says_word(word_stem(word), f"{passage.section or ''} {sentence}")
            for word in content_words(asked["thing"])
        )
    if kind == "person" and _asks_owner(question):
        return bool(_OWNER_ROLE.search(f"{passage.section or ''} {sentence}"))
    if kind == "year":
        return bool(_BEGAN.search(sentence))
    if kind == "identifier":
        # the number the question names, said with its name ("ABN 51 824 753 556")
        asked = re.search(rf"{_IDENTIFIERS}|\b{_NUMBERED}\b", question, re.IGNORECASE)
        return bool(asked) and bool(
            re.search(
                rf"\b{re.escape(asked[0])}\b[^.;]{{0,30}}?\d[\d .-]{{4,}}\d",
                f"{passage.section or ''} {sentence}",
                re.IGNORECASE,
            )
        )
    return True


# "How much notice do you need?" and "How much should I increase my mileage?" ask for an
# amount of something other than money; "how much do I pay" and "how much should I tip" do not.
_HOW_MUCH_NOT_MONEY = re.compile(
    r"\bhow much\s+(?:(?:notice|time|warning|water|space|room|weight|sleep|rest|exercise|"
    r"mileage|distance|detail|protein|sugar|caffeine|luggage|fuel|data|storage)\b"
    r"|(?:should|do|can|could|must|would|will)\s+(?:i|we|you)\s+(?!(?:pay|spend|budget|expect|"
    r"tip|bring|save|charge|owe|need|have|get|put)\b)[a-z]+)",
    re.IGNORECASE,
)


def answer_type(question: str) -> str | None:
    """What kind of thing the question asks for, when it is one the answer must hold."""
    question = _HOW_MUCH_NOT_MONEY.sub(" ", question)
    for kind, (asks, _) in _ANSWER_TYPES.items():
        if asks.search(question):
            return kind
    return None


def _weighted_overlap(question_words: set[str], sentence: str, weights: dict[str, float]) -> float:
    """The share of the question's words (weighted by rarity) that the sentence says.

    Stems match, and so do words sharing their first six letters ("pregnant", "pregnancy"),
    and a plural in -es its singular ("buses" says "bus").
    """
    if not question_words:
        return 0.0
    said: set[str] = set()
    for word in content_words(sentence):
        stem = word_stem(word)
        said.add(stem)
        if word.endswith("es") and len(word) > 4:
            said.add(word[:-2])
        if len(stem) >= 6:
            said.add(stem[:6])
    total = matched = 0.0
    for word in question_words:
        stem = word_stem(word)
        weight = weights.get(stem, weights[""])
        total += weight
        if stem in said or (len(stem) >= 6 and stem[:6] in said):
            matched += weight
    return matched / total if total else 0.0


def _in_context(passage: Passage, sentence: str) -> str:
    heading = passage.section or passage.title
    if not heading or heading.lower() in sentence.lower():
        return sentence
    return f"{heading}: {sentence}"


def _answer_sentences(text: str) -> list[str]:
    """A passage's sentences that can be said: no questions; "Yes." joined to what follows."""
    sentences: list[str] = []
    pending = ""
    for sentence in split_sentences(text):
        if sentence.endswith("?"):
            continue
        if len(sentence.split()) < _SHORT_SENTENCE_WORDS and not pending:
            pending = sentence
            continue
        sentences.append(f"{pending} {sentence}".strip())
        pending = ""
    if pending:
        sentences.append(pending)
    return sentences


def _overlap(question_words: set[str], sentence_words: set[str]) -> float:
    if not question_words:
        return 0.0
    return len(question_words & sentence_words) / len(question_words)


def decline_text(settings: BotSettingsPublic) -> str:
    """The bot's "I don't know", with the ways to reach a person from settings: the one wording
    of a decline, in the widget, the admin "try a question" tool and the eval."""
    return f"{settings.fallback_text.strip()} {settings.contact_sentence}"


def _decline(settings: BotSettingsPublic, passages: list[Passage], score: float) -> Answer:
    return Answer(
        text=decline_text(settings), declined=True, passages=passages, score=round(score, 4)
    )
