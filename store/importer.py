"""The importer: records from readers → extraction → the database, in batches."""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import BrokenExecutor, Executor
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sqlite_utils import Database

from store.batches import batches
from store.database import database_file, write_transaction
from store.extract import Extraction
from store.extract.text_sketch import sketch
from store.extraction_writer import ExtractionWriter
from store.extractors import load_extractor, recorded_extractor, use_extractor
from store.prepared import PreparedArticle, prepare
from store.readers import STDIN, read_paths
from store.records import Problem, Record
from store.workers import PARALLEL_FROM, extract_texts, lost_worker, worker_pool
from store.writer_lock import writer_lock

BATCH_SIZE = 500
# Batches extracted ahead of the one being written: with two, the workers keep busy
# while the writer works through a batch that costs it more than the last.
BATCHES_AHEAD = 2
# A stream (`nutgraf import -`) that sends nothing for this long has what it sent
# written: a scraper's articles are stored as they come, not a batch later.
PAUSE_SECONDS = 1.0
# Children of an article, deleted when it is re-imported with new content.
ARTICLE_CHILDREN = ("mentions", "quotes", "repeats")


@dataclass
class ImportSummary:
    """What an import did; `rejected` counts skipped records, `warnings` kept ones."""

    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    warnings: int = 0
    seconds: float = 0.0

    @property
    def articles_per_second(self) -> float:
        done = self.imported + self.updated + self.unchanged
        return done / self.seconds if self.seconds else 0.0

    def __str__(self) -> str:
        parts = [f"imported {self.imported}"]
        if self.updated:
            parts.append(f"updated {self.updated}")
        parts += [f"unchanged {self.unchanged}", f"rejected {self.rejected}"]
        if self.warnings:
            parts.append(f"warnings {self.warnings}")
        return ", ".join(parts)


ProblemHandler = Callable[[Problem], None]
ProgressHandler = Callable[[ImportSummary], None]


def import_paths(
    db: Database,
    paths: Iterable[str],
    *,
    on_problem: ProblemHandler | None = None,
    on_progress: ProgressHandler | None = None,
    batch_size: int = BATCH_SIZE,
    workers: int | None = None,
    on_wait: Callable[[str], None] | None = None,
    pool: Executor | None = None,
    extractor: str | None = None,
) -> ImportSummary:
    """Import the articles in files and directories (see `store.readers.read_paths`)."""
    extractor = extractor or recorded_extractor(db)
    paths = list(paths)
    return import_records(
        db,
        read_paths(paths, extractor=extractor),
        stream=STDIN in paths,
        on_problem=on_problem,
        on_progress=on_progress,
        batch_size=batch_size,
        workers=workers,
        on_wait=on_wait,
        pool=pool,
        extractor=extractor,
    )


def import_records(
    db: Database,
    items: Iterable[Record | Problem],
    *,
    on_problem: ProblemHandler | None = None,
    on_progress: ProgressHandler | None = None,
    batch_size: int = BATCH_SIZE,
    workers: int | None = None,
    on_wait: Callable[[str], None] | None = None,
    pool: Executor | None = None,
    extractor: str | None = None,
    stream: bool = False,
) -> ImportSummary:
    """Store records and their extraction, one transaction per batch.

    Extraction runs in `workers` processes (default: one per core) while this
    process writes; batches smaller than PARALLEL_FROM are extracted here.

    A record whose content hash is already stored is unchanged; one whose
    external id (or, without an id, path) is stored with other content
    updates that article. Problems are counted, passed to `on_problem` and
    never stop the import.

    Only one process writes a database at a time: while another holds its
    writer lock, `on_wait` is told who and the import waits.

    `pool` extracts instead of local worker processes (a Dask cluster's
    executor, see store/cluster.py); the caller owns it. `extractor` names the
    extractor (store/extractors/), by default the one that filled the corpus
    (`nutgraf` for a new one); a corpus keeps the extractor that filled it.
    `stream`: the items come from a stream that may pause (standard input), and
    what it sent is written when it does (`PAUSE_SECONDS`).

    Raises:
        StoreError: the extractor cannot load, or the corpus uses another one.
    """
    chosen = load_extractor(extractor or recorded_extractor(db))
    with writer_lock(database_file(db), on_wait=on_wait):
        with write_transaction(db):
            use_extractor(db, chosen)
        run = _Run(batch_size, workers or os.cpu_count() or 1, pool, chosen.name, stream)
        return _import_records(db, items, on_problem, on_progress, run)


@dataclass(frozen=True)
class _Run:
    """How an import extracts."""

    batch_size: int
    workers: int
    pool: Executor | None
    """Given by the caller (a cluster), else started as needed and shut here."""
    extractor: str
    stream: bool
    """The records come from a stream that may pause (see `batches`)."""


def _import_records(
    db: Database,
    items: Iterable[Record | Problem],
    on_problem: ProblemHandler | None,
    on_progress: ProgressHandler | None,
    run: _Run,
) -> ImportSummary:
    summary = ImportSummary()
    started = time.perf_counter()
    imported_at = datetime.now(UTC).isoformat(timespec="seconds")

    def warn(problem: Problem) -> None:
        summary.warnings += 1
        if on_problem:
            on_problem(problem)

    writer = ExtractionWriter(db)

    def write(batch: _Batch) -> None:
        _write_batch(db, batch, imported_at, summary, writer, warn)
        _report(summary, started, on_progress)

    pool = run.pool
    pending: deque[_Batch] = deque()
    try:
        # The workers extract the next BATCHES_AHEAD batches while this process writes
        # the oldest. What is left is written at once when a short batch comes (a
        # stream that paused, or the last).
        pause = PAUSE_SECONDS if run.stream else None
        for read in batches(items, run.batch_size, pause):
            batch = list(_records_only(read, summary, on_problem))
            if batch:
                if pool is None and run.workers > 1 and len(batch) >= PARALLEL_FROM:
                    pool = worker_pool(run.workers)
                pending.append(_start_batch(db, batch, pool, run.extractor))
            while pending and (len(pending) > BATCHES_AHEAD or len(read) < run.batch_size):
                write(pending.popleft())
        while pending:
            write(pending.popleft())
    except BrokenExecutor as error:
        raise lost_worker("every batch written is stored: run the import again") from error
    finally:
        if pool is not None and pool is not run.pool:
            pool.shutdown(cancel_futures=True)
    summary.seconds = time.perf_counter() - started
    return summary


def _report(summary: ImportSummary, started: float, on_progress: ProgressHandler | None) -> None:
    summary.seconds = time.perf_counter() - started
    if on_progress:
        on_progress(summary)


def content_hash(record: Record) -> str:
    """The identity of a record's content: its id (if any) and every stored field."""
    fields = [record.external_id, record.title, record.text, record.date, record.source, record.url]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()


def _records_only(
    items: Iterable[Record | Problem], summary: ImportSummary, on_problem: ProblemHandler | None
) -> Iterator[Record]:
    for item in items:
        if isinstance(item, Record):
            yield item
            continue
        if item.rejected:
            summary.rejected += 1
        else:
            summary.warnings += 1
        if on_problem:
            on_problem(item)


@dataclass
class _Batch:
    """Records read and sent to extraction, waiting to be written."""

    size: int
    fresh: dict[str, Record]  # by content hash: the records not stored yet
    extracted: Iterator[PreparedArticle]  # in the order of `fresh`


def _start_batch(
    db: Database, batch: list[Record], pool: Executor | None, extractor: str
) -> _Batch:
    by_hash: dict[str, Record] = {}
    for record in batch:
        by_hash.setdefault(content_hash(record), record)
    stored = _stored_hashes(db, list(by_hash))
    fresh = {digest: record for digest, record in by_hash.items() if digest not in stored}
    # Records read from a shard come with their extraction; the rest are extracted.
    todo = [record.text for record in fresh.values() if record.extraction is None]
    extracted = extract_texts(todo, pool, extractor)
    in_order = (
        _shard_article(record.text, record.extraction)
        if record.extraction is not None
        else next(extracted)
        for record in fresh.values()
    )
    return _Batch(len(batch), fresh, in_order)


def _write_batch(
    db: Database,
    batch: _Batch,
    imported_at: str,
    summary: ImportSummary,
    writer: ExtractionWriter,
    warn: ProblemHandler,
) -> None:
    fresh = batch.fresh
    extractions = dict(zip(fresh, batch.extracted, strict=True))
    with write_transaction(db):
        # Another import (or the batch before) may have stored some of them meanwhile.
        for digest in _stored_hashes(db, list(fresh)):
            del fresh[digest]
        summary.unchanged += batch.size - len(fresh)
        _keep_last_of_each_key(fresh, warn)
        next_id = (db.execute("SELECT max(id) FROM articles").fetchone()[0] or 0) + 1
        replaced = _replaced_articles(db, list(fresh.values()))
        for record in fresh.values():
            stored = replaced.get(_key(record))
            if stored is not None and stored[1] == imported_at:
                warn(_again(record, f"article {stored[0]} of this import"))
        if replaced:
            _delete_articles(db, [article_id for article_id, _ in replaced.values()], writer)
        rows = []
        written = {}
        for digest, record in fresh.items():
            article_id = replaced.get(_key(record), (None, ""))[0]
            if article_id is None:
                article_id, next_id = next_id, next_id + 1
                summary.imported += 1
            else:
                summary.updated += 1
            rows.append(_article_row(article_id, record, digest, imported_at))
            written[article_id] = extractions[digest]
        db.conn.executemany(_INSERT_ARTICLE, rows)
        writer.write(written)


def _shard_article(text: str, extraction: Extraction) -> PreparedArticle:
    """The extraction a shard's article comes with, made ready to write."""
    if not extraction.sketch.terms:
        # A shard's article arrives without its text's sketch.
        extraction = replace(extraction, sketch=sketch(text))
    return prepare(extraction)


def _keep_last_of_each_key(fresh: dict[str, Record], warn: ProblemHandler) -> None:
    """One record per id (or path) in a batch: a later record with the same id
    replaces an earlier one, as it would in a later import."""
    last: dict[tuple[str, str], str] = {}
    for digest, record in list(fresh.items()):
        earlier = last.get(_key(record))
        if earlier is not None:
            warn(_again(record, fresh.pop(earlier).path))
        last[_key(record)] = digest


def _again(record: Record, earlier: str) -> Problem:
    what = f"id {record.external_id!r}" if record.external_id is not None else "this file"
    return Problem(record.path, f"{what} was already read at {earlier}; this record replaces it",
                   rejected=False)  # fmt: skip


def _key(record: Record) -> tuple[str, str]:
    if record.external_id is not None:
        return ("external_id", record.external_id)
    return ("path", record.path)


def _stored_hashes(db: Database, digests: list[str]) -> set[str]:
    marks = ",".join("?" * len(digests))
    sql = f"SELECT content_hash FROM articles WHERE content_hash IN ({marks})"
    return {row[0] for row in db.execute(sql, digests)}


def _replaced_articles(
    db: Database, records: list[Record]
) -> dict[tuple[str, str], tuple[int, str]]:
    """The stored article each changed record replaces (its id and when it was
    imported), by the record's key."""
    found: dict[tuple[str, str], tuple[int, str]] = {}
    for column in ("external_id", "path"):
        values = [key[1] for key in map(_key, records) if key[0] == column]
        if not values:
            continue
        marks = ",".join("?" * len(values))
        extra = " AND external_id IS NULL" if column == "path" else ""
        sql = f"SELECT {column}, id, imported_at FROM articles WHERE {column} IN ({marks}){extra}"
        found.update({(column, value): (i, at) for value, i, at in db.execute(sql, values)})
    return found


def _delete_articles(db: Database, article_ids: list[int], writer: ExtractionWriter) -> None:
    """Delete articles with what was extracted from them (the entities that no
    article names any more go when the batch's extractions are written)."""
    writer.forget_articles(article_ids)
    marks = ",".join("?" * len(article_ids))
    for table in ARTICLE_CHILDREN:
        db.execute(f"DELETE FROM {table} WHERE article_id IN ({marks})", article_ids)
    db.execute(f"DELETE FROM articles WHERE id IN ({marks})", article_ids)


_ARTICLE_COLUMNS = (
    "id", "title", "text", "date", "source", "url", "path", "content_hash", "imported_at",
    "external_id",
)  # fmt: skip
_INSERT_ARTICLE = (
    f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(_ARTICLE_COLUMNS))})"
)


def _article_row(
    article_id: int, record: Record, digest: str, imported_at: str
) -> tuple[object, ...]:
    """An article's row, in the order of _ARTICLE_COLUMNS."""
    return (
        article_id, record.title, record.text, record.date, record.source, record.url,
        record.path, digest, imported_at, record.external_id,
    )  # fmt: skip
