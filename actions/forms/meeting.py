"""meeting_form: topic, date, time, length and contact details for `schedule_meeting`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.forms.base import Context, TaskFormValidation
from actions.parsing import read_duration, read_topic


class ValidateMeetingForm(TaskFormValidation):
    """Validates meeting_form answers against the `schedule_meeting` config."""

    what = "a meeting"

    def name(self) -> str:
        return "validate_meeting_form"

    def appointment_minutes(self, slots: Mapping[str, Any], context: Context) -> int:
        # The length is asked after the time; until then the shortest allowed meeting must fit.
        chosen = slots.get("duration")
        if chosen:
            return int(chosen)
        return min(context.config.durations or [context.config.slot_minutes])

    async def validate_topic(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return await self._validate("topic", value, dispatcher, tracker)

    async def validate_duration(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return await self._validate("duration", value, dispatcher, tracker)

    async def read_topic(
        self, text: str, dispatcher: CollectingDispatcher, tracker: Tracker, context: Context
    ) -> dict[str, Any]:
        return {"topic": read_topic(text)}

    async def read_duration(
        self, text: str, dispatcher: CollectingDispatcher, tracker: Tracker, context: Context
    ) -> dict[str, Any]:
        minutes = read_duration(text, context.config.durations)
        # A longer meeting can push an already chosen time past closing time.
        return self._recheck_time({"duration": str(minutes)}, dispatcher, tracker, context)
