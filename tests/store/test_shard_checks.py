"""A shard is checked like any input: one bad article is reported and skipped, the rest merge."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from store.database import open_database
from store.importer import import_paths
from store.kinds import EntityKind
from store.records import Problem
from tests.conftest import FIXTURES

BAD = 3  # the article spoilt in each case; the other 12 import
TABLES = ("articles", "entities", "mentions", "quotes", "repeats")


@pytest.fixture(scope="module")
def clean_shard(tmp_path_factory: pytest.TempPathFactory) -> Path:
    shard = tmp_path_factory.mktemp("shard") / "clean.db"
    import_paths(open_database(shard), [str(FIXTURES / "corpus_sample.jsonl")])
    return shard


def spoilt(clean: Path, copy: Path, sql: str) -> tuple[int, int]:
    """A copy of the shard with `sql` run on tables stripped of their constraints (as a
    hand-made or damaged shard has them); returns the first mention of article BAD."""
    conn = sqlite3.connect(copy)
    source = sqlite3.connect(clean)
    source.backup(conn)  # the clean shard's last writes may still be in its WAL
    source.close()
    conn.execute("PRAGMA legacy_alter_table = ON")
    for table in TABLES:
        conn.execute(f"CREATE TABLE loose AS SELECT * FROM {table}")
        conn.execute(f"DROP TABLE {table}")
        conn.execute(f"ALTER TABLE loose RENAME TO {table}")
    start, end = conn.execute(
        'SELECT start, "end" FROM mentions WHERE article_id = ? ORDER BY start', [BAD]
    ).fetchone()
    conn.executescript(
        sql.replace("FIRST_MENTION", f"(SELECT min(id) FROM mentions WHERE article_id = {BAD})")
        .replace("FIRST_QUOTE", f"(SELECT min(id) FROM quotes WHERE article_id = {BAD})")
        .replace("BAD", str(BAD))
    )
    conn.commit()
    conn.close()
    return start, end


CASES = {
    "NULL name": (
        "INSERT INTO entities (id, name, kind) VALUES (9999, NULL, 'person');"
        "UPDATE mentions SET entity_id = 9999 WHERE id = FIRST_MENTION",
        "mention at {m}: the entity's name is NULL",
    ),
    "empty name": (
        "INSERT INTO entities (id, name, kind) VALUES (9999, ' ', 'person');"
        "UPDATE mentions SET entity_id = 9999 WHERE id = FIRST_MENTION",
        "mention at {m}: the entity's name is blank",
    ),
    "unknown kind": (
        "INSERT INTO entities (id, name, kind) VALUES (9999, 'Putin', 'PERSON');"
        "UPDATE mentions SET entity_id = 9999 WHERE id = FIRST_MENTION",
        "mention at {m}: unknown kind 'PERSON'",
    ),
    "missing entity": (
        "UPDATE mentions SET entity_id = 123456 WHERE id = FIRST_MENTION",
        "mention at {m}: entity 123456 is missing",
    ),
    "NULL mention text": (
        "UPDATE mentions SET text = NULL WHERE id = FIRST_MENTION",
        "mention at {m}: its text is NULL",
    ),
    "BLOB mention text": (
        "UPDATE mentions SET text = X'ff00' WHERE id = FIRST_MENTION",
        "mention at {m}: its text is a BLOB",
    ),
    "span past the end": (
        'UPDATE mentions SET "end" = 99999 WHERE id = FIRST_MENTION',
        "mention at {start}-99999: not a span of the text (0-{length})",
    ),
    "start not before end": (
        'UPDATE mentions SET "end" = start WHERE id = FIRST_MENTION',
        "mention at {start}-{start}: not a span of the text (0-{length})",
    ),
    "span of text": (
        "UPDATE mentions SET start = 'one' WHERE id = FIRST_MENTION",
        "mention at 'one'-{end}: not two whole numbers",
    ),
    "quote past the end": (
        "UPDATE quotes SET start = -5 WHERE id = FIRST_QUOTE",
        "quote at -5-{quote_end}: not a span of the text (0-{length})",
    ),
    "speaker without a name": (
        "INSERT INTO entities (id, name, kind) VALUES (9999, NULL, 'person');"
        "UPDATE quotes SET speaker_entity_id = 9999 WHERE id = FIRST_QUOTE",
        "quote at {q}: speaker: the entity's name is NULL",
    ),
    "repeat after its original": (
        'INSERT INTO repeats (article_id, start, "end", original_start) VALUES (BAD, 10, 20, 15)',
        "repeated passage at 10-20 repeats 15, not before it",
    ),
    "NULL text": ("UPDATE articles SET text = NULL WHERE id = BAD", "no text"),
    "BLOB text": (
        "UPDATE articles SET text = CAST(text AS BLOB) WHERE id = BAD",
        "text is a BLOB",
    ),
    "text not UTF-8": (
        "UPDATE articles SET text = CAST(X'436166e9' AS TEXT) WHERE id = BAD",
        "text is not valid UTF-8",
    ),
    "BLOB title": ("UPDATE articles SET title = X'1b5b32' WHERE id = BAD", "title is a BLOB"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_bad_article_is_skipped_and_the_rest_merge(
    case: str, clean_shard: Path, tmp_path: Path, db: Database
) -> None:
    sql, reason = CASES[case]
    shard = tmp_path / "spoilt.db"
    start, end = spoilt(clean_shard, shard, sql)
    (length,) = (
        Database(clean_shard)
        .execute("SELECT length(text) FROM articles WHERE id = ?", [BAD])
        .fetchone()
    )
    quote_start, quote_end = (
        Database(clean_shard)
        .execute('SELECT start, "end" FROM quotes WHERE article_id = ? ORDER BY start', [BAD])
        .fetchone()
    )
    problems: list[Problem] = []
    summary = import_paths(db, [str(shard)], on_problem=problems.append)
    expected = reason.format(
        m=f"{start}-{end}",
        q=f"{quote_start}-{quote_end}",
        start=start,
        end=end,
        quote_end=quote_end,
        length=length,
    )
    assert [str(problem) for problem in problems] == [f"{shard}: article {BAD}: {expected}"]
    assert (summary.imported, summary.rejected) == (12, 1)
    kinds = {kind for (kind,) in db.execute("SELECT DISTINCT kind FROM entities")}
    assert kinds and kinds <= set(EntityKind)
    assert db.execute("SELECT count(*) FROM entities WHERE trim(name) = ''").fetchone() == (0,)
