"""Turning the dates found in news files into ISO `YYYY-MM-DD`."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_PATTERNS = [
    re.compile(r"(?P<year>\d{4})-(?P<m>\d{1,2})-(?P<day>\d{1,2})"),
    re.compile(r"(?P<year>\d{4})/(?P<m>\d{1,2})/(?P<day>\d{1,2})"),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)? {_MONTH},? (?P<year>\d{{4}})\b"),
    re.compile(rf"\b{_MONTH} (?P<day>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<year>\d{{4}})\b"),
]


def parse_date(value: str) -> str | None:
    """The first date written in `value` as `YYYY-MM-DD`, or None.

    Understands ISO dates and timestamps, `2016/12/30`, `30 Dec 2016`,
    `December 30, 2016` and `Saturday, November 9, 2024`.
    """
    for pattern in _PATTERNS:
        for match in pattern.finditer(value):
            parts = match.groupdict()
            month = int(parts["m"]) if parts.get("m") else MONTHS.get(parts["month"].lower())
            if month is None:
                continue
            try:
                return date(int(parts["year"]), month, int(parts["day"])).isoformat()
            except ValueError:
                continue
    return None


def date_from_timestamp(value: float) -> str | None:
    """A Unix timestamp (seconds or milliseconds) as `YYYY-MM-DD`, or None."""
    if value > 1e11:
        value /= 1000
    try:
        return datetime.fromtimestamp(value, tz=UTC).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None
