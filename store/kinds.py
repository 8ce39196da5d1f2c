"""The kinds of entity nutgraf knows, one closed set used by the store, the CLI and the browser.

The schema contract allows `person`, `org` and `place` in `entities.kind`. Other
tools write to the same file, so a reader never assumes it: an unknown kind is
shown as it is, never looked up where it could crash a screen.
"""

from __future__ import annotations

from enum import StrEnum


class EntityKind(StrEnum):
    PERSON = "person"
    ORG = "org"
    PLACE = "place"

    @property
    def display(self) -> str:
        """The kind in a sentence: `person`, `organisation`, `place`."""
        return _DISPLAY[self]

    @property
    def plural(self) -> str:
        """The kind as a heading: `People`, `Organisations`, `Places`."""
        return _PLURAL[self]

    @classmethod
    def parse(cls, value: str) -> EntityKind | None:
        """The kind a stored value names, or None for a value outside the contract."""
        try:
            return cls(value)
        except ValueError:
            return None


_DISPLAY = {EntityKind.PERSON: "person", EntityKind.ORG: "organisation", EntityKind.PLACE: "place"}
_PLURAL = {EntityKind.PERSON: "People", EntityKind.ORG: "Organisations", EntityKind.PLACE: "Places"}


def kind_display(value: str) -> str:
    """How to show a stored kind: its display name, or the value itself if unknown."""
    kind = EntityKind.parse(value)
    return kind.display if kind is not None else value
