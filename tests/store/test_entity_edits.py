"""Users' corrections to entities hold now, after a reindex and after later imports."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from store.database import StoreError
from store.entity_edits import find_entity, ignore, merge, rename, split
from store.entity_queries import EntityNames, entities_like
from store.importer import import_paths
from store.reindex import reindex
from tests.conftest import SEEDS
from tests.store.test_import_in_parts import assert_nothing_dangles


def people(db: Database) -> dict[str, int]:
    return dict(
        db.execute(
            "SELECT name, (SELECT count(*) FROM mentions WHERE entity_id = entities.id) "
            "FROM entities WHERE kind = 'person'"
        )
    )


def again(db: Database) -> None:
    """A reindex, then the same corpus imported again (nothing new but the check)."""
    reindex(db, workers=1)
    import_paths(db, [str(SEEDS)], workers=1)
    assert_nothing_dangles(db)


def test_find_entity_by_name_or_alias(seeded_db: Database) -> None:
    putin = find_entity(seeded_db, "Vladimir Putin")
    assert find_entity(seeded_db, "putin") == putin
    assert find_entity(seeded_db, "Dmitry Pskov") == find_entity(seeded_db, "Dmitry Peskov")
    with pytest.raises(StoreError, match="no entity is called 'Nobody Atall'"):
        find_entity(seeded_db, "Nobody Atall")


def test_merge_holds(seeded_db: Database) -> None:
    before = people(seeded_db)
    merge(seeded_db, find_entity(seeded_db, "Yuri Ushakov"), find_entity(seeded_db, "Keir Giles"))
    found = people(seeded_db)
    assert "Yuri Ushakov" not in found
    assert found["Keir Giles"] == before["Keir Giles"] + before["Yuri Ushakov"]
    assert_nothing_dangles(seeded_db)
    again(seeded_db)
    assert people(seeded_db) == found


def test_rename_holds(seeded_db: Database) -> None:
    rename(seeded_db, find_entity(seeded_db, "Donald Trump"), "Donald J. Trump")
    again(seeded_db)
    assert "Donald J. Trump" in people(seeded_db) and "Donald Trump" not in people(seeded_db)


def test_ignore_holds(seeded_db: Database) -> None:
    giles = find_entity(seeded_db, "Keir Giles")
    quoted = seeded_db.execute(
        "SELECT count(*) FROM quotes WHERE speaker_entity_id = ?", [giles]
    ).fetchone()[0]
    assert quoted > 0
    ignore(seeded_db, giles)
    assert "Keir Giles" not in people(seeded_db)
    assert_nothing_dangles(seeded_db)
    again(seeded_db)
    assert "Keir Giles" not in people(seeded_db)


def test_split_holds(seeded_db: Database) -> None:
    lavrov = find_entity(seeded_db, "Sergey Lavrov")
    split(seeded_db, lavrov, "Sergei Lavrov")
    assert {"Sergey Lavrov", "Sergei Lavrov"} <= set(people(seeded_db))
    assert_nothing_dangles(seeded_db)
    again(seeded_db)
    assert {"Sergey Lavrov", "Sergei Lavrov"} <= set(people(seeded_db))


def test_a_merge_of_different_kinds_is_refused(seeded_db: Database, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot merge a person into a place"):
        merge(seeded_db, find_entity(seeded_db, "Keir Giles"), find_entity(seeded_db, "Moscow"))


def test_entities_like_a_typed_name_are_of_its_kind_most_named_first(
    seeded_db: Database,
) -> None:
    putin = seeded_db.execute("SELECT id FROM entities WHERE name = 'Vladimir Putin'").fetchone()[0]
    names = EntityNames(seeded_db)
    dmitry = entities_like(seeded_db, names, "dmitry", "person", besides=putin, limit=8)
    assert {"Dmitry Peskov", "Dmitry Medvedev"} <= {entity.name for entity in dmitry}
    assert [e.articles for e in dmitry] == sorted((e.articles for e in dmitry), reverse=True)
    # Close to a name it is written as (fuzzy), never the entity itself or another kind.
    assert [
        e.name for e in entities_like(seeded_db, names, "pskov", "person", besides=putin, limit=8)
    ][:1] == ["Dmitry Peskov"]
    assert entities_like(seeded_db, names, "putin", "person", besides=putin, limit=8) == []
    assert entities_like(seeded_db, names, "kremlin", "person", besides=putin, limit=8) == []
