"""How one line of the article list is drawn: date, title and source columns that fit the width."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style

from store.models import ArticleRow
from tui.safe_text import visible

DATE_WIDTH = 10
SOURCE_WIDTH = 18
# Narrower than this, a row is its date and title only.
SOURCE_FROM_WIDTH = 60


@dataclass(frozen=True)
class RowStyles:
    base: Style
    date: Style
    untitled: Style
    source: Style


@dataclass(frozen=True)
class Columns:
    """Which columns the list shows: no date column in an undated corpus, no source
    column when the list is narrow or filtered to one source."""

    dates: bool = True
    sources: bool = True


def story_mark(row: ArticleRow, *, member: bool, opened: bool) -> str:
    """What a row of a story shows before its title: `⊞ 3 ` folded (3 articles tell
    it), `⊟ 3 ` opened, `  ↳ ` for the story's other articles under it."""
    if member:
        return "  ↳ "
    if row.folds_story:
        return f"{'⊟' if opened else '⊞'} {row.story_size} "
    return ""


def row_segments(
    row: ArticleRow, width: int, styles: RowStyles, columns: Columns, mark: str = ""
) -> list[Segment]:
    segments: list[Segment] = []
    used = 0
    if columns.dates:
        segments.append(Segment((row.date or "").ljust(DATE_WIDTH) + " ", styles.date))
        used += DATE_WIDTH + 1
    if mark:
        segments.append(Segment(mark, styles.date))
        used += cell_len(mark)
    source = visible(row.source or "")[:SOURCE_WIDTH]
    show_source = columns.sources and width >= SOURCE_FROM_WIDTH and source
    title_width = width - used - (cell_len(source) + 1 if show_source else 0)
    title = fit(visible(row.title), max(title_width, 0))
    segments.append(Segment(title, styles.base if row.titled else styles.untitled))
    if show_source:
        segments.append(Segment(" " + source, styles.source))
    return segments


def fit(text: str, width: int) -> str:
    """`text` cut or padded to `width` cells."""
    if cell_len(text) <= width:
        return text + " " * (width - cell_len(text))
    out = ""
    for char in text:
        if cell_len(out + char) > width - 1:
            break
        out += char
    return out + "…" + " " * (width - 1 - cell_len(out))
