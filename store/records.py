"""What readers produce: articles as read from files, and problems met on the way."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.extract import Extraction


@dataclass(frozen=True)
class Record:
    """One article as read from a file, before it reaches the database."""

    text: str
    path: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    external_id: str | None = None
    extraction: Extraction | None = field(default=None, compare=False, repr=False)
    """Set when the record comes with its extraction done (read from a shard)."""


@dataclass(frozen=True)
class Problem:
    """Something wrong in the input, located as `FILE:LINE`.

    A rejected problem means a record was skipped; otherwise the record (or
    file) was kept and the problem is a warning.
    """

    location: str
    reason: str
    rejected: bool = True

    def __str__(self) -> str:
        return f"{self.location}: {self.reason}"
