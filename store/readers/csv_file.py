"""CSV (or TSV, or semicolon-separated) articles with a header row."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator

from store.readers.fields import ALIASES, record_from_fields
from store.records import Problem, Record

csv.field_size_limit(sys.maxsize)
DELIMITERS = ",;\t|"


def read_csv(text: str, path: str, shown: str) -> Iterator[Record | Problem]:
    """One article per row; the header names the fields (see `fields.ALIASES`)."""
    dialect = _sniff(text)
    rows = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = [name.strip().lower() for name in next(rows)]
    except StopIteration:
        yield Problem(f"{shown}:1", "empty file")
        return
    except csv.Error as error:
        yield Problem(f"{shown}:1", f"unreadable header ({error})")
        return
    if not set(header) & set(ALIASES["text"]):
        names = "/".join(ALIASES["text"][:3])
        yield Problem(f"{shown}:1", f"no text column in the header (expected {names})")
        return
    line = rows.line_num + 1
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as error:
            yield Problem(f"{shown}:{line}", f"malformed row ({error})")
            line = rows.line_num + 1
            continue
        location = f"{shown}:{line}"
        if len(row) > len(header):
            extra = len(row) - len(header)
            yield Problem(location, f"{extra} more fields than the header; ignored", rejected=False)
        fields = dict(zip(header, row, strict=False))
        record, problems = record_from_fields(fields, f"{path}:{line}", location)
        yield from problems
        if record is not None:
            yield record
        line = rows.line_num + 1


def _sniff(text: str) -> type[csv.Dialect]:
    """The excel dialect with the delimiter the header line uses most."""
    header = text[: text.find("\n")] if "\n" in text else text[:65536]
    delimiter = max(DELIMITERS, key=header.count)
    if header.count(delimiter) == 0:
        delimiter = ","

    class Dialect(csv.excel):
        pass

    Dialect.delimiter = delimiter
    return Dialect
