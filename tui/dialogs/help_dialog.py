"""The help screen: the keys of the screen it was opened on, generated from the real bindings."""

from __future__ import annotations

from collections.abc import Callable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.dialogs import DIALOGS_CSS

KeyDisplay = Callable[[Binding], str]

# One binding for every screen: a modal dialog does not see the app's keys.
HELP = Binding("question_mark,f1", "app.help", "Keys", id="app.help")


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
                action = Text(binding.description)
                if binding.tooltip:
                    action.append(f": {binding.tooltip}", style="dim")
                table.add_row(Text(key_names(binding, display)), action)
        table.add_row("", "")
    return table


class HelpScroll(VerticalScroll):
    """The help's text, scrolled with the keys a reader expects."""

    BINDINGS = [
        Binding("j,down", "scroll_down", "Down", show=False, id="help.down"),
        Binding("k,up", "scroll_up", "Up", show=False, id="help.up"),
        Binding("space,pagedown", "page_down", "Page down", show=False, id="help.page-down"),
        Binding("pageup", "page_up", "Page up", show=False, id="help.page-up"),
    ]


class HelpDialog(ModalScreen[None]):
    """Keys by pane, this screen's first; the border says when there is more below."""

    CSS_PATH = DIALOGS_CSS

    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help.close")]

    def __init__(self, title: str, sections: dict[str, list[BindingType]]) -> None:
        super().__init__()
        self.title_text = title
        self.sections = sections

    def compose(self) -> ComposeResult:
        with HelpScroll(id="help"):
            yield Static(Text(f"Keys: {self.title_text}"), id="help-title")
            yield Static(bindings_table(self.sections, self.app.get_key_display))
            yield Static("Esc closes this help.", id="help-footer")

    def on_mount(self) -> None:
        scroll = self.query_one(HelpScroll)
        scroll.focus()
        self.watch(scroll, "scroll_y", self._scrolled)

    def _scrolled(self) -> None:
        scroll = self.query_one(HelpScroll)
        below = scroll.max_scroll_y - scroll.scroll_y
        scroll.border_subtitle = "↓ j, space: more below" if below > 0 else ""

    def on_resize(self) -> None:
        self.call_after_refresh(self._scrolled)
