"""The people the resolver knows, by surname, initials and first name: whom a lone
surname, a lone first name or a name spelled a little differently stands for."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from store.extract.lexicon import SUFFIXES
from store.names import (
    distinctive_given_name,
    far_ahead,
    same_given_name,
    same_middle,
    styled,
)

# How close two spellings of a name part must be (rapidfuzz ratio, 0-100).
FIRST_NAME_SIMILARITY = 75
LAST_NAME_SIMILARITY = 80
# A lone first name is the person who has it when they have this many mentions, and
# this many times as many as anyone else with that first name.
FIRST_NAME_MENTIONS = 20
FIRST_NAME_DOMINANCE = 5


@dataclass
class Entity:
    """An entity as the resolver keeps it: its id, kind, folded name and mention count."""

    id: int
    kind: str
    key: str
    mentions: int


class Namesakes:
    """The people of two names or more, by surname, initials and first name."""

    def __init__(self) -> None:
        self._by_surname: dict[str, list[Entity]] = defaultdict(list)
        self._by_initials: dict[str, list[Entity]] = defaultdict(list)
        self._by_first_name: dict[str, list[Entity]] = defaultdict(list)

    def _indexes(self, entity: Entity) -> list[tuple[dict[str, list[Entity]], str]]:
        parts = entity.key.split()
        if entity.kind != "person" or len(parts) < 2 or styled(entity.key):
            return []
        return [
            (self._by_surname, parts[-1]),
            (self._by_initials, parts[0][0] + parts[-1][0]),
            (self._by_first_name, parts[0]),
        ]

    def add(self, entity: Entity) -> None:
        for index, key in self._indexes(entity):
            index[key].append(entity)

    def remove(self, entity: Entity) -> None:
        for index, key in self._indexes(entity):
            index[key] = [known for known in index[key] if known.id != entity.id]

    def of_surname(self, surname: str) -> list[Entity]:
        return self._by_surname.get(surname, [])

    def similar(self, key: str) -> Entity | None:
        """The known person a person's name not met before stands for, if any: a lone
        surname's best-known bearer, a lone first name's far best-known one, the same
        full name spelled a little differently."""
        parts = key.split()
        if len(parts) == 2 and parts[1] in SUFFIXES:
            # "Trump Jr." is the person whose name ends so: "Donald Trump Jr."
            namesakes = [e for e in self._by_surname.get(parts[1], []) if e.key.endswith(key)]
            return max(namesakes, key=lambda e: e.mentions, default=None)
        if len(parts) == 1:
            namesakes = self._by_surname.get(key, [])
            bearer = max(namesakes, key=lambda e: e.mentions, default=None)
            if distinctive_given_name(key):
                # `Hillary` is Hillary Clinton, not the `Oh Hillary` of a headline.
                known = _best_known(self._by_first_name.get(key, []))
                rival = [bearer.mentions] if bearer else []
                if known and far_ahead(known.mentions, rival, 0, FIRST_NAME_DOMINANCE):
                    return known
            return bearer
        if styled(key):
            return None  # `Lord Falconer` is no `Charles Falconer` of another article
        # Everyone with these initials: the quick tests first (most differ by surname).
        first, last = parts[0], parts[-1]
        for known in self._by_initials.get(first[0] + last[0], []):
            known_parts = known.key.split()
            if (
                fuzz.ratio(known_parts[-1], last) >= LAST_NAME_SIMILARITY
                and fuzz.ratio(known_parts[0], first) >= FIRST_NAME_SIMILARITY
                and same_middle(parts, known_parts)
                and same_given_name(known_parts[0], first)
            ):
                return known
        return None


def _best_known(people: list[Entity]) -> Entity | None:
    """The one of these people a lone first name means, if one stands far above the rest."""
    ranked = sorted(people, key=lambda entity: entity.mentions, reverse=True)
    if not ranked:
        return None
    rest = [entity.mentions for entity in ranked[1:2]]
    return (
        ranked[0]
        if far_ahead(ranked[0].mentions, rest, FIRST_NAME_MENTIONS, FIRST_NAME_DOMINANCE)
        else None
    )
