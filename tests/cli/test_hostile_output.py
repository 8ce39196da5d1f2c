"""Escape sequences in a corpus or in a file name never reach the terminal from the CLI.

Runs the real `nutgraf` (as installed: `tui.launch.run`) in a subprocess with its
output piped, and checks every byte of stdout and stderr.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from store.database import open_database
from store.importer import import_paths

# An OSC title, an OSC 52 clipboard write, OSC 8 links, a screen clear, a
# cursor query, a bell, a carriage return, C1 CSI, a bidi override.
HOSTILE = (
    "\x1b]0;pwned\x07 \x1b]52;c;UE9JU09O\x07 \x1b]8;;http://evil.example/\x07link\x1b]8;;\x07 "
    "\x1b[2J \x1b[6n \x07 \rforged \u009b2J \u202eevil"
)
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f\u202a-\u202e\u2066-\u2069]")


def nutgraf(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from tui.launch import run; run()", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def assert_no_raw_controls(output: str) -> None:
    found = RAW.search(output)
    assert found is None, repr(output[max(found.start() - 30, 0) : found.end() + 30])


@pytest.fixture
def hostile_db(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.db"
    db = open_database(path)
    corpus = tmp_path / "corpus.jsonl"
    record = {
        "id": "x",
        "title": f"Title {HOSTILE}",
        "text": f"Vladimir Putin said: “We will {HOSTILE} decide.”",
        "source": f"Source {HOSTILE}",
        "url": f"http://example.org/{HOSTILE}",
        "date": "2024-01-02",
    }
    corpus.write_text(json.dumps(record) + "\n", encoding="utf-8")
    import_paths(db, [str(corpus)])
    # Names as another tool (or a shard) might have written them.
    db.execute("UPDATE entities SET name = ? || ' ' || name", [HOSTILE])
    db.execute("UPDATE entity_aliases SET alias = ? || ' ' || alias", [HOSTILE])
    db.execute("UPDATE quotes SET speaker_text = ?", [HOSTILE])
    db.conn.commit()
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["stats"],
        ["stats", "--json"],
        ["entities"],
        ["entities", "--json"],
        ["quotes"],
        ["quotes", "--json"],
        ["quotes", "--speaker", "putin"],
    ],
)
def test_every_command_shows_data_without_its_controls(
    hostile_db: Path, command: list[str]
) -> None:
    result = nutgraf(*command, "--db", str(hostile_db))
    assert result.returncode == 0, result.stderr
    assert "pwned" in result.stdout or "We will" in result.stdout or "Source" in result.stdout
    assert_no_raw_controls(result.stdout)
    assert_no_raw_controls(result.stderr)


def test_json_output_keeps_the_data_exact(hostile_db: Path) -> None:
    result = nutgraf("quotes", "--json", "--db", str(hostile_db))
    statements = [json.loads(line) for line in result.stdout.splitlines()]
    quotes = [quote for statement in statements for quote in statement["variants"]]
    assert quotes and all(quote["source"] == f"Source {HOSTILE}" for quote in quotes)
    # (The `\r` splits the quote in two: the stray second half may have no speaker.)
    named = [quote for quote in quotes if quote["confidence"] is not None]
    assert named and all(quote["speaker"] == f"{HOSTILE} Vladimir Putin" for quote in named)


def test_a_hostile_file_name_cannot_forge_a_report_line(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    name = "evil\x1b]0;pwned\x07\nfake.jsonl:1: all good\n.jsonl"
    (folder / name).write_text('{"id": 1, "text": ""}\n{oops\n', encoding="utf-8")
    result = nutgraf("import", str(folder), "--db", str(tmp_path / "x.db"))
    assert_no_raw_controls(result.stderr)
    problems = [line for line in result.stderr.splitlines() if ": " in line]
    # One line per problem, each naming the whole (escaped) file: no line of its own.
    assert not any(line.startswith("fake.jsonl") for line in result.stderr.splitlines())
    assert len([line for line in problems if "␊fake.jsonl:1: all good␊" in line]) == 2


def test_a_hostile_database_path_in_an_error(tmp_path: Path) -> None:
    missing = tmp_path / "no\x1b]0;pwned\x07\nsuch.db"
    result = nutgraf("stats", "--db", str(missing))
    assert result.returncode == 1
    # One line: the name is shown, its escape sequence is not played.
    assert result.stderr.count("\n") == 1 and "such.db: no such database" in result.stderr
    assert_no_raw_controls(result.stderr)
