"""Loading a page's data off the event loop, shared by the admin states whose reads are slow
(analytics sync and reports): the page keeps answering while they run."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

import reflex as rx

logger = logging.getLogger(__name__)


class LoadingMixin(rx.State, mixin=True):
    """`loading` and `error` of a page, and the background load that sets them. Use with
    AuthState: `class OverviewState(LoadingMixin, AuthState)`."""

    loading: bool = True
    error: str = ""

    async def _load_in_background(
        self,
        query: Callable[[], Any],
        read: Callable[[Any], Any],
        show: Callable[[Any], None],
        failure: str,
    ) -> None:
        """For a signed-in caller: take `query()` from the state, run the blocking `read(query)`
        in a thread, then `show(result)`; when it fails, log it and say `failure` on the page.

        Call it from an `@rx.event(background=True)` handler (it takes the state's lock itself).
        """
        async with self:
            if self._current_admin() is None:
                return
            self.loading = True
            self.error = ""
            asked = query()
        try:
            result = await asyncio.to_thread(read, asked)
        except Exception:  # noqa: BLE001 - the page says so in words
            logger.exception("%s failed", getattr(read, "__name__", "loading"))
            async with self:
                self.loading = False
                self.error = failure
            return
        async with self:
            show(result)
            self.loading = False
            self.error = ""
