"""Asking before `q` quits: one key too many should not close the browser."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.dialogs import DIALOGS_CSS


class QuitDialog(ModalScreen[bool]):
    """Dismisses True to quit (q again, y or ⏎), False to stay (n or esc)."""

    CSS_PATH = DIALOGS_CSS

    BINDINGS = [
        Binding("q,y,enter", "answer(True)", "Quit", id="quit.yes"),
        Binding("n,escape", "answer(False)", "Stay", id="quit.no"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="quit", classes="dialog"):
            yield Static("Quit nutgraf?", classes="dialog-title")
            yield Static(
                "q, y or ⏎ quits · n or esc stays · ctrl+q quits at once", classes="dialog-hint"
            )

    def action_answer(self, quit: bool) -> None:
        self.dismiss(quit)
