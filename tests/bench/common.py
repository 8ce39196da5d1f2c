"""Helpers shared by the benchmarks: where the corpora are, timing, memory."""

from __future__ import annotations

import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path

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
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def require_shared() -> None:
    if not CORPORA.is_dir():
        raise SystemExit(f"benchmarks need the shared corpora at {CORPORA}")
