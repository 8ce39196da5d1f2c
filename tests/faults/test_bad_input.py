"""Bad input never stops or hangs an import: it is reported, skipped, and the rest imports."""

from __future__ import annotations

import gzip
import json
import os
import resource
import signal
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import pytest
from sqlite_utils import Database

from store.importer import ImportSummary, import_paths
from store.readers.limits import MAX_RECORD_BYTES, MIN_EXPANDED_BYTES
from store.records import Problem

GOOD = json.dumps({"id": "good", "title": "Good", "text": "Merkel met Macron in Paris."})


def run_import(db: Database, *paths: Path) -> tuple[ImportSummary, list[str]]:
    problems: list[Problem] = []
    with deadline(30):
        summary = import_paths(db, [str(path) for path in paths], on_problem=problems.append)
    return summary, [str(problem) for problem in problems]


def import_measured(db: Database, path: Path) -> tuple[ImportSummary, list[str], int]:
    """An import, and the most memory Python held at once during it."""
    tracemalloc.start()
    try:
        summary, problems = run_import(db, path)
        return summary, problems, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail instead of hanging (a blocked open of a FIFO is interrupted by the alarm)."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"the import hung for {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def memory_cap(extra: int) -> Iterator[None]:
    """MemoryError rather than the machine's memory if reading ever runs away."""
    status = Path("/proc/self/status")
    if not status.exists():  # not Linux: no cap, as before
        yield
        return
    vm_size = next(line for line in status.read_text().splitlines() if line.startswith("VmSize:"))
    in_use = int(vm_size.split()[1]) * 1024
    previous = resource.getrlimit(resource.RLIMIT_AS)
    hard = previous[1]
    cap = in_use + extra
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, previous)


def texts(db: Database) -> list[str]:
    return [text for (text,) in db.execute("SELECT text FROM articles ORDER BY id")]


# 4. One bad record stops a whole import


def test_a_lone_surrogate_becomes_a_replacement_character(db: Database, tmp_path: Path) -> None:
    file = tmp_path / "cut.jsonl"
    # Half of an emoji cut in two, as scrapers truncate them.
    file.write_text('{"title": "Cut \\ud83d", "text": "Putin \\ud800 said no."}\n' + GOOD + "\n")
    summary, problems = run_import(db, file)
    assert (summary.imported, summary.rejected) == (2, 0)
    assert problems == [f"{file}:1: lone surrogates in text, title replaced by U+FFFD"]
    assert texts(db)[0] == "Putin \ufffd said no."
    assert db.execute("SELECT title FROM articles WHERE id = 1").fetchone() == ("Cut \ufffd",)


def test_an_id_of_5000_digits_is_rejected(db: Database, tmp_path: Path) -> None:
    file = tmp_path / "ids.jsonl"
    file.write_text('{"id": ' + "7" * 5000 + ', "text": "Body."}\n' + GOOD + "\n")
    summary, problems = run_import(db, file)
    assert (summary.imported, summary.rejected) == (1, 1)
    assert problems == [f"{file}:1: an id of 5,000 characters (at most 2,048)"]


def test_a_file_name_that_is_not_utf8(db: Database, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with open(os.path.join(os.fsencode(corpus), b"caf\xe9.txt"), "wb") as file:
        file.write(b"Cafe\n\nA story from a Latin-1 file system.")
    (corpus / "plain.txt").write_text("Plain\n\nAnother story.")
    summary, problems = run_import(db, corpus)
    assert (summary.imported, summary.rejected, problems) == (2, 0, [])
    paths = [path for (path,) in db.execute("SELECT path FROM articles ORDER BY path")]
    assert paths == [str(corpus.resolve() / "caf\\xe9.txt"), str(corpus.resolve() / "plain.txt")]
    # Importing again finds the same articles under the same names.
    assert run_import(db, corpus)[0].unchanged == 2


# 5. Unbounded or hanging input


@pytest.mark.parametrize("inside_a_directory", [False, True])
@pytest.mark.parametrize(
    ("name", "kind"), [("pipe.jsonl", "a FIFO"), ("zero.txt", "a character device")]
)
def test_what_is_no_regular_file_is_skipped_unopened(
    db: Database, tmp_path: Path, inside_a_directory: bool, name: str, kind: str
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    odd = corpus / name
    if kind == "a FIFO":
        os.mkfifo(odd)  # opening it would block until a writer comes
    else:
        odd.symlink_to("/dev/zero")  # reading it would never end
    (corpus / "good.jsonl").write_text(GOOD + "\n")
    paths = [corpus] if inside_a_directory else [odd, corpus / "good.jsonl"]
    with memory_cap(1_000_000_000):
        summary, problems = run_import(db, *paths)
    assert (summary.imported, summary.rejected) == (1, 1)
    assert problems == [f"{odd}: {kind}, not a regular file; skipped"]


def test_a_gzip_bomb_stops_with_memory_bounded(db: Database, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.jsonl.gz"
    megabyte_of_zeros = gzip.compress(bytes(1_000_000), compresslevel=9)
    with bomb.open("wb") as file:
        file.write(gzip.compress(GOOD.encode() + b"\n"))
        for _ in range(MIN_EXPANDED_BYTES // 1_000_000 + 50):  # gzip members, read as one
            file.write(megabyte_of_zeros)
    assert bomb.stat().st_size < 1_000_000
    summary, problems, peak = import_measured(db, bomb)
    assert (summary.imported, summary.rejected) == (1, 1)
    assert problems == [
        f"{bomb}:2: expands past 256 MB (over 100 times its size, a compression bomb?); "
        "reading stopped"
    ]
    assert peak < 1.25 * MAX_RECORD_BYTES


def test_a_line_over_the_cap_is_rejected_with_its_size(db: Database, tmp_path: Path) -> None:
    file = tmp_path / "long.jsonl"
    with file.open("wb") as out:
        out.write(b'{"text": "' + b"x" * (MAX_RECORD_BYTES + 10) + b'"}\n')
        out.write(GOOD.encode() + b"\n")
    summary, problems, peak = import_measured(db, file)
    assert (summary.imported, summary.rejected) == (1, 1)
    assert problems == [f"{file}:1: a line of 64,000,023 bytes, over the limit of 64 MB; skipped"]
    assert peak < 1.25 * MAX_RECORD_BYTES


def test_a_text_file_over_the_cap_is_rejected_unread(db: Database, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as file:
        file.truncate(100_000_000)  # sparse: nothing is written
    packed = tmp_path / "packed.txt.gz"
    packed.write_bytes(gzip.compress(b"Title\n\n" + b"word " * (MAX_RECORD_BYTES // 5 + 1)))
    summary, problems = run_import(db, big, packed)
    assert (summary.imported, summary.rejected) == (0, 2)
    assert problems == [
        f"{big}: 100,000,000 bytes, over the limit of 64 MB for one article",
        f"{packed}: expands to over 64 MB, the limit for one article",
    ]
