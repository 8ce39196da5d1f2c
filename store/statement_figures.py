"""What a statement's row says of it, read from its quotes: its counts and first
sighting (`figures_of`) and its speaker (`speakers_of`), for store/statements.py."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database


@dataclass
class Figures:
    """What `count` writes of a statement, gathered from its quotes."""

    quotes: int
    articles: set[int]
    sources: set[str]
    first: tuple[bool, str, int]
    """The first sighting: (undated, date, article id), the smallest."""
    longest: tuple[int, int]
    """The longest variant: (minus its length, quote id), the smallest."""


def figures_of(db: Database, statement_ids: list[int], since: int = 0) -> dict[int, Figures]:
    """The figures of each statement that has quotes, from its quotes with an id from
    `since` on (all of them by default), read in one pass."""
    found: dict[int, Figures] = {}
    for statement_id, quote_id, article_id, source, date, length in db.execute(
        "SELECT quotes.statement_id, quotes.id, quotes.article_id, articles.source, "
        "articles.date, length(quotes.text) FROM quotes "
        "JOIN articles ON articles.id = quotes.article_id "
        f"WHERE quotes.statement_id IN ({','.join('?' * len(statement_ids))}) "
        "AND quotes.id >= ?",
        [*statement_ids, since],
    ):
        first = (date is None, date or "", article_id)
        longest = (-length, quote_id)
        figures = found.get(statement_id)
        if figures is None:
            found[statement_id] = Figures(1, {article_id}, set(), first, longest)
            figures = found[statement_id]
        else:
            figures.quotes += 1
            figures.articles.add(article_id)
            figures.first = min(figures.first, first)
            figures.longest = min(figures.longest, longest)
        if source is not None:
            figures.sources.add(source)
    return found


def speakers_of(db: Database, statement_ids: list[int]) -> dict[int, tuple[int | None, float]]:
    """The speaker of each statement and how sure, from its quotes as `place` decides
    it: its first quote's, then that of any quote surer of a speaker (read when a
    statement lost quotes: the one that named its speaker may be gone)."""
    found: dict[int, tuple[int | None, float]] = {}
    for statement_id, speaker, confidence in db.execute(
        "SELECT statement_id, speaker_entity_id, ifnull(confidence, 1) FROM quotes "
        f"WHERE statement_id IN ({','.join('?' * len(statement_ids))}) "
        "ORDER BY statement_id, article_id, start",
        statement_ids,
    ):
        chosen = found.get(statement_id)
        if chosen is None or surer(speaker, confidence, chosen[1]):
            found[statement_id] = (speaker, confidence)
    return found


def surer(speaker: int | None, confidence: float, than: float) -> bool:
    """Whether a quote names a statement's speaker: it names one, surer than `than`."""
    return speaker is not None and confidence > than
