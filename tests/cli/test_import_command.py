from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from store.database import open_database
from tests.conftest import FIXTURES, SEEDS
from tui.cli import main


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def test_import_seeds_then_again(db_path: Path) -> None:
    code, _, err = run("import", str(SEEDS), "--db", str(db_path))
    assert code == 0
    assert err.startswith("imported 5, unchanged 0, rejected 0 in ")
    code, _, err = run("import", str(SEEDS), "--db", str(db_path))
    assert code == 0 and err.startswith("imported 0, unchanged 5, rejected 0")


def test_bad_records_reported_as_file_line_reason(db_path: Path) -> None:
    code, _, err = run("import", str(FIXTURES / "corpus_sample.jsonl"), "--db", str(db_path))
    assert code == 0
    assert f"{FIXTURES / 'corpus_sample.jsonl'}:6: no text\n" in err
    assert "imported 13, unchanged 0, rejected 1" in err


def test_nothing_imported_and_records_rejected_exits_1(db_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n[]\n")
    code, _, err = run("import", str(bad), "--db", str(db_path))
    assert code == 1
    assert f"{bad}:1: invalid JSON" in err and f"{bad}:2: a JSON list, not an object" in err


def test_standard_input(db_path: Path) -> None:
    lines = [json.dumps({"title": "From a pipe", "text": "Piped body."}), "not json"]
    code, _, err = run("import", "-", "--db", str(db_path), input="\n".join(lines) + "\n")
    assert code == 0
    assert "<stdin>:2: invalid JSON" in err and "imported 1," in err


def test_usage_errors_exit_2(db_path: Path) -> None:
    assert run("import", "--db", str(db_path))[0] == 2
    assert run("import", "x", "--no-such-option")[0] == 2


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("plain text " * 500)
    code, _, err = run("import", str(SEEDS), "--db", str(notes))
    assert code == 1
    assert err.startswith(f"Error: {notes}: not a SQLite database")
    assert "Traceback" not in err


def test_stats(db_path: Path) -> None:
    run("import", str(SEEDS), str(FIXTURES / "corpus_sample.jsonl"), "--db", str(db_path))
    code, out, _ = run("stats", "--db", str(db_path))
    assert code == 0
    assert "articles   18\n" in out
    assert "dates      1987-02-26 … 2024-11-07" in out
    code, out, _ = run("--db", str(db_path), "stats", "--json")
    figures = json.loads(out)
    assert figures["articles"] == 18
    assert {"source": "BBC News", "articles": 3} in figures["sources"]


def test_stats_on_a_missing_database(tmp_path: Path) -> None:
    code, _, err = run("stats", "--db", str(tmp_path / "none.db"))
    assert code == 1 and "no such database" in err


def test_version_and_help() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("nutgraf, version ")
    for command in ([], ["import"], ["stats"]):
        code, out, _ = run(*command, "--help")
        assert code == 0 and "Example" in out


def test_first_run_creates_the_default_database_from_the_seeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("NUTGRAF_DB", raising=False)
    monkeypatch.setattr("tui.app.run_app", opened.append)
    code, _, err = run()
    default = tmp_path / "data" / "nutgraf" / "corpus.db"
    assert code == 0 and opened == [default]
    assert "Creating" in err
    assert open_database(default).execute("SELECT count(*) FROM articles").fetchone() == (5,)
    # The second run opens it as it is.
    code, _, err = run()
    assert code == 0 and err == "" and opened == [default, default]
