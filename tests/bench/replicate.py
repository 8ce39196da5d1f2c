"""A big bench database in minutes: an imported one, every article N times over.

    python tests/bench/replicate.py SOURCE.db TARGET.db --copies N

The browser and start-up benches need a million articles; importing them takes
hours on a 2-core machine. The bench databases repeat the shared corpora with
distinct ids (tests/bench/common.py), so a 1M import holds ten times the rows
of a 100k import: each article, its mentions, quotes, repeated passages and
sketch ten times, the copies in the same stories and statements, every count
ten times as high. This writes exactly that from the 100k database, with new
ids (and `~K` after each copy's hash, path and external id), through the same
full-text triggers. Import figures come only from real imports
(import_bench.py, scale_bench.py, grouping_bench.py); this is for reading.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import time
from pathlib import Path

# The rows that belong to an article, copied with it; the other tables (entities,
# statements, stories, their keys and prints) are shared by the copies.
ARTICLE_ROWS = ["mentions", "quotes", "repeats", "article_sketches", "story_bands"]
# Text columns that tell one copy of an article from another.
DISTINCT = {"content_hash", "path", "external_id"}
# Counts that grow with the copies: table, columns.
COUNTS = {
    "statements": ["quote_count", "article_count"],
    "stories": ["article_count"],
    "entity_aliases": ["count"],
}


def replicate(source: Path, target: Path, copies: int) -> None:
    partial = target.with_name(target.name + ".partial")
    shutil.copyfile(source, partial)
    db = sqlite3.connect(partial, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("BEGIN")
    shift = {
        table: _next_id(db, table) for table in ["articles", *ARTICLE_ROWS] if _has_id(db, table)
    }
    for copy in range(1, copies):
        _copy(db, "articles", copy, shift)
        for table in ARTICLE_ROWS:
            _copy(db, table, copy, shift)
    for table, columns in COUNTS.items():
        scaled = ", ".join(f'"{column}" = "{column}" * {copies}' for column in columns)
        db.execute(f"UPDATE {table} SET {scaled}")
    db.execute("COMMIT")
    db.execute("ANALYZE")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    partial.rename(target)


def _columns(db: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in db.execute(f"PRAGMA table_info({table})")]


def _has_id(db: sqlite3.Connection, table: str) -> bool:
    return "id" in _columns(db, table)


def _next_id(db: sqlite3.Connection, table: str) -> int:
    """How far each copy's ids are moved: past the largest id there is."""
    return int(db.execute(f"SELECT ifnull(max(id), 0) + 1 FROM {table}").fetchone()[0])


def _copy(db: sqlite3.Connection, table: str, copy: int, shift: dict[str, int]) -> None:
    columns = _columns(db, table)
    values = []
    for column in columns:
        if column == "id":
            values.append(f'"id" + {copy * shift[table]}')
        elif column == "article_id":
            values.append(f'"article_id" + {copy * shift["articles"]}')
        elif column in DISTINCT:
            values.append(f"\"{column}\" || '~{copy}'")
        else:
            values.append(f'"{column}"')
    listed = ", ".join(f'"{column}"' for column in columns)
    # Only the original rows, not the copies made before this one.
    original = f"id < {shift[table]}" if table in shift else f"article_id < {shift['articles']}"
    db.execute(
        f"INSERT INTO {table} ({listed}) SELECT {', '.join(values)} FROM {table} WHERE {original}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--copies", type=int, default=10)
    args = parser.parse_args()
    started = time.perf_counter()
    replicate(args.source, args.target, args.copies)
    articles = sqlite3.connect(args.target).execute("SELECT count(*) FROM articles").fetchone()
    print(f"{articles[0]:,} articles in {time.perf_counter() - started:.0f}s")


if __name__ == "__main__":
    main()
