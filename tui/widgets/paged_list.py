"""The article list's rows: pages read by keyset queries into an LRU cache, a search's
hits, a filter, stories folded into one row (and opened), and following the reader."""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass

from textual import work
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.worker import Worker, WorkerState

from store.corpus import Corpus
from store.filters import NO_FILTER, ListFilter
from store.list_queries import ListOrder
from store.models import ArticleRow, SearchHit
from tui.messages import RowsLoaded
from tui.widgets import list_pages
from tui.widgets.list_pages import PAGE, FirstRead, ListShape, WindowPlan
from tui.widgets.list_rows import Columns
from tui.widgets.open_stories import ListPlace, OpenStories
from tui.widgets.search_hits import SearchHits
from tui.worker_errors import report_failure

# Rows kept, the least recently drawn or asked for dropped first, to bound memory.
CACHE_LIMIT = 5000


class PagedList(ScrollView):
    """Every article (or one row per story, or the hits of a search), one per line,
    paged from SQLite.

    Only rows near the view are held; moving past them loads the next page
    after (or before) the last known row, so a million rows cost what a
    hundred do. A filter (source, dates) narrows the rows by index too. Rows
    are numbered by their place in the list from the database (`base`); an
    open story's other articles are drawn under its row (`OpenStories`), and
    the cursor counts the rows drawn.
    """

    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)
    """The row under the cursor; `watch_cursor` repaints the two rows it leaves and
    enters (a repaint of the whole list at every key would redraw every row)."""

    @dataclass
    class Highlighted(Message):
        article_id: int

    class Followed(Message):
        """The cursor found the reader's article (or the list said it is not there),
        after reading where it stands: the list's position changed unannounced."""

    @dataclass
    class Counted(Message):
        """The list has a new length (a new sort, filter, search or reload)."""

        total: int

    @dataclass
    class StoryRead(Message):
        """A story's other articles, read to open it under its row."""

        generation: int
        base: int
        members: list[ArticleRow]

    def __init__(
        self,
        corpus: Corpus,
        *,
        order: ListOrder = ListOrder.DATE,
        descending: bool = True,
        where: ListFilter = NO_FILTER,
        stories: bool = True,
        keep: int | None = None,
        ahead: Future[FirstRead] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.corpus = corpus
        self.order = order
        self.descending = descending
        self.where = where
        self.stories = stories
        """One row per story (True) or every article on its own row."""
        # The article to put the cursor on once the list is read (the last one read).
        self._follow: int | None = keep
        # The first read, started before the app (by `tui.opening`) when it was.
        self._ahead = ahead
        self.base_total = 0
        """Rows from the database: articles, or lone articles and stories."""
        self.articles_total = 0
        self.search: SearchHits | None = None
        """The search whose hits the list shows, if any."""
        self.astray = False
        """The reader shows an article this list does not hold (left out by a search or filter)."""
        self.columns = Columns()
        self._rows: LRUCache[int, ArticleRow] = LRUCache(CACHE_LIMIT)
        self.open_stories = OpenStories()
        self._generation = 0
        # One page load at a time; when it lands, what is still missing is asked for.
        self._loading = False
        self._highlighted_id: int | None = None

    @property
    def shape(self) -> ListShape:
        return ListShape(self.order, self.descending, self.where, self.stories)

    @property
    def total(self) -> int:
        """Rows drawn: the database's, and the open stories' other articles."""
        return self.base_total + self.open_stories.extra

    def on_mount(self) -> None:
        ahead, self._ahead = self._ahead, None
        self.reload(keep=self._follow, ahead=ahead)

    def reload(self, *, keep: int | None = None, ahead: Future[FirstRead] | None = None) -> None:
        """Forget every row and read the list again (after a sort, a filter or an
        import); with `keep`, the cursor then goes to that article if listed. With
        `ahead`, the first read started before the app, used if it is of this list."""
        self._generation += 1
        self._rows.clear()
        self.open_stories.clear()
        self._loading = True
        self.search = None
        # Until the article's place is found, the first row must not be announced:
        # the reader would load it, then the one it had.
        self._follow = keep
        first = list_pages.read_ahead(ahead, self.shape, wait=False)
        if first is None:
            self._load_first(self._generation, keep, ahead)
            return
        # Read while Textual loaded: the first frame drawn shows the rows; what
        # follows is read once it is painted.
        self.on_rows_loaded(RowsLoaded.first(self._generation, first))
        self.call_after_refresh(self._load_rest, self._generation, first.counted.rows, keep)

    @property
    def search_query(self) -> str | None:
        return self.search.query if self.search is not None else None

    def show_results(self, query: str, hits: list[SearchHit]) -> None:
        """List the hits of a search instead of the corpus, best first: one row per
        story, its best hit (`o` opens it), when the list groups stories; else every
        article on its own row."""
        self._generation += 1
        self._follow = None
        self._loading = False
        self.search = SearchHits.of(query, hits, stories=self.stories)
        self._rows.clear()
        self.open_stories.clear()
        for index, row in enumerate(self.search.rows):
            self._rows.set(index, row)
        self._set_total(len(self.search.rows), self.search.articles)
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

    def row_at(self, shown: int) -> ArticleRow | None:
        """The row drawn at `shown` (None while it is being read)."""
        place = self.open_stories.place(shown)
        if place.member is not None:
            return self.open_stories.member(place)
        return self._rows.get(place.base)

    def place_of(self, shown: int) -> ListPlace:
        return self.open_stories.place(shown)

    @property
    def highlighted(self) -> ArticleRow | None:
        return self.row_at(self.cursor)

    def listed_ids(self) -> list[int]:
        """The ids of the rows held, in list order; for a search, every hit's (those
        folded into a story's row too)."""
        if self.search is not None:
            return self.search.ids()
        return [self._rows[index].id for index in sorted(self._rows.keys())]

    @work(thread=True, group="article-list", exit_on_error=False)
    def _load(self, generation: int, plan: WindowPlan) -> None:
        with self.corpus.read() as db:
            window = list_pages.read_window(db, self.shape, plan, self.base_total)
        self.post_message(RowsLoaded(generation, window.start, window.rows))

    @work(thread=True, group="article-list", exit_on_error=False)
    def _load_first(
        self, generation: int, keep: int | None, ahead: Future[FirstRead] | None
    ) -> None:
        """The list's length and first page (waiting for the read started ahead, when
        there is one), then what `_after_first` reads."""
        shape = self.shape
        first = list_pages.read_ahead(ahead, shape, wait=True)
        if first is None:
            with self.corpus.read() as db:
                first = list_pages.first_read(db, shape)
        self.post_message(RowsLoaded.first(generation, first))
        self._after_first(generation, first.counted.rows, keep)

    @work(thread=True, group="article-list", exit_on_error=False)
    def _load_rest(self, generation: int, total: int, keep: int | None) -> None:
        self._after_first(generation, total, keep)

    def _after_first(self, generation: int, total: int, keep: int | None) -> None:
        """In a worker, after the first page: the rows around `keep`, else the last
        page, so `G` paints at once from the cache."""
        if keep is not None:
            self._locate(generation, keep)
        elif total > 2 * PAGE:
            with self.corpus.read() as db:
                last = list_pages.last_page(db, self.shape, total)
            self.post_message(RowsLoaded(generation, last.start, last.rows))

    def _locate(self, generation: int, article_id: int) -> None:
        """In a worker: find where an article stands and load the rows around it
        (opening the story that folds it)."""
        with self.corpus.read() as db:
            window, opened = list_pages.locate(db, self.shape, article_id)
        self.post_message(
            RowsLoaded(generation, window.start, window.rows, follow=article_id, opened=opened)
        )

    def on_rows_loaded(self, message: RowsLoaded) -> None:
        message.stop()
        if message.generation != self._generation:
            return
        self._loading = False
        if message.follow is not None:
            # Until the cursor is on it, no other row may be announced (a story opened
            # around it moves rows): the reader would load that row after its own.
            self._follow = message.follow
        if message.total is not None:
            self._set_total(message.total, message.articles or 0)
        if message.dated is not None:
            self._set_columns(message.dated)
        for offset, row in enumerate(message.rows):
            self._rows.set(message.start + offset, row)
        if message.opened is not None:
            self.open_stories.open(message.opened.base, message.opened.members)
            self._resize()
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

    def _set_total(self, rows: int, articles: int) -> None:
        self.base_total = rows
        self.articles_total = articles
        self._resize()
        self.post_message(self.Counted(rows))

    def _resize(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self.total)
        if self.cursor > max(self.total - 1, 0):
            self.cursor = max(self.total - 1, 0)

    def _set_columns(self, dated: bool) -> None:
        columns = Columns(dates=dated, sources=self.where.source is None)
        if columns != self.columns:
            self.columns = columns
            self.refresh()

    def _request_visible_rows(self) -> None:
        if self.search_query is not None or self._loading or not self.base_total:
            return
        top = int(self.scroll_offset.y)
        first = self.place_of(max(top - PAGE // 4, 0)).base
        last = self.place_of(min(top + self.size.height + PAGE // 4, self.total) - 1).base
        for index in range(first, min(last + 1, self.base_total)):
            if index not in self._rows:
                self._loading = True
                self._load(
                    self._generation, list_pages.plan(index, self._rows.get, self.base_total)
                )
                return

    # -- stories ---------------------------------------------------------------

    def toggle_story(self) -> None:
        """Open the story under the cursor (its other articles under its row), or
        close it (from its row or one of its articles)."""
        place = self.place_of(self.cursor)
        row = self._rows.get(place.base)
        if row is None:
            return
        if self.open_stories.is_open(place.base):
            self.open_stories.close(place.base)
            self._resize()
            self.cursor = self.open_stories.shown(place.base)
            self.refresh()
        elif not row.folds_story:
            self.notify("No other article tells this story", timeout=2)
        elif self.search is not None:  # a folded hit: the story's other hits are in hand
            members = self.search.others_in_story(row)
            self.on_paged_list_story_read(self.StoryRead(self._generation, place.base, members))
        else:
            self._read_story(self._generation, place.base, row)

    @work(thread=True, group="article-list", exit_on_error=False)
    def _read_story(self, generation: int, base: int, row: ArticleRow) -> None:
        with self.corpus.read() as db:
            members = list_pages.story_members(db, self.shape, row)
        self.post_message(self.StoryRead(generation, base, members))

    def on_paged_list_story_read(self, message: StoryRead) -> None:
        if message.generation != self._generation or not message.members:
            return
        self.open_stories.open(message.base, message.members)
        self._resize()
        self.refresh()

    # -- following the reader ----------------------------------------------------

    def follow(self, article_id: int) -> None:
        """Put the cursor on the article the reader shows, without reloading it:
        at once when its row is held, else after finding its place (a search or
        filter that leaves it out marks the list `astray`)."""
        if self._highlighted_id == article_id and not self.astray:
            return
        if (shown := self.open_stories.drawn_at(self._rows, article_id)) is not None:
            self._follow_to(shown, article_id)
            return
        if self.search is not None:
            # One of a folded story's other hits: open the story under its row.
            index = self.search.folding_row(article_id)
            if index is not None and not self.open_stories.is_open(index):
                self.cursor = self.open_stories.shown(index)
                self.toggle_story()
            self._follow_or_astray(article_id)
            return
        self._locate_worker(self._generation, article_id)

    @work(thread=True, group="article-list", exit_on_error=False)
    def _locate_worker(self, generation: int, article_id: int) -> None:
        self._locate(generation, article_id)

    def _follow_loaded(self, article_id: int) -> None:
        self._follow = None
        self.post_message(self.Followed())
        if not self._follow_or_astray(article_id):
            self._announce_highlight()

    def _follow_or_astray(self, article_id: int) -> bool:
        """Put the cursor on the article's row, else mark the list astray; whether drawn."""
        if (shown := self.open_stories.drawn_at(self._rows, article_id)) is None:
            self._set_astray(True)
            return False
        self._follow_to(shown, article_id)
        return True

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
