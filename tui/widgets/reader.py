"""The reader: an article's header and text, drawn one visible line at a time."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from store.models import Article, Repeat
from tui.layout import BlankLine, DisplayLine, FoldLine, TextLine, wrap_text
from tui.safe_text import visible


@dataclass(frozen=True)
class HeaderLine:
    text: str
    role: str


ReaderLine = DisplayLine | HeaderLine


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
        Binding("n", "next_hit", "Next hit", id="reader.next-hit"),
        Binding("N", "previous_hit", "Previous hit", id="reader.previous-hit"),
        Binding("z", "toggle_repeats", "Fold repeats", id="reader.toggle-repeats"),
    ]
    COMPONENT_CLASSES = {
        "reader--title",
        "reader--meta",
        "reader--hit",
        "reader--current-hit",
        "reader--fold",
    }

    article: reactive[Article | None] = reactive(None, layout=False, always_update=True)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines: list[ReaderLine] = []
        self._layout_width = 0
        self.show_repeats = False
        self.hit_pattern: re.Pattern[str] | None = None
        self.hits: list[tuple[int, int]] = []
        self.current_hit: int | None = None

    # -- content -----------------------------------------------------------

    def watch_article(self, article: Article | None) -> None:
        self.current_hit = None
        self._find_hits()
        self._layout()
        self.scroll_to(y=0, animate=False)
        if self.hits:
            self.action_next_hit()

    def highlight(self, pattern: re.Pattern[str] | None) -> None:
        """Mark the matches of `pattern` (a search's terms) in the text."""
        self.hit_pattern = pattern
        self.current_hit = None
        self._find_hits()
        self.refresh()

    def _find_hits(self) -> None:
        if self.article is None or self.hit_pattern is None:
            self.hits = []
            return
        self.hits = [match.span() for match in self.hit_pattern.finditer(self.article.text)]

    def on_resize(self) -> None:
        if self._text_width != self._layout_width:
            self._layout()

    @property
    def _text_width(self) -> int:
        return self.scrollable_content_region.width

    def _layout(self) -> None:
        width = max(self._text_width, 10)
        self._layout_width = self._text_width
        article = self.article
        if article is None:
            self._lines = [HeaderLine("No article. Pick one in the list and press Enter.", "meta")]
        else:
            folded: list[Repeat] = [] if self.show_repeats else article.repeats
            header = [
                HeaderLine(visible(line), "title")
                for line in _wrap_plain(article.title or "(untitled)", width)
            ]
            meta = " · ".join(part for part in (article.source, article.date) if part)
            if meta:
                header.append(HeaderLine(visible(meta), "meta"))
            if article.url:
                header.append(HeaderLine(visible(article.url), "meta"))
            self._lines = [*header, BlankLine(), *wrap_text(article.text, width, folded)]
        self.virtual_size = Size(width, len(self._lines))
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
            segments = [Segment(line.text, style)]
        elif isinstance(line, FoldLine):
            style = base + self.get_component_rich_style("reader--fold")
            label = f"⋯ repeated passage, {line.words} words (z shows it)"
            segments = [Segment(label, style)]
        elif isinstance(line, TextLine):
            segments = self._text_segments(line, base)
        else:
            segments = []
        return Strip(segments).adjust_cell_length(width, base)

    def _text_segments(self, line: TextLine, base: Style) -> list[Segment]:
        assert self.article is not None
        text = self.article.text
        spans = [
            (start, end, number)
            for number, (start, end) in enumerate(self.hits)
            if start < line.end and end > line.start
        ]
        if not spans:
            return [Segment(visible(text[line.start : line.end].rstrip("\n")), base)]
        hit_style = base + self.get_component_rich_style("reader--hit")
        current_style = base + self.get_component_rich_style("reader--current-hit")
        segments = []
        position = line.start
        for start, end, number in spans:
            start, end = max(start, line.start), min(end, line.end)
            if start > position:
                segments.append(Segment(visible(text[position:start]), base))
            style = current_style if number == self.current_hit else hit_style
            segments.append(Segment(visible(text[start:end]), style))
            position = end
        if position < line.end:
            segments.append(Segment(visible(text[position : line.end]), base))
        return segments

    # -- actions -----------------------------------------------------------

    def action_next_hit(self) -> None:
        self._step_hit(+1)

    def action_previous_hit(self) -> None:
        self._step_hit(-1)

    def _step_hit(self, step: int) -> None:
        if not self.hits:
            self.notify("No search hits in this article", timeout=2)
            return
        if self.current_hit is None:
            self.current_hit = 0 if step > 0 else len(self.hits) - 1
        else:
            self.current_hit = (self.current_hit + step) % len(self.hits)
        start = self.hits[self.current_hit][0]
        self._reveal(start)
        self.refresh()

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

    def action_toggle_repeats(self) -> None:
        self.show_repeats = not self.show_repeats
        self._layout()

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)


def _wrap_plain(text: str, width: int) -> list[str]:
    return [
        text[line.start : line.end].strip()
        for line in wrap_text(text, width, [])
        if isinstance(line, TextLine)
    ]
