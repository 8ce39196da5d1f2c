"""JSON Lines articles, plain or gzipped, from a file or standard input."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Iterator
from gzip import BadGzipFile

from store.decoding import decode
from store.readers.fields import record_from_fields
from store.readers.files import LongLine, TooMuchData
from store.readers.limits import MAX_NUMBER_DIGITS, MAX_RECORD_BYTES, megabytes
from store.records import Problem, Record


def read_jsonl(
    lines: Iterable[bytes | LongLine], path: str, shown: str
) -> Iterator[Record | Problem]:
    """One article per line; a bad line is reported and skipped.

    Args:
        lines: the raw lines of the file (see `files.bounded_lines`).
        path: the file as stored with each article (`path:LINE`).
        shown: the file as the user named it, for problem reports.
    """
    number = 0
    try:
        for number, raw in enumerate(lines, start=1):
            if isinstance(raw, LongLine):
                yield Problem(
                    f"{shown}:{number}",
                    f"a line of {raw.size:,} bytes, over the limit of "
                    f"{megabytes(MAX_RECORD_BYTES)}; skipped",
                )
            else:
                yield from _read_line(raw, number, path, shown)
    except (EOFError, BadGzipFile, zlib.error) as error:
        yield Problem(f"{shown}:{number + 1}", f"compressed data is truncated or corrupt ({error})")
    except TooMuchData as error:
        yield Problem(f"{shown}:{number + 1}", str(error))


def _read_line(raw: bytes, number: int, path: str, shown: str) -> Iterator[Record | Problem]:
    location = f"{shown}:{number}"
    if not raw.strip():
        return
    decoded = decode(raw) if b"\x00" not in raw else None
    if decoded is None:
        yield Problem(location, "binary data (NUL bytes), not JSON")
        return
    if decoded.fallback_bytes:
        yield Problem(location, "not valid UTF-8; read as cp1252", rejected=False)
    try:
        value = json.loads(decoded.text, parse_int=_integer)
    except json.JSONDecodeError as error:
        truncated = not raw.endswith(b"\n")
        reason = (
            "truncated line" if truncated else f"invalid JSON ({error.msg}, column {error.colno})"
        )
        yield Problem(location, reason)
        return
    except RecursionError:
        yield Problem(location, "JSON nested too deeply")
        return
    if not isinstance(value, dict):
        yield Problem(location, f"a JSON {type(value).__name__}, not an object")
        return
    record, problems = record_from_fields(value, f"{path}:{number}", location)
    yield from problems
    if record is not None:
        yield record


def _integer(digits: str) -> int | str:
    """A JSON integer; a longer one than any count or timestamp stays as its digits
    (converting thousands of digits is slow, and Python refuses past 4,300)."""
    return int(digits) if len(digits) <= MAX_NUMBER_DIGITS else digits
