"""A form step asks its next question once (bot/addons/patches.py `_ask_unless_asked`), in Rasa's venv.

When the form's validation has asked the next question itself (it says so in `asked_slot`),
Rasa's form must not ask it again; otherwise the visitor would read the question twice. When it
has not, or has asked another slot, or only an earlier turn was marked, the form asks as before.
This runs Rasa's own `FormAction.request_next_slot` with the add-ons applied.

The slot's name is written in three places that live in two venvs: the actions
(`actions.forms.base.ASKED_SLOT`), the patch (`addons.patches.ASKED_SLOT`) and the domain. The
script below uses the actions' name, so the test fails if the patch's name drifts from it, and
another test checks that the domain declares it.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from actions.forms.base import ASKED_SLOT
from tests.support.rasa_venv import ISOLATED_ENV, run_rasa_script

DOMAIN_TASKS = Path(__file__).resolve().parents[2] / "bot" / "domain" / "tasks.yml"

SCRIPT = r"""
import asyncio, json, logging
logging.disable(logging.WARNING)
from rasa.core.actions.forms import FormAction
from rasa.core.channels import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from addons import patches

patches.apply()
domain = Domain.from_yaml('''
version: "3.1"
slots:
  date: {type: text, mappings: [{type: custom}]}
  time: {type: text, mappings: [{type: custom}]}
  asked_slot: {type: text, influence_conversation: false, mappings: [{type: custom}]}
forms:
  booking_form: {required_slots: [date, time]}
responses:
  utter_ask_date: [{text: "Which day?"}]
  utter_ask_time: [{text: "What time?"}]
''')
form = FormAction("booking_form", None)
nlg = TemplatedNaturalLanguageGenerator(domain.responses)
listen, user = ActionExecuted("action_listen"), UserUttered("monday")
earlier_turn = [listen, UserUttered("book"), ActionExecuted("booking_form"),
                SlotSet("asked_slot", "time"), SlotSet("requested_slot", "date")]

async def questions(history, this_run):
    tracker = DialogueStateTracker.from_events("visitor", [*history, listen, user], slots=domain.slots)
    events = await form.request_next_slot(tracker, domain, CollectingOutputChannel(), nlg, this_run)
    return [e.text for e in events if isinstance(e, BotUttered)]

async def main():
    answered = [ActiveLoop("booking_form"), SlotSet("date", "2026-12-07")]
    return {
        "not asked": await questions([], answered),
        "asked": await questions([], [*answered, SlotSet("asked_slot", "time")]),
        "another slot asked": await questions([], [*answered, SlotSet("asked_slot", "date")]),
        "asked in an earlier turn": await questions(earlier_turn, answered),
    }

print(json.dumps(asyncio.run(main())))
""".replace("asked_slot", ASKED_SLOT)


def test_the_form_skips_only_a_question_its_validation_asked_in_this_turn() -> None:
    result, stderr = run_rasa_script(SCRIPT, timeout=300, env=ISOLATED_ENV)
    assert result == {
        "not asked": ["What time?"],
        "asked": [],
        "another slot asked": ["What time?"],
        "asked in an earlier turn": ["What time?"],
    }, stderr


def test_the_domain_declares_the_slot_the_actions_and_the_patch_use() -> None:
    slot = yaml.safe_load(DOMAIN_TASKS.read_text())["slots"][ASKED_SLOT]
    assert slot["influence_conversation"] is False
