"""The one refusal of a single field's value, shared by every layer that validates input."""

from __future__ import annotations


class FieldRefused(ValueError):
    """A field's value is refused; `field` names it and `message` says why, in words a
    visitor or staff member can act on (a 422 naming the field in the APIs)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
