"""Reads about quotes: who said what, found by speaker (fuzzily) and topic."""

from __future__ import annotations

import sqlite3

from store.database import Reader
from store.entity_queries import EntityNames
from store.models import QuoteRow
from store.queries import literal_fts_query

# How many of the newest quotes matching a topic are searched when no speaker is given.
ABOUT_WINDOW = 5000


def find_quotes(
    db: Reader,
    *,
    speaker: str | None = None,
    about: str | None = None,
    limit: int = 200,
    speakers: EntityNames | None = None,
) -> list[QuoteRow]:
    """Quotes by a speaker and/or about a topic (FTS5, literal on bad syntax), newest first.

    A topic alone searches the ABOUT_WINDOW most recently imported quotes that
    match it (all of them, unless the topic is a very common word).

    The speaker is matched fuzzily against the names, aliases and surnames of the
    entities quoted (`putin`, `Vladimir Putin`, `Pskov`); pass `speakers` (an
    `EntityNames(db, speakers_only=True)`) to reuse one index across calls.
    """
    where: list[str] = []
    params: list[object] = []
    if speaker:
        ids = (speakers or EntityNames(db, speakers_only=True)).match(speaker, limit=1)
        if not ids:
            return []
        where.append(f"quotes.speaker_entity_id IN ({','.join('?' * len(ids))})")
        params += ids
    if about and about.strip():
        # Alone, a common word ("the") matches most quotes: take the newest imported.
        window = "" if speaker else f" ORDER BY rowid DESC LIMIT {ABOUT_WINDOW}"
        where.append(
            f"quotes.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?{window})"
        )
        params.append(about)
    sql = (
        "SELECT quotes.id, article_id, quotes.start, quotes.end, quotes.text, "
        "coalesce(entities.name, speaker_text), speaker_entity_id, date, source, title, url "
        "FROM quotes JOIN articles ON articles.id = quotes.article_id "
        "LEFT JOIN entities ON entities.id = quotes.speaker_entity_id "
        f"{'WHERE ' + ' AND '.join(where) if where else ''} "
        "ORDER BY ifnull(date, '') DESC, article_id, quotes.start LIMIT ?"
    )
    try:
        rows = db.execute(sql, [*params, limit]).fetchall()
    except sqlite3.OperationalError:
        if not about:
            raise
        params[-1] = literal_fts_query(about)
        rows = db.execute(sql, [*params, limit]).fetchall() if params[-1] else []
    return [QuoteRow(*row) for row in rows]
