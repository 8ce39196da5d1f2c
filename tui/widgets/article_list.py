"""The article list: a line-API widget over a page cache filled by keyset queries."""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual import work
from textual.binding import Binding
from textual.cache import LRUCache
from textual.events import Click
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import Worker, WorkerState

from store import queries
from store.corpus import Corpus
from store.filters import NO_FILTER, ListFilter
from store.models import ArticleRow, SearchHit
from store.queries import ListOrder
from tui.messages import RowsLoaded
from tui.widgets.list_rows import Columns, RowStyles, row_segments
from tui.worker_errors import report_failure

PAGE = 200
# Rows kept, the least recently drawn or asked for dropped first, to bound memory.
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


class ArticleList(ScrollView, can_focus=True):
    """Every article (or the hits of a search), one per line, paged from SQLite.

    Only rows near the view are held; moving past them loads the next page
    after (or before) the last known row, so a million rows cost what a
    hundred do. A filter (source, dates) narrows the rows by index too.
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
        Binding("S", "reverse_order", "Reverse sort", show=False, id="list.reverse"),
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

    @dataclass
    class Counted(Message):
        """The list has a new length (a new sort, filter, search or reload)."""

        total: int

    def __init__(
        self,
        corpus: Corpus,
        *,
        order: ListOrder = ListOrder.DATE,
        descending: bool = True,
        where: ListFilter = NO_FILTER,
        keep: int | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.corpus = corpus
        self.order = order
        self.descending = descending
        self.where = where
        # The article to put the cursor on once the list is read (the last one read).
        self._follow: int | None = keep
        self.total = 0
        self.search_query: str | None = None
        self.astray = False
        """The reader shows an article this list does not hold (left out by a search or filter)."""
        self.columns = Columns()
        self._rows: LRUCache[int, ArticleRow] = LRUCache(CACHE_LIMIT)
        self._generation = 0
        # One page load at a time; when it lands, what is still missing is asked for.
        self._loading = False
        self._highlighted_id: int | None = None
        self._styles: LRUCache[tuple[bool, str, Style], RowStyles] = LRUCache(8)

    # -- data ------------------------------------------------------------

    def on_mount(self) -> None:
        self.reload(keep=self._follow)

    def reload(self, *, keep: int | None = None) -> None:
        """Forget every row and read the list again (after a sort, a filter or an
        import); with `keep`, the cursor then goes to that article if listed."""
        self._generation += 1
        self._rows.clear()
        self._loading = True
        self.search_query = None
        # Until the article's place is found, the first row must not be announced:
        # the reader would load it, then the one it had.
        self._follow = keep
        self._load(self._generation, WindowPlan(0), count=True, keep=keep)

    def show_results(self, query: str, hits: list[SearchHit]) -> None:
        """List the hits of a search instead of the corpus."""
        self._generation += 1
        self._follow = None
        self._loading = False
        self.search_query = query
        self._rows.clear()
        for index, hit in enumerate(hits):
            self._rows.set(index, hit.article)
        self._set_total(len(hits))
        self._move_to(0)
        self.refresh()

    def clear_results(self, *, keep: int | None = None) -> None:
        if self.search_query is not None:
            self.reload(keep=keep)
            self._move_to(0)

    def set_filter(self, where: ListFilter, *, keep: int | None = None) -> None:
        """Show only the articles `where` lets through (the search, if any, is left)."""
        self.where = where
        self.reload(keep=keep)
        self._move_to(0)

    @property
    def highlighted(self) -> ArticleRow | None:
        return self._rows.get(self.cursor)

    def listed_ids(self) -> list[int]:
        """The ids of the rows held, in list order (every hit of a search)."""
        return [self._rows[index].id for index in sorted(self._rows.keys())]

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
    def _load(
        self, generation: int, plan: WindowPlan, count: bool = False, keep: int | None = None
    ) -> None:
        order, descending, where = self.order, self.descending, self.where
        with self.corpus.read() as db:
            total = queries.count_articles(db, where) if count else self.total
            if count:
                dated = queries.has_dates(db)
                self.app.call_from_thread(self._set_columns, dated)
            if plan.before is not None or plan.after is not None:
                rows = queries.list_articles(
                    db,
                    order,
                    after=plan.after,
                    before=plan.before,
                    descending=descending,
                    limit=plan.limit,
                    where=where,
                )
                start = plan.index if plan.before is None else plan.index + plan.limit - len(rows)
            elif plan.from_end:
                rows = queries.last_articles(
                    db, order, descending=descending, limit=PAGE, where=where
                )
                start = total - len(rows)
            elif plan.index == 0:
                rows = queries.list_articles(
                    db, order, descending=descending, limit=PAGE, where=where
                )
                start = 0
            else:
                # A jump into the middle (scrollbar drag): no neighbour to page from.
                rows = queries.articles_at(
                    db, order, plan.index, descending=descending, limit=PAGE, where=where
                )
                start = plan.index
        self.post_message(RowsLoaded(generation, start, rows, total if count else None))
        if keep is not None:
            self._locate(generation, keep)
        elif count and total > 2 * PAGE:
            # Then the last page, so `G` paints at once from the cache.
            with self.corpus.read() as db:
                last = queries.last_articles(
                    db, order, descending=descending, limit=PAGE, where=where
                )
            self.post_message(RowsLoaded(generation, total - len(last), last))

    def _locate(self, generation: int, article_id: int) -> None:
        """In a worker: find where an article stands and load the rows around it."""
        order, descending, where = self.order, self.descending, self.where
        with self.corpus.read() as db:
            row = queries.article_row(db, order, article_id)
            index = (
                None
                if row is None
                else queries.article_position(db, order, row, descending=descending, where=where)
            )
            if row is None or index is None:
                self.post_message(RowsLoaded(generation, 0, [], follow=article_id))
                return
            half = PAGE // 2
            before = queries.list_articles(
                db, order, before=row, descending=descending, limit=half, where=where
            )
            after = queries.list_articles(
                db, order, after=row, descending=descending, limit=half, where=where
            )
        rows = [*before, row, *after]
        self.post_message(RowsLoaded(generation, index - len(before), rows, follow=article_id))

    def on_rows_loaded(self, message: RowsLoaded) -> None:
        message.stop()
        if message.generation != self._generation:
            return
        self._loading = False
        if message.total is not None:
            self._set_total(message.total)
        for offset, row in enumerate(message.rows):
            self._rows.set(message.start + offset, row)
        self.refresh()
        if message.follow is not None:
            self._follow_loaded(message.follow)
        else:
            self._announce_highlight()
        self._request_visible_rows()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "article-list" and event.state is WorkerState.ERROR:
            self._loading = False
        report_failure(self, event)

    def _set_total(self, total: int) -> None:
        self.total = total
        self.virtual_size = Size(self.scrollable_content_region.width, total)
        self.cursor = min(self.cursor, max(total - 1, 0))
        self.post_message(self.Counted(total))

    def _set_columns(self, dated: bool) -> None:
        columns = Columns(dates=dated, sources=self.where.source is None)
        if columns != self.columns:
            self.columns = columns
            self.refresh()

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

    # -- following the reader --------------------------------------------

    def follow(self, article_id: int) -> None:
        """Put the cursor on the article the reader shows, without reloading it:
        at once when its row is held, else after finding its place (a search or
        filter that leaves it out marks the list `astray`)."""
        if self._highlighted_id == article_id and not self.astray:
            return
        for index in list(self._rows.keys()):
            if self._rows[index].id == article_id:
                self._follow_to(index, article_id)
                return
        if self.search_query is not None:
            self._set_astray(True)
            return
        self._locate_worker(self._generation, article_id)

    @work(thread=True, group="article-list", exit_on_error=False)
    def _locate_worker(self, generation: int, article_id: int) -> None:
        self._locate(generation, article_id)

    def _follow_loaded(self, article_id: int) -> None:
        self._follow = None
        for index in list(self._rows.keys()):
            if self._rows[index].id == article_id:
                self._follow_to(index, article_id)
                return
        self._set_astray(True)
        self._announce_highlight()

    def _follow_to(self, index: int, article_id: int) -> None:
        self._highlighted_id = article_id  # the reader has it: no preview to load
        self._set_astray(False)
        self.cursor = index

    def _set_astray(self, astray: bool) -> None:
        if astray != self.astray:
            self.astray = astray
            self.refresh()

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
        styles = self._row_styles(index == self.cursor and not self.astray)
        segments = row_segments(row, width, styles, self.columns)
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

    def _announce_highlight(self) -> None:
        row = self.highlighted
        if self._follow is not None:
            return  # the list is finding the reader's article: it has the cursor next
        if row is not None and row.id != self._highlighted_id:
            self._highlighted_id = row.id
            self.post_message(self.Highlighted(row.id))

    def _move_to(self, index: int) -> None:
        self.cursor = index
        self.scroll_to(y=max(index - self.size.height // 2, 0), animate=False)

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._request_visible_rows()

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
