"""The status line: where you are (article N of M, mention, quote), the search and filter."""

from __future__ import annotations

from dataclasses import dataclass, replace

from rich.text import Text
from textual.app import ComposeResult, RenderResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from tui.safe_text import visible
from tui.widgets.article_list import ArticleList
from tui.widgets.reader import Reader


@dataclass(frozen=True)
class Status:
    """What the status line says; each part is left out when it has nothing to say."""

    position: int | None = None
    """1-based place of the reader's article in the list (None: not in it)."""
    total: int = 0
    entity: str | None = None
    mention: tuple[int, int] | None = None
    """i of n mentions of the focused entity in this article."""
    quote: tuple[int, int] | None = None
    hit: tuple[int, int] | None = None
    """i of n search hits in this article."""
    search: str | None = None
    filter: str | None = None
    starred: bool = False


class StatusText(Widget):
    """One line of text that changes without a new layout of the screen (a
    `Static.update` lays out the whole screen again: twice per article read)."""

    text: reactive[Text] = reactive(Text, layout=False)

    def render(self) -> RenderResult:
        return self.text


class StatusLine(Horizontal):
    """One line above the footer; `?` for the keys is always on it, whatever the
    footer has room for."""

    DEFAULT_CSS = """
    StatusLine { height: 1; padding: 0 1; }
    StatusLine #status-text { width: 1fr; height: 1; }
    StatusLine #status-keys { width: auto; color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        yield StatusText(id="status-text")
        yield Static("? keys", id="status-keys")

    shown: Status | None = None

    def show(self, status: Status) -> None:
        if status == self.shown:
            return
        self.shown = status
        parts: list[str | tuple[str, str]] = []
        if status.total:
            where = f"{status.position:,}" if status.position is not None else "not listed"
            parts.append(f"article {where} of {status.total:,}")
        if status.starred:
            parts.append(("★", "bold"))
        if status.entity is not None and status.mention is not None:
            number, count = status.mention
            parts.append(f"{visible(status.entity)} {number} of {count}")
        if status.quote is not None:
            parts.append(f"quote {status.quote[0]} of {status.quote[1]}")
        if status.search is not None:
            parts.append(("search “" + visible(status.search) + "”", "bold"))
            if status.hit is not None:
                parts.append(f"hit {status.hit[0]} of {status.hit[1]}")
        if status.filter:
            parts.append(("filter " + visible(status.filter), "bold"))
        text = Text(no_wrap=True, overflow="ellipsis")
        for number, part in enumerate(parts):
            if number:
                text.append(" · ", style="dim")
            text.append(*((part,) if isinstance(part, str) else part))
        self.query_one(StatusText).text = text


def status_of(articles: ArticleList, reader: Reader, *, starred: bool) -> Status:
    """What the status line says about the list and the reader as they are."""
    article = reader.article
    status = Status(
        position=None if articles.astray or article is None else articles.cursor + 1,
        total=articles.total,
        search=articles.search_query,
        filter=articles.where.describe(),
        starred=starred,
    )
    if article is not None and reader.focused_mention is not None:
        entity = reader.mentions[reader.focused_mention]
        same = [m for m in reader.mentions if m.entity_id == entity.entity_id]
        status = replace(status, entity=entity.name, mention=(same.index(entity) + 1, len(same)))
    if article is not None and reader.current_hit is not None and reader.hits:
        status = replace(status, hit=(reader.current_hit + 1, len(reader.hits)))
    if article is not None and reader.focused_quote is not None:
        status = replace(status, quote=(reader.focused_quote + 1, len(article.quotes)))
    return status
