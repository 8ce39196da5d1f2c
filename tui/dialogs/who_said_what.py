"""Who said what: type a speaker (fuzzy) and a topic; Enter opens the article at the quote."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker

from store.citation import cite_quote
from store.corpus import Corpus
from store.entity_queries import EntityNames
from store.export import quote_records
from store.models import QuoteRow
from store.quote_queries import find_quotes
from tui.dialogs.help_dialog import HELP
from tui.exporting import export
from tui.history import ArticlePlace
from tui.safe_text import visible
from tui.widgets.vim_option_list import VimOptionList
from tui.worker_errors import report_failure

TYPING_PAUSE = 0.1
SPEAKER_HINT = "speaker: putin, Pskov, …"
TOPIC_HINT = 'about (optional): sanctions, "White House", …'


class WhoSaidWhat(ModalScreen[ArticlePlace | None]):
    """Dismisses with the article at the chosen quote, or None."""

    BINDINGS = [
        Binding("escape", "dismiss_none", "Close", id="who.close"),
        HELP,
        Binding("y,ctrl+y", "copy", "Copy quote", id="who.copy"),
        Binding("ctrl+s", "export", "Export quotes", id="who.export"),
    ]

    def __init__(self, corpus: Corpus, speaker: str = "") -> None:
        super().__init__()
        self.corpus = corpus
        # The name comes from the corpus: the input shows it, escaped like all data.
        self.initial_speaker = visible(speaker)
        self.found: list[QuoteRow] = []
        self.speakers: EntityNames | None = None  # built by the first search
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="who"):
            yield Static("Who said what", id="who-title")
            yield Input(self.initial_speaker, placeholder=SPEAKER_HINT, id="who-speaker")
            yield Input(placeholder=TOPIC_HINT, id="who-about")
            yield Static(id="who-count")
            yield VimOptionList(id="who-quotes")
            yield Static(
                "tab moves · ⏎ opens · y copies the quote, cited · ctrl+s exports · esc closes",
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        self.query_one("#who-speaker", Input).focus()
        if self.initial_speaker:
            self._search(self.initial_speaker, "")

    @on(Input.Changed)
    def _changed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        speaker = self.query_one("#who-speaker", Input).value
        about = self.query_one("#who-about", Input).value
        self._timer = self.set_timer(TYPING_PAUSE, lambda: self._search(speaker, about))

    @on(Input.Submitted)
    def _to_results(self) -> None:
        self.query_one("#who-quotes", OptionList).focus()

    @work(thread=True, exclusive=True, group="who", exit_on_error=False)
    def _search(self, speaker: str, about: str) -> None:
        if not speaker.strip() and not about.strip():
            found: list[QuoteRow] = []
        else:
            with self.corpus.read() as db:
                if self.speakers is None:
                    self.speakers = EntityNames(db, speakers_only=True)
                found = find_quotes(
                    db,
                    speaker=speaker.strip() or None,
                    about=about.strip() or None,
                    speakers=self.speakers,
                )
        self.app.call_from_thread(self._show, found)

    def _show(self, found: list[QuoteRow]) -> None:
        self.found = found
        self.query_one("#who-count", Static).update(f"{len(found)} quotes")
        results = self.query_one("#who-quotes", OptionList)
        results.clear_options()
        for number, quote in enumerate(found):
            where = visible(" · ".join(part for part in (quote.date, quote.source) if part))
            label = Text.assemble(
                (visible(quote.speaker or "(unattributed)"), "bold"),
                (f"  {where}\n", "dim"),
                "“" + visible(" ".join(quote.text.split())) + "”",
            )
            results.add_option(Option(label, id=str(number)))
        if found:
            results.highlighted = 0  # Enter opens the newest at once

    @on(OptionList.OptionSelected, "#who-quotes")
    def _open(self, event: OptionList.OptionSelected) -> None:
        quote = self.found[int(event.option.id or 0)]
        self.dismiss(ArticlePlace(quote.article_id, quote_start=quote.start))

    def action_copy(self) -> None:
        index = self.query_one("#who-quotes", OptionList).highlighted
        if index is None or index >= len(self.found):
            self.notify("No quote to copy", timeout=2)
            return
        q = self.found[index]
        self.app.copy_to_clipboard(
            visible(cite_quote(q.text, q.speaker, q.title, q.source, q.date, q.url))
        )
        self.notify("Copied the quote with its citation", title="copied", timeout=2)

    def action_export(self) -> None:
        found = list(self.found)
        speaker = self.query_one("#who-speaker", Input).value
        about = self.query_one("#who-about", Input).value
        name = f"quotes {speaker} {about}"
        export(self, self.corpus, f"{len(found)} quotes", name, lambda db: quote_records(found))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_failure(self, event)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
