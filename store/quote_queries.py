"""Reads about quotes: who said what, found by speaker (fuzzily) and topic."""

from __future__ import annotations

import sqlite3

from rapidfuzz import fuzz, process, utils
from sqlite_utils import Database

from store.models import QuoteRow
from store.queries import literal_fts_query

# How close a typed speaker must be to a name or alias (rapidfuzz WRatio, 0-100).
SPEAKER_SCORE = 85


def speaker_ids(db: Database, typed: str) -> list[int]:
    """Entities that speak in the corpus whose name or an alias matches `typed`,
    best first (`putin`, `Vladimir Putin` and `Pskov` all find theirs)."""
    choices: dict[str, int] = {}
    rows = db.execute(
        "SELECT entities.id, entities.name, entity_aliases.alias FROM entities "
        "LEFT JOIN entity_aliases ON entity_aliases.entity_id = entities.id "
        "WHERE entities.id IN (SELECT DISTINCT speaker_entity_id FROM quotes)"
    )
    for entity_id, name, alias in rows:
        choices.setdefault(name, entity_id)
        if alias:
            choices.setdefault(alias, entity_id)
    found = process.extract(
        typed,
        list(choices),
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        score_cutoff=SPEAKER_SCORE,
        limit=20,
    )
    ids: list[int] = []
    best = found[0][1] if found else 0
    for choice, score, _ in found:
        # Keep the clear winners: "Trump" should not bring every other Trump.
        if score >= best - 5 and choices[choice] not in ids:
            ids.append(choices[choice])
    return ids


def find_quotes(
    db: Database, *, speaker: str | None = None, about: str | None = None, limit: int = 200
) -> list[QuoteRow]:
    """Quotes by a speaker (fuzzy) and/or about a topic (FTS5, literal on bad syntax),
    newest first."""
    where: list[str] = []
    params: list[object] = []
    if speaker:
        ids = speaker_ids(db, speaker)
        if not ids:
            return []
        where.append(f"quotes.speaker_entity_id IN ({','.join('?' * len(ids))})")
        params += ids
    if about and about.strip():
        where.append("quotes.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
        params.append(about)
    sql = (
        "SELECT quotes.id, article_id, quotes.start, quotes.end, quotes.text, "
        "coalesce(entities.name, speaker_text), speaker_entity_id, date, source, title "
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
