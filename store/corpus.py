"""A corpus database shared by the browser's worker threads, one query at a time."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from store.database import Reader, is_readonly, open_reader


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

    def close(self) -> None:
        with self._lock:
            self._db.close()
