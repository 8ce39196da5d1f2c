"""How the main screens look, on the seeds (update with `pytest --snapshot-update`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database
from textual.pilot import Pilot

from tests.tui.test_browser import settle
from tui.app import make_app

SnapCompare = Callable[..., bool]


def test_main_screen(snap_compare: SnapCompare, seeded_db: Database, db_path: Path) -> None:
    assert snap_compare(make_app(db_path), terminal_size=(100, 30), run_before=settle)


def test_compact_80x24(snap_compare: SnapCompare, seeded_db: Database, db_path: Path) -> None:
    assert snap_compare(make_app(db_path), terminal_size=(80, 24), run_before=settle)


def test_search_results(snap_compare: SnapCompare, seeded_db: Database, db_path: Path) -> None:
    async def search(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("slash", *"putin", "enter")
        await pilot.pause(0.3)
        await settle(pilot)

    assert snap_compare(make_app(db_path), terminal_size=(100, 30), run_before=search)
