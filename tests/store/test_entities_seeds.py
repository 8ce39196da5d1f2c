"""People in the seeds, against tests/fixtures/seeds_gold.json (made by reading them)."""

from __future__ import annotations

import json
from collections import defaultdict

from sqlite_utils import Database

from tests.conftest import FIXTURES

GOLD = json.loads((FIXTURES / "seeds_gold.json").read_text(encoding="utf-8"))


def is_name(form: str) -> bool:
    """Surface forms that are names, not pronouns or role nouns ("he", "The diplomat")."""
    first = form.split()[0]
    return first[0].isupper() and first not in {"The", "A", "An"}


def person_entities(seeded_db: Database) -> tuple[dict[str, set[int]], list[str]]:
    """Each gold person's entity ids, and the surface forms not found as a person mention."""
    found: dict[str, set[int]] = defaultdict(set)
    missing = []
    for file, gold in GOLD["articles"].items():
        article_id, text = seeded_db.execute(
            "SELECT id, text FROM articles WHERE path LIKE ?", [f"%{file}"]
        ).fetchone()
        mentions = seeded_db.execute(
            "SELECT start, end, entity_id FROM mentions JOIN entities ON entities.id = entity_id "
            "WHERE article_id = ? AND kind = 'person'",
            [article_id],
        ).fetchall()
        for person, forms in gold["people"].items():
            for form in filter(is_name, forms):
                hits = set()
                position = text.find(form)
                while position != -1:
                    end = position + len(form)
                    hits |= {e for s, t, e in mentions if s < end and t > position}
                    position = text.find(form, position + 1)
                if hits:
                    found[person] |= hits
                elif form in text:
                    missing.append(f"{file[:3]} {person}: {form!r}")
    return found, missing


def test_every_person_is_found_with_every_name_form(seeded_db: Database) -> None:
    _, missing = person_entities(seeded_db)
    assert missing == []


def test_one_entity_per_person_and_no_two_people_merged(seeded_db: Database) -> None:
    found, _ = person_entities(seeded_db)
    split = {person: ids for person, ids in found.items() if len(ids) != 1}
    assert split == {}
    owners: dict[int, list[str]] = defaultdict(list)
    for person, ids in found.items():
        for entity_id in ids:
            owners[entity_id].append(person)
    assert {e: people for e, people in owners.items() if len(people) > 1} == {}


def test_variant_spellings_end_as_one_entity(seeded_db: Database) -> None:
    for group in GOLD["same_entity"]:
        ids = {
            row[0]
            for name in group
            for row in seeded_db.execute(
                "SELECT DISTINCT entity_id FROM entity_aliases WHERE alias = ?", [name]
            )
        }
        assert len(ids) <= 1, group


def test_hard_name_forms() -> None:
    from store.extract.entities import extract_entities

    text = (
        "Syrian President Bashar al-Assad met Beto O'Rourke and George W. Bush in Damascus. "
        "Later al-Assad said Trump’s plan was dead. [Image by Sergei Karpukhin/AP Images] "
        "Ursula van der Leyen spoke. Donald Trumpâ€™s aide agreed. Hillary Clintonâ\x80\x99s too."
    )
    mentions, _ = extract_entities(text)
    names = {(m.text, m.kind, m.name) for m in mentions}
    assert ("Bashar al-Assad", "person", "Bashar al-Assad") in names
    assert ("al-Assad", "person", "Bashar al-Assad") in names
    assert ("Beto O'Rourke", "person", "Beto O'Rourke") in names
    assert ("George W. Bush", "person", "George W. Bush") in names
    assert ("Trump", "person", "Donald Trump") in names  # possessive trimmed, linked
    assert ("Sergei Karpukhin", "person", "Sergei Karpukhin") in names  # a photo credit
    assert ("Ursula van der Leyen", "person", "Ursula van der Leyen") in names
    assert ("Donald Trump", "person", "Donald Trump") in names  # mojibake apostrophes
    assert ("Hillary Clinton", "person", "Hillary Clinton") in names
    assert ("Damascus", "place", "Damascus") in names
    assert not any(m.text.startswith("AP Images") and m.kind == "person" for m in mentions)
