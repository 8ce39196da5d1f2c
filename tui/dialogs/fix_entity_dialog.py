"""Fixing an entity from its profile (`F`): rename it, merge it into another, split off
one of its names, or make it not an entity; what `nutgraf entities merge|split|rename|
ignore` do, kept for later imports and `reindex` the same way."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker

from store.corpus import Corpus
from store.entity_queries import EntityNames, NamedEntity, entities_like
from store.kinds import kind_display
from store.models import EntitySummary
from tui.dialogs import DIALOGS_CSS
from tui.dialogs.help_dialog import HELP
from tui.safe_text import visible
from tui.widgets.vim_option_list import VimOptionList
from tui.worker_errors import report_failure

Action = Literal["rename", "merge", "split", "ignore"]
# How many entities a typed name offers to merge into.
CANDIDATES = 8

ACTIONS: dict[Action, str] = {
    "rename": "Rename it",
    "merge": "Merge it into another entity (the same one under other names)",
    "split": "Split off one of its names (two entities were taken for one)",
    "ignore": "Not an entity: drop its mentions, its quotes lose their speaker",
}
HINTS: dict[Action | None, str] = {
    None: "⏎ chooses · esc cancels · the fix holds for later imports and reindex",
    "rename": "⏎ renames · esc cancels",
    "merge": "type its name · ⏎ or tab to the matches · ⏎ on one merges · esc cancels",
    "split": "⏎ on a name makes it an entity of its own · esc cancels",
}


@dataclass(frozen=True)
class EntityFix:
    """What the user chose to do to the entity."""

    action: Action
    name: str | None = None
    """rename: the new name; split: the form to split off."""
    target: NamedEntity | None = None
    """merge: the entity it goes into."""


class FixEntityDialog(ModalScreen[EntityFix | None]):
    """Dismisses with the fix to apply, or None."""

    CSS_PATH = DIALOGS_CSS
    BINDINGS = [Binding("escape", "dismiss_none", "Cancel", id="fix.cancel"), HELP]

    def __init__(self, corpus: Corpus, entity: EntitySummary) -> None:
        super().__init__()
        self.corpus = corpus
        self.entity = entity
        self.action: Action | None = None
        """The action chosen, once it asks for more (a name, a match, a second ⏎)."""
        self.candidates: list[NamedEntity] = []
        self.names: EntityNames | None = None  # loaded by the first typed name

    def compose(self) -> ComposeResult:
        title = Text.assemble(
            "Fix ",
            (visible(self.entity.name), "bold"),
            f"  {kind_display(self.entity.kind)}, {self.entity.articles:,} article"
            + ("" if self.entity.articles == 1 else "s"),
        )
        with Vertical(id="fix", classes="dialog"):
            yield Static(title, classes="dialog-title")
            yield VimOptionList(id="fix-actions")
            yield Input(id="fix-name")
            yield VimOptionList(id="fix-choices")
            yield Static(HINTS[None], id="fix-hint", classes="dialog-hint")

    def on_mount(self) -> None:
        actions = self.query_one("#fix-actions", OptionList)
        for action, label in ACTIONS.items():
            splittable = action != "split" or len(self.forms) >= 2
            actions.add_option(Option(label, id=action, disabled=not splittable))
        actions.highlighted = 0
        actions.focus()
        self.query_one("#fix-name").display = False
        self.query_one("#fix-choices").display = False

    @property
    def forms(self) -> list[str]:
        """The ways the entity is written, its name first."""
        return [self.entity.name, *(a for a in self.entity.aliases if a != self.entity.name)]

    def _hint(self, text: str) -> None:
        self.query_one("#fix-hint", Static).update(text)

    @on(OptionList.OptionSelected, "#fix-actions")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        action: Action = event.option.id  # type: ignore[assignment]
        if action == "ignore":
            if self.action == "ignore":
                self.dismiss(EntityFix("ignore"))
                return
            self.action = "ignore"
            self._hint(
                f"⏎ again: {visible(self.entity.name)} is not an entity; its "
                f"{self.entity.mentions:,} mentions go and its quotes lose their speaker"
                " · esc cancels"
            )
            return
        self.action = action
        self.query_one("#fix-actions").display = False
        self._hint(HINTS[action])
        name = self.query_one("#fix-name", Input)
        choices = self.query_one("#fix-choices", OptionList)
        if action == "rename":
            name.value = visible(self.entity.name)
            name.display = True
            name.focus()
        elif action == "merge":
            name.placeholder = "the entity it is: putin, Pskov, …"
            name.display = choices.display = True
            name.focus()
        else:
            for form in self.forms:
                choices.add_option(Option(visible(form), id=form))
            choices.highlighted = 0
            choices.display = True
            choices.focus()

    @on(Input.Submitted, "#fix-name")
    def _submitted(self, event: Input.Submitted) -> None:
        if self.action == "rename":
            if event.value.strip():
                self.dismiss(EntityFix("rename", name=event.value.strip()))
        elif self.candidates:
            self.query_one("#fix-choices").focus()

    @on(Input.Changed, "#fix-name")
    def _typed(self, event: Input.Changed) -> None:
        if self.action == "merge":
            self._match(event.value)

    @work(thread=True, exclusive=True, group="fix-match", exit_on_error=False)
    def _match(self, typed: str) -> None:
        with self.corpus.read() as db:
            names = self.names or EntityNames(db)
            found = entities_like(
                db, names, typed, self.entity.kind, besides=self.entity.id, limit=CANDIDATES
            )
        self.app.call_from_thread(self._show_matches, names, found)

    def _show_matches(self, names: EntityNames, found: list[NamedEntity]) -> None:
        self.names = names
        self.candidates = found
        choices = self.query_one("#fix-choices", OptionList)
        choices.clear_options()
        for candidate in found:
            articles = f"{candidate.articles:,} article" + ("" if candidate.articles == 1 else "s")
            choices.add_option(
                Option(Text.assemble(visible(candidate.name), (f"  {articles}", "dim")))
            )
        if found:
            choices.highlighted = 0

    @on(OptionList.OptionSelected, "#fix-choices")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.action == "split" and event.option.id is not None:
            self.dismiss(EntityFix("split", name=event.option.id))
        elif self.action == "merge" and event.option_index < len(self.candidates):
            self.dismiss(EntityFix("merge", target=self.candidates[event.option_index]))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_failure(self, event)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
