"""The main screen: article list, reader and entity sidebar, with the search bar and status line."""

from __future__ import annotations

from time import monotonic
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import Footer
from textual.worker import Worker

from store import queries
from store.bookmarks import starred_in
from store.corpus import Corpus
from store.filters import NO_FILTER, ListFilter
from tui.attribution import method_name
from tui.config import Config
from tui.history import ArticlePlace, Place
from tui.messages import (
    ArticleLoaded,
)
from tui.safe_text import visible
from tui.screens.searching import Searching
from tui.state import BrowserState
from tui.widgets.article_list import ArticleList
from tui.widgets.entity_sidebar import EntitySidebar
from tui.widgets.reader import Reader
from tui.widgets.search_bar import SearchBar
from tui.widgets.status_line import StatusLine, status_of
from tui.widgets.titles import set_border_title
from tui.worker_errors import report_failure

if TYPE_CHECKING:
    from concurrent.futures import Future

    from store.entity_queries import EntityNames
    from tui.widgets.list_pages import FirstRead

# A key that moves the list cursor after it rested this long shows the article at
# once; quicker keys (`j` held) show it once the cursor rests this long, so holding
# `j` repaints two list lines per row, not the whole reader.
PREVIEW_DELAY = 0.04
FIRST_PREVIEW_DELAY = 0.2
# Below this width the sidebar hides (e shows it, in the list's place).
COMPACT_WIDTH = 110


class MainScreen(Searching):
    """Browse: the list on the left, the reader in the middle, entities on the right."""

    BINDINGS = [
        # A priority key: run as the app reads it, so the keys typed right after it
        # (`/putin`, typed fast or pasted) reach the bar, not the list.
        Binding("slash", "search", "Search", priority=True, id="main.search"),
        Binding(
            "f",
            "filter",
            "Filter",
            tooltip="the list by source and dates (esc in the list clears it)",
            id="main.filter",
        ),
        Binding("escape", "back", "Back", show=False, id="main.back"),
        Binding("backspace", "history_back", "Back in history", show=False, id="main.history-back"),
        Binding(
            "y",
            "copy",
            "Copy",
            tooltip="the quote under the cursor with its citation, else the article's citation",
            id="main.copy",
        ),
        Binding("Y", "copy_url", "Copy URL", show=False, id="main.copy-url"),
        Binding(
            "b",
            "star",
            "Star",
            tooltip="the quote under the cursor, else the article (again: unstar)",
            id="main.star",
        ),
        Binding("B", "starred", "Starred", show=False, id="main.starred"),
        Binding(
            "w",
            "who_said_what",
            "Who said",
            tooltip="who said what: a speaker's quotes, by topic",
            id="main.who-said-what",
        ),
        Binding(
            "e",
            "toggle_sidebar",
            "Entities",
            show=False,
            tooltip="show or hide the sidebar (narrow: in the list's place)",
            id="main.toggle-sidebar",
        ),
        Binding(
            "ctrl+s",
            "export",
            "Export list",
            show=False,
            tooltip="the hits, or the filtered list, as CSV, JSON or Markdown",
            id="main.export",
        ),
        Binding("r", "refresh", "Reload list", show=False, id="main.refresh"),
    ]

    def __init__(
        self,
        corpus: Corpus,
        remembered: BrowserState | None = None,
        config: Config | None = None,
        first_rows: Future[FirstRead] | None = None,
    ) -> None:
        super().__init__()
        self.corpus = corpus
        self.first_rows = first_rows
        """The list's first page, read ahead while Textual loaded (`tui.opening`)."""
        self.remembered = remembered or BrowserState()
        config = config or Config()
        self._search_timer: Timer | None = None
        self._preview_timer: Timer | None = None
        self._previewed = False
        self._highlighted_at = 0.0
        self._showing: int | None = None  # the article last asked for
        self.history: list[Place] = []
        # Loaded once the list's first page is painted, in a worker.
        self.entity_names: EntityNames | None = None
        self._names_asked = False
        remembered_sidebar = self.remembered.sidebar
        self.sidebar_wanted = config.sidebar if remembered_sidebar is None else remembered_sidebar

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            shape = self.remembered.list_shape
            yield ArticleList(
                self.corpus,
                order=shape.order,
                descending=shape.descending,
                where=shape.where,
                stories=shape.stories,
                keep=self.remembered.article_id,
                ahead=self.first_rows,
                id="articles",
            )
            yield Reader(id="reader")
            yield EntitySidebar(id="entities")
        yield StatusLine(id="status")
        # The search bar and the Footer come after the list's first paint
        # (`_after_first_paint`).

    def on_mount(self) -> None:
        self.query_one(ArticleList).focus()
        self.query_one(EntitySidebar).border_title = "Entities"
        self._update_titles()
        if self.remembered.article_id is not None:
            self._load_article(self.remembered.article_id)
        if self.corpus.readonly:
            self.notify("Read-only database: browsing only.", timeout=6)
        for warning in self.corpus.warnings:
            self.notify(visible(warning), severity="warning", timeout=20, markup=False)

    def state(self, *, theme: str) -> BrowserState:
        """Where the browser is, to open there next time."""
        article = self.reader.article
        return BrowserState.of(
            article.id if article is not None else None,
            self.articles.order,
            self.articles.descending,
            self.articles.where,
            theme=theme,
            sidebar=self.sidebar_wanted,
            stories=self.articles.stories,
        )

    @work(thread=True, exclusive=True, group="names", exit_on_error=False)
    def _load_entity_names(self) -> None:
        """Ready the fuzzy name index before the first search needs it."""
        from store.entity_queries import EntityNames  # rapidfuzz: here, not at start-up

        with self.corpus.read() as db:
            names = EntityNames(db)
        self.app.call_from_thread(setattr, self, "entity_names", names)

    # -- layout ----------------------------------------------------------------

    def on_resize(self) -> None:
        self._show_sidebar()

    def _show_sidebar(self) -> None:
        """Wide: list, reader and sidebar side by side. Narrow: the sidebar, when
        asked for, takes the list's place rather than squeezing the reader."""
        compact = self.size.width < COMPACT_WIDTH
        self.set_class(compact, "-compact")
        sidebar = self.query_one(EntitySidebar)
        shown = self.sidebar_wanted != compact
        # Set only when it changes: setting `display` lays the screen out again
        # (the first resize, before the first frame is settled, need not).
        if sidebar.display != shown:
            sidebar.display = shown
        if self.articles.display != (listed := not (compact and shown)):
            self.articles.display = listed
        if self.focused is sidebar and not shown:
            self.articles.focus()
        elif self.focused is self.articles and not self.articles.display:
            sidebar.focus()

    def _update_titles(self) -> None:
        articles, reader = self.articles, self.reader
        where = articles.where.describe()
        if articles.search_query is not None:
            title = f"{articles.articles_total:,} hits"
            if articles.base_total != articles.articles_total:
                title += f" ({articles.base_total:,} rows)"  # stories folded
        else:
            title = f"Articles {articles.articles_total:,}"
            if articles.stories and articles.base_total != articles.articles_total:
                title += f" ({articles.base_total:,} rows)"  # stories folded
            title += f" · {articles.sort_description}"
        set_border_title(articles, f"{title} · {visible(where)}" if where else title)
        article = reader.article
        set_border_title(reader, "Reader" if article is None else f"Article {article.id}")
        self._update_status()

    def _update_status(self) -> None:
        status = status_of(self.articles, self.reader, starred=self.is_starred(self.reader))
        self.query_one(StatusLine).show(status)

    def stars_changed(self) -> None:
        self._update_status()

    # -- the article under the cursor ---------------------------------------

    @on(ArticleList.Highlighted)
    def _preview(self, message: ArticleList.Highlighted) -> None:
        if self._preview_timer is not None:
            self._preview_timer.stop()
        now = monotonic()
        resting = now - self._highlighted_at >= PREVIEW_DELAY
        self._highlighted_at = now
        article_id = message.article_id
        if not self._previewed:
            self.call_after_refresh(self._after_first_paint)
        if article_id == self._showing:
            return
        if self._previewed and resting:
            self._load_article(article_id)
            return
        # The very first preview waits for the list's first paint to settle: the
        # list shows at once, the article a fraction of a second later.
        delay = PREVIEW_DELAY if self._previewed else FIRST_PREVIEW_DELAY
        self._previewed = True
        self._preview_timer = self.set_timer(delay, lambda: self._load_article(article_id))

    @on(ArticleList.Opened)
    def _open(self, message: ArticleList.Opened) -> None:
        if self._showing != message.article_id:
            self._load_article(message.article_id)
        self.reader.focus()

    @on(ArticleList.Counted)
    def _counted(self) -> None:
        self._update_titles()
        self.call_after_refresh(self._after_first_paint)  # an empty list highlights nothing
        if not self._names_asked:
            # After the first page is painted: the list must not wait for it (at
            # 100,000 articles the index holds the GIL for most of a second).
            self._names_asked = True
            self.call_after_refresh(self._load_entity_names)

    def _after_first_paint(self) -> None:
        """What the first frame does not show, once the list has painted its first
        rows: the search bar (hidden) and the key footer. Each footer key is a
        widget, styled again whenever the bindings change; mounted with the rest they
        took a third of the start-up."""
        if not self.query(SearchBar):
            self._mount_search_bar()
        if not self.query(Footer):
            self.mount(Footer(compact=True))
            self.call_after_refresh(self.refresh_bindings)  # which it shows

    def open_article(self, place: ArticlePlace, *, last_hit: bool = False) -> None:
        """Show an article in the reader, the cursor on an entity's first name or
        on the quote at `place.quote_start`; the list follows."""
        if self._preview_timer is not None:
            self._preview_timer.stop()
        reader = self.reader
        reader.land_on = place.entity_id
        reader.land_on_quote = place.quote_start
        reader.land_on_last_hit = last_hit
        self._load_article(place.article_id)
        reader.focus()

    def _load_article(self, article_id: int) -> None:
        self._showing = article_id
        self._read_article(article_id)

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def _read_article(self, article_id: int) -> None:
        with self.corpus.read() as db:
            article = queries.get_article(db, article_id)
            entities = queries.article_entities(db, article_id)
            stars = starred_in(db, article_id)
        if article is not None and any(quote.uncertain for quote in article.quotes):
            method_name(None)  # the extractor's names of methods, loaded here, not on a key
        if article is not None:
            self.post_message(ArticleLoaded(article, entities, stars))

    def on_article_loaded(self, message: ArticleLoaded) -> None:
        article = message.article
        self._stars = (article.id, message.stars)
        self.reader.article = article
        self.query_one(EntitySidebar).show_entities(message.entities)
        self.articles.follow(article.id)
        self._update_titles()

    def on_reader_moved(self) -> None:
        self._update_status()

    @on(ArticleList.Followed)
    def _list_followed(self) -> None:
        self._update_status()  # the list's position, found after the article was read

    def action_back(self) -> None:
        """Escape: from the reader or sidebar back to the list; in the list, leave
        the search, then the filter."""
        articles = self.articles
        if self.focused is not articles and articles.display:
            articles.focus()
        elif articles.search_query is not None:
            self.search_bar.value = ""
            self.search_bar.display = False
            self._leave_search()
        elif articles.where.active:
            self.apply_filter(NO_FILTER)
        elif not articles.display:  # narrow, the sidebar in the list's place
            self.action_toggle_sidebar()
        self._update_titles()

    # -- filter, copy, export ------------------------------------------------

    def action_filter(self) -> None:
        # The dialogs, citing and exporting load when first used, not at start-up.
        from tui.dialogs.filter_dialog import FilterDialog

        def chosen(where: ListFilter | None) -> None:
            if where is not None:
                self.apply_filter(where)

        self.app.push_screen(FilterDialog(self.corpus, self.articles.where), chosen)

    def apply_filter(self, where: ListFilter) -> None:
        """Narrow the list (and a search, run again) to `where`."""
        keep = self.reader.article.id if self.reader.article is not None else None
        self.articles.set_filter(where, keep=keep)
        query = self.search_bar.value
        if len(query.strip()) >= queries.MIN_QUERY:
            self._search(query, where, stories=self.articles.stories)
        self._update_titles()

    def action_copy(self) -> None:
        """y: the cited quote under the cursor, else the article's citation."""
        from tui.citing import copy_citation

        copy_citation(self, self.reader.article, self.reader.current_quote)

    def action_copy_url(self) -> None:
        from tui.citing import copy_url

        copy_url(self, self.reader.article)

    def on_text_selected(self, event: events.TextSelected) -> None:
        """Text selected with the mouse goes to the clipboard at once."""
        if text := self.get_selected_text():
            self.app.copy_to_clipboard(text)
            self.notify(f"Copied {len(text):,} characters", title="copied", timeout=2)

    def action_export(self) -> None:
        from tui.exporting import export_list

        export_list(self, self.corpus, self.articles)

    # -- the rest -------------------------------------------------------------

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_failure(self, event)

    def action_toggle_sidebar(self) -> None:
        self.sidebar_wanted = not self.sidebar_wanted
        self._show_sidebar()

    def action_refresh(self) -> None:
        self._load_entity_names()  # an import may have added names
        keep = self.reader.article.id if self.reader.article is not None else None
        self.articles.reload(keep=keep)
        self.notify("Reloaded the article list", timeout=2)
