"""CSV (or TSV, or semicolon-separated) articles with a header row, read as a stream."""

from __future__ import annotations

import csv
import io
import zlib
from collections import deque
from collections.abc import Iterator
from gzip import BadGzipFile

from store.decoding import BinaryData, LineTooLong, TextLines
from store.readers.fields import ALIASES, record_from_fields
from store.readers.files import TooMuchData
from store.readers.limits import MAX_CSV_RECORD_LINES, MAX_RECORD_BYTES, megabytes
from store.records import Problem, Record

# The csv module's cap is process-wide and only has to stay out of the way:
# _RecordLines stops any record at MAX_RECORD_BYTES characters first.
csv.field_size_limit(max(csv.field_size_limit(), MAX_RECORD_BYTES + 1))
DELIMITERS = ",;\t|"


class _UnclosedQuote(Exception):
    """The record being read ran to the end of the file inside a quoted field."""


class _RunawayRecord(Exception):
    """The record being read passed MAX_CSV_RECORD_LINES lines or MAX_RECORD_BYTES."""


def read_csv(file: io.BufferedReader, path: str, shown: str) -> Iterator[Record | Problem]:
    """One article per row; the header names the fields (see `fields.ALIASES`).

    The file is read line by line, so memory stays flat whatever its size. A
    quoted field that never closes is reported at the line where it opened,
    and reading resumes at the line after it, so the rows it swallowed import.
    """
    lines: TextLines | None = None
    try:
        lines = TextLines(file, MAX_RECORD_BYTES)
        yield from _read_rows(_RecordLines(lines), path, shown)
    except BinaryData as error:
        yield Problem(shown, str(error))
    except (EOFError, BadGzipFile, zlib.error) as error:
        where = _next_line(shown, lines)
        yield Problem(where, f"compressed data is truncated or corrupt ({error})")
    except TooMuchData as error:
        yield Problem(_next_line(shown, lines), str(error))
    except UnicodeDecodeError as error:
        encoding = lines.encoding if lines else "text"
        reason = f"not valid {encoding} ({error.reason}); reading stopped"
        yield Problem(_next_line(shown, lines), reason)
    if lines and lines.fallback_bytes:
        reason = f"not valid UTF-8; {lines.fallback_bytes} bytes read as cp1252"
        yield Problem(shown, reason, rejected=False)


def _next_line(shown: str, lines: TextLines | None) -> str:
    """Where reading stopped: the line after the last one read."""
    return f"{shown}:{lines.line_number + 1 if lines else 1}"


def _read_rows(feed: _RecordLines, path: str, shown: str) -> Iterator[Record | Problem]:
    header: list[str] | None = None
    dialect: type[csv.Dialect] = csv.excel
    rows = csv.reader(feed, dialect)
    while True:
        feed.start_record()
        try:
            row = next(rows)
        except StopIteration:
            break
        except (_UnclosedQuote, _RunawayRecord) as error:
            yield _unclosed_quote(feed, dialect, shown, at_end=isinstance(error, _UnclosedQuote))
            continue
        except LineTooLong as error:
            reason = (
                f"a line of {error.size:,} characters, over the limit of "
                f"{megabytes(MAX_RECORD_BYTES)}; skipped"
            )
            yield Problem(f"{shown}:{error.line}", reason)
            continue
        except csv.Error as error:
            yield Problem(f"{shown}:{feed.first_line}", f"malformed row ({error})")
            continue
        if not any(field.strip() for field in row):
            continue  # a blank line
        if header is None:
            # The header line says the delimiter; read it again with that one.
            dialect = _dialect(feed.record[0][1])
            text = "".join(line for _, line in feed.record)
            row = next(csv.reader(io.StringIO(text, newline=""), dialect))
            header = [name.strip().lower() for name in row]
            if not set(header) & set(ALIASES["text"]):
                names = "/".join(ALIASES["text"][:3])
                reason = f"no text column in the header (expected {names})"
                yield Problem(f"{shown}:{feed.first_line}", reason)
                return
            rows = csv.reader(feed, dialect)
            continue
        location = f"{shown}:{feed.first_line}"
        if len(row) > len(header):
            extra = len(row) - len(header)
            yield Problem(location, f"{extra} more fields than the header; ignored", rejected=False)
        fields = dict(zip(header, row, strict=False))
        record, problems = record_from_fields(fields, f"{path}:{feed.first_line}", location)
        yield from problems
        if record is not None:
            yield record
    if header is None:
        yield Problem(shown, "empty file")


class _RecordLines:
    """Feeds csv.reader one line at a time, keeping the lines of the record it is
    reading so that, when the record turns out to be broken, reading can resume
    on a line inside it."""

    def __init__(self, lines: TextLines) -> None:
        self._lines = lines
        self._replay: deque[tuple[int, str]] = deque()
        self.record: list[tuple[int, str]] = []
        """The current record's lines so far, with their numbers."""
        self._chars = 0

    @property
    def first_line(self) -> int:
        return self.record[0][0] if self.record else self._lines.line_number

    def start_record(self) -> None:
        self.record = []
        self._chars = 0

    def resume_after(self, index: int) -> None:
        """Drop the current record and read again its lines after the `index`th."""
        self._replay.extendleft(reversed(self.record[index + 1 :]))
        self.start_record()

    def __iter__(self) -> _RecordLines:
        return self

    def __next__(self) -> str:
        if self._replay:
            number, line = self._replay.popleft()
        else:
            try:
                line = next(self._lines)
            except StopIteration:
                # csv asks for another line only from inside a quoted field.
                if self.record:
                    raise _UnclosedQuote from None
                raise
            number = self._lines.line_number
        self.record.append((number, line))
        self._chars += len(line)
        if len(self.record) > MAX_CSV_RECORD_LINES or self._chars > MAX_RECORD_BYTES:
            raise _RunawayRecord
        return line


def _unclosed_quote(
    feed: _RecordLines, dialect: type[csv.Dialect], shown: str, *, at_end: bool
) -> Problem:
    opened = _open_quote_line(feed.record, dialect.delimiter, dialect.quotechar or '"')
    number = feed.record[opened][0]
    feed.resume_after(opened)
    if at_end:
        how = "runs to the end of the file"
    else:
        how = f"runs past {MAX_CSV_RECORD_LINES:,} lines or {megabytes(MAX_RECORD_BYTES)}"
    return Problem(
        f"{shown}:{number}",
        f"unclosed quote: the field opened on this line {how}; "
        "its row is skipped and reading resumes on the next line",
    )


def _open_quote_line(lines: list[tuple[int, str]], delimiter: str, quote: str) -> int:
    """The index of the line on which a record's last quoted field opened, read as
    the csv module reads: a quote opens a field only at its start, a doubled quote
    inside one is a quote, and after the closing quote the field runs on literally
    to the next delimiter."""
    opened = 0
    quoted = False
    for index, (_, line) in enumerate(lines):
        position, at_field_start = 0, not quoted
        while position < len(line):
            if quoted:
                close = line.find(quote, position)
                if close == -1:
                    break
                if line.startswith(quote, close + 1):
                    position = close + 2
                else:
                    quoted, at_field_start, position = False, False, close + 1
            elif at_field_start and line.startswith(quote, position):
                quoted, opened, position = True, index, position + 1
            else:
                delimiter_at = line.find(delimiter, position)
                if delimiter_at == -1:
                    break
                at_field_start, position = True, delimiter_at + 1
    return opened


def _dialect(header_line: str) -> type[csv.Dialect]:
    """The excel dialect with the delimiter the header line uses most."""
    delimiter = max(DELIMITERS, key=header_line.count)
    if header_line.count(delimiter) == 0:
        delimiter = ","

    class Dialect(csv.excel):
        pass

    Dialect.delimiter = delimiter
    return Dialect
