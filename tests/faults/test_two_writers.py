"""Two writers at once: the second waits for the first, says so, and nothing is damaged.

The first writer imports from stdin, fed by the test: it is still writing, for as long
as the test wants, when the second one starts (no race with a large corpus)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from store.database import open_database
from store.writer_lock import DatabaseBusy, writer_lock
from tests.faults.test_interrupted_import import (
    FIRST_PART,
    feed,
    make_corpus,
    start_fed_import,
)
from tests.faults.test_kill_and_resume import articles
from tests.store.test_import_in_parts import assert_nothing_dangles

ARTICLES = FIRST_PART + 400


def nutgraf(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", "from tui.launch import run; run()", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_until_importing(process: subprocess.Popen[str], db: Path) -> None:
    """Until the import has stored its first batch (so it holds the lock)."""
    deadline = time.monotonic() + 120
    while process.poll() is None and not articles(db) and time.monotonic() < deadline:
        time.sleep(0.01)


@pytest.mark.parametrize("second", [["reindex"], ["import", "CORPUS"]])
def test_a_second_writer_waits_for_the_first(tmp_path: Path, second: list[str]) -> None:
    corpus, db = tmp_path / "corpus.jsonl", tmp_path / "corpus.db"
    make_corpus(corpus, ARTICLES)
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    first = start_fed_import(db)
    feed(first, lines[:FIRST_PART])
    wait_until_importing(first, db)
    assert first.poll() is None, first.stderr.read() if first.stderr else ""
    args = [str(corpus) if arg == "CORPUS" else arg for arg in second]
    waiting = nutgraf(*args, "--db", str(db))
    assert waiting.stderr is not None
    told = waiting.stderr.readline()  # the first thing it says: whom it waits for
    assert f"being written by process {first.pid} (" in told, told
    assert "waiting for it to finish" in told
    assert waiting.poll() is None, "the second writer did not wait"
    feed(first, lines[FIRST_PART:], last=True)
    assert first.wait(timeout=300) == 0
    _, err = waiting.communicate(timeout=300)
    assert waiting.returncode == 0, err
    result = open_database(db)
    assert result.execute("SELECT count(*) FROM articles").fetchone() == (ARTICLES,)
    assert_nothing_dangles(result)
    # Every article's names and quotes are there once.
    per_article = result.execute(
        "SELECT min(n), max(n) FROM (SELECT count(*) AS n FROM mentions GROUP BY article_id)"
    ).fetchone()
    assert per_article[0] == per_article[1] >= 4
    assert result.execute("SELECT count(*) FROM quotes").fetchone() == (ARTICLES,)
    people = result.execute("SELECT count(*) FROM entities WHERE kind = 'person'").fetchone()
    assert people == (5,)


def test_told_not_to_wait_a_writer_stops_before_changing_anything(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    open_database(db).close()
    busy = pytest.raises(DatabaseBusy, match=r"being written by process \d+")
    with writer_lock(db), busy, writer_lock(db, wait=False):
        pass
