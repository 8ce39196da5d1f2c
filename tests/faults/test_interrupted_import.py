"""An import killed at any point leaves a sound database, and running it again completes it."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from store.database import open_database
from store.importer import BATCH_SIZE
from store.queries import count_articles

ARTICLES = 12_000
KILLS = 20
HANG = 900  # seconds


def make_corpus(path: Path, count: int = ARTICLES) -> None:
    names = ["Vladimir Putin", "Angela Merkel", "Donald Trump", "Maria Zakharova", "Keir Giles"]
    with path.open("w", encoding="utf-8") as file:
        for n in range(count):
            speaker = names[n % len(names)]
            text = (
                f"{speaker} spoke in Moscow on day {n}. “We will decide,” {speaker.split()[-1]} "
                f"said. The Kremlin and the White House commented on report {n}."
            )
            file.write(json.dumps({"id": f"a{n}", "title": f"Report {n}", "text": text}) + "\n")


def start_import(corpus: Path, db: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-c", "from tui.cli import main; main()", "import", str(corpus)]
    return subprocess.Popen(
        [*command, "--db", str(db), "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def start_fed_import(db: Path) -> subprocess.Popen[str]:
    """An import of JSONL from stdin, which the test feeds (`feed`): it is still writing,
    for as long as the test wants, however fast the machine."""
    command = [sys.executable, "-c", "from tui.cli import main; main()", "import", "-"]
    return subprocess.Popen(
        [*command, "--db", str(db), "--quiet"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


# The first part fed, more than a batch: it is written while the feed pauses (a stream's
# articles are stored as they come, store/batches.py), before the rest is sent.
FIRST_PART = BATCH_SIZE + 100


def feed(process: subprocess.Popen[str], lines: list[str], *, last: bool = False) -> None:
    assert process.stdin is not None
    process.stdin.writelines(lines)
    process.stdin.flush()
    if last:
        process.stdin.close()


def test_kill_nine_at_random_points_then_resume(tmp_path: Path) -> None:
    corpus, db_path = tmp_path / "corpus.jsonl", tmp_path / "corpus.db"
    make_corpus(corpus)
    chance = random.Random(7)
    stored = []
    for _ in range(KILLS):
        process = start_import(corpus, db_path)
        time.sleep(chance.uniform(0.2, 0.6))
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        db = open_database(db_path)
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored.append(count_articles(db))
        db.close()
    # Each kill landed in a running import: the corpus was never complete.
    assert stored == sorted(stored) and stored[-1] < ARTICLES, stored
    finished = start_import(corpus, db_path)
    # A guard against a hang, not a time limit: with one other busy job on a 2-core machine
    # the whole test took 103 s (26 s alone), with two the last import passed 120 s.
    assert finished.wait(timeout=HANG) == 0, finished.stderr.read() if finished.stderr else ""
    db = open_database(db_path)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert count_articles(db) == ARTICLES
    assert db.execute("SELECT count(DISTINCT external_id) FROM articles").fetchone() == (ARTICLES,)
    # Every article's names and quotes are there once: no batch half-written or doubled.
    per_article = db.execute(
        "SELECT min(n), max(n) FROM (SELECT count(*) AS n FROM mentions GROUP BY article_id)"
    ).fetchone()
    assert per_article[0] == per_article[1] >= 4
    assert db.execute("SELECT count(*) FROM quotes").fetchone() == (ARTICLES,)
    people = db.execute("SELECT count(*) FROM entities WHERE kind = 'person'").fetchone()[0]
    assert people == 5
    # The killed importers' extraction workers did not outlive them.
    deadline = time.monotonic() + 10
    while leftovers := processes_mentioning(str(corpus)):
        assert time.monotonic() < deadline, f"workers still running: {leftovers}"
        time.sleep(0.2)


def processes_mentioning(argument: str) -> list[int]:
    """Processes whose command line holds `argument` (none known without /proc)."""
    found: list[int] = []
    if not Path("/proc").is_dir():
        return found
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and argument.encode() in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def test_reading_while_an_import_writes(tmp_path: Path) -> None:
    corpus, db_path = tmp_path / "corpus.jsonl", tmp_path / "corpus.db"
    make_corpus(corpus, 3 * BATCH_SIZE)
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    open_database(db_path).close()
    reader = open_database(db_path)
    process = start_fed_import(db_path)
    feed(process, lines[:FIRST_PART])
    seen = [0]
    while process.poll() is None and seen[-1] == 0:
        seen.append(count_articles(reader))  # raises if the database were locked
        time.sleep(0.02)
    feed(process, lines[FIRST_PART:], last=True)
    while process.poll() is None:
        seen.append(count_articles(reader))
        time.sleep(0.02)
    assert process.wait() == 0, process.stderr.read() if process.stderr else ""
    assert seen == sorted(seen)
    assert any(0 < count < len(lines) for count in seen), seen
    assert count_articles(reader) == len(lines)
