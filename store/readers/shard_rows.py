"""Checks on the rows a shard gives for one article: what is stored must hold in the text."""

from __future__ import annotations

from store.extract.entities import Mention
from store.extract.quotes import AttributionMethod, Quote
from store.extract.repeats import Repeat
from store.kinds import EntityKind

# Longest value quoted in a message (as a repr, so no raw bytes reach the terminal).
_QUOTED_CHARS = 40


class BadRow(ValueError):
    """An article of a shard that cannot be imported, and why."""


class NotUtf8(bytes):
    """A TEXT value of a shard that is not valid UTF-8, kept as bytes so that its
    article is reported instead of the whole shard failing."""


def text_or_bytes(data: bytes) -> str | NotUtf8:
    """The shard connection's text factory."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return NotUtf8(data)


def described(value: object) -> str:
    """What a value of the wrong type is, in the words of SQLite."""
    if isinstance(value, NotUtf8):
        return "not valid UTF-8"
    if isinstance(value, bytes):
        return "a BLOB"
    if value is None:
        return "NULL"
    if isinstance(value, str):
        return "blank" if not value.strip() else "text"
    if isinstance(value, int | float):
        return "a number"
    return f"a {type(value).__name__}"


def quoted(value: object) -> str:
    """A value for a message: a number as it is, anything else as a short repr."""
    if isinstance(value, int):
        return str(value)
    shown = repr(value)
    return shown if len(shown) <= _QUOTED_CHARS else shown[: _QUOTED_CHARS - 1] + "…"


def checked_repeat(row: tuple[object, ...], length: int) -> Repeat:
    """A `repeats` row (start, end, original_start) of a text of `length` characters."""
    start, end = _span("repeated passage", row[0], row[1], length)
    original = row[2]
    if not isinstance(original, int) or not 0 <= original < start:
        raise BadRow(f"repeated passage at {start}-{end} repeats {quoted(original)}, not before it")
    return Repeat(start, end, original)


def checked_mention(row: tuple[object, ...], length: int) -> Mention:
    """A `mentions` row joined to its entity: (start, end, text, entity_id,
    entities.id, kind, name)."""
    start, end = _span("mention", row[0], row[1], length)
    what = f"mention at {start}-{end}"
    text = _text(what, row[2])
    kind, name = _entity(what, row[3], row[4], row[5], row[6])
    return Mention(start, end, text, kind, name)


def checked_quote(row: tuple[object, ...], length: int) -> Quote:
    """A `quotes` row joined to its speaker: (start, end, text, speaker_entity_id,
    entities.id, speaker_text, speaker_start, speaker_end, name, kind, cue, method,
    confidence)."""
    start, end = _span("quote", row[0], row[1], length)
    what = f"quote at {start}-{end}"
    text = _text(what, row[2])
    speaker_text = _optional_text(f"{what}: speaker text", row[5])
    speaker_start: int | None = None
    speaker_end: int | None = None
    if row[6] is not None or row[7] is not None:
        speaker_start, speaker_end = _span(f"{what}: speaker", row[6], row[7], length)
    name: str | None = None
    kind: str | None = None
    if row[3] is not None:
        kind, name = _entity(f"{what}: speaker", row[3], row[4], row[9], row[8])
    cue = _optional_text(f"{what}: cue", row[10])
    method = AttributionMethod.parse(row[11]) if len(row) > 11 else AttributionMethod.NONE
    confidence = row[12] if len(row) > 12 else None
    if confidence is not None and not (isinstance(confidence, float) and 0 <= confidence <= 1):
        raise BadRow(f"{what}: confidence {quoted(confidence)} is not between 0 and 1")
    return Quote(
        start, end, text, speaker_text, speaker_start, speaker_end, name, kind, cue,
        method, confidence,
    )  # fmt: skip


def _span(what: str, start: object, end: object, length: int) -> tuple[int, int]:
    if not isinstance(start, int) or not isinstance(end, int):
        raise BadRow(f"{what} at {quoted(start)}-{quoted(end)}: not two whole numbers")
    if not 0 <= start < end <= length:
        raise BadRow(f"{what} at {start}-{end}: not a span of the text (0-{length})")
    return start, end


def _text(what: str, value: object) -> str:
    if not isinstance(value, str) or not value:
        raise BadRow(f"{what}: its text is {described(value)}")
    return value


def _optional_text(what: str, value: object) -> str | None:
    if value is not None and not isinstance(value, str):
        raise BadRow(f"{what} is {described(value)}")
    return value


def _entity(
    what: str, entity_id: object, found: object, kind: object, name: object
) -> tuple[str, str]:
    if found is None:
        raise BadRow(f"{what}: entity {quoted(entity_id)} is missing")
    known = EntityKind.parse(kind) if isinstance(kind, str) else None
    if known is None:
        raise BadRow(f"{what}: unknown kind {quoted(kind)}")
    if not isinstance(name, str) or not name.strip():
        raise BadRow(f"{what}: the entity's name is {described(name)}")
    return known.value, name
