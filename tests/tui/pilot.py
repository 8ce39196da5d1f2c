"""What the browser's Pilot tests share: the terminal size, and waiting for the app to settle."""

from __future__ import annotations

from textual.pilot import Pilot

from tui.app import NutgrafApp
from tui.screens.main_screen import FIRST_PREVIEW_DELAY
from tui.widgets.article_list import ArticleList
from tui.widgets.reader import Reader

SIZE = (100, 30)


async def settle(pilot: Pilot[None]) -> None:
    """Let workers finish and their messages land (and, at start, the first preview)."""
    readers = pilot.app.screen.query(Reader)
    if readers and readers.first().article is None:
        # The first preview waits for the first rows, then its delay: on a loaded
        # machine (CI, a first start compiling bytecode) the rows come late.
        for _ in range(10):
            await pilot.pause(FIRST_PREVIEW_DELAY + 0.05)
            await pilot.app.workers.wait_for_complete()
            if readers.first().article is not None:
                break
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def search_for(pilot: Pilot[None], query: str) -> None:
    """Type a search as a user does, and let its hits land in the list."""
    await pilot.press("slash", *query, "enter")
    await pilot.pause(0.3)
    await settle(pilot)


async def type_search(pilot: Pilot[None], query: str) -> None:
    """Type a search as a user does, without ⏎: the list shows its hits as typed."""
    await pilot.press("slash", *query)
    await pilot.pause(0.3)
    await settle(pilot)


def parts(app: NutgrafApp) -> tuple[ArticleList, Reader]:
    return app.screen.query_one(ArticleList), app.screen.query_one(Reader)
