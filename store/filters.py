"""Narrowing the article list: by source and by date range, as SQL on indexed expressions."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A date bound as typed: a year, a month or a day.
_DATE_BOUND = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class FilterError(ValueError):
    """A filter value that cannot be used; the message says why."""


def date_bound(typed: str, *, upper: bool) -> str | None:
    """A typed date (`2016`, `2016-03`, `2016-03-07`) as a full `YYYY-MM-DD` bound,
    the first day of the period as a lower bound, its last as an upper one; None
    for an empty string.

    Raises:
        FilterError: the text is not a year, month or day.
    """
    typed = typed.strip()
    if not typed:
        return None
    if not _DATE_BOUND.fullmatch(typed):
        raise FilterError(f"{typed!r} is not a date: write 2016, 2016-03 or 2016-03-07")
    # Dates are compared as strings: "-12" and "-31" close any year or month.
    while len(typed) < 10:
        typed += ("-12" if len(typed) == 4 else "-31") if upper else "-01"
    return typed


@dataclass(frozen=True)
class ListFilter:
    """Which articles the list shows: one source (`""` for articles with none) and a
    date range, both optional. Undated articles drop out once a date bound is set."""

    source: str | None = None
    date_from: str | None = None
    date_to: str | None = None

    @property
    def active(self) -> bool:
        return self.source is not None or self.date_from is not None or self.date_to is not None

    def sql(self, table: str = "articles") -> tuple[str, list[object]]:
        """Conditions joined by AND (`1` when nothing is filtered) and their parameters.

        Written on the same expressions as the list's indexes (`ifnull(source, '')`,
        `ifnull(date, '')`), so SQLite pages a filtered list by index too.
        """
        conditions: list[str] = []
        params: list[object] = []
        if self.source is not None:
            conditions.append(f"ifnull({table}.source, '') = ?")
            params.append(self.source)
        if self.date_from is not None:
            conditions.append(f"ifnull({table}.date, '') >= ?")
            params.append(self.date_from)
        if self.date_to is not None:
            conditions.append(f"ifnull({table}.date, '') <= ?")
            params.append(self.date_to)
        if self.date_from is None and self.date_to is not None:
            conditions.append(f"ifnull({table}.date, '') != ''")
        return (" AND ".join(conditions) or "1"), params

    def describe(self) -> str:
        """The filter in a few words, for a border or a status line."""
        parts = []
        if self.source is not None:
            parts.append(self.source or "(no source)")
        if self.date_from is not None or self.date_to is not None:
            parts.append(f"{self.date_from or '…'} – {self.date_to or '…'}")
        return " · ".join(parts)


NO_FILTER = ListFilter()
