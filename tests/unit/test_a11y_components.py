"""Screen-reader details of the widget's building blocks that axe cannot see in a test run
(the typing indicator lives only while the bot works; the file input is hidden)."""

from __future__ import annotations

import reflex as rx

from app.components import chat
from app.components.a11y import described_by, label_file_input


def props_and_text(tree: dict) -> list[str]:
    """Every prop (as rendered to JSX) and every text in a rendered component tree."""
    found = [*tree.get("props", []), *([tree["contents"]] if "contents" in tree else [])]
    for child in tree.get("children", []):
        found += props_and_text(child)
    return found


def test_the_typing_indicator_says_who_is_typing_in_words() -> None:
    indicator = props_and_text(chat.typing_indicator(rx.Var.create("Ava")).render())

    assert 'role:"status"' in indicator
    assert '"Ava is typing"' in indicator
    # The dots are decoration; the words are text (a live region reads text, not labels).
    assert indicator.count('"aria-hidden":"true"') == 3
    assert not [prop for prop in indicator if "aria-label" in prop or "ariaLabel" in prop]


def test_the_hidden_file_input_of_an_upload_gets_a_name() -> None:
    upload = label_file_input(rx.upload.root(rx.text("Drop here"), id="u"), "Files to add")

    assert '"aria-label":"Files to add"' in props_and_text(upload.render())


def test_a_field_is_described_by_its_hint_always_and_its_error_only_while_there_is_one() -> None:
    attrs = described_by("settings-bot_name", rx.Var.create("x"), "settings-bot_name-hint")

    described = str(attrs["aria-describedby"])
    assert "settings-bot_name-hint settings-bot_name-error" in described
    assert '"settings-bot_name-hint"' in described
    assert "aria-invalid" in attrs
