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

from store.corpus import Corpus
from store.entity_queries import entity_profile
from store.kinds import kind_display
from store.models import EntityProfile
from tui.safe_text import visible


class EntityScreen(Screen[tuple[str, int] | None]):
    """One entity's profile. Dismisses with ("article", id) or ("entity", id) to open, or None."""

    BINDINGS = [
        Binding("escape,backspace", "dismiss_none", "Back", id="entity.back"),
        Binding("tab", "focus_next", "Next list", show=False, id="entity.next-list"),
    ]

    def __init__(self, corpus: Corpus, entity_id: int) -> None:
        super().__init__()
        self.corpus = corpus
        self.entity_id = entity_id
        self.profile: EntityProfile | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="profile"):
            yield Static(id="profile-name")
            yield Static(id="profile-facts")
            yield Sparkline([], id="profile-months")
            yield Static(id="profile-months-label")
            with Horizontal(id="profile-lists"):
                yield OptionList(id="profile-articles")
                yield OptionList(id="profile-companions")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#profile-articles").border_title = "Articles"
        self.query_one("#profile-companions").border_title = "Named with"
        self._load()

    @work(thread=True, exclusive=True, group="profile", exit_on_error=False)
    def _load(self) -> None:
        with self.corpus.read() as db:
            profile = entity_profile(db, self.entity_id)
        self.app.call_from_thread(self._show, profile)

    def _show(self, profile: EntityProfile | None) -> None:
        self.profile = profile
        if profile is None:
            self.query_one("#profile-name", Static).update("This entity is gone (reindexed?)")
            return
        entity = profile.entity
        self.query_one("#profile-name", Static).update(
            Text.assemble((visible(entity.name), "bold"), f"  {visible(kind_display(entity.kind))}")
        )
        also = [alias for alias in entity.aliases if alias != entity.name]
        facts = Text(f"{entity.mentions:,} mentions in {entity.articles:,} articles")
        if also:
            facts.append("\nalso written as: " + visible(", ".join(also[:12])))
        self.query_one("#profile-facts", Static).update(facts)
        months = profile.per_month
        sparkline = self.query_one(Sparkline)
        sparkline.data = [m.mentions for m in months]
        sparkline.display = len(months) >= 2  # one month is a solid block, not a trend
        span = f"{months[0].month} … {months[-1].month}" if months else "no dated mentions"
        self.query_one("#profile-months-label", Static).update(f"mentions per month: {span}")
        articles = self.query_one("#profile-articles", OptionList)
        for row in profile.articles:
            label = Text.assemble(((row.date or "").ljust(11), "dim"), visible(row.title))
            articles.add_option(Option(label, id=f"article-{row.id}"))
        companions = self.query_one("#profile-companions", OptionList)
        for other in profile.companions:
            label = Text.assemble(
                visible(other.name), (f" {visible(other.kind)} {other.mentions}", "dim")
            )
            companions.add_option(Option(label, id=f"entity-{other.entity_id}"))
        articles.focus()

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        kind, _, number = (event.option.id or "").partition("-")
        self.dismiss((kind, int(number)))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
