"""What statements and stories cost an import into a big database: the next articles,
with and without.

    python tests/bench/grouping_probe.py DB [--articles N]

grouping_bench.py measures the cost over a whole million-article import, which
takes two such imports (hours on a 2-core machine). This measures it where it
is highest, at the end of such an import, in minutes: the corpora's next N
records after the ones DB holds (as a bigger import would bring them) are
imported into a copy of DB with statements and stories, then into another copy
with them switched off as grouping_bench.py switches them off, and the two times
are printed with their ratio. DB is a bench database (browser_bench.py --keep,
or replicate.py for a million); it is not changed.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from store.database import open_database
from store.importer import import_records
from store.records import Record
from tests.bench.common import corpus_records, require_shared
from tests.bench.grouping_bench import cpu_seconds, without_grouping


def timed_import(db_path: Path, records: list[Record]) -> tuple[float, float, float]:
    """Wall and CPU seconds (this process and its extraction workers) of one import, and
    the CPU seconds of this process alone: the writer's, where grouping runs (the
    workers' extraction is the same work either way, and on a busy machine varies
    by more than grouping costs)."""
    started, cpu, writer = time.perf_counter(), cpu_seconds(), writer_seconds()
    db = open_database(db_path)
    import_records(db, iter(records))
    db.close()
    return time.perf_counter() - started, cpu_seconds() - cpu, writer_seconds() - writer


def writer_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("db", type=Path)
    parser.add_argument("--articles", type=int, default=3000)
    args = parser.parse_args()
    require_shared()
    with sqlite3.connect(args.db) as conn:
        held = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    # The corpora's next records, as a bigger import would bring them.
    records = list(corpus_records(args.articles, after=held, label="probe"))
    with tempfile.TemporaryDirectory(dir=args.db.parent) as tmp:
        copy = Path(tmp) / "probe.db"
        shutil.copyfile(args.db, copy)
        grouped = timed_import(copy, records)
        copy.unlink()
        shutil.copyfile(args.db, copy)
        with without_grouping():
            plain = timed_import(copy, records)
    print(f"{args.articles:,} articles into {held:,}: with statements and stories, against without")
    print(f"  import time  {grouped[0]:,.1f}s vs {plain[0]:,.1f}s  ×{grouped[0] / plain[0]:.2f}")
    print(f"  import CPU   {grouped[1]:,.1f}s vs {plain[1]:,.1f}s  ×{grouped[1] / plain[1]:.2f}")
    print(f"  writer CPU   {grouped[2]:,.1f}s vs {plain[2]:,.1f}s  ×{grouped[2] / plain[2]:.2f}")


if __name__ == "__main__":
    main()
