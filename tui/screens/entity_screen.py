"""The entity profile: names, counts, mentions per month, companions, articles."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Sparkline, Static
from textual.widgets.option_list import Option
from textual.worker import Worker

from store import queries
from store.corpus import Corpus
from store.entity_queries import entity_profile
from store.export import article_records
from store.kinds import kind_display
from store.models import EntityProfile, MonthCount, StatementRow
from store.statement_queries import repeated_statements
from tui.citing import copy_citation
from tui.dialogs import DIALOGS_CSS
from tui.dialogs.fix_entity_dialog import EntityFix, FixEntityDialog
from tui.dialogs.statement_dialog import StatementDialog
from tui.exporting import export
from tui.history import ArticlePlace, Place, ProfilePlace
from tui.safe_text import visible
from tui.widgets.vim_option_list import VimOptionList
from tui.wording import spread, where_seen
from tui.worker_errors import report_failure

# How much of a repeated statement's words its line shows.
STATEMENT_PREVIEW = 120


def every_month(months: list[MonthCount]) -> list[int]:
    """Mentions per month from the first month to the last, quiet months as 0,
    so the sparkline's width is time."""
    if not months:
        return []
    counts = {m.month: m.mentions for m in months}
    year, month = map(int, months[0].month.split("-"))
    series = []
    while True:
        key = f"{year:04d}-{month:02d}"
        series.append(counts.get(key, 0))
        if key >= months[-1].month:
            return series
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def statement_line(row: StatementRow) -> Text:
    """A repeated statement in the profile: its words, how widely, and the first outlet."""
    words = " ".join(row.text.split())
    if len(words) > STATEMENT_PREVIEW:
        words = words[: STATEMENT_PREVIEW - 1] + "…"
    first = where_seen(row.first_date, row.first_source)
    return Text.assemble(
        "“" + visible(words) + "”\n",
        (f"{spread(row.article_count, row.source_count)} · first: {visible(first)}", "dim"),
    )


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


class EntityScreen(Screen[Place | None]):
    """One entity's profile. Dismisses with the place to open, or None to go back."""

    CSS_PATH = DIALOGS_CSS

    BINDINGS = [
        Binding("escape,backspace", "dismiss_none", "Back", id="entity.back"),
        Binding("tab,shift+tab", "other_list", "Other list", id="entity.other-list"),
        Binding(
            "v",
            "statement",
            "Same words",
            tooltip="the repeated statement under the cursor as every article quoted it",
            id="entity.statement",
        ),
        Binding("y", "copy", "Copy citation", id="entity.copy"),
        Binding("ctrl+s", "export", "Export articles", id="entity.export"),
        Binding(
            "F",
            "fix",
            "Fix entity",
            tooltip="rename it, merge it into another, split off a name, or not an entity",
            id="entity.fix",
        ),
    ]

    def __init__(self, corpus: Corpus, place: ProfilePlace) -> None:
        super().__init__()
        self.corpus = corpus
        self.place = place
        """Where the cursors are, kept up to date: history returns here."""
        self.profile: EntityProfile | None = None
        self.statements: list[StatementRow] = []
        """The entity's statements quoted by several articles, most outlets first."""
        self.fixed = False
        """Whether the user fixed entities here (the main screen's names are stale)."""

    @property
    def entity_id(self) -> int:
        return self.place.entity_id

    def compose(self) -> ComposeResult:
        with Vertical(id="profile"):
            yield Static(id="profile-name")
            yield Static(id="profile-facts")
            yield Sparkline([], id="profile-months")
            yield Static(id="profile-months-label")
            with Horizontal(id="profile-lists"):
                yield VimOptionList(id="profile-articles")
                yield VimOptionList(id="profile-companions")
                yield VimOptionList(id="profile-statements")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#profile-articles").border_title = "Articles"
        self.query_one("#profile-companions").border_title = "Named with"
        self.query_one("#profile-statements").border_title = "Repeated statements"
        self.query_one("#profile-statements").display = False
        self._load()

    @work(thread=True, exclusive=True, group="profile", exit_on_error=False)
    def _load(self) -> None:
        with self.corpus.read() as db:
            profile = entity_profile(db, self.entity_id)
            statements = repeated_statements(db, self.entity_id)
        self.app.call_from_thread(self._show, profile, statements)

    def _show(self, profile: EntityProfile | None, statements: list[StatementRow]) -> None:
        self.profile = profile
        for shown in self.query(OptionList):  # shown again after a fix
            shown.clear_options()
        self._show_statements(statements)
        if profile is None:
            self.query_one("#profile-name", Static).update("This entity is gone (reindexed?)")
            return
        entity = profile.entity
        self.query_one("#profile-name", Static).update(
            Text.assemble((visible(entity.name), "bold"), f"  {visible(kind_display(entity.kind))}")
        )
        also = [alias for alias in entity.aliases if alias != entity.name]
        facts = Text(
            f"{_count(entity.mentions, 'mention')} in {_count(entity.articles, 'article')}"
        )
        if also:
            facts.append("\nalso written as: " + visible(", ".join(also[:12])))
        self.query_one("#profile-facts", Static).update(facts)
        self._show_months(profile.per_month)
        articles = self.query_one("#profile-articles", OptionList)
        # No date column when none of them is dated.
        dated = any(row.date for row in profile.articles)
        for row in profile.articles:
            date = (row.date or "").ljust(11) if dated else ""
            articles.add_option(Option(Text.assemble((date, "dim"), visible(row.title))))
        companions = self.query_one("#profile-companions", OptionList)
        for other in profile.companions:
            label = Text.assemble(
                visible(other.name),
                (f" {visible(kind_display(other.kind))} {other.mentions}", "dim"),
            )
            companions.add_option(Option(label))
        # The cursors where they were (back from an article), else on the first rows.
        if profile.articles:
            articles.highlighted = min(self.place.article_index, len(profile.articles) - 1)
        if profile.companions:
            companions.highlighted = min(self.place.companion_index, len(profile.companions) - 1)
        on_companions = self.place.on_companions and profile.companions
        (companions if on_companions or not profile.articles else articles).focus()

    def _show_statements(self, statements: list[StatementRow]) -> None:
        self.statements = statements
        shown = self.query_one("#profile-statements", OptionList)
        shown.display = bool(statements)
        for row in statements:
            shown.add_option(Option(statement_line(row)))
        if statements:
            shown.highlighted = 0

    def _show_months(self, months: list[MonthCount]) -> None:
        series = every_month(months)
        sparkline = self.query_one(Sparkline)
        sparkline.data = series
        # One month is a level, not a trend: it is said in words.
        sparkline.display = len(series) >= 2
        label = self.query_one("#profile-months-label", Static)
        if not months:
            label.update("no dated mentions")
        elif len(series) == 1:
            label.update(f"all {months[0].mentions:,} dated mentions in {months[0].month}")
        else:
            peak = max(months, key=lambda m: m.mentions)
            label.update(
                f"mentions per month, {months[0].month} … {months[-1].month}"
                f" (most: {peak.mentions:,} in {peak.month})"
            )

    @on(OptionList.OptionHighlighted)
    def _moved(self) -> None:
        articles = self.query_one("#profile-articles", OptionList)
        companions = self.query_one("#profile-companions", OptionList)
        self.place = ProfilePlace(
            self.entity_id,
            articles.highlighted or 0,
            companions.highlighted or 0,
            on_companions=self.focused is companions,
        )

    @on(OptionList.OptionSelected)
    def _selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        if self.profile is None:
            return
        self._moved()
        if self.focused is self.query_one("#profile-statements"):
            self.action_statement()
        elif self.focused is self.query_one("#profile-companions"):
            index = self.query_one("#profile-companions", OptionList).highlighted
            if index is not None:
                self.dismiss(ProfilePlace(self.profile.companions[index].entity_id))
        else:
            index = self.query_one("#profile-articles", OptionList).highlighted
            if index is not None:
                self.dismiss(ArticlePlace(self.profile.articles[index].id, self.entity_id))

    def action_other_list(self) -> None:
        lists = [
            shown for shown in self.query_one("#profile-lists").query(OptionList) if shown.display
        ]
        here = lists.index(self.focused) if self.focused in lists else -1
        lists[(here + 1) % len(lists)].focus()
        self._moved()

    def action_statement(self) -> None:
        """v (or ⏎ in its list): the repeated statement under the cursor in the
        statement view; ⏎ there opens the article at that quote."""
        index = self.query_one("#profile-statements", OptionList).highlighted
        if index is None or index >= len(self.statements):
            self.notify("No statement of theirs is quoted twice", timeout=2)
            return
        statement_id = self.statements[index].id
        if statement_id is None:
            return

        def opened(place: ArticlePlace | None) -> None:
            if place is not None:
                self.dismiss(place)

        self.app.push_screen(StatementDialog(self.corpus, statement_id), opened)

    def action_copy(self) -> None:
        index = self.query_one("#profile-articles", OptionList).highlighted
        if self.profile is None or index is None:
            return
        self._copy_article(self.profile.articles[index].id)

    @work(thread=True, group="profile-copy", exit_on_error=False)
    def _copy_article(self, article_id: int) -> None:
        with self.corpus.read() as db:
            article = queries.get_article(db, article_id)
        self.app.call_from_thread(copy_citation, self, article, None)

    def action_export(self) -> None:
        if self.profile is None:
            return
        ids = [row.id for row in self.profile.articles]
        name = self.profile.entity.name
        export(
            self,
            self.corpus,
            f"the {len(ids)} articles naming {visible(name)}",
            name,
            lambda db: article_records(queries.article_meta(db, ids)),
        )

    def action_fix(self) -> None:
        """F: rename, merge, split or drop the entity, as `nutgraf entities` does."""
        if self.profile is None:
            return
        if self.corpus.readonly:
            self.notify("This database is read-only: entities cannot be fixed", timeout=3)
            return

        def chosen(fix: EntityFix | None) -> None:
            if fix is not None:
                self._apply(fix)

        self.app.push_screen(FixEntityDialog(self.corpus, self.profile.entity), chosen)

    @work(thread=True, exclusive=True, group="profile-fix", exit_on_error=False)
    def _apply(self, fix: EntityFix) -> None:
        # Loaded here, not at start: fixes need the resolver and sqlite-utils.
        from store import entity_edits
        from store.database import StoreError, open_database

        def waiting(message: str) -> None:
            busy = message.split("; ")[0]  # what follows is the command line's advice
            self.app.call_from_thread(
                self.notify, f"{busy}: the fix waits until it has finished", timeout=10
            )

        entity_id = self.entity_id
        db = open_database(self.corpus.path)
        try:
            if fix.action == "rename" and fix.name is not None:
                entity_edits.rename(db, entity_id, fix.name, on_wait=waiting)
            elif fix.action == "merge" and fix.target is not None:
                entity_edits.merge(db, entity_id, fix.target.id, on_wait=waiting)
            elif fix.action == "split" and fix.name is not None:
                entity_edits.split(db, entity_id, fix.name, on_wait=waiting)
            elif fix.action == "ignore":
                entity_edits.ignore(db, entity_id, on_wait=waiting)
        except StoreError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", timeout=5)
            return
        finally:
            db.close()
        self.app.call_from_thread(self._fixed, fix)

    def _fixed(self, fix: EntityFix) -> None:
        self.fixed = True
        assert self.profile is not None
        name = visible(self.profile.entity.name)
        if fix.action == "ignore":
            self.notify(f"{name} is no longer an entity", timeout=3)
            self.dismiss(None)
            return
        if fix.action == "merge" and fix.target is not None:
            self.notify(f"Merged {name} into {visible(fix.target.name)}", timeout=3)
            self.place = ProfilePlace(fix.target.id)
        elif fix.action == "split":
            self.notify(f"{visible(fix.name or '')} is an entity of its own now", timeout=3)
        else:
            self.notify(f"Renamed {name} to {visible(fix.name or '')}", timeout=3)
        self._load()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_failure(self, event)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
