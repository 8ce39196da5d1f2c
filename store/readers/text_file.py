"""Plain-text articles: an optional date line, a title line, then the body."""

from __future__ import annotations

import re

from store.dates import parse_date
from store.records import Record

# Longer first lines are a paragraph, not a headline.
MAX_TITLE_LENGTH = 250
# How many leading lines may be page furniture (dates, "Home") before the title.
MAX_FURNITURE_LINES = 4
_DATE_LINE = re.compile(r"\bdate[:\s]+(\d{4}-\d{2}-\d{2})", re.IGNORECASE)
_BLANK_LINES = re.compile(r"\A(?:[ \t\u00a0]*\n)+")


def parse_text_article(text: str, path: str) -> Record:
    """Split a text file into date, title and body.

    A leading line that is only a date (`date 2024-11-07 Home`,
    `Saturday, November 9, 2024`) gives the date; the first other non-empty
    line is the title when it is headline-sized. A file that is one long line
    with its headline printed twice (`H  H  body`) gets `H` as title. A file
    that opens with a paragraph has no title.
    """
    date: str | None = None
    position = 0
    for _ in range(MAX_FURNITURE_LINES):
        line_end = _line_end(text, position)
        line = text[position:line_end]
        if not line.strip():
            if line_end >= len(text):
                break
            position = line_end + 1
            continue
        found = _furniture_date(line)
        if found is None:
            break
        date = date or found
        position = line_end + 1
    line_end = _line_end(text, position)
    first_line = text[position:line_end].strip()
    if 0 < len(first_line) <= MAX_TITLE_LENGTH:
        return Record(text=_body(text[line_end + 1 :]), path=path, title=first_line, date=date)
    headline, separator, _ = first_line.partition("  ")
    if separator and 10 <= len(headline) <= MAX_TITLE_LENGTH:
        body_start = text.index(headline, position) + len(headline)
        return Record(
            text=_body(text[body_start:].lstrip(" ")), path=path, title=headline, date=date
        )
    return Record(text=_body(text[position:]), path=path, title=None, date=date)


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end == -1 else end


def _furniture_date(line: str) -> str | None:
    """The date of a line that is only a date (with a few words around it)."""
    if match := _DATE_LINE.search(line):
        return parse_date(match.group(1))
    if len(line.split()) <= 6:
        return parse_date(line)
    return None


def _body(text: str) -> str:
    return _BLANK_LINES.sub("", text).rstrip()
