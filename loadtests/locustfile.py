"""Visitors talking to the bot through Rasa's REST channel: questions and booking steps.

Each simulated visitor is one conversation (its own sender id) that alternates between
questions answered from the knowledge base and the first steps of a booking.
"""

from __future__ import annotations

import random
import uuid

from locust import HttpUser, between, task

QUESTIONS = [
    "What are your business hours?",
    "How much is a consultation?",
    "Where are you located?",
    "Is there parking nearby?",
    "What is your cancellation policy?",
    "Do you offer free demos?",
    "Are you open on Saturdays?",
    "How can I contact you?",
]


class Visitor(HttpUser):
    wait_time = between(1, 3)

    def on_start(self) -> None:
        self.sender = f"load-{uuid.uuid4().hex[:12]}"

    def _say(self, text: str, name: str) -> None:
        with self.client.post(
            "/webhooks/rest/webhook",
            json={"sender": self.sender, "message": text},
            name=name,
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
            elif response.json() == []:
                # Rasa answers 200 [] when something failed inside: count it as a failure.
                response.failure("empty reply")
            else:
                response.success()

    @task(3)
    def ask_question(self) -> None:
        self._say(random.choice(QUESTIONS), "question")

    @task(1)
    def start_booking(self) -> None:
        self._say("I want to book a consultation", "booking: start")
        self._say("next Tuesday", "booking: date")
        self._say("stop", "booking: stop")
