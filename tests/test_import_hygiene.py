"""The store never loads Textual, and neither do the commands that only use the store."""

from __future__ import annotations

import subprocess
import sys


def loaded_modules(statement: str) -> set[str]:
    code = f"{statement}; import sys; print('\\n'.join(sys.modules))"
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return set(output.split())


def test_store_does_not_import_textual() -> None:
    modules = loaded_modules(
        "import store.database, store.importer, store.queries, store.readers, store.extract"
    )
    assert "textual" not in modules


def test_the_command_line_loads_textual_only_for_the_browser() -> None:
    assert "textual" not in loaded_modules("import tui.cli")


def test_the_browser_loads_no_extraction_and_no_sqlite_utils() -> None:
    """Opening the browser reads on plain sqlite3: the importer's modules (sqlite-utils,
    which brings numpy where installed; the extraction and its models) cost hundreds of
    milliseconds at start-up and load only for the commands that write."""
    modules = loaded_modules("import tui.cli, tui.app")
    assert "sqlite_utils" not in modules
    assert "store.extract" not in modules
    assert "store.entity_resolver" not in modules
