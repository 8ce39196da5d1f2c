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


@dataclass
class MentionFocused(Message):
    """The reader's mention cursor is on a name of this entity."""

    entity_id: int


@dataclass
class EntityOpened(Message):
    """The reader asks for this entity's profile."""

    entity_id: int


@dataclass
class NeighbourWanted(Message):
    """The reader asks for the same entity in the next (or previous) article naming it."""

    entity_id: int
    article_id: int
    forward: bool
