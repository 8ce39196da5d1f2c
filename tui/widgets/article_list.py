"""The article list: its rows drawn, its cursor and sort keys."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.cache import LRUCache
from textual.events import Click
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip

from store.corpus import Corpus
from store.queries import ListOrder
from tui.widgets.list_rows import RowStyles, row_segments, story_mark
from tui.widgets.paged_list import PagedList

SORT_NAMES = {ListOrder.DATE: "date", ListOrder.TITLE: "title", ListOrder.SOURCE: "source"}


class ArticleList(PagedList, can_focus=True):
    """The list as the user sees and moves it: one row per article (date, title,
    source), a cursor, sorting; the rows come from `PagedList`."""

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="list.up"),
        Binding("ctrl+d,pagedown", "page_down", "Page down", show=False, id="list.page-down"),
        Binding("ctrl+u,pageup", "page_up", "Page up", show=False, id="list.page-up"),
        Binding("g,home", "first", "First", show=False, id="list.first"),
        Binding("G,end", "last", "Last", show=False, id="list.last"),
        Binding("enter", "open", "Read", id="list.open"),
        Binding("s", "cycle_order", "Sort", id="list.sort"),
        Binding("S", "reverse_order", "Reverse sort", show=False, id="list.reverse"),
        Binding(
            "o",
            "toggle_story",
            "Open story",
            tooltip="a story's row (⊞ 3): its other articles under it, or folded again",
            id="list.toggle-story",
        ),
        Binding(
            "O",
            "toggle_stories",
            "Stories or every article",
            show=False,
            tooltip="one row per story, or every article on its own row",
            id="list.toggle-stories",
        ),
    ]
    COMPONENT_CLASSES = {
        "article-list--cursor",
        "article-list--date",
        "article-list--source",
        "article-list--untitled",
        "article-list--loading",
    }

    @dataclass
    class Opened(Message):
        article_id: int

    def __init__(self, corpus: Corpus, **options: Any) -> None:
        super().__init__(corpus, **options)
        self._styles: LRUCache[tuple[bool, str, Style], RowStyles] = LRUCache(8)

    # -- drawing ---------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = int(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        if index >= self.total:
            return Strip.blank(width, self.rich_style)
        place = self.place_of(index)
        row = self.row_at(index)
        if row is None:
            self.call_after_refresh(self._request_visible_rows)
            style = self.get_component_rich_style("article-list--loading")
            return Strip([Segment("…".ljust(width), style)], width)
        styles = self._row_styles(index == self.cursor and not self.astray)
        mark = story_mark(
            row, member=place.member is not None, opened=self.open_stories.is_open(place.base)
        )
        segments = row_segments(row, width, styles, self.columns, mark)
        return Strip(segments, width).adjust_cell_length(width, styles.base)

    def _row_styles(self, cursor: bool) -> RowStyles:
        """The styles of a row (the cursor's or another), worked out once per theme."""
        key = (cursor, self.app.theme, self.rich_style)
        styles = self._styles.get(key)
        if styles is None:
            base = self.rich_style
            if cursor:
                base = base + self.get_component_rich_style("article-list--cursor")
            component = self.get_component_rich_style
            styles = RowStyles(
                base,
                base + component("article-list--date"),
                base + component("article-list--untitled"),
                base + component("article-list--source"),
            )
            self._styles.set(key, styles)
        return styles

    # -- cursor ----------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old - int(self.scroll_offset.y))
        self.refresh_line(new - int(self.scroll_offset.y))
        self.scroll_to_region_of(new)
        self._announce_highlight()

    def scroll_to_region_of(self, index: int) -> None:
        top = int(self.scroll_offset.y)
        height = self.size.height
        if index < top:
            self.scroll_to(y=index, animate=False)
        elif height and index >= top + height:
            self.scroll_to(y=index - height + 1, animate=False)

    def refresh_line(self, y: int) -> None:
        if 0 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def _step_to(self, index: int) -> None:
        """A cursor key: from the reader's article when the list was astray."""
        self._set_astray(False)
        self.cursor = min(max(index, 0), max(self.total - 1, 0))

    def action_cursor_down(self) -> None:
        self._step_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self._step_to(self.cursor - 1)

    def action_page_down(self) -> None:
        self._step_to(self.cursor + max(self.size.height - 1, 1))

    def action_page_up(self) -> None:
        self._step_to(self.cursor - max(self.size.height - 1, 1))

    def action_first(self) -> None:
        self._step_to(0)

    def action_last(self) -> None:
        self._step_to(self.total - 1)

    def action_open(self) -> None:
        if (row := self.highlighted) is not None:
            if self.astray:  # the list's own row, not the reader's stray article
                self._set_astray(False)
                self._highlighted_id = None
                self._announce_highlight()
            self.post_message(self.Opened(row.id))

    def action_toggle_story(self) -> None:
        self.toggle_story()

    def action_toggle_stories(self) -> None:
        """One row per story, or every article on its own row; the cursor stays on
        the article it was on."""
        self.stories = not self.stories
        self.notify(
            "One row per story" if self.stories else "Every article on its own row", timeout=2
        )
        row = self.highlighted
        if self.search is None:
            self.reload(keep=row.id if row is not None else None)
        else:
            self.show_results(self.search.query, self.search.hits)
            if row is not None:
                self.follow(row.id)

    def action_cycle_order(self) -> None:
        orders = list(ListOrder)
        self.set_order(orders[(orders.index(self.order) + 1) % len(orders)])

    def set_order(self, order: ListOrder, descending: bool | None = None) -> None:
        self.order = order
        self.descending = order is ListOrder.DATE if descending is None else descending
        self._restart()

    def action_reverse_order(self) -> None:
        self.descending = not self.descending
        self._restart()

    def _restart(self) -> None:
        self.notify(f"Sorted by {self.sort_description}", timeout=2)
        if self.search_query is None:
            self.reload()
            self._move_to(0)

    @property
    def sort_description(self) -> str:
        return f"{SORT_NAMES[self.order]} {'↓' if self.descending else '↑'}"

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None:
            self._step_to(int(self.scroll_offset.y) + offset.y)
