"""Reads about quotes: who said what, found by speaker (fuzzily) and topic."""

from __future__ import annotations

import sqlite3
from typing import Any

from store.database import Reader
from store.entity_queries import EntityNames
from store.models import QuoteRow, SpeakerMatch
from store.queries import literal_fts_query

# How many of the newest quotes matching a topic are searched when no speaker is given.
ABOUT_WINDOW = 5000
# How many entities a typed speaker is compared with before ties are looked for.
SPEAKER_CANDIDATES = 12

# A QuoteRow's columns, from quotes joined with their article and speaker entity.
QUOTE_COLUMNS = (
    "quotes.id, quotes.article_id, quotes.start, quotes.end, quotes.text, "
    "coalesce(entities.name, quotes.speaker_text), quotes.speaker_entity_id, "
    "articles.date, articles.source, articles.title, articles.url, "
    "quotes.statement_id, quotes.method, quotes.confidence"
)
QUOTE_TABLES = (
    "quotes JOIN articles ON articles.id = quotes.article_id "
    "LEFT JOIN entities ON entities.id = quotes.speaker_entity_id"
)


def match_speakers(
    db: Reader, typed: str, speakers: EntityNames | None = None
) -> list[SpeakerMatch]:
    """The speakers a typed name matches best, most quoted first: one when one name
    is the closest (`putin`, `Hillary Clinton`), several when names tie (`clinton`
    is Bill's surname and Hillary's), none when nothing is close.

    Args:
        speakers: an `EntityNames(db, speakers_only=True)`, to reuse one index.
    """
    scored = (speakers or EntityNames(db, speakers_only=True)).scored(
        typed, limit=SPEAKER_CANDIDATES
    )
    if not scored:
        return []
    best = scored[0][1]
    ids = [entity_id for entity_id, score in scored if score >= best]
    return speaker_matches(db, ids)


def exact_speakers(db: Reader, typed: str) -> list[SpeakerMatch]:
    """The quoted entities named `typed`, case aside (`--exact`): an alias is not
    enough, as a surname (`Clinton`) is an alias of every Clinton."""
    name = " ".join(typed.split())
    if not name:
        return []
    ids = [
        int(entity_id)
        for (entity_id,) in db.execute(
            "SELECT id FROM entities WHERE name = ? COLLATE NOCASE", [name]
        )
    ]
    return [match for match in speaker_matches(db, ids) if match.quotes]


def speaker_matches(db: Reader, entity_ids: list[int]) -> list[SpeakerMatch]:
    """Entities with their number of quotes, most quoted first."""
    if not entity_ids:
        return []
    marks = ",".join("?" * len(entity_ids))
    rows = db.execute(
        "SELECT entities.id, entities.name, entities.kind, "
        "(SELECT count(*) FROM quotes WHERE speaker_entity_id = entities.id) AS n "
        f"FROM entities WHERE entities.id IN ({marks}) ORDER BY n DESC, entities.name",
        entity_ids,
    )
    return [SpeakerMatch(*row) for row in rows]


def quote_conditions(
    *,
    speaker_ids: list[int] | None,
    about: str | None,
    min_confidence: float | None = None,
) -> tuple[list[str], list[object]]:
    """WHERE conditions on `QUOTE_TABLES` for quotes by these speakers, about a topic
    (an FTS5 query, the last parameter), with a speaker at least this sure."""
    where: list[str] = []
    params: list[object] = []
    if speaker_ids is not None:
        where.append(f"quotes.speaker_entity_id IN ({','.join('?' * len(speaker_ids))})")
        params += speaker_ids
    if min_confidence is not None:
        where.append("quotes.confidence >= ?")
        params.append(min_confidence)
    if about and about.strip():
        # Alone, a common word ("the") matches most quotes: take the newest imported.
        window = "" if speaker_ids else f" ORDER BY rowid DESC LIMIT {ABOUT_WINDOW}"
        where.append(
            f"quotes.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?{window})"
        )
        params.append(about)
    return where, params


def run_about(db: Reader, sql: str, params: list[object], about: str | None) -> list[Any]:
    """Run a query whose last condition parameter is an FTS5 topic; on bad FTS5
    syntax (`U.S.`, a lone `"`), again with the topic's words searched literally.

    Args:
        params: the query's parameters; the topic is the one before the last (the limit).
    """
    try:
        return db.execute(sql, params).fetchall()
    except sqlite3.OperationalError:
        if not about:
            raise
        literal = literal_fts_query(about)
        if not literal:
            return []
        return db.execute(sql, [*params[:-2], literal, params[-1]]).fetchall()


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
    entities quoted (`putin`, `Vladimir Putin`, `Pskov`), the closest one only
    (`match_speakers` says when several are as close); pass `speakers` (an
    `EntityNames(db, speakers_only=True)`) to reuse one index across calls.
    """
    speaker_ids: list[int] | None = None
    if speaker:
        speaker_ids = (speakers or EntityNames(db, speakers_only=True)).match(speaker, limit=1)
        if not speaker_ids:
            return []
    where, params = quote_conditions(speaker_ids=speaker_ids, about=about)
    sql = (
        f"SELECT {QUOTE_COLUMNS} FROM {QUOTE_TABLES} "
        f"{'WHERE ' + ' AND '.join(where) if where else ''} "
        "ORDER BY ifnull(date, '') DESC, quotes.article_id, quotes.start LIMIT ?"
    )
    return [QuoteRow(*row) for row in run_about(db, sql, [*params, limit], about)]
