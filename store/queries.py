"""Reads from a corpus database, returned as dataclasses from `store.models`."""

from __future__ import annotations

import re
import sqlite3
from enum import Enum

from store.database import Reader
from store.models import (
    Article,
    ArticleRow,
    CorpusStats,
    EntityCount,
    EntitySummary,
    MentionSpan,
    QuoteSpan,
    Repeat,
    SearchHit,
    SourceCount,
)

# One character narrows nothing and ranks nearly every article: search from two.
MIN_QUERY = 2
# Untitled articles are listed by the start of their text.
UNTITLED_PREVIEW = 100


class ListOrder(Enum):
    """Orders of the article list; each has an index on (expression, id)."""

    DATE = "ifnull(date, '')"
    TITLE = "ifnull(title, '')"
    SOURCE = "ifnull(source, '')"


def corpus_stats(db: Reader) -> CorpusStats:
    """Counts per table, sources (most articles first) and the date range."""

    def count(table: str) -> int:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    first, last, undated = db.execute(
        "SELECT min(date), max(date), sum(date IS NULL) FROM articles"
    ).fetchone()
    sources = [
        SourceCount(source, articles)
        for source, articles in db.execute(
            "SELECT source, count(*) AS n FROM articles GROUP BY source ORDER BY n DESC, source"
        )
    ]
    return CorpusStats(
        articles=count("articles"),
        entities=count("entities"),
        mentions=count("mentions"),
        quotes=count("quotes"),
        repeats=count("repeats"),
        first_date=first,
        last_date=last,
        undated=int(undated or 0),
        sources=sources,
    )


def count_articles(db: Reader) -> int:
    return int(db.execute("SELECT count(*) FROM articles").fetchone()[0])


def row_columns(order: ListOrder) -> str:
    """The columns of an `ArticleRow`, selected from `articles` (alone or joined)."""
    return (
        f"articles.id, coalesce(title, substr(text, 1, {UNTITLED_PREVIEW})), title IS NOT NULL, "
        f"date, source, {order.value}"
    )


def article_rows(cursor: sqlite3.Cursor) -> list[ArticleRow]:
    return [
        ArticleRow(id, " ".join(title.split()), bool(titled), date, source, key)
        for id, title, titled, date, source, key in cursor
    ]


def list_articles(
    db: Reader,
    order: ListOrder,
    *,
    after: ArticleRow | None = None,
    before: ArticleRow | None = None,
    descending: bool = False,
    limit: int = 200,
) -> list[ArticleRow]:
    """A window of the article list by keyset: the rows right after `after`,
    or right before `before`, or the first (or, with neither and `before`
    semantics, use `last_articles`) rows. Rows come in list order."""
    forward = before is None
    ascending = forward != descending
    anchor = after if forward else before
    where = ""
    params: list[object] = []
    if anchor is not None:
        where = f"WHERE ({order.value}, id) {'>' if ascending else '<'} (?, ?)"
        params = [anchor.key, anchor.id]
    direction = "ASC" if ascending else "DESC"
    sql = (
        f"SELECT {row_columns(order)} FROM articles {where} "
        f"ORDER BY {order.value} {direction}, id {direction} LIMIT ?"
    )
    rows = article_rows(db.execute(sql, [*params, limit]))
    return rows if forward else rows[::-1]


def last_articles(
    db: Reader, order: ListOrder, *, descending: bool, limit: int
) -> list[ArticleRow]:
    """The last `limit` rows of the list, in list order (for jumping to the end)."""
    direction = "ASC" if descending else "DESC"
    sql = (
        f"SELECT {row_columns(order)} FROM articles "
        f"ORDER BY {order.value} {direction}, id {direction} LIMIT ?"
    )
    return article_rows(db.execute(sql, [limit]))[::-1]


def articles_at(
    db: Reader, order: ListOrder, position: int, *, descending: bool, limit: int
) -> list[ArticleRow]:
    """Rows from a position in the list. Only for jumps into the middle (a
    scrollbar drag), where no neighbouring row is known to page from."""
    direction = "DESC" if descending else "ASC"
    sql = (
        f"SELECT {row_columns(order)} FROM articles "
        f"ORDER BY {order.value} {direction}, id {direction} LIMIT ? OFFSET ?"
    )
    return article_rows(db.execute(sql, [limit, position]))


def get_article(db: Reader, article_id: int) -> Article | None:
    row = db.execute(
        "SELECT id, title, text, date, source, url, path FROM articles WHERE id = ?", [article_id]
    ).fetchone()
    if row is None:
        return None
    repeats = [
        Repeat(start, end, original)
        for start, end, original in db.execute(
            "SELECT start, end, original_start FROM repeats WHERE article_id = ? ORDER BY start",
            [article_id],
        )
    ]
    mentions = [
        MentionSpan(start, end, entity_id, kind, name)
        for start, end, entity_id, kind, name in db.execute(
            "SELECT start, end, entity_id, kind, name FROM mentions "
            "JOIN entities ON entities.id = entity_id WHERE article_id = ? ORDER BY start",
            [article_id],
        )
    ]
    quotes = [
        QuoteSpan(*quote)
        for quote in db.execute(
            "SELECT quotes.start, quotes.end, coalesce(entities.name, speaker_text), "
            "speaker_entity_id FROM quotes LEFT JOIN entities ON entities.id = speaker_entity_id "
            "WHERE article_id = ? ORDER BY quotes.start",
            [article_id],
        )
    ]
    id, title, text, date, source, url, path = row
    return Article(
        id, title, text, date, source, url, path, repeats=repeats, mentions=mentions, quotes=quotes
    )


_WORD = re.compile(r"\w+", re.UNICODE)
# How many matches a search ranks at most (see search_articles).
RANKED_WINDOW = 2000


def literal_fts_query(query: str) -> str:
    """The words of `query` as FTS5 phrases, all required: safe for any input."""
    return " ".join(f'"{word}"' for word in _WORD.findall(query))


def search_articles(db: Reader, query: str, *, limit: int = 200) -> list[SearchHit]:
    """Articles whose title or text match `query`, best first: all matches are
    ranked when there are up to RANKED_WINDOW of them, else the most recently
    imported RANKED_WINDOW.

    The query is FTS5 syntax (phrases, `prefix*`, AND/OR/NOT, NEAR); when it
    is not valid FTS5 (`U.S.`, a lone `"`, `AND(`) its words are searched
    literally instead. Parameters are always bound, never spliced into SQL.
    """
    query = query.strip()
    if len(query) < MIN_QUERY:
        return []
    # Ranking every match of a common word ("said") in a million articles takes
    # a second; the newest RANKED_WINDOW matches come in milliseconds, in rowid order.
    sql = (
        f"SELECT {row_columns(ListOrder.DATE)} FROM articles JOIN ("
        "  SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH ?"
        "  ORDER BY rowid DESC LIMIT ?"
        ") AS hits ON articles.id = hits.rowid ORDER BY hits.rank LIMIT ?"
    )
    try:
        rows = article_rows(db.execute(sql, [query, RANKED_WINDOW, limit]))
        why = "text"
    except sqlite3.OperationalError:
        literal = literal_fts_query(query)
        if not literal:
            return []
        rows = article_rows(db.execute(sql, [literal, RANKED_WINDOW, limit]))
        why = "words"
    return [SearchHit(row, why) for row in rows]


def article_entities(db: Reader, article_id: int) -> list[EntityCount]:
    """The entities an article mentions, most mentioned first within each kind."""
    rows = db.execute(
        "SELECT entities.id, entities.name, entities.kind, count(*) AS n FROM mentions "
        "JOIN entities ON entities.id = mentions.entity_id WHERE mentions.article_id = ? "
        "GROUP BY entities.id ORDER BY entities.kind, n DESC, entities.name",
        [article_id],
    )
    return [EntityCount(*row) for row in rows]


def list_entities(
    db: Reader, *, kind: str | None = None, limit: int | None = None
) -> list[EntitySummary]:
    """Entities with their mention and article counts, most mentioned first."""
    where = "WHERE entities.kind = ?" if kind else ""
    params: list[object] = [kind] if kind else []
    sql = (
        "SELECT entities.id, entities.name, entities.kind, count(*) AS n, "
        "count(DISTINCT mentions.article_id) FROM entities "
        f"JOIN mentions ON mentions.entity_id = entities.id {where} "
        "GROUP BY entities.id ORDER BY n DESC, entities.name"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    rows = db.execute(sql, params).fetchall()
    aliases: dict[int, list[str]] = {}
    for entity_id, alias in db.execute(
        "SELECT entity_id, alias FROM entity_aliases ORDER BY count DESC"
    ):
        aliases.setdefault(entity_id, []).append(alias)
    return [
        EntitySummary(id, name, kind, mentions, articles, aliases.get(id, []))
        for id, name, kind, mentions, articles in rows
    ]
