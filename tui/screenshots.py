"""Render SVG screenshots of the main screens from the seeds: `python -m tui.screenshots DIR`."""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot

from store.database import open_database
from store.importer import import_paths
from store.seeds import bundled_seeds
from tui.app import make_app
from tui.screens.main_screen import FIRST_PREVIEW_DELAY

Steps = Callable[[Pilot[None]], Awaitable[None]]


async def _settle(pilot: Pilot[None]) -> None:
    await pilot.pause(FIRST_PREVIEW_DELAY + 0.05)
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.1)


async def _search(pilot: Pilot[None]) -> None:
    await pilot.press("slash", *"sanction*", "enter")
    await pilot.pause(0.3)
    await _settle(pilot)
    await pilot.press("enter")


async def _help(pilot: Pilot[None]) -> None:
    await pilot.press("question_mark")


async def _profile(pilot: Pilot[None]) -> None:
    """Into the newest article, the name cursor to Putin, Enter for his profile."""
    from tui.widgets.reader import Reader

    await pilot.press("enter")
    await _settle(pilot)
    reader = pilot.app.screen.query_one(Reader)
    for _ in range(len(reader.mentions)):
        await pilot.press("tab")
        if reader.mentions[reader.focused_mention or 0].name == "Vladimir Putin":
            break
    await pilot.press("enter")


async def _statement(pilot: Pilot[None]) -> None:
    """From Putin's profile, his repeated statement in the statement view."""
    await pilot.press("tab", "tab", "enter")


async def _who(pilot: Pilot[None]) -> None:
    await pilot.press("w", *"putin")
    await pilot.pause(0.3)
    await _settle(pilot)
    await pilot.press("enter")


async def _filter(pilot: Pilot[None]) -> None:
    await pilot.press("f")


SCREENS: dict[str, tuple[tuple[int, int], list[Steps]]] = {
    "main": ((120, 34), []),
    "search": ((120, 34), [_search]),
    "compact": ((80, 24), []),
    "help": ((100, 34), [_help]),
    "profile": ((120, 34), [_profile]),
    "who-said-what": ((120, 34), [_who]),
    "statement": ((120, 34), [_profile, _statement]),
    "filter": ((120, 34), [_filter]),
}


async def render(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "seeds.db"
        import_paths(open_database(db_path), [str(bundled_seeds())])
        for name, (size, steps) in SCREENS.items():
            app = make_app(db_path)
            async with app.run_test(size=size) as pilot:
                await _settle(pilot)
                for step in steps:
                    await step(pilot)
                    await _settle(pilot)
                app.save_screenshot(f"{name}.svg", str(directory))
            print(directory / f"{name}.svg")


if __name__ == "__main__":
    asyncio.run(render(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")))
