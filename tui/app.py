"""The nutgraf Textual app: configures the theme and pushes the main screen."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.worker import Worker, WorkerState

from store.corpus import Corpus
from tui.commands import ActionProvider, ArticleProvider, EntityProvider
from tui.keymap import KeymapError, keymap_path, load_keymap
from tui.safe_text import visible
from tui.screens.main_screen import MainScreen


class NutgrafApp(App[None]):
    """Browse a news corpus from the keyboard."""

    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {ArticleProvider, EntityProvider, ActionProvider}
    TITLE = "nutgraf"
    BINDINGS = [Binding("q", "quit", "Quit", id="app.quit")]

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus
        self.sub_title = visible(str(corpus.path))

    def on_mount(self) -> None:
        self.push_screen(MainScreen(self.corpus))
        self._apply_keymap()

    def _apply_keymap(self) -> None:
        from tui.keys import binding_sections  # the keys module imports the screens

        sections = binding_sections([*self.BINDINGS, *MainScreen.BINDINGS])
        known = {
            b.id
            for bindings in sections.values()
            for b in bindings
            if isinstance(b, Binding) and b.id
        }
        try:
            self.set_keymap(load_keymap(keymap_path(), known))
        except KeymapError as error:
            message = visible(str(error))
            self.notify(message, title="Keymap not applied", severity="error", markup=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            error = visible(str(event.worker.error))
            self.notify(error, title="Database error", severity="error", markup=False)


def make_app(db_path: str | Path) -> NutgrafApp:
    """The app on a corpus database, as the command line and the tests build it."""
    return NutgrafApp(Corpus(db_path))


def run_app(db_path: str | Path) -> None:
    make_app(db_path).run()
