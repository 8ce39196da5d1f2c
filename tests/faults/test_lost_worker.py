"""An extraction worker killed during an import (by a user, or by the system for want of
memory) stops the import with one line, not a traceback; running it again completes it."""

from __future__ import annotations

import contextlib
import os
import signal
import time
from pathlib import Path

from store.database import open_database
from store.importer import BATCH_SIZE
from store.queries import count_articles
from tests.faults.test_interrupted_import import (
    FIRST_PART,
    feed,
    make_corpus,
    start_fed_import,
    start_import,
)


def children(pid: int) -> list[int]:
    """The processes `pid` started (Linux)."""
    listed = Path(f"/proc/{pid}/task/{pid}/children").read_text(encoding="ascii")
    return [int(child) for child in listed.split()]


def test_a_killed_worker_stops_the_import_with_one_line(tmp_path: Path) -> None:
    corpus, db_path = tmp_path / "corpus.jsonl", tmp_path / "corpus.db"
    make_corpus(corpus, 3 * BATCH_SIZE)
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    importer = start_fed_import(db_path)
    feed(importer, lines[:FIRST_PART])
    # The first batch is written while the feed pauses: its workers are started.
    reader = open_database(db_path, readonly=True) if db_path.exists() else None
    deadline = time.monotonic() + 120
    while reader is None or count_articles(reader) < BATCH_SIZE:
        assert time.monotonic() < deadline and importer.poll() is None
        time.sleep(0.1)
        if reader is None and db_path.exists():
            reader = open_database(db_path, readonly=True)
    workers = children(importer.pid)
    assert workers
    os.kill(workers[0], signal.SIGKILL)
    try:
        feed(importer, lines[FIRST_PART:], last=True)
    except BrokenPipeError:
        # The import saw its worker gone and stopped before the rest was sent (a busy
        # machine feeds slowly): the same end, sooner.
        with contextlib.suppress(BrokenPipeError):
            importer.stdin.close()  # type: ignore[union-attr]
    assert importer.wait(timeout=120) == 1
    assert importer.stderr is not None
    err = importer.stderr.read()
    assert "an extraction worker stopped" in err and "Traceback" not in err, err
    db = open_database(db_path)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert BATCH_SIZE <= count_articles(db) < 3 * BATCH_SIZE
    db.close()
    again = start_import(corpus, db_path)
    assert again.wait(timeout=120) == 0
    assert count_articles(open_database(db_path)) == 3 * BATCH_SIZE
