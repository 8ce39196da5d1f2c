"""Opening a corpus database: WAL mode, busy timeout, migrations, clear errors."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    # sqlite-utils (and the schema built with it) load only when a database is
    # created, migrated or written: browsing opens with `open_reader`, without them.
    from sqlite_utils import Database

# How long a writer waits for another writer before giving up (seconds).
BUSY_TIMEOUT = 30.0
# The migrations in store/schema.py, by name (tests/store/test_database.py keeps
# the two in step): a database with exactly these needs no sqlite-utils to read.
MIGRATION_NAMES = frozenset({"0001_initial", "0002_list_order_indexes", "0003_entity_keys"})


class Reader(Protocol):
    """What the queries need of a connection: a `sqlite3.Connection` (from
    `open_reader`) or a sqlite-utils `Database` (from `open_database`)."""

    def execute(self, sql: str, parameters: Any = ..., /) -> sqlite3.Cursor: ...

    def close(self) -> None: ...


class StoreError(Exception):
    """A problem with a database file, worded for the person who chose it."""


def default_database_path() -> Path:
    """`$NUTGRAF_DB`, else `corpus.db` in the XDG data directory."""
    if env := os.environ.get("NUTGRAF_DB"):
        return Path(env)
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "nutgraf" / "corpus.db"


def open_reader(path: str | Path) -> sqlite3.Connection:
    """A plain connection to read a corpus database, quick to open.

    A database whose schema is current opens directly (read-only when the file
    is not writable); anything else (a new file, an older schema, a file that
    is not a nutgraf database) goes through `open_database` first, which
    migrates it or raises a clear StoreError.
    """
    file = Path(path)
    readonly = file.exists() and not _writable(file)
    if not _schema_is_current(file):
        open_database(file, readonly=readonly).close()
    if readonly:
        return _connect_readonly(file)
    conn = sqlite3.connect(file, timeout=BUSY_TIMEOUT, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
    return conn


def _schema_is_current(file: Path) -> bool:
    if not file.is_file():
        return False
    try:
        conn = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True)
        try:
            names = conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = 'nutgraf'"
            ).fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return {name for (name,) in names} == MIGRATION_NAMES


def open_database(path: str | Path, *, readonly: bool | None = None) -> Database:
    """Open (creating if needed) a corpus database and bring its schema up to date.

    Args:
        path: the database file, or ":memory:".
        readonly: force read-only (True) or writable (False) mode; by default a
            file we may not write to opens read-only.

    Raises:
        StoreError: the file is not a nutgraf database, is from a newer
            version, or cannot be opened.
    """
    from sqlite_utils import Database

    path = str(path)
    if path == ":memory:":
        return _prepare(Database(sqlite3.connect(":memory:", check_same_thread=False)), path)
    file = Path(path)
    if file.is_dir():
        raise StoreError(f"{path}: is a directory, not a database file")
    if readonly is None:
        readonly = file.exists() and not _writable(file)
    if readonly:
        if not file.exists():
            raise StoreError(f"{path}: no such database")
        return _prepare(Database(_connect_readonly(file)), path, readonly=True)
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(file, timeout=BUSY_TIMEOUT, check_same_thread=False)
    except (OSError, sqlite3.Error) as error:
        raise StoreError(f"{path}: cannot open: {error}") from error
    return _prepare(Database(conn), path)


def is_readonly(db: Reader) -> bool:
    """True when the database was opened read-only."""
    return bool(db.execute("PRAGMA query_only").fetchone()[0])


def _writable(file: Path) -> bool:
    # WAL needs to create -wal and -shm files beside the database.
    return os.access(file, os.W_OK) and os.access(file.parent, os.W_OK)


def _connect_readonly(file: Path) -> sqlite3.Connection:
    uri = f"{file.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT, check_same_thread=False)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        # A WAL database in a read-only directory cannot create its -shm file;
        # immutable=1 reads it as a snapshot instead.
        conn = sqlite3.connect(
            f"{file.resolve().as_uri()}?immutable=1", uri=True, check_same_thread=False
        )
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{file}: not a SQLite database ({error})") from error
    conn.execute("PRAGMA query_only = 1")
    return conn


def _prepare(db: Database, path: str, *, readonly: bool = False) -> Database:
    from store.schema import MIGRATIONS, migration_names

    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        tables = set(db.table_names())
        if tables and "articles" not in tables and "_sqlite_migrations" not in tables:
            raise StoreError(f"{path}: a SQLite database, but not a nutgraf corpus")
        applied = {migration.name for migration in MIGRATIONS.applied(db)}
        if newer := applied - migration_names():
            raise StoreError(
                f"{path}: written by a newer nutgraf (schema {max(newer)}); "
                "upgrade nutgraf to open it"
            )
        pending = MIGRATIONS.pending(db)
        if readonly:
            if pending:
                raise StoreError(f"{path}: older schema and read-only, cannot be upgraded")
            return db
        db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
        # A write that would leave a row pointing at a missing one fails its
        # transaction (checked at commit: see `write_transaction`).
        db.execute("PRAGMA foreign_keys = ON")
        if path != ":memory:":
            db.enable_wal()
            db.execute("PRAGMA synchronous = NORMAL")
        if pending:
            MIGRATIONS.apply(db)
    except sqlite3.DatabaseError as error:
        db.close()
        raise StoreError(f"{path}: not a usable nutgraf database ({error})") from error
    except StoreError:
        db.close()
        raise
    return db


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """One `BEGIN IMMEDIATE` transaction: it takes the write lock up front
    (waiting up to the busy timeout) so ids read inside it stay ours."""
    db.execute("BEGIN IMMEDIATE")
    # Rows may point at rows written later in the same transaction (new entities
    # are written after their mentions); the foreign keys are checked at COMMIT.
    db.execute("PRAGMA defer_foreign_keys = ON")
    try:
        yield db
    except BaseException:
        db.rollback()
        raise
    db.execute("COMMIT")
