"""Reads from a corpus database, returned as dataclasses from `store.models`."""

from __future__ import annotations

import re
import sqlite3

from store.database import Reader
from store.filters import NO_FILTER, ListFilter

# The article list's reads, long imported from here.
from store.list_queries import UNTITLED_PREVIEW as UNTITLED_PREVIEW
from store.list_queries import ListOrder as ListOrder
from store.list_queries import article_position as article_position
from store.list_queries import article_row as article_row
from store.list_queries import article_rows as article_rows
from store.list_queries import articles_at as articles_at
from store.list_queries import count_articles as count_articles
from store.list_queries import has_dates as has_dates
from store.list_queries import last_articles as last_articles
from store.list_queries import list_articles as list_articles
from store.list_queries import row_columns as row_columns
from store.models import (
    Article,
    ArticleMeta,
    CorpusStats,
    EntityCount,
    EntitySummary,
    MentionSpan,
    QuoteSpan,
    Repeat,
    SearchHit,
    SourceCount,
)
from store.one_step import all_rows

# One character narrows nothing and ranks nearly every article: search from two.
MIN_QUERY = 2


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


def list_sources(db: Reader) -> list[SourceCount]:
    """Every source with its number of articles, most first (None: no source)."""
    return [
        SourceCount(source or None, articles)
        for source, articles in db.execute(
            "SELECT ifnull(source, '') AS s, count(*) AS n FROM articles "
            "GROUP BY s ORDER BY n DESC, s"
        )
    ]


def get_article(db: Reader, article_id: int) -> Article | None:
    """An article with its repeats, names, quotes (with their statements and how
    their speakers were found) and the other articles of its story."""
    row = db.execute(
        "SELECT id, title, text, date, source, url, path, story_id FROM articles WHERE id = ?",
        [article_id],
    ).fetchone()
    if row is None:
        return None
    # Each read in one step (`all_rows`): the reader loads an article in a worker while
    # the browser draws.
    repeats = [
        Repeat(*values)
        for values in all_rows(
            db,
            "SELECT start, end, original_start FROM repeats WHERE article_id = ? ORDER BY start",
            [article_id],
            ("start", "end", "original_start"),
        )
    ]
    mentions = [
        MentionSpan(*values)
        for values in all_rows(
            db,
            "SELECT start, end, entity_id, kind, name FROM mentions "
            "JOIN entities ON entities.id = entity_id WHERE article_id = ? ORDER BY start",
            [article_id],
            ("start", "end", "entity_id", "kind", "name"),
        )
    ]
    quotes = [
        QuoteSpan(*values)
        for values in all_rows(
            db,
            "SELECT quotes.start, quotes.end, coalesce(entities.name, speaker_text) AS speaker, "
            "quotes.speaker_entity_id, speaker_start, speaker_end, quotes.statement_id, "
            "ifnull(statements.article_count, 1) AS articles, "
            "ifnull(statements.source_count, 0) AS sources, "
            "quotes.method, quotes.confidence FROM quotes "
            "LEFT JOIN entities ON entities.id = quotes.speaker_entity_id "
            "LEFT JOIN statements ON statements.id = quotes.statement_id "
            "WHERE article_id = ? ORDER BY quotes.start",
            [article_id],
            _QUOTE_COLUMNS,
        )
    ]
    id, title, text, date, source, url, path, story_id = row
    return Article(
        id,
        title,
        text,
        date,
        source,
        url,
        path,
        repeats=repeats,
        mentions=mentions,
        quotes=quotes,
        story_id=story_id,
        story=story_articles(db, story_id, besides=id) if story_id is not None else [],
    )


_QUOTE_COLUMNS = ("start", "end", "speaker", "speaker_entity_id", "speaker_start", "speaker_end",
                  "statement_id", "articles", "sources", "method", "confidence")  # fmt: skip
_META_COLUMNS = ("id", "title", "date", "source", "url")


def story_articles(db: Reader, story_id: int, *, besides: int | None = None) -> list[ArticleMeta]:
    """The articles of a story (but `besides`), oldest first (undated last)."""
    return [
        ArticleMeta(*values)
        for values in all_rows(
            db,
            "SELECT id, title, date, source, url FROM articles WHERE story_id = ? AND id != ? "
            "ORDER BY date IS NULL, date, id",
            [story_id, -1 if besides is None else besides],
            _META_COLUMNS,
        )
    ]


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
        rows = article_rows(db, sql, [*bound, query, RANKED_WINDOW, limit])
        why = "text"
    except sqlite3.OperationalError:
        literal = literal_fts_query(query)
        if not literal:
            return []
        rows = article_rows(db, sql, [*bound, literal, RANKED_WINDOW, limit])
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
        for row in all_rows(
            db, f"SELECT id, title, date, source, url FROM articles WHERE id IN ({marks})", chunk,
            _META_COLUMNS,
        ):  # fmt: skip
            found[row[0]] = ArticleMeta(*row)
    return [found[i] for i in article_ids if i in found]


def article_entities(db: Reader, article_id: int) -> list[EntityCount]:
    """The entities an article mentions, most mentioned first within each kind."""
    rows = all_rows(
        db,
        "SELECT entities.id, entities.name, entities.kind, count(*) AS n FROM mentions "
        "JOIN entities ON entities.id = mentions.entity_id WHERE mentions.article_id = ? "
        "GROUP BY entities.id ORDER BY entities.kind, n DESC, entities.name",
        [article_id],
        ("id", "name", "kind", "n"),
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
