"""Reads from a corpus database, returned as dataclasses from `store.models`."""

from __future__ import annotations

from sqlite_utils import Database

from store.models import CorpusStats, SourceCount


def corpus_stats(db: Database) -> CorpusStats:
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
