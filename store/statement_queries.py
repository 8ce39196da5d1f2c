"""Reads about statements: one speaker's words as every article quoted them.

A statement (store/statements.py) groups the quotes of the same words across
articles; these reads return it with its variants, the quote first seen
first, then the others by date.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from store.database import Reader
from store.export import Record, quote_records
from store.models import QuoteRow, StatementRow
from store.quote_queries import QUOTE_COLUMNS, QUOTE_TABLES, quote_conditions, run_about

# The most repeated statements a profile lists.
REPEATED = 20
_CHUNK = 500

_STATEMENT_COLUMNS = (
    "statements.id, entities.name, statements.speaker_entity_id, statements.text, "
    "statements.first_article_id, statements.first_date, first.source, "
    "statements.quote_count, statements.article_count, statements.source_count, "
    "statements.speaker_confidence"
)
_STATEMENT_TABLES = (
    "statements LEFT JOIN entities ON entities.id = statements.speaker_entity_id "
    "LEFT JOIN articles AS first ON first.id = statements.first_article_id"
)


def _chunks(ids: list[int]) -> Iterable[tuple[list[int], str]]:
    """`ids` in chunks SQLite can bind, each with its `?,?,…` marks."""
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        yield chunk, ",".join("?" * len(chunk))


def _variants(db: Reader, statement_ids: list[int]) -> dict[int, list[QuoteRow]]:
    """Each statement's quotes: the one in its first article first, then by date
    (undated last), article and place."""
    found: dict[int, list[QuoteRow]] = {}
    for chunk, marks in _chunks(statement_ids):
        rows = db.execute(
            f"SELECT {QUOTE_COLUMNS} FROM {QUOTE_TABLES} "
            "JOIN statements ON statements.id = quotes.statement_id "
            f"WHERE quotes.statement_id IN ({marks}) ORDER BY quotes.statement_id, "
            "quotes.article_id != statements.first_article_id, articles.date IS NULL, "
            "articles.date, quotes.article_id, quotes.start",
            chunk,
        )
        for row in rows:
            quote = QuoteRow(*row)
            found.setdefault(int(row[11]), []).append(quote)
    return found


def statements_by_id(
    db: Reader, statement_ids: list[int], *, variants: bool = True
) -> dict[int, StatementRow]:
    """Statements by id (those that exist), each with its variants unless told not."""
    quotes = _variants(db, statement_ids) if variants else {}
    found: dict[int, StatementRow] = {}
    for chunk, marks in _chunks(statement_ids):
        for row in db.execute(
            f"SELECT {_STATEMENT_COLUMNS} FROM {_STATEMENT_TABLES} "
            f"WHERE statements.id IN ({marks})",
            chunk,
        ):
            found[row[0]] = _statement(row, quotes.get(row[0], []))
    return found


def statement(db: Reader, statement_id: int) -> StatementRow | None:
    """One statement with every variant, the first seen first."""
    return statements_by_id(db, [statement_id]).get(statement_id)


def lone_statement(quote: QuoteRow) -> StatementRow:
    """A quote that belongs to no statement, as a statement of its own."""
    return StatementRow(
        None,
        quote.speaker,
        quote.speaker_entity_id,
        quote.text,
        quote.article_id,
        quote.date,
        quote.source,
        1,
        1,
        1 if quote.source else 0,
        [quote],
        quote.confidence,
    )


# How many statements `find_statements` gives by default: the newest.
SHOWN = 200


def find_statements(
    db: Reader,
    *,
    speaker_ids: list[int] | None = None,
    about: str | None = None,
    min_confidence: float | None = None,
    limit: int = SHOWN,
) -> list[StatementRow]:
    """Who said what, one row per statement (not per copy): the statements with a
    quote by these speakers, about a topic (FTS5, literal on bad syntax), whose
    speaker is at least `min_confidence` sure; newest first, each with every
    variant (those under `min_confidence` left out)."""
    where, params = quote_conditions(
        speaker_ids=speaker_ids, about=about, min_confidence=min_confidence
    )
    # A quote in no statement is a group of its own: its id, negated.
    sql = (
        "SELECT coalesce(quotes.statement_id, -quotes.id) AS grp, "
        f"max(ifnull(articles.date, '')) AS newest FROM {QUOTE_TABLES} "
        f"{'WHERE ' + ' AND '.join(where) if where else ''} "
        "GROUP BY grp ORDER BY newest DESC, grp DESC LIMIT ?"
    )
    groups = [int(row[0]) for row in run_about(db, sql, [*params, limit], about)]
    statements = statements_by_id(db, [group for group in groups if group > 0])
    lone: dict[int, QuoteRow] = {}
    for chunk, marks in _chunks([-group for group in groups if group < 0]):
        for row in db.execute(
            f"SELECT {QUOTE_COLUMNS} FROM {QUOTE_TABLES} WHERE quotes.id IN ({marks})", chunk
        ):
            lone[row[0]] = QuoteRow(*row)
    found: list[StatementRow] = []
    for group in groups:
        if group < 0 and -group in lone:
            found.append(lone_statement(lone[-group]))
        elif group > 0 and group in statements:
            row = statements[group]
            if min_confidence is not None:
                kept = [q for q in row.variants if (q.confidence or 0.0) >= min_confidence]
                row = replace(row, variants=kept)
            found.append(row)
    return found


def statement_count(
    db: Reader,
    *,
    speaker_ids: list[int] | None = None,
    about: str | None = None,
    min_confidence: float | None = None,
) -> int:
    """How many statements `find_statements` finds for the same conditions, before its
    limit."""
    where, params = quote_conditions(
        speaker_ids=speaker_ids, about=about, min_confidence=min_confidence
    )
    sql = (
        "SELECT count(DISTINCT coalesce(quotes.statement_id, -quotes.id)) "
        f"FROM {QUOTE_TABLES} {'WHERE ' + ' AND '.join(where) if where else ''} LIMIT ?"
    )
    rows = run_about(db, sql, [*params, -1], about)
    return int(rows[0][0]) if rows else 0


def repeated_statements(db: Reader, entity_id: int, limit: int = REPEATED) -> list[StatementRow]:
    """A speaker's statements quoted by more than one article, most outlets first
    (then most articles, then the earliest), with where each was first seen;
    without their variants."""
    rows = db.execute(
        f"SELECT {_STATEMENT_COLUMNS} FROM {_STATEMENT_TABLES} "
        "WHERE statements.speaker_entity_id = ? AND statements.article_count > 1 "
        "ORDER BY statements.source_count DESC, statements.article_count DESC, "
        "statements.first_date IS NULL, statements.first_date, statements.id LIMIT ?",
        [entity_id, limit],
    )
    return [_statement(row, []) for row in rows]


def _statement(row: tuple[Any, ...], variants: list[QuoteRow]) -> StatementRow:
    """A statement from a row of `_STATEMENT_COLUMNS`."""
    id, speaker, speaker_id, text, first_article, first_date, first_source = row[:7]
    quotes, articles, sources, confidence = row[7:11]
    return StatementRow(
        id,
        speaker,
        speaker_id,
        text,
        first_article,
        first_date,
        first_source,
        quotes,
        articles,
        sources,
        variants,
        confidence,
    )


def statement_records(statements: Sequence[StatementRow]) -> list[Record]:
    """Statements for `--json`: each with `statement_id` (None for a quote in no
    statement), `first_seen` (the variant first seen) and every variant, cited."""
    records: list[Record] = []
    for row in statements:
        variants = quote_records(row.variants)
        records.append(
            {
                "statement_id": row.id,
                "speaker": row.speaker,
                "speaker_entity_id": row.speaker_entity_id,
                "speaker_confidence": row.confidence,
                "text": row.text,
                "quote_count": row.quote_count,
                "article_count": row.article_count,
                "source_count": row.source_count,
                "first_seen": variants[0] if variants else None,
                "variants": variants,
            }
        )
    return records


def variant_records(statements: Sequence[StatementRow]) -> list[Record]:
    """Every variant of `statements` as a flat row (CSV, Markdown): the quote with
    its statement and when and where the statement was first seen."""
    return [
        {
            **record,
            "first_seen_date": row.first_date,
            "first_seen_source": row.first_source,
            "first_seen_article_id": row.first_article_id,
        }
        for row in statements
        for record in quote_records(row.variants)
    ]
