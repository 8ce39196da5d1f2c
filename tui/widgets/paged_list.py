"""The article list's rows: pages read by keyset queries into an LRU cache, a search's
hits, a filter, and following the reader's article."""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.worker import Worker, WorkerState

from store import queries
from store.corpus import Corpus
from store.filters import NO_FILTER, ListFilter
from store.models import ArticleRow, SearchHit
from store.queries import ListOrder
from tui.messages import RowsLoaded
from tui.widgets.list_rows import Columns
from tui.worker_errors import report_failure

PAGE = 200
# Rows kept, the least recently drawn or asked for dropped first, to bound memory.
CACHE_LIMIT = 5000


@dataclass(frozen=True)
class WindowPlan:
    """Which rows to fetch for list position `index`."""

    index: int
    after: ArticleRow | None = None
    before: ArticleRow | None = None
    limit: int = PAGE
    from_end: bool = False


class PagedList(ScrollView):
    """Every article (or the hits of a search), one per line, paged from SQLite.

    Only rows near the view are held; moving past them loads the next page
    after (or before) the last known row, so a million rows cost what a
    hundred do. A filter (source, dates) narrows the rows by index too.
    """

    cursor: reactive[int] = reactive(0, always_update=True)

    @dataclass
    class Highlighted(Message):
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
            dated = queries.has_dates(db) if count else None
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
        self.post_message(
            RowsLoaded(generation, start, rows, total if count else None, dated=dated)
        )
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
        if message.dated is not None:
            self._set_columns(message.dated)
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
