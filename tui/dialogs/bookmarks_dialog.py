"""The starred articles and quotes (`B`): open one, write a note, unstar, export."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker

from store.bookmarks import list_bookmarks, remove_bookmark, set_note
from store.corpus import Corpus, ReadOnlyCorpus
from store.export import bookmark_records
from store.models import Bookmark
from tui.dialogs import DIALOGS_CSS
from tui.dialogs.help_dialog import HELP
from tui.exporting import export
from tui.history import ArticlePlace
from tui.safe_text import visible
from tui.widgets.vim_option_list import VimOptionList
from tui.worker_errors import report_failure


class BookmarksDialog(ModalScreen[ArticlePlace | None]):
    """Dismisses with the place to open, or None."""

    CSS_PATH = DIALOGS_CSS

    BINDINGS = [
        Binding("escape", "close", "Close", id="bookmarks.close"),
        HELP,
        Binding("enter", "open", "Open", id="bookmarks.open"),
        Binding("a", "note", "Note", id="bookmarks.note"),
        Binding("d,delete", "remove", "Unstar", id="bookmarks.remove"),
        Binding("ctrl+s", "export", "Export", id="bookmarks.export"),
    ]

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus
        self.bookmarks: list[Bookmark] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="bookmarks", classes="dialog"):
            yield Static("Starred", classes="dialog-title")
            yield VimOptionList(id="bookmarks-list")
            yield Input(placeholder="note (⏎ saves, esc cancels)", id="bookmarks-note")

    def on_mount(self) -> None:
        self.query_one("#bookmarks-note").display = False
        self.query_one("#bookmarks-list").focus()
        self._load()

    @work(thread=True, exclusive=True, group="bookmarks", exit_on_error=False)
    def _load(self, keep: int = 0) -> None:
        with self.corpus.read() as db:
            bookmarks = list_bookmarks(db)
        self.app.call_from_thread(self._show, bookmarks, keep)

    def _show(self, bookmarks: list[Bookmark], keep: int) -> None:
        self.bookmarks = bookmarks
        options = self.query_one("#bookmarks-list", OptionList)
        options.clear_options()
        for mark in bookmarks:
            options.add_option(Option(_label(mark)))
        if not bookmarks:
            options.add_option(
                Option(Text("Nothing starred yet: b in the reader stars an article or a quote"))
            )
            options.disable_option_at_index(0)
        else:
            options.highlighted = min(keep, len(bookmarks) - 1)

    @property
    def current(self) -> Bookmark | None:
        highlighted = self.query_one("#bookmarks-list", OptionList).highlighted
        if highlighted is None or highlighted >= len(self.bookmarks):
            return None
        return self.bookmarks[highlighted]

    @on(OptionList.OptionSelected)
    def action_open(self) -> None:
        if (mark := self.current) is not None and mark.title is not None:
            self.dismiss(ArticlePlace(mark.article_id, quote_start=mark.quote_start))
        elif mark is not None:
            self.notify("That article is no longer in the corpus", timeout=3)

    def action_note(self) -> None:
        if (mark := self.current) is not None:
            note = self.query_one("#bookmarks-note", Input)
            note.value = mark.note
            note.display = True
            note.focus()

    @on(Input.Submitted, "#bookmarks-note")
    def _save_note(self, event: Input.Submitted) -> None:
        if (mark := self.current) is not None:
            self._write(lambda db: set_note(db, mark.id, event.value))
        self._close_note()

    def _close_note(self) -> None:
        self.query_one("#bookmarks-note").display = False
        self.query_one("#bookmarks-list").focus()

    def action_remove(self) -> None:
        if (mark := self.current) is not None:
            self._write(lambda db: remove_bookmark(db, mark.id))

    def _write(self, change: Callable[[sqlite3.Connection], None]) -> None:
        keep = self.query_one("#bookmarks-list", OptionList).highlighted or 0
        self._write_in_worker(change, keep)

    @work(thread=True, group="bookmarks-write", exit_on_error=False)
    def _write_in_worker(self, change: Callable[[sqlite3.Connection], None], keep: int) -> None:
        try:
            with self.corpus.write() as db:
                change(db)
        except ReadOnlyCorpus as error:
            self.app.call_from_thread(self.notify, visible(str(error)), severity="warning")
            return
        self._load(keep)

    def action_export(self) -> None:
        bookmarks = list(self.bookmarks)
        export(self, self.corpus, "the starred", "starred", lambda db: bookmark_records(bookmarks))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_failure(self, event)

    def action_close(self) -> None:
        if self.query_one("#bookmarks-note").display:
            self._close_note()
        else:
            self.dismiss(None)


def _label(mark: Bookmark) -> Text:
    where = visible(" · ".join(part for part in (mark.date, mark.source) if part))
    label = Text.assemble(
        ("★ ", "bold"), visible(mark.title or "(article gone)"), (f"  {where}", "dim")
    )
    if mark.quote_start is not None:
        said = visible(" ".join((mark.quote_text or "(quote gone)").split()))
        label.append(f"\n  “{said}”")
        if mark.speaker:
            label.append(f" — {visible(mark.speaker)}", style="dim")
    if mark.note:
        label.append("\n  ✎ " + visible(mark.note), style="italic")
    return label
