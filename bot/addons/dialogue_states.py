"""The history Rasa's policies predict from, computed once per event, not once per prediction.

Rasa 3.6's policies ask for the states of the whole conversation at every prediction
(`Domain.states_for_tracker_history`, through `tracker.past_states`): it replays every event of
the session onto a fresh tracker and builds a state at each action. A turn makes several
predictions, each policy asks more than once, so a turn cost grew with the session: profiled
with py-spy on a 300-turn conversation, this replay was 61% of Rasa's CPU and a turn took
about 0.3 ms more for every turn before it.

The states of a conversation grow at its end, so this keeps, per conversation and per way of
asking, the replayed tracker and the states so far, and replays only the events added since.
The applied events are not only appended to, though: each happy-path step of a form drops the
previous step's listen and message from them, a few events from the end. So the replay also
keeps a checkpoint (the tracker's state, not its events) at each of the last actions, goes back
to the latest one before the first event that differs, and replays from there. A checkpoint
shares the slot objects of the replay, which copies a slot before an event changes it. Only
when the difference lies further back (another session, an undo far back, another domain) does
it start again from the first event, exactly as Rasa does. The result is the same list Rasa
builds, state for state: a fresh copy per call (callers edit the last states), with sub-states
shared where Rasa shares them.

Copies of a tracker (Rasa runs each action on one, and a form validates each answer on one
built from every event) copy its state instead of replaying every event of the session
(`copy_tracker`, `form_temporary_tracker`): late in a 3-minute load test these replays were a
fifth of Rasa's time.

The two policies' featuriser (`prediction_states`) no longer copies every state of the
conversation at each prediction: the states kept by the replay are stripped of the text the
policies do not use once, when added, and handed to the policies as they are (they only read
them); only the state after the latest event is new for each call.

`tracker.applied_events()` (the events left after undos and loop rewinds), which everything
above and several policies call, is kept the same way: only the new events are walked, unless
they name a loop not seen before (Rasa's rule looks at loops activated later), in which case it
is computed in full.
"""

from __future__ import annotations

import dataclasses
import itertools
import operator
from collections import OrderedDict
from typing import Any

from rasa.core.actions.forms import FormAction
from rasa.core.featurizers.tracker_featurizers import (
    MaxHistoryTrackerFeaturizer,
    _is_prev_action_unlikely_intent_in_state,
)
from rasa.shared.core.constants import PREVIOUS_ACTION, REQUESTED_SLOT, USER
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionExecutionRejected,
    ActionReverted,
    ActiveLoop,
    BotUttered,
    DefinePrevUserUtteredFeaturization,
    EntitiesAdded,
    FollowupAction,
    LoopInterrupted,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.slots import Slot
from rasa.shared.core.trackers import DialogueStateTracker, is_prev_action_listen_in_state
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT

# Conversations whose replay is kept (least recently used first out); at about 0.5 KB per
# state this bounds the memory to tens of MB even for long conversations.
MAX_CONVERSATIONS = 2000
# Checkpoints kept per replay: a form step rewrites the last three or four applied events.
CHECKPOINTS = 12

# How each call was served (the tests check that every path is taken).
stats = {"extended": 0, "rewound": 0, "rebuilt": 0, "predicted": 0, "predicted_rasa_way": 0}


def _copy_slot(slot: Slot) -> Slot:
    """`copy.copy(slot)` without its generic path (`__reduce_ex__`, then `_reconstruct`): a
    slot is a plain object, so a shallow copy is a new instance with the same attributes.
    That generic path was 7% of Rasa's CPU under load, as every slot is copied per state."""
    copied = object.__new__(type(slot))
    copied.__dict__.update(slot.__dict__)
    return copied


def _state_of(tracker: DialogueStateTracker, share_slots: bool = False) -> DialogueStateTracker:
    """A copy of the tracker's state (slots, latest action and message, loop), not its events.

    The replayed tracker's events are never read: states come from these attributes, and the
    events that reach a replay (applied events) change only these attributes. With
    `share_slots`, the copy holds the same slot objects (in a dict of its own): the replays
    copy a slot before an event changes it (`_before_replaying`), so the slots of a checkpoint
    are never changed. `copy.copy` of a tracker (it defines no copy hooks) is its class and its
    attributes, made here directly, as `_copy_slot` does."""
    state = object.__new__(type(tracker))
    state.__dict__.update(tracker.__dict__)
    state.events = tracker._create_events([])
    if share_slots:
        state.slots = dict(tracker.slots)
    else:
        state.slots = {name: _copy_slot(slot) for name, slot in tracker.slots.items()}
    if tracker.active_loop is not None:
        state.active_loop = dataclasses.replace(tracker.active_loop)
    return state


# Events whose `apply_to` leaves every slot as it is (Rasa 3.6, rasa/shared/core/events.py);
# a `SlotSet` changes one slot, and any other event may reset them all.
_LEAVE_SLOTS = frozenset(
    {
        UserUttered,
        BotUttered,
        ActionExecuted,
        ActiveLoop,
        LoopInterrupted,
        ActionExecutionRejected,
        FollowupAction,
        DefinePrevUserUtteredFeaturization,
        EntitiesAdded,
    }
)


def _before_replaying(tracker: DialogueStateTracker, event: Any) -> None:
    """Give the replayed tracker its own copy of each slot `event` may change, first: the
    checkpoints share its slot objects (copying every slot at every action was 5% of Rasa's
    event loop under 300 conversations)."""
    kind = type(event)
    if kind in _LEAVE_SLOTS:
        return
    slots = tracker.slots
    if kind is SlotSet:
        slot = slots.get(event.key)
        if slot is not None:
            slots[event.key] = _copy_slot(slot)
    else:
        tracker.slots = {name: _copy_slot(slot) for name, slot in slots.items()}


_replaying_copy = DialogueStateTracker.copy


def copy_tracker(self: DialogueStateTracker) -> DialogueStateTracker:
    """`DialogueStateTracker.copy`: the same events and state, without replaying the events.

    Rasa's copy replays every event onto a new tracker; that gives this tracker's state, which
    is copied instead. Trackers that keep a bounded history, or are of another class (training
    trackers cache their states), are still copied Rasa's way."""
    if type(self) is not DialogueStateTracker or self._max_event_history is not None:
        return _replaying_copy(self)
    copied = _state_of(self)
    copied.events = self._create_events(list(self.events))
    copied.sender_source = None  # as Rasa's copy, which starts from `init_copy`
    return copied


def form_temporary_tracker(
    self: FormAction, current_tracker: Any, additional_events: list[Any], domain: Domain
) -> DialogueStateTracker:
    """`FormAction._temporary_tracker` from a copy of the tracker's state, not every event.

    Rasa rebuilds it from the events since the last restart, which give the same state."""
    tracker = copy_tracker(current_tracker)
    for event in (
        SlotSet(REQUESTED_SLOT, self.get_slot_to_fill(current_tracker)),
        ActionExecuted(self.name()),
        *additional_events,
    ):
        tracker.update(event)
    return tracker


class _Checkpoint:
    __slots__ = ("position", "tracker", "states", "last_ml_action", "turn_hidden")

    def __init__(self, position: int, replay: _Replay) -> None:
        self.position = position  # index in the applied events of the action it precedes
        self.tracker = _state_of(replay.tracker, share_slots=True)
        self.states = len(replay.states)
        self.last_ml_action, self.turn_hidden = replay.last_ml_action, replay.turn_hidden


class _Replay:
    __slots__ = (
        "domain",
        "events",
        "tracker",
        "states",
        "last_ml_action",
        "turn_hidden",
        "checkpoints",
        "stripped",
        "first_unlikely",
    )

    def __init__(self, domain: Domain, tracker: Any) -> None:
        self.domain = domain
        self.events: list[Any] = []
        self.tracker = tracker.init_copy()
        self.states: list[dict[str, Any]] = []
        self.last_ml_action: dict[str, Any] | None = None
        self.turn_hidden = False
        self.checkpoints: list[_Checkpoint] = []
        # For predictions (`prediction_states`): the kept states without the user's text where
        # an intent is there too, and the first of them that follows `action_unlikely_intent`.
        self.stripped: list[dict[str, Any]] = []
        self.first_unlikely: int | None = None

    def rewind(self, applied: list[Any]) -> int | None:
        """Go back to the latest checkpoint that `applied` shares; where to replay from."""
        same = 0
        for same, (old, new) in enumerate(zip(self.events, applied, strict=False)):  # noqa: B007
            if old is not new:
                break
        else:
            same = min(len(self.events), len(applied))
        while self.checkpoints and self.checkpoints[-1].position > same:
            self.checkpoints.pop()
        if not self.checkpoints:
            return None
        point = self.checkpoints[-1]
        self.tracker = _state_of(point.tracker, share_slots=True)
        del self.states[point.states :]
        del self.stripped[point.states :]
        if self.first_unlikely is not None and self.first_unlikely >= point.states:
            self.first_unlikely = None
        self.last_ml_action, self.turn_hidden = point.last_ml_action, point.turn_hidden
        self.checkpoints.pop()  # taken again when its action is replayed
        return point.position


_replays: OrderedDict[tuple[Any, ...], _Replay] = OrderedDict()
# sender -> (the events walked, the applied events, the names of the loops among them)
_applied: OrderedDict[str, tuple[list[Any], list[Any], frozenset[str]]] = OrderedDict()


def _remember(cache: OrderedDict[Any, Any], key: Any, value: Any) -> None:
    cache[key] = value
    cache.move_to_end(key)
    while len(cache) > MAX_CONVERSATIONS:
        cache.popitem(last=False)


def _extends(seen: list[Any], events: Any) -> bool:
    """Whether `events` begins with exactly the event objects in `seen`."""
    return len(seen) <= len(events) and all(map(operator.is_, seen, events))


def _walk(
    tracker: DialogueStateTracker, events: Any, applied: list[Any], loop_names: frozenset[str]
) -> None:
    """The loop of Rasa's `DialogueStateTracker.applied_events`, over `events`."""
    for event in events:
        if isinstance(event, (Restarted, SessionStarted)):
            applied.clear()
        elif isinstance(event, ActionReverted):
            tracker._undo_till_previous(ActionExecuted, applied)
        elif isinstance(event, UserUtteranceReverted):
            tracker._undo_till_previous(UserUttered, applied)
            tracker._undo_till_previous(ActionExecuted, applied)
        elif (
            isinstance(event, ActionExecuted)
            and event.action_name in loop_names
            and not tracker._first_loop_execution_or_unhappy_path(event.action_name, applied)
        ):
            tracker._undo_till_previous_loop_execution(event.action_name, applied)
        else:
            applied.append(event)


def _loop_names(events: Any) -> frozenset[str]:
    return frozenset(event.name for event in events if isinstance(event, ActiveLoop) and event.name)


def applied_events(self: DialogueStateTracker) -> list[Any]:
    """`DialogueStateTracker.applied_events`, walking only the events it has not seen."""
    events = self.events
    cached = _applied.get(self.sender_id)
    if cached is not None and _extends(cached[0], events):
        seen, applied, loop_names = cached
        new = list(itertools.islice(events, len(seen), None))
        if _loop_names(new) <= loop_names:
            applied = list(applied)
            _walk(self, new, applied, loop_names)
            _remember(_applied, self.sender_id, (seen + new, applied, loop_names))
            return list(applied)
    applied = []
    loop_names = _loop_names(events)
    _walk(self, events, applied, loop_names)
    _remember(_applied, self.sender_id, (list(events), applied, loop_names))
    return list(applied)


def _add_state(
    domain: Domain,
    replay: _Replay,
    hide_rule_turn: bool,
    states: list[dict[str, Any]],
    omit_unset_slots: bool,
    ignore_rule_only_turns: bool,
    rule_only_data: dict[str, Any] | None,
) -> None:
    """The body of Rasa's loop in `states_for_tracker_history`, for one prior tracker."""
    tracker = replay.tracker
    if ignore_rule_only_turns:
        if not replay.turn_hidden:
            replay.last_ml_action = domain._get_prev_action_sub_state(tracker)
        if not tracker.followup_action and tracker.latest_action_name != tracker.active_loop_name:
            replay.turn_hidden = hide_rule_turn
        if replay.turn_hidden:
            return
    state = domain.get_active_state(tracker, omit_unset_slots=omit_unset_slots)
    if ignore_rule_only_turns:
        domain._remove_rule_only_features(state, rule_only_data)
        if states:
            domain._substitute_rule_only_user_input(state, states[-1])
        if replay.last_ml_action:
            state[PREVIOUS_ACTION] = replay.last_ml_action
    states.append(domain._clean_state(state))


def _copy(states: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A deep copy (values inside sub-states are strings and tuples), sharing kept."""
    copies: dict[int, dict[str, Any]] = {}
    result = []
    for state in states:
        new = {}
        for kind, sub_state in state.items():
            copied = copies.get(id(sub_state))
            if copied is None:
                copied = copies[id(sub_state)] = dict(sub_state)
            new[kind] = copied
        result.append(new)
    return result


def _frozen(rule_only_data: dict[str, Any] | None) -> Any:
    if not rule_only_data:
        return None
    return tuple((key, tuple(value or ())) for key, value in sorted(rule_only_data.items()))


def _replayed(
    self: Domain,
    tracker: Any,
    omit_unset_slots: bool,
    ignore_rule_only_turns: bool,
    rule_only_data: dict[str, Any] | None,
) -> tuple[_Replay, list[dict[str, Any]]]:
    """The conversation's replay, brought up to its latest event, and the state after that
    event (a list of it, empty when the turn is hidden), which is not kept: more events
    follow. The states are `replay.states` and then that one."""
    applied = tracker.applied_events()
    key = (tracker.sender_id, omit_unset_slots, ignore_rule_only_turns, _frozen(rule_only_data))
    replay = _replays.get(key)
    seen = None
    if replay is not None and replay.domain is self:
        if _extends(replay.events, applied):
            seen = len(replay.events)
            stats["extended"] += 1
        else:
            seen = replay.rewind(applied)
            stats["rewound"] += seen is not None
    if seen is None:
        replay = _Replay(self, tracker)
        seen = 0
        stats["rebuilt"] += 1
    for position in range(seen, len(applied)):
        event = applied[position]
        if isinstance(event, ActionExecuted):
            replay.checkpoints.append(_Checkpoint(position, replay))
            del replay.checkpoints[:-CHECKPOINTS]
            _add_state(
                self,
                replay,
                event.hide_rule_turn,
                replay.states,
                omit_unset_slots,
                ignore_rule_only_turns,
                rule_only_data,
            )
        _before_replaying(replay.tracker, event)
        replay.tracker.update(event)
    replay.events = applied
    _remember(_replays, key, replay)

    tail = replay.states[-1:]  # `_add_state` reads the state before
    last_ml_action, turn_hidden = replay.last_ml_action, replay.turn_hidden
    _add_state(self, replay, False, tail, omit_unset_slots, ignore_rule_only_turns, rule_only_data)
    replay.last_ml_action, replay.turn_hidden = last_ml_action, turn_hidden
    return replay, tail[len(replay.states[-1:]) :]


def states_for_tracker_history(
    self: Domain,
    tracker: Any,
    omit_unset_slots: bool = False,
    ignore_rule_only_turns: bool = False,
    rule_only_data: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """`Domain.states_for_tracker_history`, replaying only the events it has not seen."""
    replay, latest = _replayed(
        self, tracker, omit_unset_slots, ignore_rule_only_turns, rule_only_data
    )
    return _copy(replay.states + latest)


def _without_text(state: dict[str, Any]) -> dict[str, Any]:
    """Rasa's `_remove_user_text_if_intent` for one state: a new state without the user's
    text when the user sub-state has an intent too, else the state itself."""
    user = state.get(USER)
    if user and user.get(INTENT) and user.get(TEXT):
        return {**state, USER: {key: value for key, value in user.items() if key != TEXT}}
    return state


_rasa_prediction_states = MaxHistoryTrackerFeaturizer.prediction_states


def prediction_states(
    self: MaxHistoryTrackerFeaturizer,
    trackers: list[Any],
    domain: Domain,
    use_text_for_last_user_input: bool = False,
    ignore_rule_only_turns: bool = False,
    rule_only_data: dict[str, Any] | None = None,
    ignore_action_unlikely_intent: bool = False,
) -> list[list[dict[str, Any]]]:
    """`MaxHistoryTrackerFeaturizer.prediction_states` (both policies' featuriser), without
    copying every state of the conversation at each prediction.

    Rasa takes a fresh copy of the states, drops those after `action_unlikely_intent` (for
    machine-learning policies), keeps the last `max_history`, removes the intent or the text
    from the last one's user input (`_choose_last_user_input`), and the text from every user
    input that has an intent. Here the kept states are stripped of text once, when the replay
    adds them (`_Replay.stripped`), and the prediction's states are those, shared (the two
    policies only read them: JSON keys and comparisons), and the state after the latest event,
    new for each call. Anything else (a featuriser that encodes states, as TED's, training
    trackers, a hidden last turn, `action_unlikely_intent` in the conversation) goes Rasa's
    way."""
    states = None
    if (
        type(self) is MaxHistoryTrackerFeaturizer
        and self.state_featurizer is None
        and len(trackers) == 1
        and type(trackers[0]) is DialogueStateTracker
        and Domain.states_for_tracker_history is states_for_tracker_history
    ):
        states = _states_from_replay(
            self.max_history,
            trackers[0],
            domain,
            use_text_for_last_user_input,
            ignore_rule_only_turns,
            rule_only_data,
            ignore_action_unlikely_intent,
        )
    if states is None:
        return _rasa_prediction_states(
            self,
            trackers,
            domain,
            use_text_for_last_user_input,
            ignore_rule_only_turns,
            rule_only_data,
            ignore_action_unlikely_intent,
        )
    return [states]


def _states_from_replay(
    history: int | None,
    tracker: DialogueStateTracker,
    domain: Domain,
    use_text_for_last_user_input: bool,
    ignore_rule_only_turns: bool,
    rule_only_data: dict[str, Any] | None,
    ignore_action_unlikely_intent: bool,
) -> list[dict[str, Any]] | None:
    """The body of `prediction_states` for one conversation; None where Rasa's way is needed."""
    replay, latest = _replayed(domain, tracker, False, ignore_rule_only_turns, rule_only_data)
    stripped = replay.stripped
    for position in range(len(stripped), len(replay.states)):
        state = replay.states[position]
        stripped.append(_without_text(state))
        if replay.first_unlikely is None and _is_prev_action_unlikely_intent_in_state(state):
            replay.first_unlikely = position
    if not latest or (
        ignore_action_unlikely_intent
        and (
            replay.first_unlikely is not None or _is_prev_action_unlikely_intent_in_state(latest[0])
        )
    ):
        stats["predicted_rasa_way"] += 1
        return None
    stats["predicted"] += 1
    last = latest[0]
    user = last.get(USER)
    if user and is_prev_action_listen_in_state(last):
        # `_choose_last_user_input`: this state's user input was built for this call.
        if use_text_for_last_user_input:
            dropped = {key for key in (INTENT, ENTITIES) if user.get(key)}
        else:
            dropped = {TEXT} if user.get(TEXT) else set()
        if dropped:
            last = {**last, USER: {k: v for k, v in user.items() if k not in dropped}}
    last = _without_text(last)
    if not history:
        return [*stripped, last]
    return [*stripped[len(stripped) - min(history - 1, len(stripped)) :], last]


def apply() -> None:
    Domain.states_for_tracker_history = states_for_tracker_history
    DialogueStateTracker.applied_events = applied_events
    DialogueStateTracker.copy = copy_tracker
    FormAction._temporary_tracker = form_temporary_tracker
    MaxHistoryTrackerFeaturizer.prediction_states = prediction_states
