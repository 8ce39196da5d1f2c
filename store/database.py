"""Opening a corpus database: WAL mode, busy timeout, migrations, clear errors."""

from __future__ import annotations

import atexit
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    # sqlite-utils (and the schema built with it) load only when a database is
    # created, migrated or written: browsing opens with `open_reader`, without them.
    from sqlite_utils import Database

# A WAL database in a read-only directory is read from a copy up to this size
# (bytes, database and log together); see `_connect_without_shm`.
COPY_TO_READ_LIMIT = 512 * 1024 * 1024
# How long a writer waits for another writer before giving up (seconds).
BUSY_TIMEOUT = 30.0
# The migrations in store/schema.py, by name (tests/store/test_database.py keeps
# the two in step): a database with exactly these needs no sqlite-utils to read.
MIGRATION_NAMES = frozenset(
    {
        "0001_initial",
        "0002_list_order_indexes",
        "0003_entity_keys",
        "0004_statements_and_stories",
        "0005_bookmarks",
        "0006_settings",
        "0007_entity_fixes",
        "0008_story_list_index",
        "0009_fts_update_triggers",
        "0010_quotes_statement_article_index",
        "0011_story_members_index",
        "0012_fts_fewer_merges",
    }
)


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


def open_reader(
    path: str | Path,
    *,
    on_warning: Callable[[str], None] | None = None,
    on_upgrade: Callable[[str], None] | None = None,
) -> sqlite3.Connection:
    """A plain connection to read a corpus database, quick to open.

    A nutgraf database whose schema is current opens directly (read-only when
    the file is not writable); a new or empty file, or an older schema, goes
    through `open_database` first, which creates or migrates it. Any other
    file raises a StoreError and is left exactly as it was.

    Args:
        on_warning: told when the database can only be read in part (see
            `_connect_readonly`).
        on_upgrade: told before an older nutgraf database is upgraded (a schema
            change can take a while on a large corpus: an index over every quote),
            and who writes it if the upgrade must wait for them.
    """
    file = Path(path)
    readonly = file.exists() and not _writable(file)
    kind = _file_kind(file)
    applied = _applied_migrations(file) if kind == "nutgraf" else None
    if applied != MIGRATION_NAMES:
        # (A schema from a newer nutgraf is refused by open_database, not upgraded.)
        older = applied is not None and applied < MIGRATION_NAMES
        if older and not readonly and on_upgrade is not None:
            on_upgrade(
                f"{file}: upgrading to this version's schema (once; a while on a large corpus)"
            )
        open_database(file, readonly=readonly, on_wait=on_upgrade).close()
    if readonly:
        return _connect_readonly(file, on_warning)
    conn = sqlite3.connect(file, timeout=BUSY_TIMEOUT, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
    return conn


def opens_as_is(path: str | Path) -> bool:
    """Whether `open_reader` opens `path` with nothing to create, upgrade or warn
    about: a writable nutgraf database whose schema is this version's."""
    file = Path(path)
    try:
        return (
            file.is_file()
            and _writable(file)
            and _file_kind(file) == "nutgraf"
            and _applied_migrations(file) == MIGRATION_NAMES
        )
    except StoreError:
        return False


def _file_kind(file: Path) -> str:
    """What a file is, read without changing it: `missing`, `empty` (no bytes, or
    SQLite with no tables), `nutgraf` (its migrations are nutgraf's) or `foreign`.

    Raises:
        StoreError: the file is not SQLite, or cannot be read.
    """
    if not file.exists():
        return "missing"
    if file.is_dir():
        raise StoreError(f"{file}: is a directory, not a database file")
    if file.stat().st_size == 0:
        return "empty"
    try:
        conn = _snapshot_connection(file)
        try:
            tables = {
                name
                for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            if "_sqlite_migrations" not in tables:
                return "foreign" if tables else "empty"
            ours, applied = conn.execute(
                "SELECT count(*) FILTER (WHERE migration_set = 'nutgraf'), count(*) "
                "FROM _sqlite_migrations"
            ).fetchone()
            if tables == {"_sqlite_migrations"} and not applied:
                # A new corpus stopped (kill -9) between making the table of migrations
                # and committing the first: nothing else was written.
                return "empty"
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{file}: not a SQLite database ({error})") from error
    return "nutgraf" if ours else "foreign"


def _snapshot_connection(file: Path) -> sqlite3.Connection:
    """A read-only look at a file that changes nothing, even where SQLite cannot
    create its -shm file (a read-only directory): then the committed state in
    the file itself is read."""
    uri = file.resolve().as_uri()
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        return sqlite3.connect(f"{uri}?immutable=1", uri=True)


def _applied_migrations(file: Path) -> frozenset[str] | None:
    """The names of the migrations a nutgraf database has had (None: unreadable)."""
    try:
        conn = _snapshot_connection(file)
        try:
            names = conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = 'nutgraf'"
            ).fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return frozenset(name for (name,) in names)


def open_database(
    path: str | Path,
    *,
    readonly: bool | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> Database:
    """Open (creating if needed) a corpus database and bring its schema up to date.

    Args:
        path: the database file, or ":memory:".
        readonly: force read-only (True) or writable (False) mode; by default a
            file we may not write to opens read-only.
        on_wait: told who writes the database when its schema must be upgraded
            and the upgrade waits for them to finish.

    Raises:
        StoreError: the file is not a nutgraf database, is from a newer
            version, or cannot be opened.
    """
    from sqlite_utils import Database

    path = str(path)
    if path == ":memory:":
        return _prepare(Database(sqlite3.connect(":memory:", check_same_thread=False)), path)
    file = Path(path)
    if _file_kind(file) == "foreign":
        raise StoreError(
            f"{path}: a SQLite database, but not a nutgraf corpus; nutgraf leaves it as it is"
        )
    if readonly is None:
        readonly = file.exists() and not _writable(file)
    elif not readonly and file.exists() and not _writable(file):
        raise StoreError(
            f"{path}: read-only; nutgraf cannot write to it (see the permissions of the "
            "file and of its folder)"
        )
    if readonly:
        if not file.exists():
            raise StoreError(f"{path}: no such database")
        return _prepare(Database(_connect_readonly(file)), path, readonly=True)
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(file, timeout=BUSY_TIMEOUT, check_same_thread=False)
    except (OSError, sqlite3.Error) as error:
        raise StoreError(f"{path}: cannot open: {error}") from error
    return _prepare(Database(conn), path, on_wait=on_wait)


def database_file(db: Reader) -> str:
    """The file a connection writes to ("" for an in-memory database)."""
    return str(db.execute("PRAGMA database_list").fetchone()[2])


def is_readonly(db: Reader) -> bool:
    """True when the database was opened read-only."""
    return bool(db.execute("PRAGMA query_only").fetchone()[0])


def _writable(file: Path) -> bool:
    # WAL needs to create -wal and -shm files beside the database.
    return os.access(file, os.W_OK) and os.access(file.parent, os.W_OK)


def _connect_readonly(
    file: Path, on_warning: Callable[[str], None] | None = None
) -> sqlite3.Connection:
    uri = f"{file.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT, check_same_thread=False)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn = _connect_without_shm(file, on_warning)
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{file}: not a SQLite database ({error})") from error
    conn.execute("PRAGMA query_only = 1")
    return conn


def _connect_without_shm(
    file: Path, on_warning: Callable[[str], None] | None
) -> sqlite3.Connection:
    """A WAL database in a read-only directory, with no -shm file beside it.

    SQLite cannot read its write-ahead log there (it needs the -shm file), and
    its `immutable` mode reads the database file alone, missing whatever was
    committed since the last checkpoint. So a database up to
    COPY_TO_READ_LIMIT is read from a private copy that has its log; a bigger
    one is read without the log, and `on_warning` says so.
    """
    log = file.with_name(file.name + "-wal")
    log_size = log.stat().st_size if log.exists() else 0
    if log_size and file.stat().st_size + log_size <= COPY_TO_READ_LIMIT:
        folder = Path(tempfile.mkdtemp(prefix="nutgraf-read-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        shutil.copyfile(file, folder / file.name)
        shutil.copyfile(log, folder / log.name)
        return sqlite3.connect(folder / file.name, check_same_thread=False)
    if log_size and on_warning:
        on_warning(
            f"{file}: opened without its write-ahead log ({log_size:,} bytes): what was "
            "committed since its last checkpoint is not shown. SQLite cannot read the log "
            "in a read-only directory; open the database where its directory is writable "
            "to see everything."
        )
    uri = f"{file.resolve().as_uri()}?immutable=1"
    return sqlite3.connect(uri, uri=True, check_same_thread=False)


def _prepare(
    db: Database,
    path: str,
    *,
    readonly: bool = False,
    on_wait: Callable[[str], None] | None = None,
) -> Database:
    from store.schema import MIGRATIONS, migration_names

    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        applied = {migration.name for migration in MIGRATIONS.applied(db)}
        if newer := applied - migration_names():
            raise StoreError(
                f"{path}: written by a newer nutgraf (schema {max(newer)}); "
                "upgrade nutgraf to open it"
            )
        pending = MIGRATIONS.pending(db)
        if readonly:
            if pending:
                raise StoreError(
                    f"{path}: older schema and read-only, cannot be upgraded; make it "
                    "writable once, or open a writable copy (cp, then --db COPY)"
                )
            return db
        db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
        # A write that would leave a row pointing at a missing one fails its
        # transaction (checked at commit: see `write_transaction`).
        db.execute("PRAGMA foreign_keys = ON")
        if path != ":memory:":
            db.enable_wal()
            db.execute("PRAGMA synchronous = NORMAL")
        if pending:
            from store.writer_lock import writer_lock

            # Schema changes are writes: one process at a time (and then only
            # the migrations still pending once it is our turn).
            with writer_lock(path, on_wait=on_wait):
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
    try:
        db.execute("COMMIT")
    except BaseException:
        # A failed COMMIT (a foreign key, a full disk) leaves the transaction open.
        db.rollback()
        raise
