"""Per-call costs of Rasa 3.6 that it has no setting for, removed before the server starts.

Profiled under load (py-spy), after the tracker store stopped dominating:
- every action call carried every event of the conversation, so a turn cost more the longer
  the conversation ran. Actions read the slots, the latest message and the active loop (sent
  whole, as before), and of the events only the current turn's (rasa-sdk reads the slot
  candidates at the end of it); so each call now carries the events since the last message.
- every reply from the action server was checked with `jsonschema.validate`, which checks the
  schema itself first and builds a new validator each time: about a sixth of Rasa's CPU. The
  schema is fixed, so its validators are built once, and each event of a reply is checked
  against its own type's part of the schema (`reply_is_valid`): a reply is still checked in
  full, and one the schema refuses gets the full validator's error.
- every action call opened a new aiohttp session and TCP connection to the action server:
  another sixth. One session per endpoint now keeps the connection alive between calls, and
  the call's JSON body is encoded by ujson (which Rasa ships) instead of the json module,
  which took 3% of Rasa's CPU.
- the two policies deep-copy every state of the conversation into a debug log call at each
  prediction, whether or not debug logging is on (6% of Rasa's CPU at 300 turns). Log records
  are rendered when made, so the copy protects nothing: those modules' `copy.deepcopy` is the
  identity now (they use `copy` for nothing else).
- the states of the conversation were rebuilt from its first event at each prediction; see
  `addons.dialogue_states`.
- dask scheduled the model's graph anew for every parse and prediction, and the intent
  classifier stacked every token's features to use the sentence's; see `addons.fast_graph`.
- a form step called the action server twice: the form's validation, then the question for
  the next slot when it depends on the task config (`action_ask_time` and the like). The
  validation now asks that question itself and says so in the slot `asked_slot`; the form
  then skips its own ask (`_ask_unless_asked`). Without the marker the form asks as before.
- every event read from an action server's reply found its class by walking all of Event's
  subclasses again (`Event.resolve_by_type`, 46 µs a call; py-spy put 7% of Rasa's busy time
  in `all_subclasses` under load). The class found for a type name is now remembered; an
  unknown name still goes the original way (and fails the same).
- Python's full garbage collections walked every object Rasa and TensorFlow create at start
  (half a million; 180 ms per collection, measured), stopping the event loop, so every reply
  in flight waited: the P99 of a load test sat at 300-500 ms. Once the model is loaded, those
  objects are frozen out of the collector's walk (`gc.freeze`), and so is what survives each
  full collection after that, with a full sweep every ten minutes (`addons.collector`: the
  conversations held in memory made each walk grow to 440 ms within three minutes of load).

- (2026-12-06, py-spy at 300 conversations) the message processor and the form action also
  deep-copy events, slots and the latest message into debug log calls on every turn (about 3%
  of Rasa's busy time); the same fix as the policies'. Every message checked whether the
  domain is empty by building an empty domain and comparing both as dicts (`Domain.is_empty`,
  3.5%); the domain does not change once loaded, so the answer is remembered per domain. Each
  action call's tracker state copied the active loop with `dataclasses.asdict`, which deep-copies
  the loop's trigger message (2%); the state is only encoded to JSON, so the loop's fields are
  taken as they are (`tracker_state`).
- (2026-12-06 evening, py-spy at 300 conversations) the rule policy decoded and reversed every
  rule again for every state of the conversation at each prediction (7% of the event loop); see
  `addons.rule_keys`. The replays' checkpoints copied every slot at every action (5%); they
  now share the slots a replay has not changed since (`addons.dialogue_states`).
- (2026-12-06 night, py-spy at 300 conversations: the event loop busy 97% of the time, a
  quarter of it parsing) messages are parsed in a second process, so the NLU half of the model
  runs on the other core; see `addons.nlu_process`.
- (2026-12-07, py-spy at 300 conversations) the kept-alive aiohttp calls to the action server
  were still 19% of the event loop's busy time, most of it aiohttp's own machinery; the JSON
  POSTs to a plain `http://` action server are now written and read directly on kept-alive
  connections (380 -> 130 µs of CPU a call); see `addons.action_client`.

`apply()` is called by `addons.serve`, the command `scripts/stack.py` runs instead of `rasa`.
"""

from __future__ import annotations

import dataclasses
import os
import ssl
import types
from functools import lru_cache
from typing import Any

import aiohttp
import rasa
import rasa.core.run
import ujson
from jsonschema import ValidationError
from jsonschema.validators import validator_for
from rasa.core import processor
from rasa.core.actions import forms
from rasa.core.actions.action import RemoteAction
from rasa.core.actions.forms import FormAction
from rasa.core.policies import memoization, rule_policy
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.constants import ACTIVE_LOOP, FOLLOWUP_ACTION
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Event, SlotSet, UserUttered
from rasa.utils.endpoints import ClientResponseError, EndpointConfig, concat_url

from addons import (
    action_client,
    collector,
    dialogue_states,
    fast_graph,
    nlu_process,
    rule_keys,
)


def _validator(schema: dict[str, Any]) -> Any:
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


@lru_cache(maxsize=1)
def _action_reply_validator() -> Any:
    return _validator(RemoteAction.action_response_format_spec())


@lru_cache(maxsize=1)
def _reply_checks() -> tuple[Any, dict[str, Any]]:
    """The reply schema taken apart: the reply with its events seen only as objects, and for
    each event type the event schema with that type's alternative of its `oneOf` alone."""
    schema = RemoteAction.action_response_format_spec()
    events = schema["properties"]["events"]
    event = events["items"]
    shell = {
        **schema,
        "properties": {**schema["properties"], "events": {**events, "items": {"type": "object"}}},
    }
    common = {key: value for key, value in event.items() if key != "oneOf"}
    by_type = {
        alternative["properties"]["event"]["const"]: _validator({"allOf": [common, alternative]})
        for alternative in event["oneOf"]
    }
    return _validator(shell), by_type


def reply_is_valid(result: Any) -> bool:
    """The reply schema's verdict, checking each event against its own type only.

    Each event must match exactly one of the schema's 23 alternatives (`oneOf`), so a validator
    tries all 23 for every event: 9% of Rasa's CPU under load. The alternatives differ by the
    event's type (`"event": {"const": ...}`, required), so an event matches exactly one of them
    when its type is one of the 23 and it matches that type's alternative: the same verdict."""
    shell, by_type = _reply_checks()
    if not shell.is_valid(result):
        return False
    for event in result.get("events") or ():
        kind = event.get("event")
        check = by_type.get(kind) if isinstance(kind, str) else None
        if check is None or not check.is_valid(event):
            return False
    return True


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    if reply_is_valid(result):
        return True
    try:
        # The full schema, for Rasa's own error message.
        _action_reply_validator().validate(result)
    except ValidationError as error:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response "
            f"from the Action endpoint is valid. For more information see {DOCS_BASE_URL}"
            "/custom-actions"
        )
        raise
    return True


# `RASA_ACTION_CLIENT=aiohttp` (in the environment of `make up`) sends every call through
# aiohttp as before `addons.action_client` existed: a way back, and the A/B's other arm.
_LEAN_ACTION_CLIENT = os.environ.get("RASA_ACTION_CLIENT", "lean") != "aiohttp"


async def _request(
    self: EndpointConfig,
    method: str = "post",
    subpath: str | None = None,
    content_type: str | None = "application/json",
    compress: bool = False,
    **kwargs: Any,
) -> Any:
    """`EndpointConfig.request` on one kept-alive session per endpoint (else the same)."""
    headers = {"Content-Type": content_type} if content_type else {}
    headers.update(kwargs.pop("headers", None) or {})
    headers.update(self.headers or {})
    url = concat_url(self.url, subpath)
    params = self.combine_parameters(kwargs)
    if (
        _LEAN_ACTION_CLIENT
        and "json" in kwargs
        and content_type == "application/json"
        and set(kwargs) <= {"json", "timeout"}
        and action_client.can_send(
            url,
            method=method,
            compress=compress,
            cafile=self.cafile,
            auth=self.basic_auth,
            params=params,
        )
    ):
        # The action server's POSTs: see `addons.action_client`.
        body = ujson.dumps(kwargs["json"], escape_forward_slashes=False).encode()
        reply = await action_client.post(url, body, headers, kwargs.get("timeout"))
        if reply.status >= 400:
            raise ClientResponseError(reply.status, reply.reason, reply.body)
        return reply.json()
    sslcontext = ssl.create_default_context(cafile=self.cafile) if self.cafile else None
    session: aiohttp.ClientSession | None = getattr(self, "_kept_session", None)
    if session is None or session.closed:
        session = self.session()
        self._kept_session = session
    if "json" in kwargs and content_type == "application/json":
        # The body as aiohttp would send it, encoded by ujson (C) instead of the json module.
        kwargs["data"] = ujson.dumps(kwargs.pop("json"), escape_forward_slashes=False)
    async with session.request(
        method,
        url,
        headers=headers,
        params=params,
        compress=compress,
        ssl=sslcontext,
        **kwargs,
    ) as response:
        if response.status >= 400:
            raise ClientResponseError(
                response.status, response.reason, await response.content.read()
            )
        try:
            return await response.json()
        except aiohttp.ContentTypeError:
            return None


def _current_turn(tracker: Any) -> list[Any]:
    """The events since (and including) the visitor's latest message."""
    turn = []
    for event in reversed(tracker.events):
        turn.append(event)
        if isinstance(event, UserUttered):
            break
    turn.reverse()
    return turn


def tracker_state(tracker: Any) -> dict[str, Any]:
    """`tracker.current_state(EventVerbosity.NONE)`, for encoding: the active loop's fields are
    taken as they are instead of deep-copied by `dataclasses.asdict` (it holds no dataclass)."""
    loop = tracker.active_loop
    return {
        "sender_id": tracker.sender_id,
        "slots": tracker.current_slot_values(),
        "latest_message": tracker._latest_message_data(),
        "latest_event_time": tracker.events[-1].timestamp if len(tracker.events) > 0 else None,
        FOLLOWUP_ACTION: tracker.followup_action,
        "paused": tracker.is_paused(),
        "events": None,
        "latest_input_channel": tracker.get_latest_input_channel(),
        ACTIVE_LOOP: (
            {field.name: getattr(loop, field.name) for field in dataclasses.fields(loop)}
            if loop
            else {}
        ),
        "latest_action": tracker.latest_action,
        "latest_action_name": tracker.latest_action_name,
    }


def _action_call_format(self: RemoteAction, tracker: Any, domain: Any) -> dict[str, Any]:
    state = tracker_state(tracker)
    state["events"] = [event.as_dict() for event in _current_turn(tracker)]
    result = {
        "next_action": self._name,
        "sender_id": tracker.sender_id,
        "tracker": state,
        "version": rasa.__version__,
    }
    if not self._is_selective_domain_enabled() or domain.does_custom_action_explicitly_need_domain(
        self.name()
    ):
        result["domain"] = domain.as_dict()
    return result


# The actions' `actions.forms.base.ASKED_SLOT` (the action server's venv, not importable here);
# tests/unit/test_form_asks_once.py fails if the two names differ.
ASKED_SLOT = "asked_slot"
_ask_for_slot = FormAction._ask_for_slot


async def _ask_unless_asked(
    self: FormAction, domain: Any, nlg: Any, output_channel: Any, slot_name: str, tracker: Any
) -> list[Any]:
    """Ask for `slot_name` unless this run of the form has already asked for it.

    `tracker` is the form's temporary tracker: the conversation, then the form's own
    `ActionExecuted`, then the events of this run (the validation's among them)."""
    for event in reversed(tracker.events):
        if isinstance(event, ActionExecuted) and event.action_name == self.name():
            break
        if isinstance(event, SlotSet) and event.key == ASKED_SLOT and event.value == slot_name:
            return []
    return await _ask_for_slot(self, domain, nlg, output_channel, slot_name, tracker)


def _no_copy(value: Any, memo: Any = None) -> Any:
    return value


_domain_is_empty = Domain.is_empty


def _remembered_is_empty(self: Domain) -> bool:
    """`Domain.is_empty`, worked out once per domain (a loaded domain does not change)."""
    empty = self.__dict__.get("_addons_is_empty")
    if empty is None:
        empty = self.__dict__["_addons_is_empty"] = _domain_is_empty(self)
    return empty


_resolve_event_type = Event.resolve_by_type
_event_types: dict[str, type] = {}


def _remembered_event_type(type_name: str, default: Any = None) -> Any:
    """`Event.resolve_by_type` with the class of each type name found remembered."""
    found = _event_types.get(type_name)
    if found is None:
        found = _resolve_event_type(type_name, default)
        if found is not None and found is not default:
            _event_types[type_name] = found
    return found


_load_agent_on_start = rasa.core.run.load_agent_on_start


async def _load_agent_then_freeze(*args: Any, **kwargs: Any) -> Any:
    agent = await _load_agent_on_start(*args, **kwargs)
    collector.install()
    if agent is not None and agent.processor is not None:
        nlu_process.start(agent.processor)
    return agent


def apply() -> None:
    rasa.core.run.load_agent_on_start = _load_agent_then_freeze
    # These modules use `copy` only for the deep copies they hand to debug log calls.
    for module in (memoization, rule_policy, processor, forms):
        module.copy = types.SimpleNamespace(deepcopy=_no_copy)
    dialogue_states.apply()
    fast_graph.apply()
    rule_keys.apply()
    nlu_process.apply()
    RemoteAction._action_call_format = _action_call_format
    RemoteAction._validate_action_result = _validate_action_result
    FormAction._ask_for_slot = _ask_unless_asked
    Event.resolve_by_type = staticmethod(_remembered_event_type)
    Domain.is_empty = _remembered_is_empty
    EndpointConfig.request = _request
