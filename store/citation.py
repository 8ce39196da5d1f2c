"""Citations as researchers paste them: `“…” — Speaker, Title, Source, YYYY-MM-DD, URL`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.models import QuoteRow


def _joined(*parts: str | None) -> str:
    return ", ".join(" ".join(part.split()) for part in parts if part and part.strip())


def cite_article(title: str | None, source: str | None, date: str | None, url: str | None) -> str:
    """`Title, Source, YYYY-MM-DD, URL`, leaving out what the article lacks."""
    return _joined(title or "(untitled)", source, date, url)


def cite_quote(
    text: str,
    speaker: str | None,
    title: str | None,
    source: str | None,
    date: str | None,
    url: str | None,
    *,
    uncertain: bool = False,
) -> str:
    """`“text” — Speaker, Title, Source, YYYY-MM-DD, URL`: the quote on one line
    (its line breaks and runs of spaces folded), then who said it and where; a speaker
    the model named unsure is cited so (`Speaker (attribution uncertain)`)."""
    quoted = "“" + " ".join(text.split()) + "”"
    if speaker and uncertain:
        speaker = f"{speaker} (attribution uncertain)"
    return f"{quoted} — {_joined(speaker, cite_article(title, source, date, url))}"


def cite_quote_row(quote: QuoteRow) -> str:
    """`cite_quote` for a quote as lists hold it (who said what, the statement view,
    the exports)."""
    return cite_quote(
        quote.text,
        quote.speaker,
        quote.title,
        quote.source,
        quote.date,
        quote.url,
        uncertain=quote.uncertain,
    )
