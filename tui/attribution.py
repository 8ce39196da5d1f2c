"""How a quote's speaker reads on screen: named plainly when sure, marked when not."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from tui.safe_text import visible

if TYPE_CHECKING:
    from store.models import StatementRow


class Spoken(Protocol):
    """Words with a speaker, perhaps named unsure: a quote or a statement."""

    @property
    def speaker(self) -> str | None: ...

    @property
    def uncertain(self) -> bool: ...


class Attributed(Spoken, Protocol):
    """A quote as the reader (`QuoteSpan`) or a list (`QuoteRow`) holds it."""

    @property
    def method(self) -> str | None: ...

    @property
    def confidence(self) -> float | None: ...


def method_name(method: str | None) -> str:
    """How a speaker was found, in words (`a name nearby`)."""
    # The extractor's module: loaded when first needed, never at start-up (a worker
    # loading an article with an uncertain speaker loads it first).
    from store.extract.quotes import AttributionMethod

    return AttributionMethod.parse(method).display_name


def speaker_text(quote: Attributed, nobody: str = "nobody named") -> str:
    """The speaker for the screen: `Vladimir Putin`, or `White House? (uncertain, 44%: a
    name nearby)` when the speaker model was unsure."""
    if quote.speaker is None:
        return nobody
    name = visible(quote.speaker)
    if not quote.uncertain or quote.confidence is None:
        return name
    # The figure first: a narrow border cuts the end.
    return f"{name}? (uncertain, {quote.confidence:.0%}: {method_name(quote.method)})"


def short_speaker(quote: Spoken, nobody: str = "(unattributed)") -> str:
    """The speaker in a list row: `White House?` when uncertain."""
    if quote.speaker is None:
        return nobody
    return visible(quote.speaker) + ("?" if quote.uncertain else "")


def statement_speaker(row: StatementRow) -> str:
    """Who said a statement, in a list: its speaker (`White House?` when the surest
    quote naming them was unsure), else what its first quote says of its speaker (`a
    senior official`), if anything."""
    if row.id is not None and row.speaker:
        return short_speaker(row)
    first = row.first_seen
    return short_speaker(first) if first is not None else "(unattributed)"
