"""Ctrl+C in `nutgraf reindex` stops it with one line, not a traceback per worker."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from store.database import open_database
from store.importer import import_paths
from tests.faults.test_interrupted_import import make_corpus


def test_ctrl_c_in_reindex(tmp_path: Path) -> None:
    corpus, db = tmp_path / "corpus.jsonl", tmp_path / "corpus.db"
    make_corpus(corpus)
    import_paths(open_database(db), [str(corpus)])
    reindex = subprocess.Popen(
        [sys.executable, "-c", "from tui.launch import run; run()", "reindex", "--db", str(db)],
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    # Until it has emptied the extracted tables, so that its workers are at work: the
    # quotes are fewer than before from then until the last batches (a loaded machine
    # may miss the moment when there are none at all).
    reader = open_database(db, readonly=True)
    quotes = "SELECT count(*) FROM quotes"
    before = reader.execute(quotes).fetchone()[0]
    assert before
    while reindex.poll() is None and reader.execute(quotes).fetchone()[0] >= before:
        time.sleep(0.01)
    time.sleep(0.2)
    os.killpg(reindex.pid, signal.SIGINT)  # what Ctrl+C sends: to every process of the job
    _, err = reindex.communicate(timeout=60)
    assert reindex.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert err.strip().endswith("run nutgraf reindex again to finish.")
