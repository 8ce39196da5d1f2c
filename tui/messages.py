"""Messages the app's parts send each other, named as past events."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from store.models import Article, ArticleRow, EntityCount, SearchHit
from tui.widgets.list_pages import FirstRead, OpenedStory


@dataclass
class ArticleLoaded(Message):
    """An article read for the reader, with what the sidebar and the status line show
    of it: one message, so that the screen is painted once."""

    article: Article
    entities: list[EntityCount]
    """The entities it names, for the sidebar."""
    stars: set[int | None]
    """What is starred in it (see `StarsLoaded`)."""


@dataclass
class RowsLoaded(Message):
    """A window of the article list arrived from the database."""

    generation: int
    start: int
    rows: list[ArticleRow]
    total: int | None = None
    follow: int | None = None
    """The article the reader shows, whose place these rows were loaded to find."""
    dated: bool | None = None
    """Whether the corpus has dated articles (with a new count)."""
    articles: int | None = None
    """How many articles the rows stand for (with a new count)."""
    opened: OpenedStory | None = None
    """A story to open, to show the article followed (folded in it)."""

    @classmethod
    def first(cls, generation: int, first: FirstRead) -> RowsLoaded:
        """The message that brings the list its length and first page."""
        counted = first.counted
        return cls(
            generation,
            first.window.start,
            first.window.rows,
            counted.rows,
            dated=first.dated,
            articles=counted.articles,
        )


@dataclass
class StarsLoaded(Message):
    """What is starred in an article: None for the article itself, else quote starts."""

    article_id: int
    stars: set[int | None]


@dataclass
class HitsExhausted(Message):
    """`n` went past the last search hit in the article (or `N` before the first)."""

    forward: bool


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


@dataclass
class ReaderMoved(Message):
    """A cursor in the reader moved (name, quote or hit): the status line says where."""


@dataclass
class StatementOpened(Message):
    """The reader asks for the statement view of the quote under its cursor."""

    statement_id: int


@dataclass
class StoryArticleWanted(Message):
    """The reader asks for another article of its article's story."""

    article_id: int
