"""Readers: files and directories in, Records and Problems out; no database here."""

from __future__ import annotations

import gzip
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, cast

from store.decoding import BinaryData, decode
from store.readers.csv_file import read_csv
from store.readers.jsonl import read_jsonl
from store.readers.shard import SHARD_SUFFIXES, read_shard
from store.readers.text_file import parse_text_article
from store.records import Problem, Record

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
CSV_SUFFIXES = (".csv", ".tsv", ".csv.gz", ".tsv.gz")
TEXT_SUFFIXES = (".txt", ".text", ".txt.gz")
ARTICLE_SUFFIXES = JSONL_SUFFIXES + CSV_SUFFIXES + TEXT_SUFFIXES
STDIN = "-"


def read_paths(paths: Iterable[str]) -> Iterator[Record | Problem]:
    """Every article in the named files and directories (recursively), in order.

    `-` reads JSON Lines from standard input. Inside directories only files
    with an article suffix are read; a file named explicitly is read whatever
    its name (as text unless its suffix says otherwise).
    """
    for name in paths:
        if name == STDIN:
            yield from read_jsonl(sys.stdin.buffer, "<stdin>", "<stdin>")
            continue
        path = Path(name)
        if path.is_dir():
            yield from _read_directory(path)
        elif path.exists():
            yield from read_file(path, name)
        elif path.is_symlink():
            yield Problem(name, "broken symbolic link")
        else:
            yield Problem(name, "no such file or directory")


def read_file(path: Path, shown: str) -> Iterator[Record | Problem]:
    """The articles of one file, chosen by its suffix (a `.db` is a nutgraf shard)."""
    stored = str(path.resolve())
    lower = path.name.lower()
    if lower.endswith(SHARD_SUFFIXES):
        yield from read_shard(path, shown)
        return
    try:
        if lower.endswith(JSONL_SUFFIXES):
            with _open(path) as lines:
                yield from read_jsonl(lines, stored, shown)
            return
        data = _read_bytes(path)
    except OSError as error:
        yield Problem(shown, f"cannot read: {error.strerror or error}")
        return
    except (EOFError, gzip.BadGzipFile) as error:
        yield Problem(shown, f"compressed data is truncated or corrupt ({error})")
        return
    try:
        decoded = decode(data)
    except BinaryData as error:
        yield Problem(shown, str(error))
        return
    if decoded.fallback_bytes:
        yield Problem(
            shown,
            f"not valid UTF-8; {decoded.fallback_bytes} bytes read as cp1252",
            rejected=False,
        )
    if not decoded.text.strip():
        yield Problem(shown, "empty file")
    elif lower.endswith(CSV_SUFFIXES):
        yield from read_csv(decoded.text, stored, shown)
    else:
        yield parse_text_article(decoded.text, stored)


def _read_directory(root: Path) -> Iterator[Record | Problem]:
    errors: list[OSError] = []
    seen: set[tuple[int, int]] = set()
    for directory, subdirectories, files in os.walk(root, followlinks=True, onerror=errors.append):
        while errors:
            error = errors.pop()
            yield Problem(str(error.filename), f"cannot read: {error.strerror or error}")
        info = os.stat(directory)
        if (info.st_dev, info.st_ino) in seen:
            subdirectories.clear()
            yield Problem(directory, "seen before (a symbolic link loop); skipped", rejected=False)
            continue
        seen.add((info.st_dev, info.st_ino))
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith("."))
        for file in sorted(files):
            if file.lower().endswith(ARTICLE_SUFFIXES) and not file.startswith("."):
                path = Path(directory) / file
                yield from read_file(path, str(path))
    for error in errors:
        yield Problem(str(error.filename), f"cannot read: {error.strerror or error}")


def _open(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def _read_bytes(path: Path) -> bytes:
    if path.name.lower().endswith(".gz"):
        with gzip.open(path, "rb") as file:
            return file.read()
    return path.read_bytes()
