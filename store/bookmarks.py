"""Bookmarks and notes: the articles and quotes a reader starred, kept in the corpus file."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from store.database import Reader
from store.models import Bookmark

_SELECT = (
    "SELECT bookmarks.id, bookmarks.article_id, bookmarks.quote_start, bookmarks.note, "
    "bookmarks.created_at, articles.title, articles.date, articles.source, articles.url, "
    "quotes.text, coalesce(entities.name, quotes.speaker_text) "
    "FROM bookmarks LEFT JOIN articles ON articles.id = bookmarks.article_id "
    "LEFT JOIN quotes ON quotes.article_id = bookmarks.article_id "
    "AND quotes.start = bookmarks.quote_start "
    "LEFT JOIN entities ON entities.id = quotes.speaker_entity_id"
)


def _missing_table(error: sqlite3.OperationalError) -> bool:
    # A read-only database from an older nutgraf has no bookmarks table yet.
    return "no such table" in str(error)


def list_bookmarks(db: Reader) -> list[Bookmark]:
    """Every bookmark, newest first."""
    try:
        rows = db.execute(f"{_SELECT} ORDER BY bookmarks.created_at DESC, bookmarks.id DESC")
        return [Bookmark(*row) for row in rows]
    except sqlite3.OperationalError as error:
        if _missing_table(error):
            return []
        raise


def starred_in(db: Reader, article_id: int) -> set[int | None]:
    """What is starred in an article: None for the article, else quote starts."""
    try:
        rows = db.execute("SELECT quote_start FROM bookmarks WHERE article_id = ?", [article_id])
        return {start for (start,) in rows}
    except sqlite3.OperationalError as error:
        if _missing_table(error):
            return set()
        raise


def toggle_bookmark(db: sqlite3.Connection, article_id: int, quote_start: int | None) -> bool:
    """Star the article (or its quote at `quote_start`), or unstar it if it was:
    True when it is starred now. One small statement each; commit is the caller's."""
    removed = db.execute(
        "DELETE FROM bookmarks WHERE article_id = ? AND ifnull(quote_start, -1) = ifnull(?, -1)",
        [article_id, quote_start],
    ).rowcount
    if removed:
        return False
    db.execute(
        "INSERT INTO bookmarks (article_id, quote_start, note, created_at) VALUES (?, ?, '', ?)",
        [article_id, quote_start, datetime.now(UTC).isoformat(timespec="seconds")],
    )
    return True


def set_note(db: sqlite3.Connection, bookmark_id: int, note: str) -> None:
    db.execute("UPDATE bookmarks SET note = ? WHERE id = ?", [note, bookmark_id])


def remove_bookmark(db: sqlite3.Connection, bookmark_id: int) -> None:
    db.execute("DELETE FROM bookmarks WHERE id = ?", [bookmark_id])
