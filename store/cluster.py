"""Extraction on a Dask cluster: the cluster's workers extract, the writer stays here.

Extraction is a pure function of an article's text, so any machine with
nutgraf installed (`pip install 'nutgraf[dask]'`) can do it. The importer
hands each batch to the cluster in chunks, keeps one batch in flight while it
writes the one before (memory stays flat), and reads each chunk's result
once: a chunk that Dask computes again after losing a worker is still stored
once. Dask is imported only here, and only when asked for.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager

from store.database import StoreError

LOCAL = "local"
# How long to wait for a scheduler that does not answer (seconds).
CONNECT_TIMEOUT = 20


@contextmanager
def dask_pool(address: str) -> Iterator[Executor]:
    """An executor on a Dask cluster: `tcp://host:8786` (a running scheduler), or
    `local` / `local:N` (a cluster of N worker processes started here, one per core
    by default).

    Raises:
        StoreError: dask is not installed, or the scheduler cannot be reached.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise StoreError("--dask needs the dask extra: pip install 'nutgraf[dask]'") from error
    cluster = None
    if address == LOCAL or address.startswith(f"{LOCAL}:"):
        _, _, count = address.partition(":")
        if count and not (count.isdigit() and int(count) > 0):
            raise StoreError(f"--dask {address}: the number of workers must be a whole number")
        cluster = LocalCluster(
            n_workers=int(count) if count else None,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            # Its workers' chatter (heartbeats failing as it shuts down) is not the
            # user's business; errors in extraction still reach the importer.
            silence_logs=logging.CRITICAL,
        )
        client = Client(cluster)
    else:
        try:
            client = Client(address, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as error:
            raise StoreError(f"--dask {address}: cannot reach the scheduler ({error})") from error
    try:
        yield client.get_executor()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
