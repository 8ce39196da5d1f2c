"""Mapping a loose record (JSON object, CSV row) to an article Record."""

from __future__ import annotations

from collections.abc import Mapping

from store.dates import date_from_timestamp, parse_date
from store.decoding import (
    fold_line_ends,
    has_lone_surrogates,
    repaired,
    without_lone_surrogates,
)
from store.readers.limits import MAX_ID_CHARS
from store.records import Problem, Record

# Field names seen in scraped news dumps, best first.
ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "maintext", "article", "full_text", "story"),
    "title": ("title", "headline", "heading"),
    "date": ("date", "published", "publish_date", "published_at", "pubdate", "datetime"),
    "source": ("source", "publisher", "outlet", "site", "source_name"),
    "url": ("url", "link", "uri", "href"),
    "id": ("id", "_id", "article_id", "doc_id", "guid"),
}


def record_from_fields(
    fields: Mapping[str, object], path: str, location: str
) -> tuple[Record | None, list[Problem]]:
    """Build a Record from named fields; None (with a rejection) when there is no text.

    Args:
        fields: field name → value; names are matched case-insensitively.
        path: where the record came from, stored with the article.
        location: `FILE:LINE` for problem reports.
    """
    lowered = {str(key).strip().lower(): value for key, value in fields.items()}
    problems: list[Problem] = []

    def pick(field: str) -> object:
        for name in ALIASES[field]:
            value = lowered.get(name)
            if value is not None and value != "":
                return value
        return None

    text = pick("text")
    if text is None or (isinstance(text, str) and not text.strip()):
        return None, [Problem(location, "no text")]
    if not isinstance(text, str):
        return None, [Problem(location, f"text is a {type(text).__name__}, not a string")]

    def as_text(field: str) -> str | None:
        value = pick(field)
        if value is None or isinstance(value, str):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            problems.append(Problem(location, f"{field} is a number; kept as text", rejected=False))
            return str(value)
        if field == "source" and isinstance(value, Mapping) and isinstance(value.get("name"), str):
            return str(value["name"])
        problems.append(
            Problem(location, f"{field} is a {type(value).__name__}; ignored", rejected=False)
        )
        return None

    external_id = as_text("id")
    if external_id is not None and len(external_id) > MAX_ID_CHARS:
        reason = f"an id of {len(external_id):,} characters (at most {MAX_ID_CHARS:,})"
        return None, [Problem(location, reason)]
    values = {
        "text": repaired(fold_line_ends(text)),
        "title": _one_line(repaired(as_text("title") or "")),
        "date": _date(pick("date"), location, problems),
        "source": as_text("source"),
        "url": as_text("url"),
        "external_id": external_id,
    }
    # A lone surrogate (JSON "\ud800", half of an emoji cut in two) cannot be stored
    # as UTF-8; the rest of the record is good, so it becomes U+FFFD (same offsets).
    broken = [name for name, value in values.items() if value and has_lone_surrogates(value)]
    if broken:
        reason = f"lone surrogates in {', '.join(broken)} replaced by U+FFFD"
        problems.append(Problem(location, reason, rejected=False))
        values = {name: value and without_lone_surrogates(value) for name, value in values.items()}
    record = Record(
        text=values["text"] or "",
        path=path,
        title=values["title"],
        date=values["date"],
        source=values["source"],
        url=values["url"],
        external_id=values["external_id"],
    )
    return record, problems


def _one_line(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def _date(value: object, location: str, problems: list[Problem]) -> str | None:
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        parsed = date_from_timestamp(value)
    elif isinstance(value, str):
        parsed = parse_date(value)
    else:
        parsed = None
    if parsed is None:
        shown = repr(value)[:40]
        problems.append(Problem(location, f"unrecognised date {shown}; left empty", rejected=False))
    return parsed
