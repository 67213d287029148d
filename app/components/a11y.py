"""Accessibility building blocks shared by the widget and the dashboard (WCAG 2.1 AA).

Pure functions and CSS: a skip link, text only screen readers hear, and ids that tie a
field's hint and error to the field (`aria-describedby`).
"""

from __future__ import annotations

import reflex as rx

MAIN_CONTENT_ID = "main-content"

# Hidden from sight, still read by screen readers (the usual "sr-only" pattern).
SR_ONLY_STYLE = {
    "position": "absolute",
    "width": "1px",
    "height": "1px",
    "padding": "0",
    "margin": "-1px",
    "overflow": "hidden",
    "clip": "rect(0 0 0 0)",
    "white_space": "nowrap",
    "border": "0",
}

# The skip link shows only when it has the keyboard focus; every focused control gets a
# clearly visible ring (2.4.7); moving parts stop for people who asked for less motion (2.3.3).
A11Y_CSS = """
/* Radix's colour steps sit at the edge of AA or below it: white on teal-9 is 3.1:1, red-9
   3.9:1; the soft badges' and callouts' text (step 11) on their own tint 3.5-4.3:1. These
   darker steps reach 4.6:1 or more (1.4.3); !important beats Radix's display-p3 variants. */
:root, .radix-themes, .light, .light-theme {
  --teal-9: #0f766e !important; --teal-10: #115e59 !important;
  --teal-11: #006e5f !important; --teal-a11: #006e5f !important;
  --red-9: #d92a30 !important; --red-10: #b3262b !important;
  --red-11: #b3262b !important; --red-a11: #b3262b !important;
  --green-11: #1c6f4b !important; --green-a11: #1c6f4b !important;
  --blue-11: #0b63af !important; --blue-a11: #0b63af !important;
  --amber-11: #935600 !important; --amber-a11: #935600 !important;
  --orange-11: #a13e00 !important; --orange-a11: #a13e00 !important;
  --sage-11: #5a605e !important; --sage-a11: #5a605e !important;
  --gray-11: #5e5e5e !important; --gray-a11: #5e5e5e !important;
}
.skip-link { position: absolute; left: 12px; top: -48px; z-index: 1000; padding: 10px 16px;
             background: #111827; color: #ffffff; border-radius: 8px; font-weight: 600;
             text-decoration: none; }
.skip-link:focus { top: 12px; outline: 3px solid #2563eb; outline-offset: 2px; }
a:focus-visible, button:focus-visible, [role="tab"]:focus-visible, [role="radio"]:focus-visible,
[role="switch"]:focus-visible, [tabindex]:focus-visible, input:focus-visible,
textarea:focus-visible, select:focus-visible, [role="combobox"]:focus-visible {
  outline: 2px solid #1d4ed8; outline-offset: 2px;
}
/* Where a field or switch is: Radix draws its edge in gray-a7, about 1.6:1 on white; these
   reach 3.8:1 (1.4.11 asks 3:1 for what identifies a control). */
.rt-TextFieldRoot, .rt-TextAreaRoot, .rt-SelectTrigger { --gray-a7: #7c8481; }
.rt-SwitchRoot[data-state="unchecked"]::before { box-shadow: inset 0 0 0 1px #7c8481; }
/* Sonner's toasts: its rich colours put red text on pink at 3.2:1. */
[data-sonner-toast][data-type="error"] { color: #b3262b !important; }
[data-sonner-toast][data-type="success"] { color: #1c6f4b !important; }
[data-sonner-toast][data-type="warning"] { color: #935600 !important; }
[data-sonner-toast][data-type="info"] { color: #0b63af !important; }
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation-duration: 0.01ms !important;
    animation-iteration-count: 1 !important; transition-duration: 0.01ms !important;
    scroll-behavior: auto !important; }
}
"""


def sr_only(text: str | rx.Var) -> rx.Component:
    """Text for screen readers only."""
    return rx.el.span(text, style=SR_ONLY_STYLE, class_name="sr-only")


def skip_link(target_id: str = MAIN_CONTENT_ID) -> rx.Component:
    """The first thing Tab reaches: jumps past the menu to the page's main content.

    Plain HTML on purpose: Reflex turns `rx.el.a` into a router link, whose client-side
    navigation scrolls but leaves the keyboard focus on the link; a native fragment link
    moves the focus into <main> (which has tabindex -1), so the next Tab starts there.
    """
    return rx.html(
        f'<a class="skip-link" href="#{target_id}">Skip to main content</a>',
        class_name="skip-link-wrapper",
    )


def error_id(field_id: str | rx.Var) -> str | rx.Var:
    """The id of a field's error message (`field_id` may be a var, for rows in a foreach)."""
    return field_id + "-error"


def hint_id(field_id: str) -> str:
    """The id of a field's hint."""
    return f"{field_id}-hint"


def described_by(field_id: str | rx.Var, error: rx.Var | str, *extra_ids: str) -> dict:
    """`custom_attrs` that tie a control to other text that describes it (its hint, a note)
    and, while there is one, to its error; `aria-invalid` says whether there is one."""
    always = " ".join(extra_ids)
    with_error = (always + " " if always else "") + error_id(field_id)
    return {
        "aria-describedby": rx.cond(error != "", with_error, always),
        "aria-invalid": rx.cond(error != "", "true", "false"),
    }


def label_file_input(upload: rx.Component, label: str) -> rx.Component:
    """Name the hidden file input inside an `rx.upload.root`.

    react-dropzone's input takes no props from Reflex, and an input without a name is a
    critical WCAG failure (4.1.2) even when hidden from sight; the visible button or drop
    zone next to it is what people use.
    """
    pending = [upload]
    while pending:
        component = pending.pop()
        if type(component).__name__ == "Input" and component.special_props:
            component.custom_attrs["aria-label"] = label
            return upload
        pending.extend(getattr(component, "children", []))
    raise ValueError("no file input inside this upload component")
