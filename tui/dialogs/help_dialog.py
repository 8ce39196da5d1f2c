"""The help screen: every key, generated from the real bindings of each pane."""

from __future__ import annotations

from collections.abc import Callable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KeyDisplay = Callable[[Binding], str]


def key_names(binding: Binding, display: KeyDisplay) -> str:
    """Every key of a binding as the footer shows keys (`/`, `?`, `^d`)."""
    keys = [key.strip() for key in binding.key.split(",")]
    return ", ".join(display(Binding(key, binding.action)) for key in keys)


def bindings_table(sections: dict[str, list[BindingType]], display: KeyDisplay) -> Table:
    """One row per described binding, grouped under the pane that owns it."""
    table = Table(box=None, show_header=False, padding=(0, 2))
    table.add_column("keys", style="bold")
    table.add_column("action")
    for title, bindings in sections.items():
        table.add_row(Text(title, style="underline"), "")
        for binding in bindings:
            if isinstance(binding, Binding) and binding.description:
                table.add_row(Text(key_names(binding, display)), Text(binding.description))
        table.add_row("", "")
    return table


class HelpDialog(ModalScreen[None]):
    """Keys by pane; Esc closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="help.close")]

    def __init__(self, sections: dict[str, list[BindingType]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static("nutgraf keys", id="help-title")
            yield Static(bindings_table(self.sections, self.app.get_key_display))
            yield Static("Esc closes this help.", id="help-footer")
