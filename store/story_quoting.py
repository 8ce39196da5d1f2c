"""The earlier articles that quote the same statements as new ones, newest first (for
the quoting link of store/stories.py)."""

from __future__ import annotations

from collections import defaultdict

from sqlite_utils import Database

from store.sketches import marks

# A statement quoted by many articles links an article to the newest of them only.
QUOTING_CANDIDATES = 20


def quoting_articles(db: Database, article_ids: list[int]) -> dict[int, set[int]]:
    """For each article, the newest QUOTING_CANDIDATES earlier articles that quote
    one of its statements.

    A statement quoted thousands of times is not read whole: its newest articles
    are read once for the batch, down from the newest of the batch's articles
    that quote it, as many as any of those can need (by the index on statement
    and article). An article updated in place keeps its older id: one that
    those do not cover has its own read."""
    by_statement: dict[int, list[int]] = defaultdict(list)
    for article_id, statement_id in db.execute(
        "SELECT DISTINCT article_id, statement_id FROM quotes "
        f"WHERE article_id IN ({marks(article_ids)}) AND statement_id IS NOT NULL "
        "ORDER BY article_id",
        article_ids,
    ):
        by_statement[statement_id].append(article_id)
    found: dict[int, set[int]] = defaultdict(set)
    for statement_id, quoting in sorted(by_statement.items()):
        wanted = QUOTING_CANDIDATES + len(quoting)
        newest = _newest_quoting(db, statement_id, quoting[-1], wanted)
        for article_id in quoting:
            earlier = [other for other in newest if other < article_id]
            if len(earlier) < QUOTING_CANDIDATES and len(newest) == wanted:
                earlier = _newest_quoting(db, statement_id, article_id, QUOTING_CANDIDATES)
            found[article_id].update(earlier[:QUOTING_CANDIDATES])
    for article_id, others in found.items():
        if len(others) > QUOTING_CANDIDATES:
            found[article_id] = set(sorted(others, reverse=True)[:QUOTING_CANDIDATES])
    return found


def _newest_quoting(db: Database, statement_id: int, before: int, limit: int) -> list[int]:
    """The newest `limit` articles before `before` that quote a statement, newest first."""
    return [
        article_id
        for (article_id,) in db.execute(
            "SELECT DISTINCT article_id FROM quotes WHERE statement_id = ? "
            "AND article_id < ? ORDER BY article_id DESC LIMIT ?",
            [statement_id, before, limit],
        )
    ]
