"""The nutgraf Textual app: configures the theme and keys, pushes the main screen, remembers."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker

from store.corpus import Corpus
from tui.commands import ActionProvider, ArticleProvider, EntityProvider
from tui.config import Config, ConfigError, load_config
from tui.dialogs.help_dialog import HELP, HelpDialog
from tui.dialogs.quit_dialog import QuitDialog
from tui.keymap import KeymapError, keymap_path, load_keymap
from tui.safe_text import visible
from tui.screens.main_screen import MainScreen
from tui.state import BrowserState, load_state, save_state
from tui.worker_errors import report_failure

FEW_COLOURS = {"standard", "windows"}


def few_colours(color_system: str | None, headless: bool) -> bool:
    """Whether the terminal has 16 colours (the tests' headless one counts as many)."""
    return color_system in FEW_COLOURS and not headless


class NutgrafApp(App[None]):
    """Browse a news corpus from the keyboard."""

    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {ArticleProvider, EntityProvider, ActionProvider}
    TITLE = "nutgraf"
    BINDINGS = [
        Binding("q", "ask_quit", "Quit", id="app.quit"),
        Binding("ctrl+q", "quit", "Quit at once", show=False, priority=True, id="app.quit-now"),
        # After the screen's own ctrl+c, which copies text selected with the mouse.
        Binding("ctrl+c", "quit", "Quit at once", show=False, id="app.quit-ctrl-c"),
        HELP,
    ]

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus
        self.sub_title = visible(str(corpus.path))
        self.problems: list[str] = []
        try:
            self.config = load_config()
        except ConfigError as error:
            self.config = Config()
            self.problems.append(str(error))
        self.export_dir = self.config.export_dir
        self.remembered = load_state(corpus.path) if self.config.remember else BrowserState()
        theme = self.remembered.theme or self.config.theme
        if theme in self.available_themes:
            self.theme = theme
        elif theme is not None:
            self.problems.append(f"no theme is called {theme!r}")

    def on_mount(self) -> None:
        # 16 colours: the accent turns bright red there; app.tcss draws focus without it.
        self.set_class(few_colours(self.console.color_system, self.is_headless), "-few-colours")
        self.push_screen(MainScreen(self.corpus, self.remembered, self.config))
        self._apply_keymap()
        for problem in self.problems:
            self.notify(
                visible(problem), title="Config not applied", severity="error", markup=False
            )

    def _apply_keymap(self) -> None:
        from tui.keys import binding_ids  # the keys module imports every screen

        try:
            self.set_keymap(load_keymap(keymap_path(), binding_ids()))
        except KeymapError as error:
            message = visible(str(error))
            self.notify(message, title="Keymap not applied", severity="error", markup=False)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        # nutgraf's own "Keys" (every key of the screen) replaces Textual's key panel.
        return [c for c in super().get_system_commands(screen) if c.title != "Keys"]

    def action_help(self) -> None:
        from tui.keys import app_bindings, screen_sections

        if isinstance(self.screen, HelpDialog):
            return
        title = "browser" if isinstance(self.screen, MainScreen) else type(self.screen).__name__
        sections = {**screen_sections(self.screen), "Everywhere": app_bindings()}
        self.push_screen(HelpDialog(title, sections))

    def action_ask_quit(self) -> None:
        def answered(quit: bool | None) -> None:
            if quit:
                self.action_quit_now()

        if not isinstance(self.screen, QuitDialog):
            self.push_screen(QuitDialog(), answered)

    async def action_quit(self) -> None:
        self.action_quit_now()

    def action_quit_now(self) -> None:
        self.remember()
        self.exit()

    def remember(self) -> None:
        """Save where the browser is, for the next time this database is opened."""
        if not self.config.remember:
            return
        main = next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)
        if main is None:
            return
        try:
            save_state(self.corpus.path, main.state(theme=self.theme))
        except OSError as error:
            self.log.warning(f"state not saved: {error}")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_failure(self, event)


def make_app(db_path: str | Path) -> NutgrafApp:
    """The app on a corpus database, as the command line and the tests build it."""
    return NutgrafApp(Corpus(db_path))


def run_app(db_path: str | Path) -> None:
    make_app(db_path).run()
