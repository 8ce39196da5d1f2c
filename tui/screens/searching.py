"""Searching from the main screen: the search bar, the hits in the list and the reader,
and `n` from an article's last hit to the next article of the hits."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.timer import Timer
from textual.widgets import Input

from store import queries
from store.corpus import Corpus
from store.filters import ListFilter
from tui.history import ArticlePlace
from tui.messages import HitsExhausted, SearchFinished
from tui.screens.navigation import Navigation
from tui.widgets.search_bar import SearchBar

if TYPE_CHECKING:
    from store.entity_queries import EntityNames

# Typing pauses shorter than this do not start a search.
SEARCH_DEBOUNCE = 0.05


class Searching(Navigation):
    """The main screen's search (its list, reader and corpus are the main screen's)."""

    corpus: Corpus
    entity_names: EntityNames | None
    """The entity names a query may spell, once loaded (in a worker)."""
    _search_timer: Timer | None

    if TYPE_CHECKING:

        def _update_titles(self) -> None: ...

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`/` types a slash where the user types (the bar), and opens the search elsewhere."""
        if action == "search" and isinstance(self.focused, Input):
            return False
        return super().check_action(action, parameters)

    @property
    def search_bar(self) -> SearchBar:
        """The search bar: mounted hidden after the list's first paint (an `Input`
        styled and laid out at start-up that nobody sees yet), or now if asked sooner."""
        if bars := self.query(SearchBar):
            return bars.first()
        return self._mount_search_bar()

    def _mount_search_bar(self) -> SearchBar:
        bar = SearchBar(id="search")
        bar.display = False
        self.mount(bar, before="#status")
        return bar

    def action_search(self) -> None:
        bar = self.search_bar
        bar.display = True
        # At once, not after the keys already queued: `/putin` typed (or pasted)
        # fast must all reach the bar, none the list.
        self.set_focus(bar)

    @on(Input.Changed, "#search")
    def _query_changed(self, event: Input.Changed) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        query = event.value
        self._search_timer = self.set_timer(
            SEARCH_DEBOUNCE,
            lambda: self._search(query, self.articles.where, stories=self.articles.stories),
        )

    @on(Input.Submitted, "#search")
    def _query_submitted(self) -> None:
        self.articles.focus()

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(self, query: str, where: ListFilter, *, stories: bool) -> None:
        # The search and the fuzzy names (rapidfuzz) load with the first search, in
        # this worker, not at start-up.
        from store.entity_queries import EntityNames
        from store.search import HITS_SHOWN, search_corpus

        with self.corpus.read() as db:
            names = self.entity_names or EntityNames(db)
            # Enough hits to fold into stories (and to open them) when the list does.
            limit = queries.RANKED_WINDOW if stories else HITS_SHOWN
            hits = search_corpus(db, query, names, where=where, limit=limit)
        self.post_message(SearchFinished(query, hits))

    def on_search_finished(self, message: SearchFinished) -> None:
        bar = self.search_bar
        if message.query != bar.value:
            return  # typing went on; a newer search is coming
        if len(message.query.strip()) < queries.MIN_QUERY:
            self._leave_search()
        else:
            from store.search_terms import highlight_pattern

            self.articles.show_results(message.query, message.hits)
            self.reader.highlight(highlight_pattern(message.query))
        self._update_titles()

    @on(HitsExhausted)
    def _next_hit_article(self, message: HitsExhausted) -> None:
        """Past an article's last hit, the next article of the hits, at its first
        hit (or, going back, the previous one at its last)."""
        articles = self.articles
        index = articles.cursor + (1 if message.forward else -1)
        if articles.astray or not 0 <= index < articles.total:
            self.notify("No more hits" if message.forward else "No earlier hits", timeout=2)
            return
        articles.cursor = index
        if (row := articles.highlighted) is not None:
            self.open_article(ArticlePlace(row.id), last_hit=not message.forward)

    def _leave_search(self) -> None:
        keep = self.reader.article.id if self.reader.article is not None else None
        self.articles.clear_results(keep=keep)
        self.reader.highlight(None)
