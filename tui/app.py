"""The nutgraf Textual app: configures the theme and keys, shows the main screen, remembers."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import Provider
from textual.screen import Screen
from textual.worker import Worker

from tui.dialogs.help_dialog import HELP, HelpDialog
from tui.keymap import KeymapError, keymap_path, load_keymap
from tui.opening import Opening, open_browser
from tui.safe_text import visible
from tui.screens.main_screen import MainScreen
from tui.state import save_state
from tui.worker_errors import report_failure

FEW_COLOURS = {"standard", "windows"}


def palette(name: str) -> Callable[[], type[Provider]]:
    """A command palette provider of `tui.commands`, imported when the palette first
    opens (Textual takes a callable for that), not at start-up."""

    def provider() -> type[Provider]:
        from tui import commands

        provider_class: type[Provider] = getattr(commands, name)
        return provider_class

    return provider


def few_colours(color_system: str | None, headless: bool) -> bool:
    """Whether the terminal has 16 colours (the tests' headless one counts as many)."""
    return color_system in FEW_COLOURS and not headless


class NutgrafApp(App[None]):
    """Browse a news corpus from the keyboard."""

    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {
        palette("ArticleProvider"),
        palette("EntityProvider"),
        palette("ActionProvider"),
    }
    TITLE = "nutgraf"
    BINDINGS = [
        Binding("q", "ask_quit", "Quit", id="app.quit"),
        Binding("ctrl+q", "quit", "Quit at once", show=False, priority=True, id="app.quit-now"),
        # After the screen's own ctrl+c, which copies text selected with the mouse.
        Binding("ctrl+c", "quit", "Quit at once", show=False, id="app.quit-ctrl-c"),
        HELP,
    ]

    def __init__(self, opening: Opening) -> None:
        super().__init__()
        self._collecting = False
        self.opening = opening
        self.corpus = opening.corpus
        self.sub_title = visible(str(self.corpus.path))
        self.problems = list(opening.problems)
        self.config = opening.config
        self.export_dir = self.config.export_dir
        self.remembered = opening.remembered
        theme = self.remembered.theme or self.config.theme
        if theme in self.available_themes:
            self.theme = theme
        elif theme is not None:
            self.problems.append(f"no theme is called {theme!r}")

    def get_default_screen(self) -> Screen[Any]:
        # The main screen is the first on the stack, composed with the app (inside its
        # first batch of updates), so the first frame drawn is the browser: pushed from
        # on_mount, a frame was drawn and thrown away, and the list painted ~0.1 s later.
        return MainScreen(self.corpus, self.remembered, self.config, self.opening.first_rows)

    def on_load(self) -> None:
        # No garbage collection until the first frame is drawn: the browser makes
        # enough objects starting that a full collection (~40 ms) fell before its
        # first paint. `run_app` has frozen what loading made by now; an app started
        # otherwise (`make_app` under Pilot) had not.
        self._collecting = gc.isenabled()
        gc.disable()

    def on_mount(self) -> None:
        # 16 colours: the accent turns bright red there; app.tcss draws focus without it.
        self.set_class(few_colours(self.console.color_system, self.is_headless), "-few-colours")
        self._apply_keymap()
        self.call_after_refresh(self._resume_collections)
        for problem in self.problems:
            self.notify(
                visible(problem), title="Config not applied", severity="error", markup=False
            )

    def _resume_collections(self) -> None:
        if self._collecting:
            self._collecting = False
            gc.enable()

    def on_unmount(self) -> None:
        self._resume_collections()  # when the app closes before its first paint

    def _apply_keymap(self) -> None:
        path = keymap_path()
        if not path.exists():
            return  # no remapping: the keys module, which imports every screen, is not needed
        from tui.keys import binding_ids

        try:
            self.set_keymap(load_keymap(path, binding_ids()))
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
        own = screen_sections(self.screen)
        # The screen by the name its keys go by (`Who said what`, `Profile`).
        title = "browser" if isinstance(self.screen, MainScreen) else next(iter(own), "this screen")
        sections = {**own, "Everywhere": app_bindings()}
        self.push_screen(HelpDialog(title, sections))

    def action_ask_quit(self) -> None:
        from tui.dialogs.quit_dialog import QuitDialog

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
    return NutgrafApp(open_browser(db_path))


def run_app(db_path: str | Path) -> None:
    app = make_app(db_path)
    # What is loaded by now (Textual, the app's modules and classes) lives as long as
    # the app: frozen, no collection walks it again. Otherwise a full collection
    # (30-50 ms) fell in the first paint; the bare Textual app allocates too little
    # to trigger one. (The command line turns collection off while Textual loads.)
    gc.freeze()
    gc.enable()
    app.run()
