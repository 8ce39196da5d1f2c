"""Places the browser can go back to, and what a screen asks to open: small typed values."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ArticlePlace:
    """An article in the reader, with the name cursor on an entity or on a quote."""

    article_id: int
    entity_id: int | None = None
    quote_start: int | None = None


@dataclass(frozen=True)
class ProfilePlace:
    """An entity's profile, with where its lists' cursors were."""

    entity_id: int
    article_index: int = 0
    companion_index: int = 0
    on_companions: bool = False


Place = ArticlePlace | ProfilePlace
