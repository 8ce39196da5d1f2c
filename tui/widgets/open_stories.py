"""The stories opened in the article list: their other articles shown under the story's row.

The list pages its rows from the database by their place in the list (`base`
places); an open story adds rows under its own that the database does not
number. This maps the places drawn on screen to base places and back.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.cache import LRUCache

from store.models import ArticleRow


@dataclass(frozen=True)
class ListPlace:
    """A row on screen: the base row `base`, or its open story's `member`-th other article."""

    base: int
    member: int | None = None


class OpenStories:
    """Open stories by the base place of their row, each with its other articles."""

    def __init__(self) -> None:
        self._open: dict[int, list[ArticleRow]] = {}

    def clear(self) -> None:
        self._open.clear()

    @property
    def extra(self) -> int:
        """Rows the open stories add."""
        return sum(len(members) for members in self._open.values())

    def is_open(self, base: int) -> bool:
        return base in self._open

    def open(self, base: int, members: list[ArticleRow]) -> None:
        self._open[base] = members

    def close(self, base: int) -> None:
        self._open.pop(base, None)

    def shown(self, base: int) -> int:
        """Where base row `base` is drawn."""
        return base + sum(len(m) for lead, m in self._open.items() if lead < base)

    def place(self, shown: int) -> ListPlace:
        """Which row is drawn at `shown`."""
        added = 0
        for lead in sorted(self._open):
            members = self._open[lead]
            lead_shown = lead + added
            if shown <= lead_shown:
                break
            if shown <= lead_shown + len(members):
                return ListPlace(lead, shown - lead_shown - 1)
            added += len(members)
        return ListPlace(shown - added)

    def member(self, place: ListPlace) -> ArticleRow | None:
        if place.member is None:
            return None
        members = self._open.get(place.base, [])
        return members[place.member] if place.member < len(members) else None

    def find(self, article_id: int) -> int | None:
        """Where an open story's article is drawn, if one of them is `article_id`."""
        for lead, members in self._open.items():
            for number, row in enumerate(members):
                if row.id == article_id:
                    return self.shown(lead) + 1 + number
        return None

    def drawn_at(self, held: LRUCache[int, ArticleRow], article_id: int) -> int | None:
        """Where `article_id` is drawn: among the rows held (by base), or an open story's."""
        for base in list(held.keys()):
            if held[base].id == article_id:
                return self.shown(base)
        return self.find(article_id)
