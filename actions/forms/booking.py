"""booking_form: service, date, time and contact details for `book_service`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import common
from actions.forms.base import Context, TaskFormValidation
from actions.parsing import read_service


class ValidateBookingForm(TaskFormValidation):
    """Validates booking_form answers against the `book_service` config."""

    def name(self) -> str:
        return "validate_booking_form"

    def appointment_minutes(self, slots: Mapping[str, Any], context: Context) -> int:
        service = common.service_by_id(context.config, slots.get("service_type"))
        return service.duration_minutes if service else context.config.slot_minutes

    async def validate_service_type(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return await self._validate("service_type", value, dispatcher, tracker)

    async def read_service_type(
        self, text: str, dispatcher: CollectingDispatcher, tracker: Tracker, context: Context
    ) -> dict[str, Any]:
        service = read_service(text, context.config.services)
        # A longer service can push an already chosen time past closing time.
        return self._recheck_time({"service_type": service.id}, dispatcher, tracker, context)
