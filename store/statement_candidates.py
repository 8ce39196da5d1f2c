"""The statements a batch's quotes may join, filed by fingerprint and speaker (for
store/statements.py).

A fingerprint common in the news (`president trump`) is shared by thousands of
statements, mostly other speakers' ones, which a quote is never compared with
(see `eligible`). Filing them by speaker hands a quote only the statements it
may be compared with: on a million copy-heavy articles, about one in eight of
those that share a fingerprint with it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Protocol

UNSURE = 0.5


class Speaking(Protocol):
    """What filing needs of a statement."""

    @property
    def id(self) -> int: ...
    @property
    def speaker(self) -> int | None: ...
    @property
    def confidence(self) -> float: ...


def eligible(speaker: int | None, confidence: float, statement: Speaking) -> bool | None:
    """Whether a quote by `speaker` (as sure as `confidence`) may be compared with a
    statement: None if not, else whether they are compared as one named speaker's
    words (False: as words alone)."""
    if statement.speaker == speaker:
        return speaker is not None
    if min(confidence, statement.confidence) < UNSURE and speaker is not None:
        return False  # one of the two speakers is a guess: the words decide
    return None


class Candidates:
    """For each fingerprint, the statements that have it; and the statements loaded,
    by speaker, and the unsure ones (a speaker guessed with confidence under
    UNSURE). A statement whose speaker changes is filed again with `refile`."""

    def __init__(self, by_print: dict[int, set[int]], statements: Iterable[Speaking]) -> None:
        self.by_print = by_print
        self._of_speaker: dict[int | None, set[int]] = defaultdict(set)
        self._unsure: set[int] = set()
        for statement in statements:
            self.file(statement)

    def add(self, hashed: int, statement: Speaking) -> bool:
        """File a statement under a fingerprint; False if it was there already."""
        known = self.by_print.setdefault(hashed, set())
        if statement.id in known:
            return False
        known.add(statement.id)
        return True

    def file(self, statement: Speaking) -> None:
        """File a new statement under its speaker."""
        self._of_speaker[statement.speaker].add(statement.id)
        if statement.confidence < UNSURE:
            self._unsure.add(statement.id)

    def refile(self, statement: Speaking, speaker: int | None, confidence: float) -> None:
        """A statement filed with `speaker` and `confidence` has another speaker or
        confidence now."""
        self._of_speaker[speaker].discard(statement.id)
        if confidence < UNSURE:
            self._unsure.discard(statement.id)
        self.file(statement)

    def of(self, prints: Iterable[int], speaker: int | None, confidence: float) -> list[int]:
        """The ids, in order, of the statements with one of these fingerprints that a
        quote by `speaker` may be compared with (and no others)."""
        found: set[int] = set()
        if speaker is not None and confidence < UNSURE:
            for hashed in prints:
                found.update(self.by_print.get(hashed, ()))
            return sorted(found)
        # Intersections of sets run in C: a fingerprint's thousands of statements are
        # never walked in Python.
        allowed = [self._of_speaker.get(speaker, set())]
        if speaker is not None:
            allowed.append(self._unsure)
        for hashed in prints:
            if (ids := self.by_print.get(hashed)) is not None:
                for some in allowed:
                    found |= ids & some
        return sorted(found)
