"""A corpus database shared by the browser's worker threads, one query at a time."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from store.database import Reader, is_readonly, open_reader

# How long a bookmark write waits for an import's batch to commit (seconds).
WRITE_TIMEOUT = 10.0


class ReadOnlyCorpus(Exception):
    """The corpus cannot be written (a read-only file): bookmarks cannot be kept."""


class Corpus:
    """One connection, used by one thread at a time.

    The browser runs every query in a thread worker; the lock keeps two
    workers from using the connection at once.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.warnings: list[str] = []
        """What the user should know about how the database was opened."""
        self._db = open_reader(path, on_warning=self.warnings.append)
        self.readonly = is_readonly(self._db)
        self._lock = threading.Lock()

    @contextmanager
    def read(self) -> Iterator[Reader]:
        with self._lock:
            yield self._db

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One short transaction (a bookmark), on its own connection: reads go on
        meanwhile, and an import's writer lock is not needed, SQLite's busy timeout
        waits out a batch being committed.

        Raises:
            ReadOnlyCorpus: the database was opened read-only.
        """
        if self.readonly:
            raise ReadOnlyCorpus(f"{self.path} is read-only: bookmarks cannot be saved")
        conn = sqlite3.connect(self.path, timeout=WRITE_TIMEOUT, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        finally:
            conn.close()

    def close(self) -> None:
        with self._lock:
            self._db.close()
