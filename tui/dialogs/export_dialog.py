"""Asking where to export: a path whose extension says the format (.csv, .json, .md)."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from store.export import ExportFormat
from tui.dialogs import DIALOGS_CSS
from tui.dialogs.help_dialog import HELP

HINT = "⏎ saves · .csv, .json (JSON Lines) or .md, by the extension · esc cancels"


class ExportDialog(ModalScreen[Path | None]):
    """Dismisses with the file to write, or None."""

    CSS_PATH = DIALOGS_CSS

    BINDINGS = [Binding("escape", "dismiss_none", "Cancel", id="export.cancel"), HELP]

    def __init__(self, what: str, suggested: Path) -> None:
        super().__init__()
        self.what = what
        self.suggested = suggested
        self._confirmed: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="export", classes="dialog"):
            yield Static(f"Export {self.what}", classes="dialog-title")
            yield Input(str(self.suggested), id="export-path")
            yield Static(HINT, id="export-hint", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        path = Path(event.value.strip()).expanduser()
        hint = self.query_one("#export-hint", Static)
        if not event.value.strip() or ExportFormat.of_path(path) is None:
            hint.update("Name the file .csv, .json or .md (the extension picks the format)")
            return
        if path.exists() and self._confirmed != path:
            self._confirmed = path
            hint.update("That file exists: ⏎ again replaces it, esc cancels")
            return
        self.dismiss(path)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
