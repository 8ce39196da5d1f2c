"""One writer at a time: a lock beside the database, held while an import, a reindex
or a schema upgrade writes.

SQLite serialises single transactions, but an import is many transactions
and keeps state between them (the entities it resolved); a second writer
changing the database in between (a reindex, another import) would corrupt
it. Readers (the browser, `stats`, `quotes`) never take the lock and never
wait: in WAL mode they read the last committed state.

The lock is `flock` on `DATABASE.lock`; the kernel releases it when the
holder dies, even by kill -9, so a crashed import never blocks the next one.
The file also says who holds it, for the message a waiting writer prints.
"""

from __future__ import annotations

import fcntl
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from store.database import StoreError


class DatabaseBusy(StoreError):
    """Another process is writing the database and we were told not to wait."""


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


@contextmanager
def writer_lock(
    database: str | Path, *, wait: bool = True, on_wait: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Hold the database's writer lock for the duration of the block.

    Args:
        database: the database file (":memory:" and "" need no lock).
        wait: wait for another writer to finish (True) or raise DatabaseBusy.
        on_wait: told, once, who holds the lock when we have to wait for it.
    """
    if str(database) in ("", ":memory:"):
        yield
        return
    path = lock_path(Path(database))
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise StoreError(f"{path}: cannot create the writer lock: {error.strerror}") from error
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            busy = f"{database}: being written by {_holder(fd)}"
            if not wait:
                raise DatabaseBusy(f"{busy}; run this again when it has finished") from None
            if on_wait:
                on_wait(f"{busy}; waiting for it to finish (Ctrl+C to stop waiting)")
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {' '.join(_command())}\n".encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _holder(fd: int) -> str:
    """`process N (command)`, as the holder wrote it in the lock file."""
    written = os.pread(fd, 4096, 0).decode("utf-8", "replace").strip()
    pid, _, command = written.partition(" ")
    if not pid.isdigit():
        return "another process"
    return f"process {pid} ({command})" if command else f"process {pid}"


def _command() -> list[str]:
    """What this process is, in a few words: `nutgraf import`, `nutgraf reindex`."""
    program = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else "python"
    words = [word for word in sys.argv[1:3] if not word.startswith("-")]
    return [program, *words[:1]]
