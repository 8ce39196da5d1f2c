"""How the screens look on the seeds, at 80×24 and 120×40 (update with `pytest --snapshot-update`,
then look at the SVGs in __snapshots__)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from sqlite_utils import Database
from textual.pilot import Pilot

from tests.tui.pilot import settle
from tests.tui.test_navigation import read_on
from tui.app import make_app

SnapCompare = Callable[..., bool]
Steps = Callable[[Pilot[None]], Awaitable[None]]
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


async def _reading(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def _profile(pilot: Pilot[None]) -> None:
    await read_on(pilot, "Vladimir Putin", "enter")


async def _who_said_what(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("w", *"putin")
    await pilot.pause(0.3)
    await settle(pilot)
    await pilot.press("enter")  # to the quotes: no blinking cursor in the picture


def _pressing(*keys: str) -> Steps:
    async def steps(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)

    return steps


async def _search(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("slash", *"putin", "enter")
    await pilot.pause(0.3)
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    "steps",
    [
        pytest.param(_reading, id="list-and-reader"),
        pytest.param(_profile, id="profile"),
        pytest.param(_who_said_what, id="who-said-what"),
        pytest.param(_pressing("f"), id="filter"),
        pytest.param(_pressing("question_mark"), id="help"),
    ],
)
def test_screen(
    snap_compare: SnapCompare,
    seeded_db: Database,
    db_path: Path,
    steps: Steps,
    size: tuple[int, int],
) -> None:
    assert snap_compare(make_app(db_path), terminal_size=size, run_before=steps)


def test_search_results(snap_compare: SnapCompare, seeded_db: Database, db_path: Path) -> None:
    assert snap_compare(make_app(db_path), terminal_size=(100, 30), run_before=_search)
