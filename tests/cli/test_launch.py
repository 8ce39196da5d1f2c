"""`nutgraf` opens the browser without the command line when that is all it is asked,
and hands everything else to the command line unchanged."""

from __future__ import annotations

import gc
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from store.database import open_database, opens_as_is
from tests.test_import_hygiene import loaded_modules
from tui import launch


@pytest.mark.parametrize(
    ("args", "browsed"),
    [
        (["--db", "news.db"], Path("news.db")),
        (["--db=news.db"], Path("news.db")),
        (["--db", "--help"], None),
        (["--db="], None),
        (["--db"], None),
        (["--help"], None),
        (["--version"], None),
        (["import", "seeds"], None),
        (["--db", "news.db", "quotes"], None),
        (["news.db"], None),
    ],
)
def test_only_browsing_is_taken_at_once(args: list[str], browsed: Path | None) -> None:
    assert launch.browsed_database(args) == browsed


def test_no_arguments_browse_the_default_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NUTGRAF_DB", str(tmp_path / "mine.db"))
    assert launch.browsed_database([]) == tmp_path / "mine.db"


def test_a_current_database_opens_as_it_is(db_path: Path, db: Database) -> None:
    assert opens_as_is(db_path)


def test_what_needs_a_word_first_does_not_open_as_it_is(tmp_path: Path, db_path: Path) -> None:
    assert not opens_as_is(tmp_path / "missing.db")
    empty = tmp_path / "empty.db"
    empty.touch()
    assert not opens_as_is(empty)
    text = tmp_path / "notes.txt"
    text.write_text("not a database\n" * 100)
    assert not opens_as_is(text)
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
    assert not opens_as_is(foreign)
    assert not opens_as_is(tmp_path)
    # An older schema: the command line tells the user before upgrading it.
    open_database(db_path).conn.close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0007_entity_fixes'")
    assert not opens_as_is(db_path)


@pytest.fixture
def restored_terminal(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """`run` wraps stdout and stderr and ignores Ctrl+C once done, as installed."""
    monkeypatch.setattr(sys, "stdout", sys.stdout)
    monkeypatch.setattr(sys, "stderr", sys.stderr)
    handler = signal.getsignal(signal.SIGINT)
    yield
    signal.signal(signal.SIGINT, handler)


def test_browsing_a_current_database_skips_the_command_line(
    db_path: Path, db: Database, monkeypatch: pytest.MonkeyPatch, restored_terminal: None
) -> None:
    browsed: list[Path] = []
    monkeypatch.setattr("tui.opening.browse", browsed.append)
    monkeypatch.setattr("tui.cli.main", lambda: pytest.fail("the command line ran"))
    monkeypatch.setattr(sys, "argv", ["nutgraf", "--db", str(db_path)])
    launch.run()
    assert browsed == [db_path]
    assert gc.isenabled()


def test_anything_else_goes_to_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, restored_terminal: None
) -> None:
    ran: list[bool] = []
    monkeypatch.setattr("tui.opening.browse", lambda path: pytest.fail("browsed"))
    monkeypatch.setattr("tui.cli.main", lambda: ran.append(True))
    monkeypatch.setattr(sys, "argv", ["nutgraf", "--db", str(tmp_path / "new.db")])
    launch.run()
    assert ran == [True]


def test_a_file_that_is_no_database_is_refused_by_the_command_line(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a database\n" * 100)
    done = subprocess.run(
        [sys.executable, "-c", "from tui.launch import run; run()", "--db", str(text)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "not a SQLite database" in done.stderr
    assert "Traceback" not in done.stderr
    assert text.read_text() == "not a database\n" * 100


def test_the_start_loads_no_command_line() -> None:
    modules = loaded_modules("import tui.launch")
    assert "click" not in modules
    assert "textual" not in modules
