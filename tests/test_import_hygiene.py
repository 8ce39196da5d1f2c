"""The store never loads Textual, and neither do the commands that only use the store."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def loaded_modules(statement: str) -> set[str]:
    code = f"{statement}\nimport sys; print('\\n'.join(sys.modules))"
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return set(output.split())


def test_store_does_not_import_textual() -> None:
    modules = loaded_modules(
        "import store.database, store.importer, store.queries, store.readers, store.extract"
    )
    assert "textual" not in modules


# What `nutgraf --db DB` loads before the app runs (tui/launch.py).
BROWSER = "import tui.launch, tui.opening, tui.app"


def test_the_command_line_loads_textual_only_for_the_browser() -> None:
    assert "textual" not in loaded_modules("import tui.cli")


def test_the_browser_loads_no_extraction_and_no_sqlite_utils() -> None:
    """Opening the browser reads on plain sqlite3: the importer's modules (sqlite-utils,
    which brings numpy where installed; the extraction and its models) cost hundreds of
    milliseconds at start-up and load only for the commands that write."""
    modules = loaded_modules(BROWSER)
    assert "sqlite_utils" not in modules
    assert "store.extract" not in modules
    assert "store.entity_resolver" not in modules


# What the browser leaves to load when first used: the other screens and dialogs,
# the command palette's providers, the keys table, exporting, the fuzzy names
# (rapidfuzz), search, and the commands that only read. Each costs start-up time.
LOADED_WHEN_USED = {
    "rapidfuzz",
    "store.entity_queries",
    "store.search",
    "store.export",
    "store.citation",
    "tomllib",
    "click",
    "tui.cli",
    "tui.cli_entities",
    "tui.cli_quotes",
    "tui.cli_read",
    "tui.commands",
    "tui.keys",
    "tui.exporting",
    "tui.citing",
    "tui.screens.entity_screen",
    "tui.dialogs.bookmarks_dialog",
    "tui.dialogs.export_dialog",
    "tui.dialogs.filter_dialog",
    "tui.dialogs.quit_dialog",
    "tui.dialogs.statement_dialog",
    "tui.dialogs.who_said_what",
}


def test_the_browser_imports_only_what_its_first_screen_shows() -> None:
    modules = loaded_modules(BROWSER)
    assert LOADED_WHEN_USED.isdisjoint(modules), sorted(LOADED_WHEN_USED & modules)


def test_what_the_command_line_reads_ahead_loads_no_textual() -> None:
    """The list's first page is read while Textual loads, so that must come later."""
    assert "textual" not in loaded_modules("import tui.launch, tui.opening")


def test_opening_the_browser_loads_no_dialog_until_asked(seeded_db: object, db_path: Path) -> None:
    """Run until the list is painted: the palette, help and dialogs are still not
    loaded (rapidfuzz may be: the name index is built once the list is painted)."""
    code = f"""
import asyncio
from tui.app import make_app
from tui.widgets.article_list import ArticleList


async def browse() -> None:
    app = make_app({str(db_path)!r})
    async with app.run_test(size=(120, 40)) as pilot:
        while app.screen.query_one(ArticleList).highlighted is None:
            await pilot.pause(0.01)
        await pilot.pause()


asyncio.run(browse())
"""
    modules = loaded_modules(code)
    assert "tui.app" in modules
    opened = (LOADED_WHEN_USED - {"rapidfuzz", "store.entity_queries"}) & modules
    assert not opened, sorted(opened)
