"""Reads from a corpus database, returned as dataclasses from `store.models`."""

from __future__ import annotations

import re
import sqlite3
from enum import Enum

from store.database import Reader
from store.filters import NO_FILTER, ListFilter
from store.models import (
    Article,
    ArticleMeta,
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


def count_articles(db: Reader, where: ListFilter = NO_FILTER) -> int:
    condition, params = where.sql()
    return int(db.execute(f"SELECT count(*) FROM articles WHERE {condition}", params).fetchone()[0])


def has_dates(db: Reader) -> bool:
    """Whether any article is dated (read from the date index: instant at any size)."""
    latest = db.execute("SELECT max(ifnull(date, '')) FROM articles").fetchone()[0]
    return bool(latest)


def list_sources(db: Reader) -> list[SourceCount]:
    """Every source with its number of articles, most first (None: no source)."""
    return [
        SourceCount(source or None, articles)
        for source, articles in db.execute(
            "SELECT ifnull(source, '') AS s, count(*) AS n FROM articles "
            "GROUP BY s ORDER BY n DESC, s"
        )
    ]


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


def _beyond(order: ListOrder, ascending: bool) -> str:
    """Rows past a (key, id) in list order; parameters key, key, id.

    The row value alone is not used as an index range by SQLite: the key's own
    bound, redundant, makes a page deep in the list an index seek, not a scan
    from the top (0.4 ms instead of 30 at 300,000 rows).
    """
    sign = ">" if ascending else "<"
    return f"{order.value} {sign}= ? AND ({order.value}, id) {sign} (?, ?)"


def list_articles(
    db: Reader,
    order: ListOrder,
    *,
    after: ArticleRow | None = None,
    before: ArticleRow | None = None,
    descending: bool = False,
    limit: int = 200,
    where: ListFilter = NO_FILTER,
) -> list[ArticleRow]:
    """A window of the article list by keyset: the rows right after `after`,
    or right before `before`, or the first (or, with neither and `before`
    semantics, use `last_articles`) rows, among those `where` lets through.
    Rows come in list order."""
    forward = before is None
    ascending = forward != descending
    anchor = after if forward else before
    condition, params = where.sql()
    if anchor is not None:
        condition += " AND " + _beyond(order, ascending)
        params += [anchor.key, anchor.key, anchor.id]
    direction = "ASC" if ascending else "DESC"
    sql = (
        f"SELECT {row_columns(order)} FROM articles WHERE {condition} "
        f"ORDER BY {order.value} {direction}, id {direction} LIMIT ?"
    )
    rows = article_rows(db.execute(sql, [*params, limit]))
    return rows if forward else rows[::-1]


def last_articles(
    db: Reader, order: ListOrder, *, descending: bool, limit: int, where: ListFilter = NO_FILTER
) -> list[ArticleRow]:
    """The last `limit` rows of the list, in list order (for jumping to the end)."""
    direction = "ASC" if descending else "DESC"
    condition, params = where.sql()
    sql = (
        f"SELECT {row_columns(order)} FROM articles WHERE {condition} "
        f"ORDER BY {order.value} {direction}, id {direction} LIMIT ?"
    )
    return article_rows(db.execute(sql, [*params, limit]))[::-1]


def articles_at(
    db: Reader,
    order: ListOrder,
    position: int,
    *,
    descending: bool,
    limit: int,
    where: ListFilter = NO_FILTER,
) -> list[ArticleRow]:
    """Rows from a position in the list. Only for jumps into the middle (a
    scrollbar drag), where no neighbouring row is known to page from."""
    direction = "DESC" if descending else "ASC"
    condition, params = where.sql()
    sql = (
        f"SELECT {row_columns(order)} FROM articles WHERE {condition} "
        f"ORDER BY {order.value} {direction}, id {direction} LIMIT ? OFFSET ?"
    )
    return article_rows(db.execute(sql, [*params, limit, position]))


def article_row(db: Reader, order: ListOrder, article_id: int) -> ArticleRow | None:
    """One article as a line of the list in `order` (its key included)."""
    rows = article_rows(
        db.execute(f"SELECT {row_columns(order)} FROM articles WHERE id = ?", [article_id])
    )
    return rows[0] if rows else None


def article_position(
    db: Reader,
    order: ListOrder,
    row: ArticleRow,
    *,
    descending: bool,
    where: ListFilter = NO_FILTER,
) -> int | None:
    """Where `row` stands in the list (0 first), or None when `where` leaves it out.

    A count of the rows before it, on the order's index: milliseconds at 100,000
    articles, for the list to follow an article opened from elsewhere.
    """
    condition, params = where.sql()
    inside = db.execute(
        f"SELECT count(*) FROM articles WHERE id = ? AND {condition}", [row.id, *params]
    ).fetchone()[0]
    if not inside:
        return None
    before = db.execute(
        f"SELECT count(*) FROM articles WHERE {condition} AND {_beyond(order, descending)}",
        [*params, row.key, row.key, row.id],
    ).fetchone()[0]
    return int(before)


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
            "speaker_entity_id, speaker_start, speaker_end FROM quotes "
            "LEFT JOIN entities ON entities.id = speaker_entity_id "
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


def search_articles(
    db: Reader, query: str, *, limit: int = 200, where: ListFilter = NO_FILTER
) -> list[SearchHit]:
    """Articles whose title or text match `query` (and pass `where`), best first: all
    matches are ranked when there are up to RANKED_WINDOW of them, else the most
    recently imported RANKED_WINDOW.

    The query is FTS5 syntax (phrases, `prefix*`, AND/OR/NOT, NEAR); when it
    is not valid FTS5 (`U.S.`, a lone `"`, `AND(`) its words are searched
    literally instead. Parameters are always bound, never spliced into SQL.
    """
    query = query.strip()
    if len(query) < MIN_QUERY:
        return []
    condition, params = where.sql()
    # Ranking every match of a common word ("said") in a million articles takes
    # a second; the newest RANKED_WINDOW matches come in milliseconds, in rowid order.
    # A filter applies inside the window, so a small source still finds its matches.
    filtered = (
        f"JOIN articles ON articles.id = articles_fts.rowid WHERE {condition} AND"
        if where.active
        else "WHERE"
    )
    sql = (
        f"SELECT {row_columns(ListOrder.DATE)} FROM articles JOIN ("
        "  SELECT articles_fts.rowid AS rowid, articles_fts.rank AS rank FROM articles_fts"
        f"  {filtered} articles_fts MATCH ?"
        "  ORDER BY articles_fts.rowid DESC LIMIT ?"
        ") AS hits ON articles.id = hits.rowid ORDER BY hits.rank LIMIT ?"
    )
    bound = params if where.active else []
    try:
        rows = article_rows(db.execute(sql, [*bound, query, RANKED_WINDOW, limit]))
        why = "text"
    except sqlite3.OperationalError:
        literal = literal_fts_query(query)
        if not literal:
            return []
        rows = article_rows(db.execute(sql, [*bound, literal, RANKED_WINDOW, limit]))
        why = "words"
    return [SearchHit(row, why) for row in rows]


def article_meta(db: Reader, article_ids: list[int]) -> list[ArticleMeta]:
    """Title, date, source and url of each article, in the order of `article_ids`
    (those that no longer exist left out)."""
    found: dict[int, ArticleMeta] = {}
    # In chunks: SQLite caps the number of bound parameters.
    for first in range(0, len(article_ids), 500):
        chunk = article_ids[first : first + 500]
        marks = ",".join("?" * len(chunk))
        for row in db.execute(
            f"SELECT id, title, date, source, url FROM articles WHERE id IN ({marks})", chunk
        ):
            found[row[0]] = ArticleMeta(*row)
    return [found[i] for i in article_ids if i in found]


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
