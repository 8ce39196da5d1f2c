"""Fixing an entity from its profile (`F`): rename, merge, split, not an entity."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from sqlite_utils import Database
from textual.pilot import Pilot

from store import entity_edits
from store.database import open_database
from store.importer import import_paths
from tests.conftest import SEEDS
from tests.tui.pilot import SIZE, settle
from tui.app import NutgrafApp, make_app
from tui.dialogs.fix_entity_dialog import FixEntityDialog
from tui.screens.entity_screen import EntityScreen
from tui.screens.main_screen import MainScreen


def entity_id(db: Database, name: str) -> int:
    return int(db.execute("SELECT id FROM entities WHERE name = ?", [name]).fetchone()[0])


@asynccontextmanager
async def profile_of(
    db_path: Path, entity: int
) -> AsyncIterator[tuple[NutgrafApp, Pilot[None], EntityScreen]]:
    """The browser on the seeds, showing an entity's profile."""
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        main.open_entity(entity)
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen) and app.screen.profile is not None
        yield app, pilot, app.screen


def showing(app: NutgrafApp) -> object:
    """The screen on top now (mypy would keep the type an earlier assert narrowed)."""
    return app.screen


async def test_rename_from_the_profile_holds_after_a_reimport(
    seeded_db: Database, db_path: Path
) -> None:
    lavrov = entity_id(seeded_db, "Sergey Lavrov")
    async with profile_of(db_path, lavrov) as (app, pilot, profile):
        await pilot.press("F")
        await settle(pilot)
        assert isinstance(app.screen, FixEntityDialog)
        await pilot.press("enter")  # the first action: rename, the name to edit
        await pilot.press("ctrl+u", *"S. V. Lavrov", "enter")
        await settle(pilot)
        assert showing(app) is profile and profile.fixed
        assert profile.profile is not None and profile.profile.entity.name == "S. V. Lavrov"
    db = open_database(db_path)
    import_paths(db, [str(SEEDS)], workers=1)
    assert db.execute("SELECT name FROM entities WHERE id = ?", [lavrov]).fetchone() == (
        "S. V. Lavrov",
    )


async def test_merge_picks_the_other_entity_by_a_typed_name(
    seeded_db: Database, db_path: Path
) -> None:
    lavrov, putin = entity_id(seeded_db, "Sergey Lavrov"), entity_id(seeded_db, "Vladimir Putin")
    async with profile_of(db_path, lavrov) as (app, pilot, profile):
        await pilot.press("F", "j", "enter", *"vladimir")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FixEntityDialog)
        assert [c.name for c in dialog.candidates][:1] == ["Vladimir Putin"]
        assert lavrov not in {c.id for c in dialog.candidates}
        await pilot.press("enter", "enter")  # to the matches, then the first one
        await settle(pilot)
        # The profile now shows the entity it went into, with its names among his.
        assert showing(app) is profile and profile.entity_id == putin
        assert profile.profile is not None
        assert "Sergey Lavrov" in profile.profile.entity.aliases
    assert seeded_db.execute("SELECT count(*) FROM entities WHERE id = ?", [lavrov]).fetchone() == (
        0,
    )


async def test_split_off_a_name(seeded_db: Database, db_path: Path) -> None:
    putin = entity_id(seeded_db, "Vladimir Putin")
    async with profile_of(db_path, putin) as (app, pilot, profile):
        await pilot.press("F", "j", "j", "enter")
        dialog = app.screen
        assert isinstance(dialog, FixEntityDialog)
        # The forms listed, the name first: choose the second.
        assert dialog.forms[0] == "Vladimir Putin" and len(dialog.forms) >= 2
        form = dialog.forms[1]
        await pilot.press("j", "enter")
        await settle(pilot)
        assert showing(app) is profile and profile.profile is not None
        assert form not in profile.profile.entity.aliases
    (new,) = seeded_db.execute(
        "SELECT id FROM entities WHERE name = ? AND kind = 'person'", [form]
    ).fetchall()
    assert new[0] != putin
    written = seeded_db.execute(
        "SELECT count(*) FROM mentions WHERE entity_id = ? AND text = ?", [putin, form]
    ).fetchone()
    assert written == (0,)


async def test_not_an_entity_asks_twice_then_goes_back(seeded_db: Database, db_path: Path) -> None:
    lavrov = entity_id(seeded_db, "Sergey Lavrov")
    async with profile_of(db_path, lavrov) as (app, pilot, _):
        await pilot.press("F", "G", "enter")
        await settle(pilot)
        assert isinstance(app.screen, FixEntityDialog)  # the first ⏎ only warns
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    assert not seeded_db.execute("SELECT 1 FROM mentions WHERE entity_id = ?", [lavrov]).fetchall()
    # And it stays dropped when the same articles come again.
    db = open_database(db_path)
    import_paths(db, [str(SEEDS)], workers=1)
    names = {name for (name,) in db.execute("SELECT name FROM entities")}
    assert "Sergey Lavrov" not in names


async def test_an_empty_name_is_not_taken(seeded_db: Database, db_path: Path) -> None:
    lavrov = entity_id(seeded_db, "Sergey Lavrov")
    async with profile_of(db_path, lavrov) as (app, pilot, profile):
        await pilot.press("F", "enter", "ctrl+u", *"   ", "enter")
        await settle(pilot)
        assert isinstance(app.screen, FixEntityDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert showing(app) is profile and not profile.fixed
    assert seeded_db.execute("SELECT name FROM entities WHERE id = ?", [lavrov]).fetchone() == (
        "Sergey Lavrov",
    )


async def test_a_fix_that_cannot_be_made_says_why(seeded_db: Database, db_path: Path) -> None:
    lavrov = entity_id(seeded_db, "Sergey Lavrov")
    async with profile_of(db_path, lavrov) as (app, pilot, profile):
        # Meanwhile, `nutgraf entities ignore` in another terminal.
        entity_edits.ignore(open_database(db_path), lavrov)
        await pilot.press("F", "enter", "ctrl+u", *"S. V. Lavrov", "enter")
        await settle(pilot)
        assert showing(app) is profile and not profile.fixed
        messages = [str(n.message) for n in app._notifications]
        assert any(f"no entity {lavrov}" in m for m in messages), messages
