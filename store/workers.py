"""Extraction in worker processes: one per core, below the priority of everything else."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor

from store.database import StoreError
from store.extract.lexicon import lexicon
from store.extractors import DEFAULT, load_extractor
from store.prepared import PreparedArticle, prepare

# Smaller batches are extracted in this process: a worker pool costs more than it saves.
PARALLEL_FROM = 64
# How much lower the extraction workers run than everything else (os.nice): an
# import uses every core, yet the browser and the shell stay responsive.
WORKER_NICENESS = 10


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """Processes that extract articles, at a lower priority than the rest of the
    machine; they exit when this process dies, even by kill -9, instead of
    waiting forever for work."""
    lexicon()  # loaded once here, inherited by forked workers
    pool = ProcessPoolExecutor(
        max_workers=workers, initializer=_start_worker, initargs=(os.getpid(),)
    )
    # The first task forks every worker. Ctrl+C is held back meanwhile: one that came
    # while a worker was starting printed that worker's traceback. Each worker drops
    # it (`_start_worker`); this process gets it once they are forked.
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pool.submit(os.getpid)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
    return pool


def lost_worker(then: str) -> StoreError:
    """A worker process that died (`BrokenExecutor`: killed by a user, or by the
    system for want of memory) as the error a user reads, saying what to do `then`."""
    return StoreError(f"an extraction worker stopped (killed, or out of memory?); {then}")


def _start_worker(parent: int) -> None:
    os.nice(WORKER_NICENESS)
    # Ctrl+C reaches the whole process group: the importer handles it and shuts
    # the pool down; a worker printing its own KeyboardInterrupt would only be noise.
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # drops one held back at the fork
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


# A batch goes to the pool in this many chunks: enough to keep every worker busy,
# few enough that the cost of a task (a few ms on a Dask cluster) does not show.
CHUNKS = 16


def extract_texts(
    texts: list[str], pool: Executor | None = None, extractor: str = DEFAULT
) -> Iterator[PreparedArticle]:
    """Extraction of each text, made ready to write (store/prepared.py), in worker
    processes (or on a cluster) when a pool is given.

    With a pool the work is submitted at once, in CHUNKS tasks, and the
    results arrive in order as the caller iterates; each chunk's result is read
    once, so a chunk a cluster computes twice (after losing a worker) is still
    stored once."""
    if pool is None:
        return iter(extract_many(texts, extractor))
    size = max(-(-len(texts) // CHUNKS), 1)
    chunks = [texts[start : start + size] for start in range(0, len(texts), size)]
    done = pool.map(extract_many, chunks, [extractor] * len(chunks))
    return (extraction for extracted in done for extraction in extracted)


def extract_many(texts: list[str], extractor: str = DEFAULT) -> list[PreparedArticle]:
    """The extraction of several texts by the extractor of that name, ready to write:
    one task for a pool or a cluster (the extractor loads once per process)."""
    extract = load_extractor(extractor).extract
    return [prepare(extract(text)) for text in texts]
