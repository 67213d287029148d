"""The brand colour's text colour meets WCAG AA contrast, and the dashboard says which it chose."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st
from sqlmodel import Session

from app.core.contrast import AA_TEXT_RATIO, brand_text_choice, contrast_ratio
from app.models import Role
from app.services.config import get_bot_settings
from app.state.admin_settings import SettingsState
from tests.unit.test_admin_state_tasks import add_staff, call, signed_in

hex_colours = st.integers(min_value=0, max_value=0xFFFFFF).map(lambda n: f"#{n:06x}")


@pytest.mark.parametrize(
    ("first", "second", "ratio"),
    [
        ("#000000", "#ffffff", 21.0),
        ("#ffffff", "#ffffff", 1.0),
        ("#777777", "#ffffff", 4.48),  # the classic "grey that just fails"
        ("#2563eb", "#ffffff", 5.17),
    ],
)
def test_contrast_ratio_matches_the_wcag_formula(first: str, second: str, ratio: float) -> None:
    assert contrast_ratio(first, second) == pytest.approx(ratio, abs=0.01)
    assert contrast_ratio(second, first) == pytest.approx(ratio, abs=0.01)


def test_a_dark_brand_keeps_white_text() -> None:
    choice = brand_text_choice("#0f766e")

    assert (choice.text_color, choice.adjusted) == ("#ffffff", False)
    assert choice.explanation() == "White text on #0f766e has a contrast of 5.5:1 (AA needs 4.5:1)."


def test_a_light_brand_gets_dark_text_and_the_reason_in_words() -> None:
    choice = brand_text_choice("#ff5500")

    assert choice.adjusted and choice.text_color == "#111827"
    assert choice.explanation() == (
        "White text on #ff5500 would have a contrast of only 3.2:1 (AA needs 4.5:1), "
        "so the widget uses dark text (#111827, 5.5:1) on it."
    )


@given(hex_colours)
def test_every_brand_colour_gets_text_that_passes_aa(colour: str) -> None:
    choice = brand_text_choice(colour)

    assert contrast_ratio(choice.text_color, colour) >= AA_TEXT_RATIO
    assert choice.ratio == pytest.approx(contrast_ratio(choice.text_color, colour))


def test_settings_page_names_the_text_colour_when_saving_a_light_brand(seeded: Session) -> None:
    editor = add_staff(seeded, "editor@example.com", Role.editor)
    state = signed_in(SettingsState, editor)
    call(state, "load")

    call(state, "set_value", "brand_color", "#FFD400")
    assert state.brand_text_color == "#111827"
    assert "would have a contrast of only 1.4:1" in state.brand_contrast_note
    call(state, "save")

    assert state.errors == {}
    assert get_bot_settings().brand_color == "#ffd400"
    assert "so the widget uses dark text (#111827" in state.saved_message
    call(state, "set_value", "brand_color", "not a colour")
    assert state.brand_contrast_note == ""


def test_the_launcher_gets_the_same_text_colour(seeded: Session, api_client: TestClient) -> None:
    settings = get_bot_settings().model_dump(mode="json", exclude={"updated_at"})
    token_user = add_staff(seeded, "admin2@example.com", Role.admin)
    state = signed_in(SettingsState, token_user)
    call(state, "load")
    call(state, "set_value", "brand_color", "#fde68a")
    call(state, "save")

    config = api_client.get("/api/widget/config").json()

    assert settings["brand_color"] != config["brand_color"]
    assert (config["brand_color"], config["brand_text_color"]) == ("#fde68a", "#111827")
