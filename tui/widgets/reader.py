"""The reader: an article's header and text, drawn one visible line at a time."""

from __future__ import annotations

import re
from functools import partial
from itertools import islice

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip
from textual.worker import Worker

from store.models import Article, MentionSpan, QuoteSpan, Repeat
from tui.layout import FoldLine, HeaderLine, ReaderLine, TextLine, header_lines, wrap_text
from tui.messages import (
    EntityOpened,
    HitsExhausted,
    MentionFocused,
    NeighbourWanted,
    ReaderMoved,
)
from tui.safe_text import visible
from tui.widgets.reader_text import Cursors, text_segments
from tui.worker_errors import report_failure

# Articles longer than this (characters) are wrapped in a thread: the reader shows
# their first screens at once (wrapping a 50 MB article takes seconds).
WRAP_IN_BACKGROUND = 200_000
# Search hits marked in one article, at most (a common word in a 50 MB article).
MAX_HITS = 10_000


class Reader(ScrollView, can_focus=True):
    """Shows one article: title, source, date and url, then the wrapped text.

    Wrapping keeps offsets into the text, so styling (search hits, later
    mentions and quotes) is applied per visible line, never per article.
    """

    BINDINGS = [
        Binding("j,down", "scroll_down", "Down", show=False, id="reader.down"),
        Binding("k,up", "scroll_up", "Up", show=False, id="reader.up"),
        Binding(
            "ctrl+d,pagedown,space", "page_down", "Page down", show=False, id="reader.page-down"
        ),
        Binding("ctrl+u,pageup", "page_up", "Page up", show=False, id="reader.page-up"),
        Binding("g,home", "scroll_home", "Top", show=False, id="reader.top"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="reader.bottom"),
        Binding(
            "tab,right_square_bracket", "step_mention(1)", "Next name", id="reader.next-mention"
        ),
        Binding(
            "shift+tab,left_square_bracket",
            "step_mention(-1)",
            "Previous name",
            show=False,
            id="reader.previous-mention",
        ),
        Binding(
            "n",
            "next",
            "Next",
            tooltip="the next search hit (past the last, the next article's), else the name's",
            id="reader.next",
        ),
        Binding(
            "N",
            "previous",
            "Previous",
            show=False,
            tooltip="the previous search hit, else the previous mention of the name",
            id="reader.previous",
        ),
        Binding(
            "right_curly_bracket",
            "neighbour(True)",
            "Next article",
            tooltip="the next article naming the name under the cursor, by date",
            id="reader.next-article",
        ),
        Binding(
            "left_curly_bracket",
            "neighbour(False)",
            "Previous article",
            tooltip="the previous article naming the name under the cursor",
            show=False,
            id="reader.previous-article",
        ),
        Binding(
            "enter",
            "open_entity",
            "Profile",
            tooltip="of the name under the cursor",
            id="reader.open-entity",
        ),
        Binding("apostrophe", "step_quote(1)", "Quote", id="reader.next-quote"),
        Binding(
            "quotation_mark",
            "step_quote(-1)",
            "Previous quote",
            show=False,
            id="reader.previous-quote",
        ),
        Binding("z", "toggle_repeats", "Fold repeats", show=False, id="reader.toggle-repeats"),
    ]
    COMPONENT_CLASSES = {
        "reader--title",
        "reader--meta",
        "reader--url",
        "reader--hit",
        "reader--current-hit",
        "reader--fold",
        "reader--person",
        "reader--org",
        "reader--place",
        "reader--same-entity",
        "reader--focused-mention",
        "reader--quote",
        "reader--focused-quote",
    }

    article: reactive[Article | None] = reactive(None, layout=False, always_update=True)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines: list[ReaderLine] = []
        self._layout_width = 0
        self._wrapping = 0  # counts layouts: a background wrap applies to its own only
        self.show_repeats = False
        self.hit_pattern: re.Pattern[str] | None = None
        self.hits: list[tuple[int, int]] = []
        self._hit_starts: list[int] = []
        self.current_hit: int | None = None
        self.focused_mention: int | None = None
        self.focused_quote: int | None = None
        self._mention_starts: list[int] = []
        # Where the cursor goes when the next article arrives: an entity's first
        # name, or the quote at a text offset.
        self.land_on: int | None = None
        self.land_on_quote: int | None = None
        # A search stepping backwards into this article starts at its last hit.
        self.land_on_last_hit = False

    # -- content -----------------------------------------------------------

    def watch_article(self, article: Article | None) -> None:
        self.current_hit = None
        self.focused_mention = None
        self.focused_quote = None
        self.border_subtitle = ""
        self._mention_starts = [m.start for m in article.mentions] if article else []
        self._find_hits()
        self._layout()
        self.scroll_to(y=0, animate=False)
        last_hit, self.land_on_last_hit = self.land_on_last_hit, False
        if article is not None and self.land_on_quote is not None:
            offset, self.land_on_quote = self.land_on_quote, None
            for number, quote in enumerate(article.quotes):
                if quote.start <= offset < max(quote.end, quote.start + 1):
                    self._focus_quote(number)
                    break
        elif article is not None and self.land_on is not None:
            entity_id, self.land_on = self.land_on, None
            for number, mention in enumerate(article.mentions):
                if mention.entity_id == entity_id:
                    self._focus_mention(number)
                    break
        elif self.hits:
            self._step_hit(-1 if last_hit else +1)

    @property
    def mentions(self) -> list[MentionSpan]:
        return self.article.mentions if self.article else []

    @property
    def current_quote(self) -> QuoteSpan | None:
        """The quote under the cursor: stepped to, or spoken by (or holding) the name cursor's."""
        if self.article is None or self.focused_quote is None:
            return None
        return self.article.quotes[self.focused_quote]

    @property
    def searching(self) -> bool:
        return self.hit_pattern is not None

    @property
    def focused_entity(self) -> int | None:
        if self.focused_mention is None:
            return None
        return self.mentions[self.focused_mention].entity_id

    def highlight(self, pattern: re.Pattern[str] | None) -> None:
        """Mark the matches of `pattern` (a search's terms) in the text."""
        self.hit_pattern = pattern
        self.current_hit = None
        self._find_hits()
        self.refresh()

    def _find_hits(self) -> None:
        if self.article is None or self.hit_pattern is None:
            self.hits = []
        else:
            matches = islice(self.hit_pattern.finditer(self.article.text), MAX_HITS)
            self.hits = [match.span() for match in matches]
        self._hit_starts = [start for start, _ in self.hits]

    def on_resize(self) -> None:
        if self._text_width != self._layout_width:
            self._layout()

    @property
    def _text_width(self) -> int:
        return self.scrollable_content_region.width

    def _layout(self) -> None:
        width = max(self._text_width, 10)
        self._layout_width = self._text_width
        self._wrapping += 1
        article = self.article
        if article is None:
            self._lines = [HeaderLine("No article. Pick one in the list and press Enter.", "meta")]
        else:
            folded: list[Repeat] = [] if self.show_repeats else article.repeats
            header = header_lines(article, width)
            if len(article.text) > WRAP_IN_BACKGROUND:
                # A huge article: its first screens now, the rest from a thread.
                first = wrap_text(article.text, width, folded, limit=WRAP_IN_BACKGROUND // 4)
                self._lines = [*header, *first]
                self.run_worker(
                    partial(self._wrap_whole, self._wrapping, article.text, width, folded, header),
                    thread=True,
                    exclusive=True,
                    group="wrap",
                    exit_on_error=False,
                )
            else:
                self._lines = [*header, *wrap_text(article.text, width, folded)]
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()

    def _wrap_whole(
        self, wrapping: int, text: str, width: int, folded: list[Repeat], header: list[ReaderLine]
    ) -> None:
        lines = [*header, *wrap_text(text, width, folded)]
        self.app.call_from_thread(self._wrapped, wrapping, width, lines)

    def _wrapped(self, wrapping: int, width: int, lines: list[ReaderLine]) -> None:
        if wrapping != self._wrapping:
            return  # another article, width or folding was laid out meanwhile
        self._lines = lines
        self.virtual_size = Size(width, len(lines))
        self.refresh()

    # -- drawing -----------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = int(self.scroll_offset.y) + y
        width = self._text_width
        base = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, base)
        line = self._lines[index]
        if isinstance(line, HeaderLine):
            style = base + self.get_component_rich_style(f"reader--{line.role}")
            if line.link is not None:
                style += Style(link=line.link)
            segments = [Segment(line.text, style)]
        elif isinstance(line, FoldLine):
            style = base + self.get_component_rich_style("reader--fold")
            label = f"⋯ repeated passage, {line.words} words (z shows it)"
            segments = [Segment(label, style)]
        elif isinstance(line, TextLine):
            assert self.article is not None
            cursors = Cursors(
                self.focused_mention, self.focused_entity, self.focused_quote, self.current_hit
            )
            segments = text_segments(
                self.article,
                line,
                base,
                cursors,
                self._mention_starts,
                self.hits,
                self._hit_starts,
                self._component_style,
            )
        else:
            segments = []
        strip = Strip(segments).adjust_cell_length(width, base)
        return self._selected(strip, index, width).apply_offsets(0, index)

    def _component_style(self, name: str) -> Style:
        return self.get_component_rich_style(f"reader--{name}")

    # -- mouse selection ---------------------------------------------------

    def _selected(self, strip: Strip, index: int, width: int) -> Strip:
        """The strip with the part the mouse selected drawn as selected."""
        selection = self.text_selection
        if selection is None or (span := selection.get_span(index)) is None:
            return strip
        start, end = span
        end = width if end == -1 else min(end, width)
        if start >= end:
            return strip
        style = self.screen.get_component_rich_style("screen--selection")
        middle = strip.crop(start, end).apply_style(style)
        return Strip.join([strip.crop(0, start), middle, strip.crop(end, width)])

    def _line_text(self, line: ReaderLine) -> str:
        if isinstance(line, HeaderLine):
            return line.text
        if isinstance(line, TextLine) and self.article is not None:
            return visible(self.article.text[line.start : line.end])
        return ""

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The text the mouse selected, as drawn (a hostile character stays visible)."""
        text = "\n".join(self._line_text(line) for line in self._lines)
        return selection.extract(text), "\n"

    # -- actions -----------------------------------------------------------

    def action_next(self) -> None:
        """n: the next search hit while a search is on (past the last, the next
        article with hits), else the next name of the focused entity."""
        if self.searching:
            self._step_hit(+1)
        else:
            self._step_same_entity(+1)

    def action_previous(self) -> None:
        if self.searching:
            self._step_hit(-1)
        else:
            self._step_same_entity(-1)

    def action_step_mention(self, step: int) -> None:
        if not self.mentions:
            self.notify("No names found in this article", timeout=2)
            return
        if self.focused_mention is None:
            self._focus_mention(0 if step > 0 else len(self.mentions) - 1)
        else:
            self._focus_mention((self.focused_mention + step) % len(self.mentions))

    def _step_same_entity(self, step: int) -> None:
        entity_id = self.focused_entity
        if entity_id is None or self.focused_mention is None:
            self.notify("Tab to a name first (or search with /)", timeout=2)
            return
        count = len(self.mentions)
        for distance in range(1, count + 1):
            number = (self.focused_mention + step * distance) % count
            if self.mentions[number].entity_id == entity_id:
                self._focus_mention(number)
                return

    def _focus_mention(self, number: int) -> None:
        self.focused_mention = number
        mention = self.mentions[number]
        self._set_quote(self._quote_at_mention(mention))
        self._reveal(mention.start)
        self.refresh()
        self.post_message(MentionFocused(mention.entity_id))

    def _quote_at_mention(self, mention: MentionSpan) -> int | None:
        """The quote this name speaks (its speaker) or stands in, if any."""
        quotes = self.article.quotes if self.article else []
        for number, quote in enumerate(quotes):
            start, end = quote.speaker_start, quote.speaker_end
            if start is not None and end is not None and start <= mention.start < end:
                return number
        for number, quote in enumerate(quotes):
            if quote.start <= mention.start < quote.end:
                return number
        return None

    def _set_quote(self, number: int | None) -> None:
        self.focused_quote = number
        self.post_message(ReaderMoved())
        if number is None or self.article is None:
            self.border_subtitle = ""
            return
        quote = self.article.quotes[number]
        self.border_subtitle = f"said by {visible(quote.speaker or 'nobody named')}"

    def action_step_quote(self, step: int) -> None:
        quotes = self.article.quotes if self.article else []
        if not quotes:
            self.notify("No quotes in this article", timeout=2)
            return
        if self.focused_quote is None:
            self._focus_quote(0 if step > 0 else len(quotes) - 1)
        else:
            self._focus_quote((self.focused_quote + step) % len(quotes))

    def _focus_quote(self, number: int) -> None:
        assert self.article is not None
        self._set_quote(number)
        self._reveal(self.article.quotes[number].start)
        self.refresh()

    def action_open_entity(self) -> None:
        if (entity_id := self.focused_entity) is not None:
            self.post_message(EntityOpened(entity_id))
        else:
            self.notify("Tab to a name, then press Enter for its profile", timeout=2)

    def action_neighbour(self, forward: bool) -> None:
        if (entity_id := self.focused_entity) is not None and self.article is not None:
            self.post_message(NeighbourWanted(entity_id, self.article.id, forward))
        else:
            self.notify("Tab to a name first", timeout=2)

    def _step_hit(self, step: int) -> None:
        """The next (or previous) hit; past the last (or first), ask for the next
        (or previous) article in the list of hits."""
        if self.current_hit is None:
            number = 0 if step > 0 else len(self.hits) - 1
        else:
            number = self.current_hit + step
        if not 0 <= number < len(self.hits):
            self.post_message(HitsExhausted(forward=step > 0))
            return
        self.current_hit = number
        self._reveal(self.hits[number][0])
        self.refresh()
        self.post_message(ReaderMoved())

    def _reveal(self, offset: int) -> None:
        """Scroll so the line showing text offset `offset` is in view."""
        number = self._line_of(offset)
        if number is None:
            return
        line = self._lines[number]
        if isinstance(line, FoldLine):
            self.show_repeats = True
            self._layout()
            self._reveal(offset)
            return
        top = int(self.scroll_offset.y)
        if not top <= number < top + self.size.height:
            self.scroll_to(y=max(number - self.size.height // 3, 0), animate=False)

    def _line_of(self, offset: int) -> int | None:
        """The display line showing text offset `offset` (a fold line if it is folded)."""
        for number, line in enumerate(self._lines):
            if isinstance(line, TextLine) and line.start <= offset < max(line.end, line.start + 1):
                return number
            if isinstance(line, FoldLine) and line.repeat.start <= offset < line.repeat.end:
                return number
        return None

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_failure(self, event)

    def action_toggle_repeats(self) -> None:
        self.show_repeats = not self.show_repeats
        self._layout()

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)
