"""Import speed: nutgraf's importer against a plain sqlite-utils insert of the same records,
and against what the machine's cores can extract.

    python tests/bench/import_bench.py [--repeat N]

Prints articles/second for both, measured in the same run, and the ratio; then
the efficiency: the import's rate over (cores × the rate one core extracts
articles in this process, with no database). At 1.0 the cores only extract and
the single writer never holds them back; the target is ≥ 0.8.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

from sqlite_utils import Database

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from store.database import open_database
from store.extract import extract_article
from store.importer import import_paths
from tests.bench.common import CORPORA, median_seconds, peak_rss_mb, require_shared

CORPUS_FILES = ["buzzfeed_webis_2016.jsonl.gz", "reuters21578.jsonl.gz"]


def plain_insert(file: Path, target: Path) -> int:
    """The floor: read the same gzipped JSONL and insert the rows, nothing else."""
    target.unlink(missing_ok=True)
    with gzip.open(file, "rt", encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    Database(target).table("articles").insert_all(rows, pk="id", batch_size=500)
    return len(rows)


def nutgraf_import(file: Path, target: Path, workers: int | None = None) -> int:
    """The full import: reading, extraction (entities, repeats) and writing."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    summary = import_paths(open_database(target), [str(file)], workers=workers)
    return summary.imported


TARGET_EFFICIENCY = 0.8


def extraction_rate(file: Path) -> float:
    """Articles per second one core extracts, reading nothing and writing nothing."""
    with gzip.open(file, "rt", encoding="utf-8") as lines:
        texts = [text for line in lines if (text := json.loads(line)["text"]).strip()]
    started = time.perf_counter()
    for text in texts:
        extract_article(text)
    return len(texts) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    require_shared()
    cores = os.cpu_count() or 1
    print(
        f"{'corpus':<30} {'records':>8} {'floor art/s':>12} {'nutgraf art/s':>14} {'ratio':>7}"
        f" {'1 core art/s':>13} {'extract/core':>13} {'efficiency':>11}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for name in CORPUS_FILES:
            file = CORPORA / name
            records = plain_insert(file, Path(tmp) / "floor.db")
            imported = nutgraf_import(file, Path(tmp) / "nutgraf.db")
            floor_db, our_db = Path(tmp) / "floor.db", Path(tmp) / "nutgraf.db"
            floor = median_seconds(partial(plain_insert, file, floor_db), args.repeat)
            ours = median_seconds(partial(nutgraf_import, file, our_db), args.repeat)
            one_core = median_seconds(partial(nutgraf_import, file, our_db, 1), args.repeat)
            extracting = extraction_rate(file)
            efficiency = imported / ours / (cores * extracting)
            mark = "ok" if efficiency >= TARGET_EFFICIENCY else "MISSED"
            print(
                f"{name:<30} {records:>8,} {records / floor:>12,.0f} {imported / ours:>14,.0f}"
                f" {floor / ours:>7.2f} {imported / one_core:>13,.0f} {extracting:>13,.0f}"
                f" {efficiency:>11.2f}  {mark}"
            )
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"peak RSS: importer {peak_rss_mb():.0f} MB, largest extraction worker {children:.0f} MB"
        f" (median of {args.repeat} runs; ratio = floor time / ours; efficiency = nutgraf"
        f" art/s / ({cores} cores × extract/core), target ≥ {TARGET_EFFICIENCY})"
    )


if __name__ == "__main__":
    main()
