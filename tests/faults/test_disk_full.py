"""A disk that fills up during an import: a clear message, a sound database, a resumable import."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

import tui.cli
from store.database import open_database
from tui.cli import main


def test_disk_full_stops_cleanly_and_the_import_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, db_path = tmp_path / "corpus.jsonl", tmp_path / "corpus.db"
    corpus.write_text(
        "".join(
            json.dumps({"id": f"a{n}", "title": f"T{n}", "text": f"Report {n}. " + "Words " * 400})
            + "\n"
            for n in range(3000)
        )
    )
    open_database(db_path).close()

    def small_disk(path: Path, **options: Any) -> Database:
        db = open_database(path, **options)
        db.execute("PRAGMA max_page_count = 600")  # about 2.4 MB: full long before the end
        return db

    monkeypatch.setattr(tui.cli, "open_database", small_disk)
    result = CliRunner().invoke(main, ["import", str(corpus), "--db", str(db_path)])
    assert result.exit_code == 1
    assert "database or disk is full" in result.stderr
    assert "The database is consistent" in result.stderr
    assert "Traceback" not in result.stderr
    db = open_database(db_path)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    partial = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 0 <= partial < 3000

    monkeypatch.undo()  # space is freed: the same command finishes the job
    result = CliRunner().invoke(main, ["import", str(corpus), "--db", str(db_path)])
    assert result.exit_code == 0
    assert open_database(db_path).execute("SELECT count(*) FROM articles").fetchone() == (3000,)
