"""nutgraf writes only to an empty file or a nutgraf database: any other file keeps
every byte, whatever command is pointed at it."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import SEEDS
from tui.cli import main

COMMANDS = [
    ["stats"],
    ["entities"],
    ["quotes"],
    ["reindex"],
    ["import", str(SEEDS)],
    [],  # the browser
]


def other_programs_database(path: Path, kind: str) -> None:
    conn = sqlite3.connect(path)
    if kind == "own-migrations":
        # Another program built with sqlite-utils migrations.
        conn.execute("CREATE TABLE _sqlite_migrations (migration_set TEXT, name TEXT, applied_at)")
        conn.execute("INSERT INTO _sqlite_migrations VALUES ('notes', '0001_init', 'now')")
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    else:
        # A table named like ours, with other columns.
        conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, headline TEXT, body TEXT)")
        conn.execute("INSERT INTO articles VALUES (1, 'Mine', 'Not yours')")
    conn.commit()
    conn.close()


def digest(folder: Path) -> dict[str, str]:
    return {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in sorted(folder.iterdir())}


@pytest.mark.parametrize("kind", ["own-migrations", "articles-table"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0] if c else "browser")
def test_another_programs_database_is_left_as_it_was(
    tmp_path: Path, kind: str, command: list[str]
) -> None:
    folder = tmp_path / "theirs"
    folder.mkdir()
    database = folder / "other.db"
    other_programs_database(database, kind)
    before = digest(folder)
    result = CliRunner().invoke(main, ["--db", str(database), *command])
    assert result.exit_code == 1, result.output
    assert "not a nutgraf corpus; nutgraf leaves it as it is" in result.stderr
    assert digest(folder) == before  # the same bytes, and no -wal, -shm or .lock beside it


@pytest.mark.parametrize("limit", ["-1", "99999999999999999999"])
def test_a_limit_out_of_range_is_a_usage_error(tmp_path: Path, limit: str) -> None:
    db = tmp_path / "corpus.db"
    CliRunner().invoke(main, ["import", str(SEEDS), "--db", str(db)])
    for command in ("quotes", "entities"):
        result = CliRunner().invoke(main, [command, "--limit", limit, "--db", str(db)])
        assert result.exit_code == 2
        assert "Invalid value for '--limit'" in result.stderr
        assert "Traceback" not in result.output
