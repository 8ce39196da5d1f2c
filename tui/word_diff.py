"""A quote compared with another, word by word: what was kept, left out, added or changed.

Words are compared folded (case, and punctuation at their edges: `Trump,` is
`Trump`), and shown as written. Changes are marked in words as well as in
colour, so a diff reads the same without colour (`NO_COLOR`, a 16-colour
terminal, a copy pasted elsewhere): `[-left out-]`, `[+added+]`, and a change
as both, the old words first.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

from textual.content import Content

from tui.safe_text import visible

_EDGES = "\"'“”‘’«»()[],.;:!?—–-…"


class Change(StrEnum):
    SAME = "same"
    ADDED = "added"
    REMOVED = "removed"

    @property
    def marks(self) -> tuple[str, str]:
        return _MARKS[self]


_MARKS = {Change.SAME: ("", ""), Change.ADDED: ("[+", "+]"), Change.REMOVED: ("[-", "-]")}
# Theme variables: resolved by the app's stylesheet where the text is drawn.
STYLES = {
    Change.SAME: "",
    Change.ADDED: "$text-success bold",
    Change.REMOVED: "$text-error strike",
}


@dataclass(frozen=True)
class Piece:
    """A run of words: kept from the first quote, left out of it, or added."""

    text: str
    change: Change


def _folded(word: str) -> str:
    return word.strip(_EDGES).casefold() or word


def word_diff(first: str, other: str) -> list[Piece]:
    """`other` against `first`, word by word: its own words (kept or added) with the
    words of `first` it leaves out, where they were."""
    old, new = first.split(), other.split()
    matcher = SequenceMatcher(None, [_folded(w) for w in old], [_folded(w) for w in new], False)
    pieces: list[Piece] = []
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(Piece(" ".join(new[new_start:new_end]), Change.SAME))
            continue
        if tag in ("delete", "replace"):
            pieces.append(Piece(" ".join(old[old_start:old_end]), Change.REMOVED))
        if tag in ("insert", "replace"):
            pieces.append(Piece(" ".join(new[new_start:new_end]), Change.ADDED))
    return pieces


def unchanged(pieces: list[Piece]) -> bool:
    return all(piece.change is Change.SAME for piece in pieces)


def plain_diff(pieces: list[Piece]) -> str:
    """The diff as plain text with its marks: `the [-policy which-] [+policies+] …`."""
    return " ".join(
        f"{piece.change.marks[0]}{piece.text}{piece.change.marks[1]}" for piece in pieces
    )


def diff_content(pieces: list[Piece]) -> Content:
    """The diff for the screen: marks and colour, the data made visible."""
    parts: list[str | tuple[str, str]] = []
    for number, piece in enumerate(pieces):
        if number:
            parts.append(" ")
        opening, closing = piece.change.marks
        text = f"{opening}{visible(piece.text)}{closing}"
        parts.append((text, STYLES[piece.change]) if STYLES[piece.change] else text)
    return Content.assemble(*parts)
