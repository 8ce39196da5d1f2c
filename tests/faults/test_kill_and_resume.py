"""An import killed with kill -9 and run again ends with exactly the entities of one
uninterrupted run, and nothing pointing at a missing row."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from store.database import open_database
from store.importer import import_paths
from tests.store.test_import_in_parts import (
    SLICE,
    assert_nothing_dangles,
    entity_partition,
    groups,
)

KILLS = 6
# Small batches, so that kills land between many commits and inside them.
IMPORT = (
    "import sys; from store.database import open_database; "
    "from store.importer import import_paths; "
    "import_paths(open_database(sys.argv[2]), [sys.argv[1]], batch_size=10, workers=1)"
)


def start_import(corpus: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", IMPORT, str(corpus), str(db)], stderr=subprocess.PIPE
    )


def articles(path: Path) -> int:
    if not path.exists():
        return 0
    db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return int(db.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0  # the schema is still being created
    finally:
        db.close()


def test_kill_nine_then_resume_gives_the_entities_of_one_run(tmp_path: Path) -> None:
    whole = open_database(tmp_path / "whole.db")
    import_paths(whole, [str(SLICE)], batch_size=10, workers=1)
    resumed = tmp_path / "resumed.db"
    chance = random.Random(11)
    stored = [0]
    for _ in range(KILLS):
        # Killed once a few more batches are in, at a random point of the next one.
        target = stored[-1] + chance.randint(1, 15)
        process = start_import(SLICE, resumed)
        while process.poll() is None and articles(resumed) < target:
            time.sleep(0.002)
        time.sleep(chance.uniform(0, 0.02))
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait()
        stored.append(articles(resumed))
    # The kills landed in running imports: the corpus was not complete before the last run.
    assert stored == sorted(stored) and stored[-1] < 125, stored
    finished = start_import(SLICE, resumed)
    assert finished.wait(timeout=120) == 0, finished.stderr.read() if finished.stderr else ""
    db = open_database(resumed)
    assert db.execute("SELECT count(*) FROM articles").fetchone() == (125,)
    assert_nothing_dangles(db)
    assert entity_partition(db) == entity_partition(whole)
    assert groups(db) == groups(whole)
