"""The filter form (`f`): one source and a date range for the article list."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker

from store.corpus import Corpus
from store.filters import FilterError, ListFilter, date_bound
from store.models import SourceCount
from store.queries import list_sources
from tui.dialogs import DIALOGS_CSS
from tui.dialogs.help_dialog import HELP
from tui.safe_text import visible
from tui.widgets.vim_option_list import VimOptionList
from tui.worker_errors import report_failure

HINT = "tab moves · ⏎ applies · esc cancels · dates: 2016, 2016-03 or 2016-03-07"


class FilterDialog(ModalScreen[ListFilter | None]):
    """Dismisses with the filter to apply (NO_FILTER clears), or None to leave it."""

    CSS_PATH = DIALOGS_CSS

    BINDINGS = [Binding("escape", "dismiss_none", "Cancel", id="filter.cancel"), HELP]

    def __init__(self, corpus: Corpus, current: ListFilter) -> None:
        super().__init__()
        self.corpus = corpus
        self.current = current
        self.sources: list[SourceCount] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="filter", classes="dialog"):
            yield Static("Filter the list", classes="dialog-title")
            yield VimOptionList(id="filter-sources")
            with Horizontal(id="filter-dates"):
                yield Input(self.current.date_from or "", placeholder="from", id="filter-from")
                yield Input(self.current.date_to or "", placeholder="to", id="filter-to")
            yield Static(HINT, id="filter-hint", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#filter-sources").border_title = "Source"
        self.query_one("#filter-sources").focus()
        self._load()

    @work(thread=True, exclusive=True, group="filter", exit_on_error=False)
    def _load(self) -> None:
        with self.corpus.read() as db:
            sources = list_sources(db)
        self.app.call_from_thread(self._show, sources)

    def _show(self, sources: list[SourceCount]) -> None:
        self.sources = sources
        options = self.query_one("#filter-sources", OptionList)
        options.add_option(Option(Text("All sources", style="italic")))
        chosen = 0
        for number, source in enumerate(sources, start=1):
            name = visible(source.source) if source.source else "(no source)"
            options.add_option(Option(Text.assemble(name, (f"  {source.articles:,}", "dim"))))
            if (source.source or "") == self.current.source:
                chosen = number
        options.highlighted = chosen

    @property
    def chosen_source(self) -> str | None:
        highlighted = self.query_one("#filter-sources", OptionList).highlighted
        if not highlighted:
            return None
        return self.sources[highlighted - 1].source or ""

    @on(OptionList.OptionSelected)
    @on(Input.Submitted)
    def _apply(self) -> None:
        try:
            date_from = date_bound(self.query_one("#filter-from", Input).value, upper=False)
            date_to = date_bound(self.query_one("#filter-to", Input).value, upper=True)
        except FilterError as error:
            self.query_one("#filter-hint", Static).update(visible(str(error)))
            return
        self.dismiss(ListFilter(self.chosen_source, date_from, date_to))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_failure(self, event)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
