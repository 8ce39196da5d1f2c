"""Extraction: a pure function from an article's text to what the store records about it.

It knows nothing of the database, so it can run in worker processes or on
another machine, and its output can be merged later.
"""

from __future__ import annotations

from dataclasses import dataclass

from store.extract.repeats import Repeat, find_repeats


@dataclass(frozen=True)
class Extraction:
    """What extraction finds in one article; offsets are into its text."""

    repeats: list[Repeat]


def extract_article(text: str) -> Extraction:
    """Everything extraction finds in an article's text."""
    return Extraction(repeats=find_repeats(text))
