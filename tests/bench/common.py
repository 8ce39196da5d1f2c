"""Helpers shared by the benchmarks: where the corpora are, timing, memory."""

from __future__ import annotations

import gzip
import json
import resource
import statistics
import time
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.records import Record

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPORA = SHARED / "corpora"
GOLD = SHARED / "gold"


def median_seconds(run: Callable[[], object], repeat: int = 3) -> float:
    """The median wall time of `repeat` calls of `run`."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB.

    Linux's `VmHWM` where there is one: `ru_maxrss` carries over the parent's
    peak into a child started with fork and exec (a child of a bench that has
    just built a database would report the builder's memory)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def require_shared() -> None:
    if not CORPORA.is_dir():
        raise SystemExit(f"benchmarks need the shared corpora at {CORPORA}")


def corpus_rows(count: int) -> Iterator[dict[str, str]]:
    """`count` records of the shared corpora as JSON objects, repeated with distinct ids."""
    originals = []
    for file in sorted(CORPORA.glob("*.jsonl.gz")):
        with gzip.open(file, "rt", encoding="utf-8") as lines:
            originals += [json.loads(line) for line in lines]
    originals = [r for r in originals if r["text"].strip()]
    for n in range(count):
        row = originals[n % len(originals)]
        yield {**row, "id": f"{row['id']}#{n // len(originals)}"}


def corpus_records(count: int, *, after: int = 0, label: str = "bench") -> Iterator[Record]:
    """`count` records from the shared corpora, repeated with distinct ids: the ones
    after the first `after`, with paths `label:N`."""
    from store.records import Record

    for n, row in enumerate(islice(corpus_rows(after + count), after, None)):
        yield Record(
            text=row["text"],
            path=f"{label}:{after + n}",
            title=row["title"] or None,
            date=row["date"],
            source=row["source"],
            url=row["url"],
            external_id=row["id"],
        )


def build_database(path: Path, count: int) -> None:
    """Build an N-article database at `path`, or keep the one a finished build left
    there (a build cut short leaves only its `.partial` file, built again next time)."""
    if path.exists():
        return
    # The importer loads only to build: a bench's child processes time the browser.
    from store.database import open_database
    from store.importer import import_records

    partial = path.with_name(path.name + ".partial")
    for leftover in path.parent.glob(partial.name + "*"):
        leftover.unlink()
    started = time.perf_counter()
    db = open_database(partial)
    summary = import_records(db, corpus_records(count))
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    for stale in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    partial.rename(path)
    for leftover in path.parent.glob(partial.name + "*"):
        leftover.unlink()
    print(f"built {summary.imported:,} articles in {time.perf_counter() - started:.0f}s")
