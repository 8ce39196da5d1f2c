"""An article drawn one visible line at a time: header, wrapped text, names, quotes and hits."""

from __future__ import annotations

import re
from functools import partial
from itertools import islice

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip
from textual.worker import Worker

from store.models import Article, MentionSpan, Repeat
from tui.layout import FoldLine, HeaderLine, ReaderLine, TextLine, header_lines, wrap_text
from tui.safe_text import visible
from tui.widgets.reader_text import Cursors, text_segments
from tui.worker_errors import report_failure

# Articles longer than this (characters) are wrapped in a thread: the reader shows
# their first screens at once (wrapping a 50 MB article takes seconds).
WRAP_IN_BACKGROUND = 200_000
# Search hits marked in one article, at most (a common word in a 50 MB article).
MAX_HITS = 10_000


class ArticleView(ScrollView, can_focus=True):
    """Shows one article: title, source, date and url, then the wrapped text.

    Wrapping keeps offsets into the text, so styling (search hits, mentions and
    quotes) is applied per visible line, never per article. The cursors it draws
    are moved by the `Reader`, which adds the keys.
    """

    COMPONENT_CLASSES = {
        "reader--title",
        "reader--meta",
        "reader--url",
        "reader--story",
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
        "reader--shared-quote",
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

    @property
    def mentions(self) -> list[MentionSpan]:
        return self.article.mentions if self.article else []

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
