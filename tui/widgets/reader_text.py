"""The styles of one line of article text in the reader: names, quotes, then search hits on top."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style

from store.kinds import EntityKind
from store.models import Article
from tui.layout import TextLine, cut_at_styles


@dataclass(frozen=True)
class Cursors:
    """What the reader's cursors are on, for drawing."""

    focused_mention: int | None
    focused_entity: int | None
    focused_quote: int | None
    current_hit: int | None


def text_segments(
    article: Article,
    line: TextLine,
    base: Style,
    cursors: Cursors,
    mention_starts: list[int],
    hits: list[tuple[int, int]],
    hit_starts: list[int],
    style_of: Callable[[str], Style],
) -> list[Segment]:
    """The line's text cut where a style starts or ends.

    Args:
        style_of: a reader component's style by its short name (`person`, `hit`).
    """
    styled: list[tuple[int, int, Style]] = []
    mentions = article.mentions
    first = max(bisect_left(mention_starts, line.start) - 1, 0)
    for number in range(first, len(mentions)):
        mention = mentions[number]
        if mention.start >= line.end:
            break
        if mention.end <= line.start:
            continue
        # A kind outside the contract (written by another tool) is drawn plain.
        known = EntityKind.parse(mention.kind)
        style = style_of(known) if known else Style()
        if number == cursors.focused_mention:
            style += style_of("focused-mention")
        elif mention.entity_id == cursors.focused_entity:
            style += style_of("same-entity")
        styled.append((mention.start, mention.end, style))
    for number, quote in enumerate(article.quotes):
        if quote.start < line.end and quote.end > line.start:
            kind = "focused-quote" if number == cursors.focused_quote else "quote"
            styled.append((quote.start, quote.end, style_of(kind)))
        # A quote other articles carry too: its opening mark is drawn as a badge.
        if quote.seen_elsewhere and line.start <= quote.start - 1 < line.end:
            styled.append((quote.start - 1, quote.start, style_of("shared-quote")))
    # Hits are short and sorted: only those from the one before the line on can show.
    for number in range(max(bisect_left(hit_starts, line.start) - 1, 0), len(hits)):
        start, end = hits[number]
        if start >= line.end:
            break
        if end > line.start:
            styled.append(
                (start, end, style_of("current-hit" if number == cursors.current_hit else "hit"))
            )
    return cut_at_styles(article.text, line, styled, base)
