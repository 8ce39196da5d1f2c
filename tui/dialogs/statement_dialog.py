"""The statement view: one statement as every article quoted it, oldest first, each
compared word by word with the first seen; Enter opens that article at the quote."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker

from store.citation import cite_quote_row
from store.corpus import Corpus
from store.models import QuoteRow, StatementRow
from store.statement_queries import statement
from tui.attribution import method_name, speaker_text
from tui.dialogs import DIALOGS_CSS
from tui.dialogs.help_dialog import HELP
from tui.history import ArticlePlace
from tui.safe_text import visible
from tui.widgets.vim_option_list import VimOptionList
from tui.word_diff import diff_content, unchanged, word_diff
from tui.wording import spread, where_seen
from tui.worker_errors import report_failure

HINT = (
    "each quote against the first seen: [-left out-] [+added+] · "
    "⏎ opens the article at the quote · y copies it, cited · esc closes"
)


def variant_label(row: StatementRow, number: int, quote: QuoteRow) -> Content:
    """A variant as a list entry: where and when, then its words (the first as
    quoted, the others as a diff against it)."""
    first = row.variants[0]
    heading: list[str | tuple[str, str]] = [
        (where_seen(visible(quote.date or ""), visible(quote.source or "")), "bold"),
        ("  " + visible(quote.title or "(untitled)"), "$text-muted"),
    ]
    if number == 0:
        heading.append(("  ★ first seen", "$text-accent bold"))
    if quote.speaker != row.speaker or quote.uncertain:
        heading.append(("  said by " + speaker_text(quote), "$text-warning"))
    if number == 0:
        words = Content("“" + visible(" ".join(quote.text.split())) + "”")
    else:
        pieces = word_diff(first.text, quote.text)
        words = diff_content(pieces)
        if unchanged(pieces):
            words = Content.assemble(words, ("  (the same words)", "$text-muted"))
    return Content.assemble(*heading, "\n", words)


class StatementDialog(ModalScreen[ArticlePlace | None]):
    """Dismisses with the article at the chosen variant, or None."""

    CSS_PATH = DIALOGS_CSS

    BINDINGS = [
        Binding("escape", "dismiss_none", "Close", id="statement.close"),
        HELP,
        Binding("y", "copy", "Copy quote", id="statement.copy"),
    ]

    def __init__(self, corpus: Corpus, statement_id: int) -> None:
        super().__init__()
        self.corpus = corpus
        self.statement_id = statement_id
        self.statement: StatementRow | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="statement"):
            yield Static("The same words in many places", id="statement-title")
            yield Static(id="statement-facts")
            yield VimOptionList(id="statement-variants")
            yield Static(HINT, classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#statement-variants").focus()
        self._load()

    @work(thread=True, exclusive=True, group="statement", exit_on_error=False)
    def _load(self) -> None:
        with self.corpus.read() as db:
            found = statement(db, self.statement_id)
        if found is not None and any(quote.uncertain for quote in found.variants):
            method_name(None)  # loads the names of methods here, not while drawing
        self.app.call_from_thread(self._show, found)

    def _show(self, found: StatementRow | None) -> None:
        self.statement = found
        facts = self.query_one("#statement-facts", Static)
        variants = self.query_one("#statement-variants", OptionList)
        if found is None or not found.variants:
            facts.update("This statement is gone (reindexed?)")
            return
        said_by = visible(found.speaker or "nobody named")
        first = found.variants[0]
        seen = " · ".join(part for part in (first.date, first.source) if part)
        facts.update(
            Content.assemble(
                (said_by, "bold"),
                f", quoted in {spread(found.article_count, found.source_count)}; first seen "
                + (f"{visible(seen)}, " if seen else "in ")
                + f"“{visible(first.title or '(untitled)')}”",
            )
        )
        for number, quote in enumerate(found.variants):
            variants.add_option(Option(variant_label(found, number, quote)))
            if number < len(found.variants) - 1:
                variants.add_option(None)  # a rule between variants
        variants.highlighted = 0

    @property
    def current(self) -> QuoteRow | None:
        index = self.query_one("#statement-variants", OptionList).highlighted
        if self.statement is None or index is None or index >= len(self.statement.variants):
            return None
        return self.statement.variants[index]

    @on(OptionList.OptionSelected, "#statement-variants")
    def _open(self) -> None:
        if (quote := self.current) is not None:
            self.dismiss(ArticlePlace(quote.article_id, quote_start=quote.start))

    def action_copy(self) -> None:
        if (q := self.current) is None:
            return
        citation = cite_quote_row(q)
        self.app.copy_to_clipboard(visible(citation))
        self.notify("Copied the quote with its citation", title="copied", timeout=2)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_failure(self, event)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
