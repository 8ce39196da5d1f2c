"""Opening input safely: regular files only, gzip expansion bounded, lines of bounded length."""

from __future__ import annotations

import gzip
import io
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from store.readers.limits import MAX_EXPANSION_RATIO, expansion_limit, megabytes

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

# Lines are read this much at a time, so an over-long one is never held whole.
_CHUNK = 1 << 20
_BUFFER = 1 << 16
_FILE_TYPES = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class NotRegularFile(OSError):
    """A FIFO, device or socket: reading it could block or never end."""


class TooMuchData(Exception):
    """A compressed file expanded past its limit (a compression bomb)."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            f"expands past {megabytes(limit)} (over {MAX_EXPANSION_RATIO} times its size, "
            "a compression bomb?); reading stopped"
        )


@dataclass(frozen=True)
class LongLine:
    """A line over the limit, read past; only its size is kept."""

    size: int
    """In bytes."""


def not_regular(mode: int) -> str | None:
    """What a file of this `st_mode` is when it is not a regular file (`a FIFO`)."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _FILE_TYPES if test(mode)), "not a regular file")


def open_input(path: Path) -> io.BufferedReader:
    """A regular file opened for reading, gunzipped when its name ends in `.gz`.

    The file is opened without blocking and checked before any read, so a FIFO
    or device swapped in after an earlier check cannot hang the import; a
    gzip stream raises TooMuchData once it expands past `expansion_limit`.

    Raises:
        NotRegularFile: the path is a FIFO, device, socket or directory.
        OSError: it cannot be opened.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    info = os.fstat(fd)
    kind = not_regular(info.st_mode)
    if kind is not None:
        os.close(fd)
        raise NotRegularFile(f"{kind}, not a regular file; skipped")
    os.set_blocking(fd, True)
    file: io.BufferedReader = io.BufferedReader(io.FileIO(fd, "rb"), _BUFFER)
    if not path.name.lower().endswith(".gz"):
        return file
    return io.BufferedReader(_Gunzipped(file, expansion_limit(info.st_size)), _BUFFER)


def bounded_lines(file: IO[bytes], limit: int) -> Iterator[bytes | LongLine]:
    """The lines of `file`; one of more than `limit` bytes is read past in chunks and
    given as a LongLine, so memory never holds more than `limit` bytes of it."""
    while line := file.readline(_CHUNK):
        size = len(line)
        if size <= limit and (size < _CHUNK or line.endswith(b"\n")):
            yield line
            continue
        # A long line: gathered in place, and dropped as soon as it is over the limit.
        gathered: bytearray | None = bytearray(line) if size <= limit else None
        while not line.endswith(b"\n") and (line := file.readline(_CHUNK)):
            size += len(line)
            if size > limit:
                gathered = None
            elif gathered is not None:
                gathered += line
        yield LongLine(size) if gathered is None else bytes(gathered)


class _Gunzipped(io.RawIOBase):
    """The decompressed bytes of a gzip file, counted against a limit."""

    def __init__(self, file: io.BufferedReader, limit: int) -> None:
        super().__init__()
        self._file = file
        self._gzip = gzip.GzipFile(fileobj=file, mode="rb")
        self._limit = limit
        self._expanded = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        count = self._gzip.readinto1(buffer)  # one read: data before a corrupt end arrives
        self._expanded += count
        if self._expanded > self._limit:
            raise TooMuchData(self._limit)
        return count

    def close(self) -> None:
        if not self.closed:
            self._gzip.close()  # leaves the file it was given open
            self._file.close()
        super().close()
