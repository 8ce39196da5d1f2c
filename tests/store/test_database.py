from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlite_utils import Database

from store import database
from store.database import MIGRATION_NAMES, StoreError, is_readonly, open_database, open_reader
from store.importer import import_paths
from store.schema import FTS_AUTOMERGE, MIGRATIONS, migration_names
from store.writer_lock import writer_lock
from tests.conftest import SEEDS

CONTRACT = {
    "articles": {
        "id", "title", "text", "date", "source", "url", "path", "content_hash", "imported_at",
    },
    "entities": {"id", "name", "kind"},
    "mentions": {"id", "article_id", "entity_id", "start", "end", "text"},
    "quotes": {
        "id", "article_id", "start", "end", "text", "speaker_entity_id",
        "speaker_text", "speaker_start", "speaker_end", "cue",
    },
}  # fmt: skip


def test_schema_contract(db: Database) -> None:
    for table, columns in CONTRACT.items():
        assert columns <= set(db[table].columns_dict), table
    assert db.table("articles").detect_fts() == "articles_fts"
    assert db.table("quotes").detect_fts() == "quotes_fts"
    assert db.journal_mode == "wal"


def test_content_hash_is_unique(seeded_db: Database) -> None:
    digest = seeded_db.execute("SELECT content_hash FROM articles LIMIT 1").fetchone()[0]
    with pytest.raises(sqlite3.IntegrityError):
        seeded_db.execute(
            "INSERT INTO articles (text, content_hash, imported_at) VALUES ('x', ?, 'now')",
            [digest],
        )


def test_reopening_applies_no_migration_twice(db_path: Path) -> None:
    open_database(db_path).close()
    db = open_database(db_path)
    applied = db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    assert applied == len(MIGRATION_NAMES)


def test_newer_schema_is_refused(db_path: Path) -> None:
    db = open_database(db_path)
    db.table("_sqlite_migrations").insert(
        {"migration_set": "nutgraf", "name": "9999_future", "applied_at": "2030-01-01"}
    )
    db.close()
    with pytest.raises(StoreError, match="newer nutgraf"):
        open_database(db_path)
    # A reader is refused the same way, and not told of an upgrade first.
    told: list[str] = []
    with pytest.raises(StoreError, match="newer nutgraf"):
        open_reader(db_path, on_upgrade=told.append)
    assert told == []


def test_not_a_database(tmp_path: Path) -> None:
    file = tmp_path / "notes.db"
    file.write_text("These are my notes, not a database. " * 100)
    with pytest.raises(StoreError, match="not a SQLite database"):
        open_database(file)
    assert file.read_text().startswith("These are my notes")


def test_another_sqlite_database_is_not_touched(tmp_path: Path) -> None:
    file = tmp_path / "other.db"
    Database(file).table("people").insert({"name": "x"})
    with pytest.raises(StoreError, match="not a nutgraf corpus"):
        open_database(file)


def test_a_file_we_may_not_write_opens_read_only(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_paths(open_database(db_path), [str(SEEDS)])
    # Tests may run as root, who can write anything: ask as a user who cannot.
    monkeypatch.setattr(os, "access", lambda path, mode: mode != os.W_OK)
    db = open_database(db_path)
    assert is_readonly(db)
    assert db.execute("SELECT count(*) FROM articles").fetchone() == (5,)


def test_read_only_mode_on_request(db_path: Path) -> None:
    import_paths(open_database(db_path), [str(SEEDS)])
    db = open_database(db_path, readonly=True)
    assert is_readonly(db)
    assert db.execute("SELECT count(*) FROM articles").fetchone() == (5,)
    with pytest.raises(sqlite3.OperationalError):
        db.execute("DELETE FROM articles")


def test_an_older_database_is_migrated(db_path: Path) -> None:
    """A database made by a nutgraf that knew only the first migration gets the rest."""

    older = Database(db_path)
    first, second, *_ = MIGRATIONS.pending(older)
    MIGRATIONS.apply(older, stop_before=second.name)
    assert {m.name for m in MIGRATIONS.applied(older)} == {first.name}
    older.close()
    db = open_database(db_path)
    names = {row[0] for row in db.execute("SELECT name FROM _sqlite_migrations")}
    assert names == migration_names()
    import_paths(db, [str(SEEDS)])
    assert db.execute("SELECT count(*) FROM articles").fetchone() == (5,)


def test_an_upgrade_that_waits_for_a_writer_says_so(db_path: Path) -> None:
    """The schema of an older database is upgraded by one process at a time: one that
    must wait for another writer says who it waits for, instead of hanging silently."""
    older = Database(db_path)
    _, second, *_ = MIGRATIONS.pending(older)
    MIGRATIONS.apply(older, stop_before=second.name)
    older.close()
    told: list[str] = []
    opened: list[Database] = []
    with writer_lock(db_path):
        upgrade = threading.Thread(
            target=lambda: opened.append(open_database(db_path, on_wait=told.append))
        )
        upgrade.start()
        deadline = time.monotonic() + 30
        while not told and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not opened
    upgrade.join(timeout=30)
    assert len(told) == 1 and "being written by" in told[0], told
    names = {row[0] for row in opened[0].execute("SELECT name FROM _sqlite_migrations")}
    assert names == migration_names()


def test_migration_names_are_in_step_with_the_schema() -> None:
    assert migration_names() == MIGRATION_NAMES


def test_browsing_opens_without_sqlite_utils(seeded_db: Database, db_path: Path) -> None:
    """A current database opens for reading on plain sqlite3: quick to start."""
    seeded_db.close()
    code = (
        "import sys; from store.corpus import Corpus; from store.queries import count_articles\n"
        f"corpus = Corpus({str(db_path)!r})\n"
        "with corpus.read() as db: assert count_articles(db) == 5\n"
        "assert 'sqlite_utils' not in sys.modules, 'sqlite_utils was loaded'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[2])


def test_reading_an_older_or_foreign_database(db_path: Path, tmp_path: Path) -> None:
    older = Database(db_path)
    MIGRATIONS.apply(older, stop_before="0002_list_order_indexes")
    older.close()
    told: list[str] = []
    open_reader(db_path, on_upgrade=told.append).close()
    assert {row[0] for row in Database(db_path).execute("SELECT name FROM _sqlite_migrations")} == (
        MIGRATION_NAMES
    )
    assert len(told) == 1 and "upgrading" in told[0]  # said before the wait, once
    open_reader(db_path, on_upgrade=told.append).close()
    assert len(told) == 1
    foreign = tmp_path / "foreign.db"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="not a nutgraf corpus"):
        open_reader(foreign)
    text = tmp_path / "notes.txt"
    text.write_text("not a database at all")
    with pytest.raises(StoreError):
        open_reader(text)


def wal_database_without_shm(folder: Path) -> Path:
    """A WAL database whose last 400 rows are only in its -wal file, copied (as a
    backup or a download would) without the -shm file."""
    source = folder / "source"
    source.mkdir()
    writer = sqlite3.connect(source / "corpus.db")
    writer.execute("PRAGMA journal_mode = wal")
    writer.execute("CREATE TABLE t (n)")
    writer.executemany("INSERT INTO t VALUES (?)", [(n,) for n in range(100)])
    writer.commit()
    writer.execute("PRAGMA wal_checkpoint")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.executemany("INSERT INTO t VALUES (?)", [(n,) for n in range(400)])
    writer.commit()
    copy = folder / "copy"
    copy.mkdir()
    for name in ("corpus.db", "corpus.db-wal"):
        (copy / name).write_bytes((source / name).read_bytes())
    writer.close()
    return copy / "corpus.db"


def test_a_wal_database_in_a_read_only_directory_is_read_whole(tmp_path: Path) -> None:
    # SQLite cannot open it in place (no -shm, none can be created): this is the
    # fallback open_reader takes then, called directly since tests may run as root.
    file = wal_database_without_shm(tmp_path)
    warnings: list[str] = []
    conn = database._connect_without_shm(file, warnings.append)
    assert conn.execute("SELECT count(*) FROM t").fetchone() == (500,)
    assert warnings == []
    assert sorted(p.name for p in file.parent.iterdir()) == ["corpus.db", "corpus.db-wal"]


def test_a_big_one_is_read_without_its_log_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = wal_database_without_shm(tmp_path)
    monkeypatch.setattr(database, "COPY_TO_READ_LIMIT", 0)
    warnings: list[str] = []
    conn = database._connect_without_shm(file, warnings.append)
    assert conn.execute("SELECT count(*) FROM t").fetchone() == (100,)
    (warning,) = warnings
    assert "opened without its write-ahead log" in warning and "not shown" in warning


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into a read-only directory")
def test_a_read_only_directory_for_real(tmp_path: Path) -> None:
    file = wal_database_without_shm(tmp_path)
    file.parent.chmod(0o555)
    try:
        conn = database._connect_readonly(file)
        assert conn.execute("SELECT count(*) FROM t").fetchone() == (500,)
    finally:
        file.parent.chmod(0o755)


def test_full_text_search_triggers_survive_every_migration(db: Database) -> None:
    triggers = {
        name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    }
    for table in ("articles", "quotes"):
        assert {f"{table}_ai", f"{table}_ad", f"{table}_au"} <= triggers


def test_full_text_search_follows_edits_of_indexed_columns_only(db: Database) -> None:
    db.execute(
        "INSERT INTO articles (id, title, text, content_hash, imported_at) "
        "VALUES (1, 'Old title', 'Some text', 'h', 'now')"
    )
    db.execute(
        "INSERT INTO quotes (id, article_id, start, \"end\", text) VALUES (1, 1, 0, 4, 'Some')"
    )

    def found(table: str, word: str) -> list[int]:
        sql = f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?"
        return [rowid for (rowid,) in db.execute(sql, [word])]

    db.execute("UPDATE articles SET title = 'New title', source = 'x' WHERE id = 1")
    db.execute("UPDATE quotes SET text = 'Other', cue = 'said' WHERE id = 1")
    assert (found("articles", "new"), found("articles", "old")) == ([1], [])
    assert (found("quotes", "other"), found("quotes", "some")) == ([1], [])
    # Other columns leave the index alone, and it stays whole.
    db.execute("UPDATE articles SET source = 'y' WHERE id = 1")
    db.execute("UPDATE quotes SET cue = 'told' WHERE id = 1")
    for table in ("articles", "quotes"):
        db.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES('integrity-check')")
    assert found("articles", "new") == [1]
    assert found("quotes", "other") == [1]


def test_a_failed_commit_leaves_no_transaction_open(db: Database) -> None:
    """A COMMIT the deferred foreign keys refuse rolls back: what was written is gone,
    and the connection is ready for the next transaction (it counted the refused rows)."""
    with pytest.raises(sqlite3.IntegrityError), database.write_transaction(db):
        db.execute(
            "INSERT INTO articles (text, content_hash, imported_at, story_id) "
            "VALUES ('x', 'h', 'now', 999)"
        )
    assert not db.conn.in_transaction
    assert db.execute("SELECT count(*) FROM articles").fetchone() == (0,)


def test_writing_to_a_read_only_database_says_so(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not 'not a usable nutgraf database (attempt to write a readonly database)'."""
    open_database(db_path).close()
    monkeypatch.setattr(database, "_writable", lambda file: False)
    with pytest.raises(StoreError, match="read-only; nutgraf cannot write to it"):
        open_database(db_path, readonly=False)
    open_database(db_path).close()  # and reading it still works


def test_full_text_indexes_merge_less_often(db: Database) -> None:
    for table in ("articles_fts", "quotes_fts"):
        setting = db.execute(f"SELECT v FROM {table}_config WHERE k = 'automerge'").fetchone()
        assert setting == (FTS_AUTOMERGE,)


def test_a_new_corpus_killed_before_its_first_migration_opens_as_new(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    MIGRATIONS.ensure_migrations_table(Database(path))  # then kill -9
    names = {row[0] for row in open_database(path).execute("SELECT name FROM _sqlite_migrations")}
    assert names == migration_names()
    other = tmp_path / "other.db"
    MIGRATIONS.ensure_migrations_table(Database(other))
    Database(other).execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="not a nutgraf corpus"):
        open_database(other)
