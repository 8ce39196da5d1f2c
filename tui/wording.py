"""Counts in words, the same on every screen and in the command line."""

from __future__ import annotations


def count(number: int, noun: str, plural: str | None = None) -> str:
    """`1 article`, `3 articles`, `2 outlets`."""
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"


def spread(articles: int, sources: int) -> str:
    """How widely something was quoted or told: `3 articles, 2 outlets` (outlets
    only where the articles name their sources)."""
    said = count(articles, "article")
    return f"{said}, {count(sources, 'outlet')}" if sources else said


def elsewhere(articles: int, sources: int) -> str:
    """What else carries a quote, from one of its articles: `+2 outlets`, or
    `+1 article` where sources are not known (or all the same)."""
    if sources > 1:
        return "+" + count(sources - 1, "outlet")
    return "+" + count(articles - 1, "article")


def where_seen(date: str | None, source: str | None) -> str:
    """`2016-12-30 · Reuters`, with what is known (`undated` when nothing is)."""
    return " · ".join(part for part in (date, source) if part) or "undated"
