"""Across articles, one entity per person: spellings, initials, canonical names."""

from __future__ import annotations

from sqlite_utils import Database

from store.entity_resolver import EntityResolver
from store.names import canonical_name


def test_a_middle_initial_is_the_same_person(db: Database) -> None:
    resolver = EntityResolver(db)
    trump = resolver.resolve("person", "Donald Trump")
    assert resolver.resolve("person", "Donald J. Trump") == trump
    other = EntityResolver(db)  # and the other way round, from a fresh start
    assert other.resolve("person", "Jane Q. Public") == other.resolve("person", "Jane Public")


def test_different_initials_are_different_people(db: Database) -> None:
    resolver = EntityResolver(db)
    son = resolver.resolve("person", "George W. Bush")
    assert resolver.resolve("person", "George H. W. Bush") != son


def test_the_canonical_name_is_chosen_by_evidence_not_import_order() -> None:
    # One outlet's misspelling is also a Russian city: a tie goes to the other form.
    for order in (
        [("Dmitry Pskov", 1), ("Dmitry Peskov", 1)],
        [("Dmitry Peskov", 1), ("Dmitry Pskov", 1)],
    ):
        assert canonical_name([*order, ("Peskov", 3)]) == "Dmitry Peskov"
    # An initial does not make a name more complete.
    assert canonical_name([("Donald Trump", 40), ("Donald J. Trump", 12)]) == "Donald Trump"


def test_the_seeds_name_dmitry_peskov(seeded_db: Database) -> None:
    names = {name for (name,) in seeded_db.execute("SELECT name FROM entities")}
    assert "Dmitry Peskov" in names and "Dmitry Pskov" not in names
