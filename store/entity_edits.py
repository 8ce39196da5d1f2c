"""Users' corrections to entities, applied now and recorded for good (store/entity_fixes.py).

`nutgraf entities merge|rename|ignore|split` and the profile screen call these.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlite_utils import Database

from store.database import Reader, StoreError, database_file, write_transaction
from store.entity_fixes import record
from store.entity_queries import NamedEntity, article_count
from store.entity_resolver import EntityResolver
from store.names import name_key
from store.writer_lock import writer_lock

OnWait = Callable[[str], None] | None


def entities_called(db: Reader, name: str, kind: str | None = None) -> list[NamedEntity]:
    """The entities whose canonical name is `name`, compared folded (`putin`), else
    those with it among their aliases (`Dmitry Pskov`), else the people with it as
    their surname (`zakharova`); most mentioned first."""
    key = name_key(name)
    rows = db.execute(
        "SELECT id, name, kind FROM entities WHERE (? IS NULL OR kind = ?)", [kind, kind]
    ).fetchall()
    exact = {row[0] for row in rows if name_key(row[1]) == key}
    if not exact:
        exact = {
            entity_id
            for (entity_id, alias) in db.execute("SELECT entity_id, alias FROM entity_aliases")
            if name_key(alias) == key
        }
    if not exact and key and " " not in key:
        # A lone surname: the people who have it (`zakharova`).
        exact = {
            row[0] for row in rows if row[2] == "person" and name_key(row[1]).endswith(" " + key)
        }
    found = [
        NamedEntity(entity_id, entity_name, entity_kind, article_count(db, entity_id))
        for entity_id, entity_name, entity_kind in rows
        if entity_id in exact
    ]
    return sorted(found, key=lambda entity: (-entity.articles, entity.id))


def find_entity(db: Reader, name: str, kind: str | None = None) -> int:
    """The entity a user means by a name: its canonical name, else one of its
    aliases, compared folded (`putin`, `Dmitry Pskov`).

    Raises:
        StoreError: no entity, or several, go by that name.
    """
    found = entities_called(db, name, kind)
    if not found:
        raise StoreError(f"no entity is called {name!r}")
    if len(found) > 1:
        listed = "; ".join(str(entity) for entity in found)
        raise StoreError(f"{name!r} names several entities: {listed}; give --kind or a full name")
    return found[0].id


def merge(db: Database, source: int, target: int, *, on_wait: OnWait = None) -> None:
    """Merge one entity into another (of the same kind), now and in every later import;
    the target keeps its name (the merged one's forms become its aliases).

    Each fix waits for the writer lock (`on_wait` is told who holds it)."""
    with _fixing(db, on_wait) as resolver:
        (kind, _), (target_kind, target_name) = _entity(db, source), _entity(db, target)
        if source == target:
            raise StoreError("an entity cannot be merged into itself")
        if kind != target_kind:
            raise StoreError(f"cannot merge a {kind} into a {target_kind}")
        record(db, "merge", kind, _keys(db, source), target_name)
        record(db, "rename", kind, _keys(db, target), target_name)
        resolver.merge_now(source, target, target_name)


def rename(db: Database, entity_id: int, name: str, *, on_wait: OnWait = None) -> None:
    """Give an entity the name it keeps, whatever its aliases say."""
    if not name.strip():
        raise StoreError("a name cannot be empty")
    with _fixing(db, on_wait):
        kind, _ = _entity(db, entity_id)
        record(db, "rename", kind, _keys(db, entity_id), name.strip())
        db.execute("UPDATE entities SET name = ? WHERE id = ?", [name.strip(), entity_id])


def ignore(db: Database, entity_id: int, *, on_wait: OnWait = None) -> None:
    """Make an entity none: its mentions go, the quotes it speaks lose their speaker."""
    with _fixing(db, on_wait):
        kind, _ = _entity(db, entity_id)
        record(db, "ignore", kind, _keys(db, entity_id), None)
        for table in ("quotes", "statements"):
            db.execute(
                f"UPDATE {table} SET speaker_entity_id = NULL WHERE speaker_entity_id = ?",
                [entity_id],
            )
        for table in ("mentions", "entity_aliases", "entity_keys"):
            db.execute(f"DELETE FROM {table} WHERE entity_id = ?", [entity_id])
        db.execute("DELETE FROM entities WHERE id = ?", [entity_id])


def split(db: Database, entity_id: int, name: str, *, on_wait: OnWait = None) -> int:
    """Make one of an entity's names an entity of its own; returns the new entity.

    Mentions written exactly that way move to the new entity."""
    with _fixing(db, on_wait) as resolver:
        kind, entity_name = _entity(db, entity_id)
        key = name_key(name)
        if key not in _keys(db, entity_id) and not _written(db, entity_id, key):
            forms = ", ".join(_forms(db, entity_id)) or "none"
            raise StoreError(f"{name!r} is not one of {entity_name}'s names (they are: {forms})")
        if key == name_key(entity_name) and len(_forms(db, entity_id)) < 2:
            raise StoreError(f"{name!r} is {entity_name}'s only name: nothing to split off")
        record(db, "split", kind, [key], name)
        return resolver.split_now(entity_id, kind, key, name)


# -- helpers ------------------------------------------------------------------


@contextmanager
def _fixing(db: Database, on_wait: OnWait) -> Iterator[EntityResolver]:
    """The writer lock and one transaction around a fix, and a resolver to apply it."""
    with writer_lock(database_file(db), on_wait=on_wait), write_transaction(db):
        yield EntityResolver(db)


def _entity(db: Reader, entity_id: int) -> tuple[str, str]:
    row = db.execute("SELECT kind, name FROM entities WHERE id = ?", [entity_id]).fetchone()
    if row is None:
        raise StoreError(f"no entity {entity_id}")
    return str(row[0]), str(row[1])


def _keys(db: Reader, entity_id: int) -> list[str]:
    return [
        key for (key,) in db.execute("SELECT key FROM entity_keys WHERE entity_id = ?", [entity_id])
    ]


def _written(db: Reader, entity_id: int, key: str) -> bool:
    return any(
        name_key(text) == key
        for (text,) in db.execute(
            "SELECT DISTINCT text FROM mentions WHERE entity_id = ?", [entity_id]
        )
    )


def _forms(db: Reader, entity_id: int) -> list[str]:
    """The ways an entity is written, most used first."""
    return [
        alias
        for (alias,) in db.execute(
            "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY count DESC, alias",
            [entity_id],
        )
    ]
