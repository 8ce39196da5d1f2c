"""Exporting what was found (articles, quotes, entities, bookmarks) as CSV, JSON or Markdown.

One record shape per kind of row, used by the browser's export and the command
line's `--format`, so a file saved from either reads the same. JSON is JSON
Lines: one object per line, as `--json` has always printed.
"""

from __future__ import annotations

import csv
import dataclasses
import json
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import IO

from store.citation import cite_article, cite_quote, cite_quote_row
from store.models import ArticleMeta, Bookmark, EntitySummary, QuoteRow

Record = dict[str, object]


class ExportFormat(StrEnum):
    CSV = "csv"
    JSON = "json"
    MARKDOWN = "md"

    @classmethod
    def of_path(cls, path: Path) -> ExportFormat | None:
        """The format a file name asks for (`.csv`, `.json`, `.jsonl`, `.md`), or None."""
        return _SUFFIXES.get(path.suffix.lower())


_SUFFIXES = {
    ".csv": ExportFormat.CSV,
    ".json": ExportFormat.JSON,
    ".jsonl": ExportFormat.JSON,
    ".md": ExportFormat.MARKDOWN,
    ".markdown": ExportFormat.MARKDOWN,
}


def article_records(articles: Sequence[ArticleMeta]) -> list[Record]:
    return [
        {
            **dataclasses.asdict(article),
            "citation": cite_article(article.title, article.source, article.date, article.url),
        }
        for article in articles
    ]


def quote_records(quotes: Sequence[QuoteRow]) -> list[Record]:
    return [
        {
            **dataclasses.asdict(quote),
            "citation": cite_quote_row(quote),
        }
        for quote in quotes
    ]


def entity_records(entities: Sequence[EntitySummary]) -> list[Record]:
    return [dataclasses.asdict(entity) for entity in entities]


def bookmark_records(bookmarks: Sequence[Bookmark]) -> list[Record]:
    records = []
    for mark in bookmarks:
        if mark.quote_text is not None:
            citation = cite_quote(
                mark.quote_text, mark.speaker, mark.title, mark.source, mark.date, mark.url
            )
        else:
            citation = cite_article(mark.title, mark.source, mark.date, mark.url)
        records.append({**dataclasses.asdict(mark), "citation": citation})
    return records


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(str(item) for item in value)
    return str(value)


def write_records(
    out: IO[str],
    records: Sequence[Record],
    fmt: ExportFormat,
    *,
    dumps: Callable[[object], str] = json.dumps,
) -> None:
    """Write `records` (all of one shape) to `out`.

    Args:
        dumps: turns one record into one line of JSON (the command line passes
            one that escapes what a terminal would obey).
    """
    if fmt is ExportFormat.JSON:
        for record in records:
            out.write(dumps(record) + "\n")
        return
    if not records:
        return
    columns = list(records[0])
    if fmt is ExportFormat.CSV:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_cell(record[column]) for column in columns] for record in records)
        return
    out.write("| " + " | ".join(columns) + " |\n")
    out.write("|" + "---|" * len(columns) + "\n")
    for record in records:
        cells = (_markdown_cell(record[column]) for column in columns)
        out.write("| " + " | ".join(cells) + " |\n")


def _markdown_cell(value: object) -> str:
    """A value in one table cell: on one line, its pipes and backslashes escaped."""
    text = " ".join(_cell(value).split())
    return text.replace("\\", "\\\\").replace("|", "\\|")
