"""The article list: a line-API widget over a page cache filled by keyset queries."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import work
from textual.binding import Binding
from textual.events import Click
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import Worker, WorkerState

from store import queries
from store.corpus import Corpus
from store.models import ArticleRow, SearchHit
from store.queries import ListOrder
from tui.messages import RowsLoaded
from tui.safe_text import visible

PAGE = 200
# Rows kept around the view; farther ones are dropped to bound memory.
CACHE_LIMIT = 5000
SORT_NAMES = {ListOrder.DATE: "date", ListOrder.TITLE: "title", ListOrder.SOURCE: "source"}


@dataclass(frozen=True)
class WindowPlan:
    """Which rows to fetch for list position `index`."""

    index: int
    after: ArticleRow | None = None
    before: ArticleRow | None = None
    limit: int = PAGE
    from_end: bool = False


@dataclass(frozen=True)
class _RowStyles:
    base: Style
    date: Style
    untitled: Style
    source: Style


class ArticleList(ScrollView, can_focus=True):
    """Every article (or the hits of a search), one per line, paged from SQLite.

    Only rows near the view are held; moving past them loads the next page
    after (or before) the last known row, so a million rows cost what a
    hundred do.
    """

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="list.up"),
        Binding("ctrl+d,pagedown", "page_down", "Page down", show=False, id="list.page-down"),
        Binding("ctrl+u,pageup", "page_up", "Page up", show=False, id="list.page-up"),
        Binding("g,home", "first", "First", show=False, id="list.first"),
        Binding("G,end", "last", "Last", show=False, id="list.last"),
        Binding("enter", "open", "Read", id="list.open"),
        Binding("s", "cycle_order", "Sort", id="list.sort"),
        Binding("S", "reverse_order", "Reverse", show=False, id="list.reverse"),
    ]
    COMPONENT_CLASSES = {
        "article-list--cursor",
        "article-list--date",
        "article-list--source",
        "article-list--untitled",
        "article-list--loading",
    }

    cursor: reactive[int] = reactive(0, always_update=True)

    @dataclass
    class Highlighted(Message):
        article_id: int

    @dataclass
    class Opened(Message):
        article_id: int

    def __init__(self, corpus: Corpus, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.corpus = corpus
        self.order = ListOrder.DATE
        self.descending = True
        self.total = 0
        self.search_query: str | None = None
        self._rows: dict[int, ArticleRow] = {}
        self._generation = 0
        # One page load at a time; when it lands, what is still missing is asked for.
        self._loading = False
        self._highlighted_id: int | None = None
        self._styles: dict[tuple[bool, str, Style], _RowStyles] = {}

    # -- data ------------------------------------------------------------

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Forget every row and read the list again (after a sort or an import)."""
        self._generation += 1
        self._rows.clear()
        self._loading = True
        self.search_query = None
        self._load(self._generation, WindowPlan(0), count=True)

    def show_results(self, query: str, hits: list[SearchHit]) -> None:
        """List the hits of a search instead of the corpus."""
        self._generation += 1
        self._loading = False
        self.search_query = query
        self._rows = {index: hit.article for index, hit in enumerate(hits)}
        self._set_total(len(hits))
        self.cursor = 0
        self.scroll_to(y=0, animate=False)
        self.refresh()

    def clear_results(self) -> None:
        if self.search_query is not None:
            self.reload()
            self.cursor = 0
            self.scroll_to(y=0, animate=False)

    @property
    def highlighted(self) -> ArticleRow | None:
        return self._rows.get(self.cursor)

    def _plan(self, index: int) -> WindowPlan:
        """How to fetch the page holding `index`: from a known neighbour when there is one."""
        if (previous := self._rows.get(index - 1)) is not None:
            return WindowPlan(index, after=previous)
        for ahead in range(index + 1, min(index + PAGE, self.total)):
            if (known := self._rows.get(ahead)) is not None:
                return WindowPlan(index, before=known, limit=ahead - index)
        if index > 0 and index >= self.total - PAGE:
            return WindowPlan(index, from_end=True)
        return WindowPlan(index)

    @work(thread=True, group="article-list", exit_on_error=False)
    def _load(self, generation: int, plan: WindowPlan, count: bool = False) -> None:
        order, descending = self.order, self.descending
        with self.corpus.read() as db:
            total = queries.count_articles(db) if count else self.total
            if plan.before is not None or plan.after is not None:
                rows = queries.list_articles(
                    db,
                    order,
                    after=plan.after,
                    before=plan.before,
                    descending=descending,
                    limit=plan.limit,
                )
                start = plan.index if plan.before is None else plan.index + plan.limit - len(rows)
            elif plan.from_end:
                rows = queries.last_articles(db, order, descending=descending, limit=PAGE)
                start = total - len(rows)
            elif plan.index == 0:
                rows, start = queries.list_articles(db, order, descending=descending, limit=PAGE), 0
            else:
                # A jump into the middle (scrollbar drag): no neighbour to page from.
                rows = queries.articles_at(db, order, plan.index, descending=descending, limit=PAGE)
                start = plan.index
        self.post_message(RowsLoaded(generation, start, rows, total if count else None))
        if count and total > 2 * PAGE:
            # Then the last page, so `G` paints at once from the cache.
            with self.corpus.read() as db:
                last = queries.last_articles(db, order, descending=descending, limit=PAGE)
            self.post_message(RowsLoaded(generation, total - len(last), last))

    def on_rows_loaded(self, message: RowsLoaded) -> None:
        message.stop()
        if message.generation != self._generation:
            return
        self._loading = False
        if message.total is not None:
            self._set_total(message.total)
        for offset, row in enumerate(message.rows):
            self._rows[message.start + offset] = row
        self._trim_cache()
        self.refresh()
        self._announce_highlight()
        self._request_visible_rows()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "article-list" and event.state is WorkerState.ERROR:
            self._loading = False

    def _set_total(self, total: int) -> None:
        self.total = total
        self.virtual_size = Size(self.scrollable_content_region.width, total)
        self.cursor = min(self.cursor, max(total - 1, 0))

    def _trim_cache(self) -> None:
        if len(self._rows) <= CACHE_LIMIT:
            return
        centre = self.cursor
        for index in sorted(self._rows, key=lambda i: -abs(i - centre))[
            : len(self._rows) - CACHE_LIMIT
        ]:
            del self._rows[index]

    def _request_visible_rows(self) -> None:
        if self.search_query is not None or self._loading:
            return
        top = int(self.scroll_offset.y)
        for index in range(
            max(top - PAGE // 4, 0), min(top + self.size.height + PAGE // 4, self.total)
        ):
            if index not in self._rows:
                self._loading = True
                self._load(self._generation, self._plan(index))
                return

    # -- drawing ---------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = int(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        if index >= self.total:
            return Strip.blank(width, self.rich_style)
        row = self._rows.get(index)
        if row is None:
            self.call_after_refresh(self._request_visible_rows)
            style = self.get_component_rich_style("article-list--loading")
            return Strip([Segment("…".ljust(width), style)], width)
        styles = self._row_styles(index == self.cursor)
        return Strip(self._row_segments(row, width, styles), width).adjust_cell_length(
            width, styles.base
        )

    def _row_styles(self, cursor: bool) -> _RowStyles:
        """The styles of a row (the cursor's or another), worked out once per theme."""
        key = (cursor, self.app.theme, self.rich_style)
        styles = self._styles.get(key)
        if styles is None:
            base = self.rich_style
            if cursor:
                base = base + self.get_component_rich_style("article-list--cursor")
            component = self.get_component_rich_style
            styles = _RowStyles(
                base,
                base + component("article-list--date"),
                base + component("article-list--untitled"),
                base + component("article-list--source"),
            )
            self._styles = {key: styles, **self._styles} if len(self._styles) < 8 else {key: styles}
        return styles

    def _row_segments(self, row: ArticleRow, width: int, styles: _RowStyles) -> list[Segment]:
        date = (row.date or "").ljust(10)
        source = visible(row.source or "")[:18]
        show_source = width >= 60 and source
        title_width = width - 11 - (cell_len(source) + 1 if show_source else 0)
        title = _fit(visible(row.title), max(title_width, 0))
        segments = [
            Segment(date + " ", styles.date),
            Segment(title, styles.base if row.titled else styles.untitled),
        ]
        if show_source:
            segments.append(Segment(" " + source, styles.source))
        return segments

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

    def _announce_highlight(self) -> None:
        row = self.highlighted
        if row is not None and row.id != self._highlighted_id:
            self._highlighted_id = row.id
            self.post_message(self.Highlighted(row.id))

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._request_visible_rows()

    def refresh_line(self, y: int) -> None:
        if 0 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def action_cursor_down(self) -> None:
        self.cursor = min(self.cursor + 1, max(self.total - 1, 0))

    def action_cursor_up(self) -> None:
        self.cursor = max(self.cursor - 1, 0)

    def action_page_down(self) -> None:
        self.cursor = min(self.cursor + max(self.size.height - 1, 1), max(self.total - 1, 0))

    def action_page_up(self) -> None:
        self.cursor = max(self.cursor - max(self.size.height - 1, 1), 0)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = max(self.total - 1, 0)

    def action_open(self) -> None:
        if (row := self.highlighted) is not None:
            self.post_message(self.Opened(row.id))

    def action_cycle_order(self) -> None:
        orders = list(ListOrder)
        self.order = orders[(orders.index(self.order) + 1) % len(orders)]
        self.descending = self.order is ListOrder.DATE
        self._restart()

    def action_reverse_order(self) -> None:
        self.descending = not self.descending
        self._restart()

    def _restart(self) -> None:
        self.notify(f"Sorted by {self.sort_description}", timeout=2)
        if self.search_query is None:
            self.cursor = 0
            self.scroll_to(y=0, animate=False)
            self.reload()

    @property
    def sort_description(self) -> str:
        return f"{SORT_NAMES[self.order]} {'↓' if self.descending else '↑'}"

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None:
            self.cursor = min(int(self.scroll_offset.y) + offset.y, max(self.total - 1, 0))


def _fit(text: str, width: int) -> str:
    """`text` cut or padded to `width` cells."""
    if cell_len(text) <= width:
        return text + " " * (width - cell_len(text))
    out = ""
    for char in text:
        if cell_len(out + char) > width - 1:
            break
        out += char
    return out + "…" + " " * (width - 1 - cell_len(out))
