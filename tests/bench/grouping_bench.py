"""What statements and stories cost an import: time and database size, with and without.

    python tests/bench/grouping_bench.py [--articles N]

Imports N articles from ../shared/corpora (records repeated with distinct ids)
twice in this run, with the real importer: as nutgraf does, then with the
grouping of quotes into statements and articles into stories switched off
(and their indexes empty), and prints the ratios. Targets: at most +30% import
time and +20% database size.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from store.database import open_database
from store.importer import import_records
from tests.bench.common import corpus_records, require_shared

TARGETS = {"time": 1.30, "size": 1.20}


def build(path: Path, articles: int) -> float:
    started = time.perf_counter()
    db = open_database(path)
    import_records(db, corpus_records(articles))
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1_000_000)
    args = parser.parse_args()
    require_shared()
    with tempfile.TemporaryDirectory() as tmp:
        grouped = build(Path(tmp) / "grouped.db", args.articles)
        with (
            mock.patch("store.statements.StatementGrouper.group"),
            mock.patch("store.stories.StoryGrouper.group"),
        ):
            plain = build(Path(tmp) / "plain.db", args.articles)
        sizes = [(Path(tmp) / name).stat().st_size for name in ("grouped.db", "plain.db")]
    time_ratio, size_ratio = grouped / plain, sizes[0] / sizes[1]
    print(f"{args.articles:,} articles: with statements and stories, against without")
    for label, ratio, key, shown in (
        ("import time", time_ratio, "time", f"{grouped:.0f}s vs {plain:.0f}s"),
        (
            "database size",
            size_ratio,
            "size",
            f"{sizes[0] / 1e6:,.0f} MB vs {sizes[1] / 1e6:,.0f} MB",
        ),
    ):
        mark = "ok" if ratio <= TARGETS[key] else "MISSED"
        print(f"  {label:<14} {shown:<26} ×{ratio:.2f}  (target ≤ ×{TARGETS[key]:.2f})  {mark}")


if __name__ == "__main__":
    main()
