from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.tui.pilot import parts, settle
from tui.app import make_app


async def test_a_keymap_file_remaps_by_binding_id(
    seeded_db: Database, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "nutgraf").mkdir()
    (tmp_path / "nutgraf" / "keymap.toml").write_text('"list.down" = "x"\n')
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    app = make_app(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        articles, _ = parts(app)
        await pilot.press("x")
        await settle(pilot)
        assert articles.cursor == 1


async def test_a_bad_keymap_is_reported_not_raised(
    seeded_db: Database, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "nutgraf").mkdir()
    (tmp_path / "nutgraf" / "keymap.toml").write_text('"no.such-binding" = "x"\n')
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    app = make_app(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.is_running
        messages = [str(n.message) for n in app._notifications]
        assert any("no binding has the id 'no.such-binding'" in m for m in messages)


async def test_the_palette_shows_remapped_keys(
    seeded_db: Database, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.commands import _keys_by_action
    from tui.screens.main_screen import MainScreen

    (tmp_path / "nutgraf").mkdir()
    (tmp_path / "nutgraf" / "keymap.toml").write_text('"main.filter" = "F"\n')
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    app = make_app(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        keys = _keys_by_action(screen)
        assert keys["filter"] == "F"
        assert keys["who_said_what"] == "w" and keys["help"] == "?, f1"
        await pilot.press("F")
        await settle(pilot)
        assert type(app.screen).__name__ == "FilterDialog"
