"""Readers: files and directories in, Records and Problems out; no database here."""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import BinaryIO

from store.decoding import BinaryData, decode, repaired, shown_path
from store.readers.csv_file import read_csv
from store.readers.files import NotRegularFile, TooMuchData, bounded_lines, not_regular, open_input
from store.readers.jsonl import read_jsonl
from store.readers.limits import MAX_RECORD_BYTES, megabytes
from store.readers.shard import SHARD_SUFFIXES, read_shard
from store.readers.text_file import parse_text_article
from store.records import Problem, Record

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
CSV_SUFFIXES = (".csv", ".tsv", ".csv.gz", ".tsv.gz")
TEXT_SUFFIXES = (".txt", ".text", ".txt.gz")
ARTICLE_SUFFIXES = JSONL_SUFFIXES + CSV_SUFFIXES + TEXT_SUFFIXES
STDIN = "-"


def read_paths(paths: Iterable[str], *, extractor: str = "nutgraf") -> Iterator[Record | Problem]:
    """Every article in the named files and directories (recursively), in order.

    `-` reads JSON Lines from standard input. Inside directories only files
    with an article suffix are read; a file named explicitly is read whatever
    its name (as text unless its suffix says otherwise). Anything that is not
    a regular file (a FIFO, a device, a socket) is reported and never opened.
    A shard made with another extractor than `extractor` is refused.
    """
    for name in paths:
        if name == STDIN:
            with _standard_input() as stdin:
                lines = bounded_lines(stdin, MAX_RECORD_BYTES)
                yield from read_jsonl(lines, "<stdin>", "<stdin>")
            continue
        path = Path(name)
        shown = shown_path(name)
        if path.is_dir():
            yield from _read_directory(path, extractor)
        elif path.exists():
            yield from read_file(path, shown, extractor)
        elif path.is_symlink():
            yield Problem(shown, "broken symbolic link")
        else:
            yield Problem(shown, "no such file or directory")


def _standard_input() -> AbstractContextManager[BinaryIO]:
    """Standard input, in bytes, as a file of its own where it has a descriptor.

    The importer reads a stream in a thread that waits on it (store/batches.py). Were
    that `sys.stdin`, an interrupt while it waits would abort Python's shutdown, which
    closes `sys.stdin` and cannot while the thread holds it."""
    try:
        descriptor = sys.stdin.fileno()
    except (AttributeError, OSError, ValueError):  # no descriptor: a test's replacement
        return nullcontext(sys.stdin.buffer)
    return open(descriptor, "rb", closefd=False)


def read_file(path: Path, shown: str, extractor: str = "nutgraf") -> Iterator[Record | Problem]:
    """The articles of one file, chosen by its suffix (a `.db` is a nutgraf shard).

    Args:
        path: the file, to open (a name that is not UTF-8 keeps its bytes here).
        shown: the file as shown in problem reports (see `decoding.shown_path`).
    """
    try:
        kind = not_regular(path.stat().st_mode)
    except OSError as error:
        yield Problem(shown, f"cannot read: {error.strerror or error}")
        return
    if kind is not None:
        yield Problem(shown, f"{kind}, not a regular file; skipped")
        return
    lower = path.name.lower()
    if lower.endswith(SHARD_SUFFIXES):
        yield from read_shard(path, shown, extractor)
        return
    stored = shown_path(str(path.resolve()))
    try:
        with open_input(path) as file:
            if lower.endswith(JSONL_SUFFIXES):
                yield from read_jsonl(bounded_lines(file, MAX_RECORD_BYTES), stored, shown)
            elif lower.endswith(CSV_SUFFIXES):
                yield from read_csv(file, stored, shown)
            else:
                yield from _read_text(file, stored, shown)
    except NotRegularFile as error:
        yield Problem(shown, str(error))
    except OSError as error:
        yield Problem(shown, f"cannot read: {error.strerror or error}")


def _read_text(file: io.BufferedReader, stored: str, shown: str) -> Iterator[Record | Problem]:
    """A whole file as one article, up to MAX_RECORD_BYTES."""
    limit = megabytes(MAX_RECORD_BYTES)
    if isinstance(file.raw, io.FileIO):
        size = os.fstat(file.raw.fileno()).st_size
        if size > MAX_RECORD_BYTES:
            yield Problem(shown, f"{size:,} bytes, over the limit of {limit} for one article")
            return
    try:
        data = file.read(MAX_RECORD_BYTES + 1)
    except (EOFError, gzip.BadGzipFile, zlib.error) as error:
        yield Problem(shown, f"compressed data is truncated or corrupt ({error})")
        return
    except TooMuchData as error:
        yield Problem(shown, str(error))
        return
    if len(data) > MAX_RECORD_BYTES:  # a compressed file
        yield Problem(shown, f"expands to over {limit}, the limit for one article")
        return
    try:
        decoded = decode(data)
    except BinaryData as error:
        yield Problem(shown, str(error))
        return
    if decoded.fallback_bytes:
        reason = f"not valid UTF-8; {decoded.fallback_bytes} bytes read as cp1252"
        yield Problem(shown, reason, rejected=False)
    if not decoded.text.strip():
        yield Problem(shown, "empty file")
    else:
        yield parse_text_article(repaired(decoded.text), stored)


def _read_directory(root: Path, extractor: str) -> Iterator[Record | Problem]:
    errors: list[OSError] = []
    seen: set[tuple[int, int]] = set()
    for directory, subdirectories, files in os.walk(root, followlinks=True, onerror=errors.append):
        while errors:
            yield _unreadable(errors.pop())
        info = os.stat(directory)
        if (info.st_dev, info.st_ino) in seen:
            subdirectories.clear()
            reason = "seen before (a symbolic link loop); skipped"
            yield Problem(shown_path(directory), reason, rejected=False)
            continue
        seen.add((info.st_dev, info.st_ino))
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith("."))
        for file in sorted(files):
            if file.lower().endswith(ARTICLE_SUFFIXES) and not file.startswith("."):
                path = Path(directory) / file
                yield from read_file(path, shown_path(str(path)), extractor)
    for error in errors:
        yield _unreadable(error)


def _unreadable(error: OSError) -> Problem:
    return Problem(shown_path(str(error.filename)), f"cannot read: {error.strerror or error}")
