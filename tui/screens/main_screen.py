"""The main screen: article list, reader and entity sidebar, with the search bar."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, OptionList

from store import queries
from store.corpus import Corpus
from store.entity_queries import EntityNames, articles_naming, neighbour_article
from store.models import SearchHit
from store.search_terms import highlight_pattern
from tui.dialogs.help_dialog import HelpDialog
from tui.dialogs.who_said_what import WhoSaidWhat
from tui.keys import binding_sections
from tui.messages import (
    ArticleLoaded,
    EntityOpened,
    MentionFocused,
    NeighbourWanted,
    SearchFinished,
)
from tui.safe_text import visible
from tui.screens.entity_screen import EntityScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.entity_sidebar import EntitySidebar
from tui.widgets.reader import Reader
from tui.widgets.search_bar import SearchBar

# Typing pauses shorter than this do not start a search.
SEARCH_DEBOUNCE = 0.05
# The reader follows the list cursor once it rests this long, so holding `j`
# repaints two list lines per row, not the whole reader.
PREVIEW_DELAY = 0.04
FIRST_PREVIEW_DELAY = 0.2
# Below this width the sidebar hides (e toggles it).
COMPACT_WIDTH = 110


class MainScreen(Screen[None]):
    """Browse: the list on the left, the reader in the middle, entities on the right."""

    BINDINGS = [
        Binding("slash", "search", "Search", id="main.search"),
        Binding("escape", "back", "Back", show=False, id="main.back"),
        Binding("backspace", "history_back", "History back", id="main.history-back"),
        Binding("w", "who_said_what", "Who said what", id="main.who-said-what"),
        Binding("e", "toggle_sidebar", "Entities", id="main.toggle-sidebar"),
        Binding("r", "refresh", "Refresh", show=False, id="main.refresh"),
        Binding("question_mark", "help", "Help", id="main.help"),
    ]

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus
        self._search_timer: Timer | None = None
        self._preview_timer: Timer | None = None
        self._previewed = False
        # Where Backspace goes: ("article", article id, entity id) or ("entity", entity id, 0).
        self.history: list[tuple[str, int, int]] = []
        # Loaded by the first search, in its worker.
        self.entity_names: EntityNames | None = None
        self._sidebar_wanted = True

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield ArticleList(self.corpus, id="articles")
            yield Reader(id="reader")
            yield EntitySidebar(id="entities")
        yield SearchBar(id="search")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(SearchBar).display = False
        self.query_one(ArticleList).focus()
        self.query_one(EntitySidebar).border_title = "Entities"
        self._update_titles()
        if self.corpus.readonly:
            self.notify("Read-only database: browsing only.", timeout=6)
        for warning in self.corpus.warnings:
            self.notify(visible(warning), severity="warning", timeout=20, markup=False)

    @work(thread=True, exclusive=True, group="names", exit_on_error=False)
    def _load_entity_names(self) -> None:
        """Ready the fuzzy name index before the first search needs it."""
        with self.corpus.read() as db:
            self.entity_names = EntityNames(db)

    def on_resize(self) -> None:
        self.set_class(self.size.width < COMPACT_WIDTH, "-compact")
        self._show_sidebar()

    def _show_sidebar(self) -> None:
        compact = self.size.width < COMPACT_WIDTH
        self.query_one(EntitySidebar).display = self._sidebar_wanted != compact

    def _update_titles(self) -> None:
        articles = self.query_one(ArticleList)
        if articles.search_query is not None:
            articles.border_title = f"{articles.total:,} hits"
        else:
            articles.border_title = f"Articles {articles.total:,} · {articles.sort_description}"
        reader = self.query_one(Reader)
        reader.border_title = "Reader" if reader.article is None else f"Article {reader.article.id}"

    # -- the article under the cursor ---------------------------------------

    @on(ArticleList.Highlighted)
    def _preview(self, message: ArticleList.Highlighted) -> None:
        if self._preview_timer is not None:
            self._preview_timer.stop()
        article_id = message.article_id
        # The very first preview waits for the list's first paint to settle: the
        # list shows at once, the article a fraction of a second later.
        delay = PREVIEW_DELAY if self._previewed else FIRST_PREVIEW_DELAY
        self._previewed = True
        self._preview_timer = self.set_timer(delay, lambda: self._load_article(article_id))

    @on(ArticleList.Opened)
    def _open(self, message: ArticleList.Opened) -> None:
        reader = self.query_one(Reader)
        if reader.article is None or reader.article.id != message.article_id:
            self._load_article(message.article_id)
        reader.focus()

    def open_article(
        self, article_id: int, *, land_on: int | None = None, quote_at: int | None = None
    ) -> None:
        """Show an article in the reader, the cursor on `land_on`'s first name or on
        the quote at offset `quote_at`."""
        if self._preview_timer is not None:
            self._preview_timer.stop()
        reader = self.query_one(Reader)
        reader.land_on = land_on
        reader.land_on_quote = quote_at
        self._load_article(article_id)
        reader.focus()

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def _load_article(self, article_id: int) -> None:
        with self.corpus.read() as db:
            article = queries.get_article(db, article_id)
            entities = queries.article_entities(db, article_id)
        if article is not None:
            self.post_message(ArticleLoaded(article))
            self.app.call_from_thread(self.query_one(EntitySidebar).show_entities, entities)

    def on_article_loaded(self, message: ArticleLoaded) -> None:
        self.query_one(Reader).article = message.article
        self._update_titles()

    def on_rows_loaded(self) -> None:
        self._update_titles()
        if self.entity_names is None:
            # After the first page is painted: the list must not wait for it.
            self._load_entity_names()

    # -- names and entities ----------------------------------------------------

    @on(MentionFocused)
    def _select_in_sidebar(self, message: MentionFocused) -> None:
        sidebar = self.query_one(EntitySidebar)
        for index, option in enumerate(sidebar.options):
            if option.id == str(message.entity_id):
                sidebar.highlighted = index

    @on(EntityOpened)
    def _entity_from_reader(self, message: EntityOpened) -> None:
        self._remember_article()
        self.open_profile(message.entity_id)

    @on(OptionList.OptionSelected, "#entities")
    def _entity_from_sidebar(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self._remember_article()
            self.open_profile(int(event.option.id))

    def _remember_article(self) -> None:
        reader = self.query_one(Reader)
        if reader.article is not None:
            self.history.append(("article", reader.article.id, reader.focused_entity or 0))

    def open_entity(self, entity_id: int) -> None:
        """Open an entity's profile from outside the reader (palette, search)."""
        self._remember_article()
        self.open_profile(entity_id)

    def open_profile(self, entity_id: int) -> None:
        def opened(choice: tuple[str, int] | None) -> None:
            if choice is None:
                self.action_history_back()
                return
            self.history.append(("entity", entity_id, 0))
            kind, number = choice
            if kind == "entity":
                self.open_profile(number)
            else:
                self.open_article(number, land_on=entity_id)

        self.app.push_screen(EntityScreen(self.corpus, entity_id), opened)

    def action_who_said_what(self) -> None:
        reader = self.query_one(Reader)
        speaker = ""
        if (
            reader.focused_mention is not None
            and reader.mentions[reader.focused_mention].kind != "place"
        ):
            speaker = reader.mentions[reader.focused_mention].name

        def opened(choice: tuple[int, int] | None) -> None:
            if choice is not None:
                self._remember_article()
                self.open_article(choice[0], quote_at=choice[1])

        self.app.push_screen(WhoSaidWhat(self.corpus, speaker), opened)

    def action_history_back(self) -> None:
        if not self.history:
            self.notify("Nothing to go back to", timeout=2)
            return
        kind, number, entity_id = self.history.pop()
        if kind == "entity":
            self.open_profile(number)
        else:
            self.open_article(number, land_on=entity_id or None)

    @on(NeighbourWanted)
    def _neighbour(self, message: NeighbourWanted) -> None:
        self._find_neighbour(message.entity_id, message.article_id, message.forward)

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def _find_neighbour(self, entity_id: int, article_id: int, forward: bool) -> None:
        with self.corpus.read() as db:
            row = neighbour_article(db, entity_id, article_id, forward=forward)
        if row is None:
            where = "later" if forward else "earlier"
            self.app.call_from_thread(self.notify, f"No {where} article names it", timeout=2)
            return
        self.app.call_from_thread(self._go_to_neighbour, row.id, article_id, entity_id)

    def _go_to_neighbour(self, article_id: int, from_article: int, entity_id: int) -> None:
        self.history.append(("article", from_article, entity_id))
        self.open_article(article_id, land_on=entity_id)

    # -- search --------------------------------------------------------------

    def action_search(self) -> None:
        bar = self.query_one(SearchBar)
        bar.display = True
        bar.focus()

    @on(Input.Changed, "#search")
    def _query_changed(self, event: Input.Changed) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        query = event.value
        self._search_timer = self.set_timer(SEARCH_DEBOUNCE, lambda: self._search(query))

    @on(Input.Submitted, "#search")
    def _query_submitted(self) -> None:
        self.query_one(ArticleList).focus()

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(self, query: str) -> None:
        """Full-text hits, then the articles naming the entity the query spells
        (fuzzily: `zakharva`, `pskov`)."""
        with self.corpus.read() as db:
            hits = queries.search_articles(db, query)
            if self.entity_names is None:
                self.entity_names = EntityNames(db)
            named = self.entity_names.match(query, limit=1)
            listed = {hit.article.id for hit in hits}
            for entity_id in named:
                for row in articles_naming(db, entity_id):
                    if row.id not in listed:
                        hits.append(SearchHit(row, "entity"))
                        listed.add(row.id)
        self.post_message(SearchFinished(query, hits))

    def on_search_finished(self, message: SearchFinished) -> None:
        bar = self.query_one(SearchBar)
        if message.query != bar.value:
            return  # typing went on; a newer search is coming
        articles = self.query_one(ArticleList)
        if len(message.query.strip()) < queries.MIN_QUERY:
            articles.clear_results()
            self.query_one(Reader).highlight(None)
        else:
            articles.show_results(message.query, message.hits)
            self.query_one(Reader).highlight(highlight_pattern(message.query))
        self._update_titles()

    def action_back(self) -> None:
        """Escape: from the reader back to the list; in the list, leave the search."""
        if self.focused is self.query_one(Reader):
            self.query_one(ArticleList).focus()
            return
        articles = self.query_one(ArticleList)
        if articles.search_query is not None:
            self.query_one(SearchBar).value = ""
            self.query_one(SearchBar).display = False
            articles.clear_results()
            self.query_one(Reader).highlight(None)

    # -- the rest -------------------------------------------------------------

    def action_toggle_sidebar(self) -> None:
        self._sidebar_wanted = not self._sidebar_wanted
        self._show_sidebar()

    def action_refresh(self) -> None:
        self._load_entity_names()  # an import may have added names
        self.query_one(ArticleList).reload()
        self.notify("Reloaded the article list", timeout=2)

    def action_help(self) -> None:
        self.app.push_screen(HelpDialog(binding_sections([*self.app.BINDINGS, *self.BINDINGS])))
