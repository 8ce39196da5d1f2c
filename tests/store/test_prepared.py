"""Articles made ready to write in the extraction workers (store/prepared.py): what
crosses back to the writer is what it would have worked out itself."""

from __future__ import annotations

import pickle
from pathlib import Path

from sqlite_utils import Database

from store.database import open_database
from store.extract import extract_article
from store.importer import import_paths
from store.prepared import prepare
from store.workers import PARALLEL_FROM
from tests.conftest import SEEDS
from tests.store.test_import_in_parts import SLICE, slice_records

TABLES = (
    "articles", "entities", "entity_aliases", "entity_keys", "mentions", "quotes", "repeats",
    "statements", "statement_prints", "stories", "article_sketches", "story_bands",
)  # fmt: skip


def contents(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the extracted tables, in order (an article's import time aside)."""
    found = {}
    for table in TABLES:
        columns = [c for c in db[table].columns_dict if c != "imported_at"]
        names = ", ".join(f'"{c}"' for c in columns)
        found[table] = db.execute(f"SELECT {names} FROM {table} ORDER BY {names}").fetchall()
    return found


def test_a_prepared_article_crosses_processes_whole() -> None:
    text = next(SEEDS.glob("*.txt")).read_text(encoding="utf-8")
    prepared = prepare(extract_article(text))
    assert any(words is not None for words in prepared.quote_words)
    crossed = pickle.loads(pickle.dumps(prepared))
    assert crossed == prepared
    for words in crossed.quote_words:
        if words is not None:
            assert words.words.pairs == set(words.words.hashes)


def test_extraction_workers_store_what_one_process_stores(tmp_path: Path) -> None:
    assert len(slice_records()) >= PARALLEL_FROM  # else no worker would start
    alone, pooled = open_database(tmp_path / "alone.db"), open_database(tmp_path / "pooled.db")
    import_paths(alone, [str(SLICE)], workers=1)
    import_paths(pooled, [str(SLICE)], workers=2)
    assert contents(pooled) == contents(alone)
    assert contents(alone)["statements"] and contents(alone)["stories"]
