"""Visitors talking to the bot through Rasa's REST channel (`make loadtest`, path `rest`).

Each simulated visitor is one conversation (its own sender id) and waits 1-3 s before every
message, form answers included, as a person reading the reply would. The mix:

- 60% ask a question, drawn from the Q&A evaluation set's paraphrases (`eval/qa_dataset.yaml`);
- 30% walk the booking form to the end: service, day, time, name, email, phone, the summary,
  then "yes" (a booking is made, or the slot is taken and another is offered);
- 10% small talk (hello, thanks, bye).

Every reply's content is checked, not only its status: an empty reply, or one that does not do
what that step must do (ask the next question, give the expected fact, confirm), is a failure.
Questions the bot answers wrongly even on an idle stack are a quality problem, not a load
problem: `loadtests/run.py` asks each once before the run and passes only the ones answered
right at idle (LOADTEST_QUESTIONS), and says how many it left out.

Through the gateway (`make up-prod`), nginx allows each address 100 requests a minute, and a
load test from one machine is one address. With LOADTEST_SPREAD_ADDRESSES=1 each simulated
visitor connects from an address of its own in 127.1.0.0/16 (all of 127.0.0.0/8 is this
machine's loopback), so the gateway limits each visitor as it would a real one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import random
import uuid
from pathlib import Path

import gevent
import yaml
from geventhttpclient.connectionpool import ConnectionPool
from locust import User, constant, task
from locust.contrib.fasthttp import FastHttpUser

from loadtests.scenario import (
    BOOKING_OPENERS,
    CONFIRM_ANSWER,
    SERVICE_ANSWER,
    date_answer,
    phone_answer,
    time_answer,
)

THINK_SECONDS = (1.0, 3.0)  # a visitor reads the reply, then types the next message
DATASET = Path(__file__).resolve().parents[1] / "eval" / "qa_dataset.yaml"


def load_questions() -> list[tuple[str, list[str]]]:
    """(question, facts any of which the answer must contain) from the Q&A eval set."""
    data = yaml.safe_load(DATASET.read_text())
    questions = []
    for item in data["answerable"]:
        facts = item["fact"] if isinstance(item["fact"], list) else [item["fact"]]
        questions.append((item["question"], [f.lower() for f in facts]))
    return questions


def questions_for_run() -> list[tuple[str, list[str]]]:
    chosen = os.environ.get("LOADTEST_QUESTIONS")
    if chosen:
        return [(q, facts) for q, facts in json.loads(chosen)]
    return load_questions()


QUESTIONS = questions_for_run()

SMALL_TALK = [
    ("hi", ["help", "hi"]),
    ("hello there", ["help", "hi"]),
    ("thanks!", ["welcome"]),
    ("thank you", ["welcome"]),
    ("bye", ["great day", "bye"]),
]
FIRST_NAMES = ["Jane", "Omar", "Li", "Sofia", "Ken", "Amara", "Lucas", "Priya"]
LAST_NAMES = ["Smith", "Haddad", "Chen", "Rossi", "Tanaka", "Okafor", "Silva", "Iyer"]


def _texts(reply: list[dict]) -> str:
    return " ".join(str(message.get("text") or "") for message in reply).lower()


def booking_day(rng: random.Random) -> dt.date:
    """A weekday 3-50 days ahead (inside the 60-day booking window)."""
    while True:
        day = dt.date.today() + dt.timedelta(days=rng.randint(3, 50))
        if day.weekday() < 5:
            return day


# Each visitor's own loopback address (LOADTEST_SPREAD_ADDRESSES), by the greenlet it runs in:
# geventhttpclient opens its connections from the greenlet that sends the request.
SOURCE_ADDRESSES: dict[gevent.Greenlet, str] = {}
_addresses_given = 0


def next_source_address() -> str:
    """127.1.0.1, 127.1.0.2, ... 127.1.0.250, 127.1.1.1, ...: loopback, one per visitor."""
    global _addresses_given
    index = _addresses_given
    _addresses_given += 1
    return f"127.1.{index // 250}.{index % 250 + 1}"


def _bound_tcp_socket(self, family: int, socktype: int, protocol: int):
    sock = _plain_tcp_socket(self, family, socktype, protocol)
    address = SOURCE_ADDRESSES.get(gevent.getcurrent())
    if address:
        sock.bind((address, 0))
    return sock


_plain_tcp_socket = ConnectionPool._create_tcp_socket
if os.environ.get("LOADTEST_SPREAD_ADDRESSES") == "1":
    ConnectionPool._create_tcp_socket = _bound_tcp_socket


class StepFailed(Exception):
    """The reply did not do what this step must do; the conversation stops there."""


class ScenarioVisitor(User):
    """The scenario, shared by both paths so their reports compare line by line.

    A path's visitor (REST below, the widget in widget_locustfile.py) provides
    - `say(text, name, expect=None, *, button=None) -> str`: send `text` (or click the bot's
      button `button` picks) as step `name`; return the reply (lowercase), or raise StepFailed
      when it does not contain one of `expect`;
    - `finish_conversation()`: this visitor's business is done; the next one starts afresh.
    """

    abstract = True
    # The pause is taken before every message in `say`, so none is added between tasks.
    wait_time = constant(0)

    @task(6)
    def ask_question(self) -> None:
        question, facts = random.choice(QUESTIONS)
        with contextlib.suppress(StepFailed):
            self.say(question, "question", expect=facts)

    @task(3)
    def book(self) -> None:
        rng = random.Random()
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        day = booking_day(rng)
        hour = rng.choice([9, 10, 11, 13, 14, 15, 16])
        minute = rng.choice([0, 30])
        time_text = time_answer(hour, minute)
        say = self.say
        try:
            said = say(rng.choice(BOOKING_OPENERS), "booking:start", ["which service", "which day"])
            if "which day" not in said:  # the opener did not name the service
                say(
                    SERVICE_ANSWER,
                    "booking:service",
                    ["which day"],
                    button=lambda b: "consultation" in str(b.get("payload", "")).lower(),
                )
            said = say(date_answer(day), "booking:date", ["what time", "closed", "full"])
            if "what time" not in said:
                say("stop", "booking:stop", ["stopped"])
                return
            said = say(time_text, "booking:time", ["what name", "taken", "free"])
            if "what name" not in said:
                say("stop", "booking:stop", ["stopped"])
                return
            say(f"{first} {last}", "booking:name", ["email"])
            email = f"{first}.{last}.{uuid.uuid4().hex[:6]}@example.com".lower()
            say(email, "booking:email", ["phone"])
            say(phone_answer(rng.randint(100, 199)), "booking:phone", ["here's what i have"])
            said = say(
                CONFIRM_ANSWER,
                "booking:confirm",
                ["bk-", "taken", "free", "pb-"],
                button=lambda b: b.get("payload") == CONFIRM_ANSWER,
            )
            if "bk-" not in said and "pb-" not in said:  # the slot went meanwhile
                say("stop", "booking:stop", ["stopped"])
            else:
                # Booked: the product caps upcoming bookings per conversation, so this visitor
                # is done and the next one starts a new conversation.
                self.finish_conversation()
        except StepFailed:
            pass

    @task(1)
    def small_talk(self) -> None:
        text, expect = random.choice(SMALL_TALK)
        with contextlib.suppress(StepFailed):
            self.say(text, "smalltalk", expect)


class Visitor(ScenarioVisitor, FastHttpUser):
    """A visitor on Rasa's REST channel."""

    def on_start(self) -> None:
        if os.environ.get("LOADTEST_SPREAD_ADDRESSES") == "1":
            SOURCE_ADDRESSES[gevent.getcurrent()] = next_source_address()
        self.new_conversation()

    def new_conversation(self) -> None:
        self.sender = f"load-{uuid.uuid4().hex[:12]}"

    def say(self, text: str, name: str, expect: list[str] | None = None, **_: object) -> str:
        """Send one message after a visitor's pause; return the reply text (lowercase).

        The scenario's `button` is for the widget path, and ignored here: on REST, clicking a
        button is sending its payload, which is `text`."""
        gevent.sleep(random.uniform(*THINK_SECONDS))
        problem = None
        with self.rest(
            "POST",
            "/webhooks/rest/webhook",
            json={"sender": self.sender, "message": text},
            name=name,
        ) as response:
            reply = response.js if response.status_code == 200 else None
            said = _texts(reply) if isinstance(reply, list) else ""
            if response.status_code != 200:
                problem = f"HTTP {response.status_code}"
            elif not said.strip():
                # Rasa answers 200 [] when something failed inside: a failure, not a reply.
                problem = "empty reply"
            elif expect and not any(word in said for word in expect):
                problem = f"unexpected reply to {text!r}: {said[:160]!r}"
            if problem:
                response.failure(problem)
        if problem:
            # The conversation went off the script: the visitor starts a new one.
            self.new_conversation()
            raise StepFailed(problem)
        return said

    def finish_conversation(self) -> None:
        self.new_conversation()
