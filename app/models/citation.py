"""A cited page: the one shape of a source from the search to the screen.

The answer code builds it (`app.services.knowledge.Answer.sources`), the bot carries it in its
reply as `custom.sources` (`as_data`), analytics stores it with the turn, and the widget and the
dashboard read it back with `citations` and show it as a link. There is no text copy.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

_WEB_LINK = re.compile(r"^https?://", re.IGNORECASE)


@dataclasses.dataclass
class Citation:
    """A page an answer comes from: its title and its web address."""

    title: str = ""
    url: str = ""

    def as_data(self) -> dict[str, str]:
        """As the bot sends it in `custom.sources`, and as a turn stores it."""
        return {"title": self.title, "url": self.url}


def safe_link(url: Any) -> str | None:
    """Only http(s) links are shown: a `javascript:` URL from content must never be clickable."""
    if isinstance(url, str) and _WEB_LINK.match(url.strip()):
        return url.strip()
    return None


def citations(raw: Any) -> list[Citation]:
    """`custom.sources` (or a stored turn's sources) as citations: web links only, each once,
    titled by their address when the title is missing."""
    found: list[Citation] = []
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, dict) or not (url := safe_link(item.get("url"))):
            continue
        if all(citation.url != url for citation in found):
            found.append(Citation(title=str(item.get("title") or url), url=url))
    return found
