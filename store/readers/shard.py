"""A nutgraf database as input: the articles of a shard, with what was extracted there.

A big corpus can be split, each part imported into its own database (on
other machines), and the parts merged with `nutgraf import part1.db part2.db`.
Extraction is a pure function of an article's text, so the merge takes each
article's names, quotes and repeated passages as the shard found them and
only resolves the names to the merged database's entities.

A shard is input like any other: an article whose text is missing or not
text, or whose names, quotes or repeats do not hold in its text (spans
outside it, empty names, unknown kinds), is reported as `FILE: article N:
reason` and skipped; the other articles import.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from store.extract import Extraction
from store.extract.entities import People
from store.readers.limits import MAX_ID_CHARS, MAX_RECORD_BYTES, megabytes
from store.readers.shard_rows import (
    BadRow,
    checked_mention,
    checked_quote,
    checked_repeat,
    described,
    quoted,
    text_or_bytes,
)
from store.records import Problem, Record

SHARD_SUFFIXES = (".db", ".sqlite", ".sqlite3")
# Articles read from a shard per query.
_BATCH = 500
_FIELDS = ("path", "title", "date", "source", "url", "external_id")


@dataclass
class _Rows:
    """An article's rows as the shard holds them, not yet checked."""

    repeats: list[tuple[object, ...]] = field(default_factory=list)
    mentions: list[tuple[object, ...]] = field(default_factory=list)
    quotes: list[tuple[object, ...]] = field(default_factory=list)


def read_shard(path: Path, shown: str, extractor: str = "nutgraf") -> Iterator[Record | Problem]:
    """Every article of a nutgraf database, with its extraction attached; nothing
    from a shard whose names and quotes another extractor than `extractor` found."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        conn.text_factory = text_or_bytes
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.Error as error:
        yield Problem(shown, f"not a SQLite database ({error})")
        return
    if not {"articles", "mentions", "quotes", "repeats", "entities"} <= tables:
        conn.close()
        yield Problem(shown, "a SQLite database, but not a nutgraf corpus")
        return
    made_with = _extractor(conn, tables)
    if made_with != extractor:
        conn.close()
        yield Problem(
            shown,
            f"extracted with the {made_with} extractor, this corpus with {extractor}: "
            f"shards merge only with their own kind (nutgraf reindex --extractor {extractor} "
            "the shard first)",
        )
        return
    try:
        last: object = 0
        # A text over the cap is never loaded, only measured.
        while batch := conn.execute(
            "SELECT id, typeof(text), length(text), "
            "CASE WHEN length(text) <= ? THEN text END, path, title, date, source, url, "
            "external_id FROM articles WHERE id > ? ORDER BY id LIMIT ?",
            [MAX_RECORD_BYTES, last, _BATCH],
        ).fetchall():
            rows = _rows(conn, [row[0] for row in batch])
            for row in batch:
                try:
                    yield _record(row, rows[row[0]], shown)
                except BadRow as error:
                    yield Problem(f"{shown}: article {quoted(row[0])}", str(error))
            last = batch[-1][0]
    except sqlite3.Error as error:
        yield Problem(shown, f"cannot read the shard past article {last}: {error}")
    finally:
        conn.close()


def _extractor(conn: sqlite3.Connection, tables: set[str]) -> str:
    """The extractor a shard was made with (`nutgraf` before shards recorded it)."""
    if "settings" not in tables:
        return "nutgraf"
    row = conn.execute("SELECT value FROM settings WHERE key = 'extractor'").fetchone()
    return str(row[0]) if row else "nutgraf"


def _record(row: tuple[object, ...], rows: _Rows, shown: str) -> Record:
    """The article of an `articles` row, with its rows checked against its text.

    Raises:
        BadRow: what is wrong with the article or the first bad row of it.
    """
    article_id, kind, length, text, *values = row
    if kind == "null":
        raise BadRow("no text")
    if kind != "text":
        raise BadRow(f"text is {'a BLOB' if kind == 'blob' else 'a number'}")
    if isinstance(length, int) and length > MAX_RECORD_BYTES:
        limit = megabytes(MAX_RECORD_BYTES)
        raise BadRow(f"a text of {length:,} characters, over the limit of {limit}")
    if not isinstance(text, str) or not text.strip():
        raise BadRow(f"text is {described(text)}")
    fields: dict[str, str | None] = {}
    for name, value in zip(_FIELDS, values, strict=True):
        if value is not None and not isinstance(value, str):
            raise BadRow(f"{name} is {described(value)}")
        fields[name] = value
    external_id = fields["external_id"]
    if external_id is not None and len(external_id) > MAX_ID_CHARS:
        raise BadRow(f"an id of {len(external_id):,} characters (at most {MAX_ID_CHARS:,})")
    extraction = Extraction(
        repeats=[checked_repeat(values, len(text)) for values in rows.repeats],
        mentions=[checked_mention(values, len(text)) for values in rows.mentions],
        people=People(genders={}),
        quotes=[checked_quote(values, len(text)) for values in rows.quotes],
    )
    return Record(
        text=text,
        path=fields["path"] or f"{shown}#{article_id}",
        title=fields["title"],
        date=fields["date"],
        source=fields["source"],
        url=fields["url"],
        external_id=external_id,
        extraction=extraction,
    )


def _rows(conn: sqlite3.Connection, article_ids: list[object]) -> dict[object, _Rows]:
    """The repeats, mentions and quotes of some articles, with their entities."""
    marks = ",".join("?" * len(article_ids))
    found: dict[object, _Rows] = defaultdict(_Rows)
    for article_id, *repeat in conn.execute(
        f'SELECT article_id, start, "end", original_start FROM repeats '
        f"WHERE article_id IN ({marks}) ORDER BY article_id, start",
        article_ids,
    ):
        found[article_id].repeats.append(tuple(repeat))
    for article_id, *mention in conn.execute(
        f'SELECT article_id, mentions.start, mentions."end", mentions.text, entity_id, '
        f"entities.id, kind, name FROM mentions LEFT JOIN entities ON entities.id = entity_id "
        f"WHERE article_id IN ({marks}) ORDER BY article_id, mentions.start",
        article_ids,
    ):
        found[article_id].mentions.append(tuple(mention))
    # A shard made before quotes recorded how they were attributed has no such columns.
    columns = {row[1] for row in conn.execute("PRAGMA table_info(quotes)")}
    attribution = "method, confidence" if {"method", "confidence"} <= columns else "NULL, NULL"
    for article_id, *quote in conn.execute(
        f'SELECT article_id, quotes.start, quotes."end", quotes.text, speaker_entity_id, '
        f"entities.id, speaker_text, speaker_start, speaker_end, entities.name, entities.kind, "
        f"cue, {attribution} FROM quotes LEFT JOIN entities ON entities.id = speaker_entity_id "
        f"WHERE article_id IN ({marks}) ORDER BY article_id, quotes.start",
        article_ids,
    ):
        found[article_id].quotes.append(tuple(quote))
    return found
