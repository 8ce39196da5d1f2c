"""Messages the app's parts send each other, named as past events."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from store.models import Article, ArticleRow, SearchHit


@dataclass
class ArticleLoaded(Message):
    article: Article


@dataclass
class RowsLoaded(Message):
    """A window of the article list arrived from the database."""

    generation: int
    start: int
    rows: list[ArticleRow]
    total: int | None = None


@dataclass
class SearchFinished(Message):
    query: str
    hits: list[SearchHit]
