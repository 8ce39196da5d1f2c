"""What queries return: small frozen dataclasses, the only shapes the UI sees."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceCount:
    source: str | None
    articles: int


@dataclass(frozen=True)
class CorpusStats:
    """Counts per table, the sources and the date range of a corpus."""

    articles: int
    entities: int
    mentions: int
    quotes: int
    repeats: int
    first_date: str | None
    last_date: str | None
    undated: int
    sources: list[SourceCount]
