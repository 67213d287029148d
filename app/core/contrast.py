"""WCAG 2.1 colour contrast: which text colour reads on the admin's brand colour.

The brand colour fills the widget's header, the visitor's bubbles and the launcher, with text
on top. WCAG 2.1 AA asks 4.5:1 for normal text (success criterion 1.4.3). For any colour,
white or black text reaches at least sqrt(21) ≈ 4.58:1, so a brand colour never has to be
refused: its text colour is chosen to pass, and the dashboard says which one it chose.
"""

from __future__ import annotations

from dataclasses import dataclass

AA_TEXT_RATIO = 4.5
WHITE = "#ffffff"
# Softer than pure black, used when it passes; pure black is the fallback that always does.
DARK_TEXT = "#111827"
BLACK = "#000000"


def relative_luminance(colour: str) -> float:
    """Relative luminance of a `#rrggbb` colour, as WCAG 2.1 defines it."""
    channels = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """Contrast ratio of two `#rrggbb` colours, from 1 (same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@dataclass(frozen=True)
class BrandTextChoice:
    """The text colour chosen for a brand colour, and why."""

    brand_color: str
    text_color: str
    ratio: float
    white_ratio: float

    @property
    def adjusted(self) -> bool:
        """True when white text would fail and dark text was chosen instead."""
        return self.text_color != WHITE

    def explanation(self) -> str:
        """One sentence for the dashboard: the chosen text colour and the ratios."""
        if not self.adjusted:
            return f"White text on {self.brand_color} has a contrast of {self.ratio:.1f}:1 (AA needs 4.5:1)."
        return (
            f"White text on {self.brand_color} would have a contrast of only "
            f"{self.white_ratio:.1f}:1 (AA needs 4.5:1), so the widget uses dark text "
            f"({self.text_color}, {self.ratio:.1f}:1) on it."
        )


def brand_text_choice(brand_color: str) -> BrandTextChoice:
    """White text when it reaches 4.5:1 on the brand colour, else the first dark one that does."""
    white_ratio = contrast_ratio(WHITE, brand_color)
    for text_color in (WHITE, DARK_TEXT, BLACK):
        ratio = contrast_ratio(text_color, brand_color)
        if ratio >= AA_TEXT_RATIO:
            return BrandTextChoice(brand_color, text_color, ratio, white_ratio)
    # Unreachable for valid colours (see the module docstring); black is the best there is.
    return BrandTextChoice(brand_color, BLACK, contrast_ratio(BLACK, brand_color), white_ratio)
