"""A search's hits as the article list holds them: every hit, and the rows they make."""

from __future__ import annotations

from dataclasses import dataclass

from store.models import ArticleRow, SearchHit


@dataclass(frozen=True)
class SearchHits:
    query: str
    hits: list[SearchHit]
    """Every hit, best first (those folded into a story's row too)."""
    rows: list[ArticleRow]
    """What the list shows: one row per story, its best hit, when folded; else each hit."""

    @classmethod
    def of(cls, query: str, hits: list[SearchHit], *, stories: bool) -> SearchHits:
        from store.search import HITS_SHOWN, folded  # loaded with the first search

        shown = folded(hits, HITS_SHOWN) if stories else hits[:HITS_SHOWN]
        return cls(query, hits, [hit.article for hit in shown])

    @property
    def articles(self) -> int:
        """How many articles the rows stand for."""
        return sum(max(row.story_size, 1) for row in self.rows)

    def ids(self) -> list[int]:
        return [hit.article.id for hit in self.hits]

    def folding_row(self, article_id: int) -> int | None:
        """The row whose story holds this hit, folded (None: no such row)."""
        story = next((h.article.story_id for h in self.hits if h.article.id == article_id), None)
        if story is None:
            return None
        folding = (
            n for n, row in enumerate(self.rows) if row.story_id == story and row.folds_story
        )
        return next(folding, None)

    def others_in_story(self, row: ArticleRow) -> list[ArticleRow]:
        """The other hits in a row's story: what its folded row opens to."""
        return [
            hit.article
            for hit in self.hits
            if hit.article.story_id == row.story_id and hit.article.id != row.id
        ]
