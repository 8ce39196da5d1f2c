"""Extraction on a real Dask cluster (a scheduler and two workers started here) gives the
database a local import gives, even when a worker is killed mid-import."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from store.database import open_database
from store.importer import import_records
from store.records import Record
from tests.store.test_import_in_parts import (
    assert_nothing_dangles,
    entity_partition,
    groups,
    slice_records,
)

distributed = pytest.importorskip("distributed")

# The scheduler's address and the two worker processes.
Cluster = tuple[str, list[subprocess.Popen[bytes]]]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def dask(*args: str) -> subprocess.Popen[bytes]:
    # The command-line entry points of dask, run with this interpreter.
    code = "import sys; from distributed.cli.dask_%s import main; sys.argv[0] = 'dask'; main()"
    kind, *rest = args
    return subprocess.Popen(
        [sys.executable, "-c", code % kind, *rest],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    scheduler = dask("scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard")
    workers = [
        dask("worker", address, "--nthreads", "1", "--no-dashboard", "--name", f"w{n}")
        for n in range(2)
    ]
    client = distributed.Client(address, timeout=60)
    client.wait_for_workers(2, timeout=60)
    client.close()
    try:
        yield address, workers
    finally:
        for process in [*workers, scheduler]:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def contents(db: Database) -> tuple[object, ...]:
    articles = db.execute("SELECT external_id, title, text FROM articles ORDER BY 1").fetchall()
    mentions = db.execute(
        'SELECT external_id, mentions.start, mentions."end", mentions.text FROM mentions '
        "JOIN articles ON articles.id = article_id ORDER BY 1, 2"
    ).fetchall()
    quotes = db.execute(
        'SELECT external_id, quotes.start, quotes."end", speaker_text, method, confidence '
        "FROM quotes JOIN articles ON articles.id = article_id ORDER BY 1, 2"
    ).fetchall()
    return articles, mentions, quotes, entity_partition(db), groups(db)


def local_import(tmp_path: Path, records: list[Record]) -> Database:
    db = open_database(tmp_path / "local.db")
    import_records(db, records, batch_size=25, workers=1)
    return db


def without_extraction(records: list[Record]) -> list[Record]:
    return [
        Record(r.text, r.path, r.title, r.date, r.source, r.url, r.external_id) for r in records
    ]


def test_a_cluster_import_equals_a_local_one(tmp_path: Path, cluster: Cluster) -> None:
    address, _ = cluster
    records = without_extraction(slice_records())
    from store.cluster import dask_pool

    db = open_database(tmp_path / "cluster.db")
    with dask_pool(address) as pool:
        import_records(db, records, batch_size=25, pool=pool)
    assert_nothing_dangles(db)
    assert contents(db) == contents(local_import(tmp_path, records))


def test_a_worker_killed_mid_import(tmp_path: Path, cluster: Cluster) -> None:
    address, workers = cluster
    records = without_extraction(slice_records())
    from store.cluster import dask_pool

    db = open_database(tmp_path / "cluster.db")
    killed: list[float] = []

    def kill_one_worker(summary: object) -> None:
        if not killed:  # after the first batch is stored, the next is on the workers
            os.killpg(workers[0].pid, signal.SIGKILL)
            killed.append(time.monotonic())

    with dask_pool(address) as pool:
        import_records(db, records, batch_size=25, pool=pool, on_progress=kill_one_worker)
    assert killed and workers[0].wait() == -signal.SIGKILL
    assert_nothing_dangles(db)
    assert contents(db) == contents(local_import(tmp_path, records))
