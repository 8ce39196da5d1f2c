from __future__ import annotations

from pathlib import Path

from tui.keys import readme_keys_table

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_keys_table_matches_the_bindings() -> None:
    table = readme_keys_table()
    assert "| Reader | `n` | Next (hit or same name) |" in table
    assert table in README.read_text(encoding="utf-8"), (
        "README's keys table is out of date: paste the output of `python -m tui.keys`"
    )


def test_every_binding_has_an_id_for_keymaps() -> None:
    from textual.binding import Binding

    from tui.app import NutgrafApp
    from tui.keys import binding_sections
    from tui.screens.main_screen import MainScreen

    sections = binding_sections([*NutgrafApp.BINDINGS, *MainScreen.BINDINGS])
    ids = [b.id for bindings in sections.values() for b in bindings if isinstance(b, Binding)]
    assert None not in ids
    assert len(ids) == len(set(ids))
