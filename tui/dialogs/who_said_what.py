"""Who said what: type a speaker (fuzzy) and a topic; one entry per statement, `o` shows
the articles that carry it, Enter opens the article at the quote."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker

from store.citation import cite_quote_row
from store.corpus import Corpus
from store.entity_queries import EntityNames
from store.export import quote_records
from store.models import QuoteRow, SpeakerMatch, StatementRow
from store.quote_queries import match_speakers
from store.statement_queries import SHOWN, find_statements, statement_count
from tui.attribution import statement_speaker
from tui.dialogs import DIALOGS_CSS
from tui.dialogs.help_dialog import HELP
from tui.exporting import export
from tui.history import ArticlePlace
from tui.safe_text import visible
from tui.widgets.vim_option_list import VimOptionList
from tui.wording import count, spread, where_seen
from tui.worker_errors import report_failure

TYPING_PAUSE = 0.1
SPEAKER_HINT = "speaker: putin, Pskov, …"
TOPIC_HINT = 'about (optional): sanctions, "White House", …'
HINT = "tab moves · ⏎ opens · o shows every article · y copies, cited · ctrl+s exports · esc closes"


@dataclass(frozen=True)
class Found:
    """What a search found: the people a typed name matches, when it matches several
    and none is chosen yet; else the statements."""

    people: list[SpeakerMatch]
    statements: list[StatementRow]
    total: int = 0
    """How many statements meet the search (the newest are shown: `find_statements`)."""
    speaker_ids: list[int] | None = None
    """The speakers searched for (None: any)."""


@dataclass(frozen=True)
class Entry:
    """One line of the results: a person to choose, a statement, or one of its variants."""

    person: SpeakerMatch | None = None
    statement: StatementRow | None = None
    variant: QuoteRow | None = None

    @property
    def quote(self) -> QuoteRow | None:
        """The quote Enter opens and `y` copies: the variant, or the first seen."""
        if self.variant is not None:
            return self.variant
        return self.statement.first_seen if self.statement is not None else None


def person_label(person: SpeakerMatch) -> Content:
    return Content.assemble(
        (visible(person.name), "bold"), ("  " + count(person.quotes, "quote"), "$text-muted")
    )


def statement_label(row: StatementRow, opened: bool) -> Content:
    """A statement: its speaker, where and when first seen, how widely quoted, its words."""
    first = row.first_seen
    assert first is not None
    said_by = statement_speaker(row)
    parts: list[str | tuple[str, str]] = [
        (said_by, "bold"),
        ("  " + visible(where_seen(first.date, first.source)), "$text-muted"),
    ]
    if row.article_count > 1:
        mark = "⊟" if opened else "⊞"
        parts.append((f"  {mark} {spread(row.article_count, row.source_count)}", "$text-accent"))
    parts.append("\n“" + visible(" ".join(first.text.split())) + "”")
    return Content.assemble(*parts)


def variant_label(quote: QuoteRow, first: bool) -> Content:
    """An article carrying a statement, under the statement's entry."""
    where = visible(where_seen(quote.date, quote.source))
    return Content.assemble(
        "  ↳ ",
        (where, "bold"),
        ("  " + visible(quote.title or "(untitled)"), "$text-muted"),
        ("  ★ first seen" if first else "", "$text-accent"),
    )


class WhoSaidWhat(ModalScreen[ArticlePlace | None]):
    """Dismisses with the article at the chosen quote, or None."""

    CSS_PATH = DIALOGS_CSS

    BINDINGS = [
        Binding("escape", "dismiss_none", "Close", id="who.close"),
        HELP,
        Binding("o", "toggle_variants", "Every article", id="who.variants"),
        Binding("y,ctrl+y", "copy", "Copy quote", id="who.copy"),
        Binding("ctrl+s", "export", "Export quotes", id="who.export"),
    ]

    def __init__(self, corpus: Corpus, speaker: str = "") -> None:
        super().__init__()
        self.corpus = corpus
        # The name comes from the corpus: the input shows it, escaped like all data.
        self.initial_speaker = visible(speaker)
        self.found: list[StatementRow] = []
        self.people: list[SpeakerMatch] = []
        """The people the typed name matches, when it matches several."""
        self.chosen: SpeakerMatch | None = None
        """The person chosen among `people` (typing a new name forgets it)."""
        self.entries: list[Entry] = []
        self.opened: set[int] = set()
        """Statements (by place in `found`) shown with every article that carries them."""
        self.speakers: EntityNames | None = None  # built by the first search
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="who"):
            yield Static("Who said what", id="who-title")
            yield Input(self.initial_speaker, placeholder=SPEAKER_HINT, id="who-speaker")
            yield Input(placeholder=TOPIC_HINT, id="who-about")
            yield Static(id="who-count")
            yield VimOptionList(id="who-quotes")
            yield Static(HINT, classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#who-speaker", Input).focus()
        if self.initial_speaker:
            self._search(self.initial_speaker, "", None)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        if event.input.id == "who-speaker":
            self.chosen = None
        self._search_soon()

    def _search_soon(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        speaker = self.query_one("#who-speaker", Input).value
        about = self.query_one("#who-about", Input).value
        chosen = self.chosen
        self._timer = self.set_timer(TYPING_PAUSE, lambda: self._search(speaker, about, chosen))

    @on(Input.Submitted)
    def _to_results(self) -> None:
        self.query_one("#who-quotes", OptionList).focus()

    @work(thread=True, exclusive=True, group="who", exit_on_error=False)
    def _search(self, speaker: str, about: str, chosen: SpeakerMatch | None) -> None:
        found = Found([], [])
        if speaker.strip() or about.strip():
            with self.corpus.read() as db:
                ids: list[int] | None = None
                if chosen is not None:
                    ids = [chosen.entity_id]
                elif speaker.strip():
                    if self.speakers is None:
                        self.speakers = EntityNames(db, speakers_only=True)
                    people = match_speakers(db, speaker, self.speakers)
                    ids = [person.entity_id for person in people]
                    if len(people) > 1:
                        found = Found(people, [])
                if not found.people and (ids is None or ids):
                    topic = about.strip() or None
                    rows = find_statements(db, speaker_ids=ids, about=topic)
                    total = len(rows)
                    if total == SHOWN:  # only the newest: how many there are
                        total = statement_count(db, speaker_ids=ids, about=topic)
                    found = Found([], rows, total, ids)
        self.app.call_from_thread(self._show, found)

    def _show(self, found: Found) -> None:
        self.people = found.people
        self.found = found.statements
        self.opened = set()
        count_line = self.query_one("#who-count", Static)
        if found.people:
            speaker = self.query_one("#who-speaker", Input).value
            count_line.update(
                Content(f"“{visible(speaker)}” names {len(found.people)} people: choose one (⏎)")
            )
        else:
            who = f"{visible(self.chosen.name)}: " if self.chosen is not None else ""
            count_line.update(Content(who + found_line(found)))
        self._fill(0)

    def _fill(self, highlighted: int) -> None:
        """The results' lines from what was found, the cursor on line `highlighted`."""
        self.entries = [Entry(person=person) for person in self.people]
        for number, row in enumerate(self.found):
            self.entries.append(Entry(statement=row))
            if number in self.opened:
                self.entries += [Entry(statement=row, variant=quote) for quote in row.variants]
        results = self.query_one("#who-quotes", OptionList)
        results.clear_options()
        for entry in self.entries:
            results.add_option(Option(self._label(entry)))
        if self.entries:
            results.highlighted = min(highlighted, len(self.entries) - 1)

    def _label(self, entry: Entry) -> Content:
        if entry.person is not None:
            return person_label(entry.person)
        assert entry.statement is not None
        if entry.variant is not None:
            return variant_label(entry.variant, entry.variant is entry.statement.first_seen)
        return statement_label(entry.statement, self.found.index(entry.statement) in self.opened)

    @property
    def current(self) -> Entry | None:
        index = self.query_one("#who-quotes", OptionList).highlighted
        return self.entries[index] if index is not None and index < len(self.entries) else None

    @on(OptionList.OptionSelected, "#who-quotes")
    def _open(self) -> None:
        entry = self.current
        if entry is None:
            return
        if entry.person is not None:
            self.chosen = entry.person
            self._search_soon()
        elif (quote := entry.quote) is not None:
            self.dismiss(ArticlePlace(quote.article_id, quote_start=quote.start))

    def action_toggle_variants(self) -> None:
        """o: the articles that carry the statement under the cursor, or folded again."""
        entry = self.current
        if entry is None or entry.statement is None:
            return
        number = self.found.index(entry.statement)
        self.opened ^= {number}
        self._fill(self.entries.index(Entry(statement=entry.statement)))

    def action_copy(self) -> None:
        entry = self.current
        if entry is None or (q := entry.quote) is None:
            self.notify("No quote to copy", timeout=2)
            return
        self.app.copy_to_clipboard(visible(cite_quote_row(q)))
        self.notify("Copied the quote with its citation", title="copied", timeout=2)

    def action_export(self) -> None:
        quotes = [quote for row in self.found for quote in row.variants]
        speaker = self.query_one("#who-speaker", Input).value
        about = self.query_one("#who-about", Input).value
        name = f"quotes {speaker} {about}"
        export(self, self.corpus, f"{len(quotes)} quotes", name, lambda db: quote_records(quotes))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_failure(self, event)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


def found_line(found: Found) -> str:
    """`169 statements, 180 quotes`, saying when the list holds only the newest
    statements, and when some of their quotes are credited to someone else where they
    appeared (an unsure speaker's copy of the same words)."""
    shown = len(found.statements)
    quotes = sum(len(row.variants) for row in found.statements)
    if found.total > shown:
        return f"the newest {shown:,} of {count(found.total, 'statement')} ({quotes:,} quotes)"
    line = f"{count(shown, 'statement')}, {count(quotes, 'quote')}"
    ids = found.speaker_ids
    others = (
        0
        if ids is None
        else sum(
            quote.speaker_entity_id not in ids for row in found.statements for quote in row.variants
        )
    )
    if others:
        where = "it" if others == 1 else "they"
        line += f" ({others:,} credited to another speaker where {where} appeared)"
    return line
