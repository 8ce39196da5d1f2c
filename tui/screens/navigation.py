"""Going from article to profile to article and back, for the main screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.widgets import OptionList

from store.kinds import EntityKind
from tui.history import ArticlePlace, Place, ProfilePlace
from tui.messages import (
    EntityOpened,
    MentionFocused,
    NeighbourWanted,
    StatementOpened,
    StoryArticleWanted,
)
from tui.screens.starring import Starring
from tui.widgets.article_list import ArticleList
from tui.widgets.entity_sidebar import EntitySidebar
from tui.widgets.reader import Reader


class Navigation(Starring):
    """Profiles, who said what, the same name's next article, and the history that
    `backspace` walks back (places, not parsed strings)."""

    history: list[Place]

    if TYPE_CHECKING:
        # The main screen shows articles and says where it is.
        def open_article(self, place: ArticlePlace, *, last_hit: bool = False) -> None: ...

        def _update_status(self) -> None: ...

        def _load_entity_names(self) -> object: ...

    @property
    def articles(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def reader(self) -> Reader:
        return self.query_one(Reader)

    @on(MentionFocused)
    def _select_in_sidebar(self, message: MentionFocused) -> None:
        sidebar = self.query_one(EntitySidebar)
        for index, option in enumerate(sidebar.options):
            if option.id == str(message.entity_id):
                sidebar.highlighted = index
        self._update_status()

    @on(EntityOpened)
    def _entity_from_reader(self, message: EntityOpened) -> None:
        self.open_entity(message.entity_id)

    @on(OptionList.OptionSelected, "#entities")
    def _entity_from_sidebar(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.open_entity(int(event.option.id))

    def _remember_article(self) -> None:
        reader = self.reader
        if reader.article is not None:
            quote = reader.current_quote
            self.history.append(
                ArticlePlace(
                    reader.article.id,
                    reader.focused_entity,
                    quote.start if quote is not None else None,
                )
            )

    def open_entity(self, entity_id: int) -> None:
        """Open an entity's profile from the reader, the sidebar, the palette."""
        self._remember_article()
        self.open_profile(ProfilePlace(entity_id))

    def open_profile(self, place: ProfilePlace) -> None:
        # The profile, the dialogs and their queries load when first opened, not
        # at start-up: the browser's first paint does not wait for them.
        from tui.screens.entity_screen import EntityScreen

        screen = EntityScreen(self.corpus, place)

        def opened(choice: Place | None) -> None:
            if screen.fixed:
                self._load_entity_names()  # names the fix renamed, merged or dropped
            if choice is None:
                self.action_history_back()
                return
            self.history.append(screen.place)
            self._go(choice)

        self.app.push_screen(screen, opened)

    def _go(self, place: Place) -> None:
        if isinstance(place, ProfilePlace):
            self.open_profile(place)
        else:
            self.open_article(place)

    def action_history_back(self) -> None:
        if not self.history:
            self.notify("Nothing to go back to", timeout=2)
            return
        self._go(self.history.pop())

    @on(NeighbourWanted)
    def _neighbour(self, message: NeighbourWanted) -> None:
        self._find_neighbour(message.entity_id, message.article_id, message.forward)

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def _find_neighbour(self, entity_id: int, article_id: int, forward: bool) -> None:
        from store.entity_queries import neighbour_article

        with self.corpus.read() as db:
            row = neighbour_article(db, entity_id, article_id, forward=forward)
        if row is None:
            where = "later" if forward else "earlier"
            self.app.call_from_thread(self.notify, f"No {where} article names it", timeout=2)
            return
        self.app.call_from_thread(self._go_to_neighbour, row.id, entity_id)

    def _go_to_neighbour(self, article_id: int, entity_id: int) -> None:
        self._remember_article()
        self.open_article(ArticlePlace(article_id, entity_id))

    def action_who_said_what(self) -> None:
        from tui.dialogs.who_said_what import WhoSaidWhat

        reader = self.reader
        speaker = ""
        if reader.focused_mention is not None:
            mention = reader.mentions[reader.focused_mention]
            if EntityKind.parse(mention.kind) is not EntityKind.PLACE:
                speaker = mention.name

        def opened(choice: ArticlePlace | None) -> None:
            if choice is not None:
                self._remember_article()
                self.open_article(choice)

        self.app.push_screen(WhoSaidWhat(self.corpus, speaker), opened)

    @on(StatementOpened)
    def _statement_from_reader(self, message: StatementOpened) -> None:
        self.open_statement(message.statement_id)

    def open_statement(self, statement_id: int) -> None:
        """The statement view; Enter there opens the article at the chosen quote."""
        from tui.dialogs.statement_dialog import StatementDialog

        def opened(choice: ArticlePlace | None) -> None:
            if choice is not None:
                self._remember_article()
                self.open_article(choice)

        self.app.push_screen(StatementDialog(self.corpus, statement_id), opened)

    @on(StoryArticleWanted)
    def _story_article(self, message: StoryArticleWanted) -> None:
        self._remember_article()
        self.open_article(ArticlePlace(message.article_id))

    def action_starred(self) -> None:
        from tui.dialogs.bookmarks_dialog import BookmarksDialog

        def chosen(place: ArticlePlace | None) -> None:
            if place is not None:
                self._remember_article()
                self.open_article(place)

        self.app.push_screen(BookmarksDialog(self.corpus), chosen)
