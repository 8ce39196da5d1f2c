"""Re-running extraction on every stored article (after an upgrade of the extractors)."""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import BrokenExecutor, Executor

from sqlite_utils import Database

from store.database import database_file, write_transaction
from store.extraction_writer import ExtractionWriter
from store.extractors import Extractor, load_extractor, recorded_extractor, use_extractor
from store.importer import BATCH_SIZE
from store.workers import PARALLEL_FROM, extract_texts, lost_worker, worker_pool
from store.writer_lock import writer_lock

# What extraction fills; the articles themselves are never touched.
EXTRACTED_TABLES = (
    "mentions",
    "quotes",
    "repeats",
    "statement_prints",
    "statements",
    "story_bands",
    "article_sketches",
    "entity_aliases",
    "entity_keys",
    "entities",
)


def reindex(
    db: Database,
    *,
    on_progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
    on_wait: Callable[[str], None] | None = None,
    extractor: str | None = None,
) -> int:
    """Forget every extraction and extract all articles again; returns how many.

    The extracted tables are emptied first; then each batch of articles is
    its own transaction, so an interrupted reindex leaves a consistent
    database holding the batches done (run it again to complete it). Like an
    import, it waits for another writer to finish first (telling `on_wait`).

    `extractor` switches the corpus to another extractor (store/extractors/);
    by default the one that filled it extracts again.
    """
    name = extractor or recorded_extractor(db)
    chosen = load_extractor(name)
    with writer_lock(database_file(db), on_wait=on_wait):
        return _reindex(db, on_progress, workers, chosen)


def _reindex(
    db: Database,
    on_progress: Callable[[int, int], None] | None,
    workers: int | None,
    extractor: Extractor,
) -> int:
    total = int(db.execute("SELECT count(*) FROM articles").fetchone()[0])
    workers = workers or os.cpu_count() or 1
    pool: Executor | None = None
    if workers > 1 and total >= PARALLEL_FROM:
        pool = worker_pool(workers)
    done = 0
    last_id = 0
    try:
        with write_transaction(db):
            for table in EXTRACTED_TABLES:
                db.execute(f"DELETE FROM {table}")
            db.execute("UPDATE articles SET story_id = NULL")
            db.execute("DELETE FROM stories")
            use_extractor(db, extractor, switch=True)
        writer = ExtractionWriter(db)
        while True:
            batch = db.execute(
                "SELECT id, text FROM articles WHERE id > ? ORDER BY id LIMIT ?",
                [last_id, BATCH_SIZE],
            ).fetchall()
            if not batch:
                break
            extractions = extract_texts([text for _, text in batch], pool, extractor.name)
            with write_transaction(db):
                writer.write(dict(zip((i for i, _ in batch), extractions, strict=True)))
            last_id = batch[-1][0]
            done += len(batch)
            if on_progress:
                on_progress(done, total)
    except BrokenExecutor as error:
        raise lost_worker("the batches done are stored: run the reindex again") from error
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return done
