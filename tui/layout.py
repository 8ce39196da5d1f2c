"""Wrapping article text into display lines that keep their offsets into the text."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style

from store.models import Article, ArticleMeta, Repeat
from tui.links import safe_link
from tui.safe_text import visible
from tui.wording import count

_WORD = re.compile(r"\S+\s*")


@dataclass(frozen=True)
class TextLine:
    """Display line showing `text[start:end]`."""

    start: int
    end: int


@dataclass(frozen=True)
class FoldLine:
    """A folded repeated passage, shown as one line."""

    repeat: Repeat
    words: int


@dataclass(frozen=True)
class BlankLine:
    pass


DisplayLine = TextLine | FoldLine | BlankLine


@dataclass(frozen=True)
class HeaderLine:
    """A line of the article's header: its title, source and date (`meta`), or a
    piece of its url (`url`, with the `link` to open when the terminal can)."""

    text: str
    role: str
    link: str | None = None


ReaderLine = DisplayLine | HeaderLine


def wrap_text(
    text: str, width: int, folded: list[Repeat], *, limit: int | None = None
) -> list[DisplayLine]:
    """Display lines for `text` at `width` cells; each repeat in `folded` is one line.

    Paragraphs (`\\n`-separated) are wrapped at spaces; a word wider than
    the line is cut. A blank line separates paragraphs. With `limit`, only
    the paragraphs starting before it are wrapped: the first lines of a huge
    article, the same as the whole text's.
    """
    width = max(width, 10)
    end = len(text)
    if limit is not None and limit < end:
        newline = text.find("\n", limit)
        end = end if newline == -1 else newline
    lines: list[DisplayLine] = []
    position = 0
    for repeat in sorted(folded, key=lambda r: r.start):
        if repeat.end > end:
            break
        _wrap_range(text, position, repeat.start, width, lines)
        lines.append(FoldLine(repeat, len(text[repeat.start : repeat.end].split())))
        position = repeat.end
    _wrap_range(text, position, end, width, lines)
    while lines and isinstance(lines[-1], BlankLine):
        lines.pop()
    return lines


def _wrap_range(text: str, start: int, end: int, width: int, lines: list[DisplayLine]) -> None:
    paragraph_start = start
    while paragraph_start <= end:
        newline = text.find("\n", paragraph_start, end)
        paragraph_end = end if newline == -1 else newline
        if text[paragraph_start:paragraph_end].strip():
            _wrap_paragraph(text, paragraph_start, paragraph_end, width, lines)
            if newline != -1 and lines and not isinstance(lines[-1], BlankLine):
                lines.append(BlankLine())
        if newline == -1:
            break
        paragraph_start = newline + 1


def _wrap_paragraph(text: str, start: int, end: int, width: int, lines: list[DisplayLine]) -> None:
    line_start = start
    used = 0
    for match in _WORD.finditer(text, start, end):
        word = match.group()
        word_cells = cell_len(word.rstrip())
        if used and used + word_cells > width:
            lines.append(TextLine(line_start, match.start()))
            line_start, used = match.start(), 0
        while word_cells > width:
            # A word wider than the line (a URL): cut it into line-wide pieces.
            cut = _cells_prefix(text, line_start, width)
            lines.append(TextLine(line_start, cut))
            word_cells -= cell_len(text[line_start:cut])
            line_start = cut
        used += cell_len(text[line_start if used == 0 else match.start() : match.end()])
    if line_start < end:
        lines.append(TextLine(line_start, end))


def _cells_prefix(text: str, start: int, width: int) -> int:
    end = start
    cells = 0
    while end < len(text) and cells + cell_len(text[end]) <= width:
        cells += cell_len(text[end])
        end += 1
    return max(end, start + 1)


def wrap_plain(text: str, width: int) -> list[str]:
    """`text` wrapped at `width` cells, as strings (for short texts like titles)."""
    return [
        text[line.start : line.end].strip()
        for line in wrap_text(text, width, [])
        if isinstance(line, TextLine)
    ]


def header_lines(article: Article, width: int) -> list[ReaderLine]:
    """The reader's header: the title wrapped, then source · date, the whole url
    (wrapped, a hyperlink where it is a safe one), a blank line."""
    lines: list[ReaderLine] = [
        HeaderLine(visible(line), "title")
        for line in wrap_plain(article.title or "(untitled)", width)
    ]
    meta = " · ".join(part for part in (article.source, article.date) if part)
    if meta:
        lines.append(HeaderLine(visible(meta), "meta"))
    if article.story:
        lines += [HeaderLine(line, "story") for line in wrap_plain(also_told(article.story), width)]
    if article.url:
        link = safe_link(article.url)
        for piece in wrap_text(article.url, width, []):
            if isinstance(piece, TextLine):
                text = visible(article.url[piece.start : piece.end])
                lines.append(HeaderLine(text, "url", link))
    lines.append(BlankLine())
    return lines


def also_told(story: list[ArticleMeta]) -> str:
    """The other articles of a story in a line: `Also told by: Reuters, BBC ×2`
    (articles that name no source counted apart)."""
    sources = Counter(visible(meta.source) for meta in story if meta.source)
    unnamed = sum(1 for meta in story if not meta.source)
    named = [source if n == 1 else f"{source} ×{n}" for source, n in sources.items()]
    if not named:
        return f"Also told in {count(unnamed, 'other article')} (a steps through them)"
    if unnamed:
        named.append(count(unnamed, "other article"))
    return "Also told by: " + ", ".join(named) + " (a steps through them)"


def cut_at_styles(
    text: str, line: TextLine, styled: list[tuple[int, int, Style]], base: Style
) -> list[Segment]:
    """A line's text cut wherever one of the `styled` spans starts or ends, each
    piece in `base` plus the styles of the spans covering it (later ones on top)."""
    cuts = {line.start, line.end}
    for start, end, _ in styled:
        cuts.update(offset for offset in (start, end) if line.start < offset < line.end)
    segments = []
    for start, end in pairwise(sorted(cuts)):
        style = base
        for span_start, span_end, span_style in styled:
            if span_start <= start and end <= span_end:
                style += span_style
        segments.append(Segment(visible(text[start:end]), style))
    return segments
