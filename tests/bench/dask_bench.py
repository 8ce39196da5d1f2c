"""Extraction on a local Dask cluster against the built-in worker pool, same machine.

    python tests/bench/dask_bench.py [--repeat N]

Imports buzzfeed (../shared/corpora) with the built-in pool (one worker per
core) and with `--dask local:N` (N = cores), each into a new database, and
prints articles/s for both, their ratio, the cluster's start-up time and what
the cluster costs per batch of 500 articles.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import Executor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from store.cluster import dask_pool
from store.database import open_database
from store.importer import BATCH_SIZE, import_paths
from tests.bench.common import CORPORA, require_shared

CORPUS = CORPORA / "buzzfeed_webis_2016.jsonl.gz"


def timed_import(folder: Path, pool: Executor | None) -> tuple[float, int]:
    target = folder / f"bench-{time.monotonic_ns()}.db"
    started = time.perf_counter()
    summary = import_paths(open_database(target), [str(CORPUS)], pool=pool)
    return time.perf_counter() - started, summary.imported


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    require_shared()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        local = [timed_import(folder, None) for _ in range(args.repeat)]
        started = time.perf_counter()
        with dask_pool(f"local:{cores}") as pool:
            start_up = time.perf_counter() - started
            clustered = [timed_import(folder, pool) for _ in range(args.repeat)]
    articles = local[0][1]
    ours = statistics.median(seconds for seconds, _ in local)
    theirs = statistics.median(seconds for seconds, _ in clustered)
    batches = -(-articles // BATCH_SIZE)
    print(f"{CORPUS.name}: {articles:,} articles, {cores} cores, median of {args.repeat} runs")
    print(f"  built-in pool     {articles / ours:8,.0f} articles/s")
    print(f"  --dask local:{cores}    {articles / theirs:8,.0f} articles/s  ({ours / theirs:.2f}x)")
    print(f"  cluster start-up  {start_up:8.1f} s")
    print(f"  cost per batch of {BATCH_SIZE}: {(theirs - ours) / batches * 1000:,.0f} ms")


if __name__ == "__main__":
    main()
