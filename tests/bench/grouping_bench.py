"""What statements and stories cost an import: time and database size, with and without.

    python tests/bench/grouping_bench.py [--articles N] [--rounds R] [--keep DIR]

Imports N articles from ../shared/corpora (records repeated with distinct ids)
twice in this run, with the real importer: as nutgraf does, and with the
grouping of quotes into statements and articles into stories switched off
(and their indexes empty), and prints the ratios. Targets: at most +30% import
time and +20% database size. (The words and fingerprints of each quote are worked
out in the extraction workers either way: what is measured is the writer's
share.)

The two imports take turns, R rounds of N/R articles each (importing in parts
stores what one import does), the first of each round alternating: a job that
starts or stops on the machine during the hours a million takes slows both
alike instead of one. Time is given twice: wall time, and the CPU time of the
importer and its extraction workers together. `--keep DIR` keeps the grouped
database as DIR/bench-N.db, where the browser and start-up benches look for it.
"""

from __future__ import annotations

import argparse
import contextlib
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from store.database import open_database
from store.importer import import_records
from store.records import Record
from tests.bench.common import corpus_records, require_shared

TARGETS = {"time": 1.30, "size": 1.20}


def build(path: Path, records: Iterator[Record]) -> tuple[float, float, float]:
    """Wall and CPU seconds (this process and its extraction workers) of one import, and
    the system part of the CPU seconds."""
    started, cpu, system = time.perf_counter(), cpu_seconds(), system_seconds()
    db = open_database(path)
    import_records(db, records)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return time.perf_counter() - started, cpu_seconds() - cpu, system_seconds() - system


@contextlib.contextmanager
def without_grouping() -> Iterator[None]:
    """Statements and stories switched off, inside the `with` only."""
    with (
        mock.patch("store.statements.StatementGrouper.place", _no_statements),
        mock.patch("store.statements.StatementGrouper.count"),
        mock.patch("store.stories.StoryGrouper.group"),
    ):
        yield


def _no_statements(_grouper: object, quotes: list[object]) -> list[None]:
    """The grouping switched off: no quote joins a statement."""
    return [None] * len(quotes)


def system_seconds() -> float:
    """The system part of `cpu_seconds`: the kernel's, reading and writing files among it."""
    return sum(usage.ru_stime for usage in _usages())


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (the workers)."""
    return sum(usage.ru_utime + usage.ru_stime for usage in _usages())


def _usages() -> list[resource.struct_rusage]:
    return [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=20, help="turns each import takes")
    parser.add_argument("--keep", type=Path, help="keep the grouped database in this folder")
    args = parser.parse_args()
    require_shared()
    rounds = max(1, min(args.rounds, args.articles))
    grouped, plain = [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]
    with tempfile.TemporaryDirectory() as tmp:
        grouped_db, plain_db = Path(tmp) / "grouped.db", Path(tmp) / "plain.db"
        done = 0
        for turn in range(rounds):
            count = args.articles * (turn + 1) // rounds - done
            records = list(corpus_records(count, after=done))
            sides: list[tuple[Path, list[float], contextlib.AbstractContextManager[object]]] = [
                (grouped_db, grouped, contextlib.nullcontext()),
                (plain_db, plain, without_grouping()),
            ]
            for path, totals, switched in sides[:: 1 if turn % 2 == 0 else -1]:
                with switched:
                    spent = build(path, iter(records))
                for n, seconds in enumerate(spent):
                    totals[n] += seconds
            done += count
            print(
                f"  {done:,} articles: {grouped[1]:,.0f}s vs {plain[1]:,.0f}s CPU "
                f"(system {grouped[2]:,.0f}s vs {plain[2]:,.0f}s), "
                f"{grouped[0]:,.0f}s vs {plain[0]:,.0f}s wall",
                flush=True,
            )
        sizes = grouped_db.stat().st_size, plain_db.stat().st_size
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            shutil.move(grouped_db, args.keep / f"bench-{args.articles}.db")
    print(f"{args.articles:,} articles: with statements and stories, against without")
    for label, key, with_, without, unit in (
        ("import time", "time", grouped[0], plain[0], "s"),
        ("import CPU", "time", grouped[1], plain[1], "s"),
        ("database size", "size", sizes[0] / 1e6, sizes[1] / 1e6, " MB"),
    ):
        ratio = with_ / without
        shown = f"{with_:,.0f}{unit} vs {without:,.0f}{unit}"
        mark = "ok" if ratio <= TARGETS[key] else "MISSED"
        print(f"  {label:<14} {shown:<26} ×{ratio:.2f}  (target ≤ ×{TARGETS[key]:.2f})  {mark}")


if __name__ == "__main__":
    main()
