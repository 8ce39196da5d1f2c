"""What `y` and `Y` copy: the quote under the cursor cited, else the article's citation; its url."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from store.citation import cite_article, cite_quote
from store.models import Article, QuoteSpan
from tui.safe_text import visible


def citation(article: Article, quote: QuoteSpan | None) -> str:
    """`“…” — Speaker, Title, Source, YYYY-MM-DD, URL` for a quote, the article's
    `Title, Source, YYYY-MM-DD, URL` without one; control characters made visible,
    so pasting it cannot drive a terminal."""
    if quote is None:
        text = cite_article(article.title, article.source, article.date, article.url)
    else:
        words = article.text[quote.start : quote.end]
        text = cite_quote(
            words,
            quote.speaker,
            article.title,
            article.source,
            article.date,
            article.url,
            uncertain=quote.uncertain,
        )
    return visible(text)


def copy_citation(screen: Screen[Any], article: Article | None, quote: QuoteSpan | None) -> None:
    """Put the citation on the terminal's clipboard (OSC 52: through SSH and tmux too)."""
    if article is None:
        screen.notify("No article to cite", timeout=2)
        return
    screen.app.copy_to_clipboard(citation(article, quote))
    what = "the quote with its citation" if quote is not None else "the article's citation"
    screen.notify(f"Copied {what}", title="copied", timeout=2)


def copy_url(screen: Screen[Any], article: Article | None) -> None:
    if article is None or not article.url:
        screen.notify("This article has no URL", timeout=2)
        return
    url = visible(article.url)
    screen.app.copy_to_clipboard(url)
    screen.notify(url, title="copied URL", timeout=2, markup=False)
