"""One entity per real-world name across the corpus, kept up to date as articles arrive.

Extraction names each mention the way its article does ("Vladimir Putin",
or "Putin" where the article never gives the full name). The resolver maps
those names to rows of `entities`:

- the same kind and the same normalised name (case, accents, dots) is one entity;
- a person's full name also matches a known one spelled a little differently
  (`Sergei`/`Sergey Lavrov`, `Dmitry Pskov`/`Peskov`): same number of name
  parts, first and last names each close by rapidfuzz;
- a lone surname goes to the person with that surname most mentioned so far (the
  mentions stored earlier stay where they went), and a lone-surname entity created
  earlier is merged into the first full name that claims it, unless it has
  `PERSON_MENTIONS` of its own already, so the result depends little on import
  order. What can still differ: a surname seen before any full name, when two full
  names with that surname arrive later, stays with the first of them;
- a lone given name that is rare in English (`Hillary`, `Bernie`; not `Jill` or
  `Michael`, who are many people the corpus never names in full) goes to the person of
  that first name far more mentioned than any other, and than anyone with it as a
  surname (not a headline's `Oh Hillary`); a one-word name with an entity of its own,
  met before anyone far better known had it, stands for that person from then on (the
  mentions stored before stay);
- a name an article types as an organisation or a place (`a Trump supporter`,
  `the Obama administration`) is the person with that name or surname when the
  corpus knows that person, by a full name, far better than the organisation or
  place; unless the word lists know a place or organisation of that name
  (`Jordan`, `Lincoln` stay places) or the name is a word (`Cable`, `Justice`).

Every surface form is counted in `entity_aliases`; the canonical name is the
most complete form among the frequent ones.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from sqlite_utils import Database

from store.entity_fixes import Fixes
from store.names import (
    canonical_name,
    far_ahead,
    full_name,
    known_place_or_organisation,
    name_key,
    ordinary_word,
    styled,
)
from store.namesakes import Entity, Namesakes

# The same, for a name typed an organisation or a place that is a person's name or
# surname: the person needs this many mentions, and this many times as many as the
# organisation or place of that name and as any other person it may name.
PERSON_MENTIONS = 20
PERSON_DOMINANCE = 5


class EntityResolver:
    """Maps (kind, name) to entity ids for one import, creating entities as needed."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._by_key: dict[tuple[str, str], Entity] = {}
        self._entities: dict[int, Entity] = {}
        self._people = Namesakes()
        self._next_id = 1
        self._new: list[dict[str, object]] = []
        self._new_keys: list[tuple[str, str, int]] = []
        self._merges: dict[int, int] = {}
        self._maybe_unused: set[int] = set()
        self._fixed_names: dict[int, str] = {}
        self.touched: set[int] = set()
        self.fixes = Fixes.load(db)
        self._load()

    def _load(self) -> None:
        """The state the resolver had when the last import ended: every entity with its
        own key and mention count, and every name that resolved to one (`entity_keys`).
        Surface forms (`entity_aliases`) are not names: a stored `Kim` from `Kim
        Jong-un` must not pass for a lone-surname entity."""
        rows = self.db.execute(
            "SELECT entities.id, kind, ifnull(key, name), ifnull(counts.n, 0) FROM entities "
            "LEFT JOIN (SELECT entity_id, count(*) AS n FROM mentions GROUP BY entity_id) "
            "AS counts ON counts.entity_id = entities.id ORDER BY entities.id"
        )
        for entity_id, kind, key, mentions in rows:
            self._index(Entity(entity_id, kind, name_key(key), mentions))
            self._next_id = max(self._next_id, entity_id + 1)
        for kind, key, entity_id in self.db.execute("SELECT kind, key, entity_id FROM entity_keys"):
            if (entity := self._entities.get(entity_id)) is not None:
                self._by_key[(kind, key)] = entity

    def _index(self, entity: Entity) -> None:
        self._entities[entity.id] = entity
        self._by_key[(entity.kind, entity.key)] = entity
        self._people.add(entity)

    def resolve(
        self, kind: str, name: str, *, mention: bool = True, key: str | None = None
    ) -> int | None:
        """The entity for a name as an article gives it, created if new; None for a
        name a user said is no entity (store/entity_fixes.py).

        `mention=False` looks up a quote's speaker without counting a mention; `key`
        is `name_key(name)` when the caller has it (store/prepared.py)."""
        key = name_key(name) if key is None else key
        fixes = self.fixes
        if (kind, key) in fixes.ignored:
            return None
        if (target := fixes.redirects.get((kind, key))) is not None:
            name, key = target, name_key(target)
        if (
            kind != "person"
            and not {(kind, key), ("person", key)} & fixes.standalone  # a user split it off
            and self._better_known_person(kind, key)
        ):
            kind = "person"
        entity = self._by_key.get((kind, key))
        if entity is not None and entity.id not in self._entities:
            entity = None  # dropped by `drop_unused`
        if entity is not None and kind == "person" and " " not in key:
            # A lone surname stands for its best-known bearer now, not for the first one
            # it met: `Clinton` in 2016 is Hillary Clinton, though Bill came first.
            bearer = self._people.similar(key)
            if entity.key != key:
                entity = bearer or entity
            elif bearer is not None and far_ahead(
                bearer.mentions, [entity.mentions], PERSON_MENTIONS, PERSON_DOMINANCE
            ):
                # A lone name with an entity of its own, met before the full name became
                # far better known (`Hillary`), stands for that person from now on; the
                # mentions stored before stay (a 2004 `Jill` is no Jill Stein).
                entity = bearer
        if entity is None and kind == "person" and (kind, key) not in fixes.standalone:
            entity = self._people.similar(key)
        if entity is None:
            entity = self._create(kind, name, key)
        entity.mentions += mention
        if (kind, key) in fixes.names:
            self._fixed_names[entity.id] = fixes.names[(kind, key)]
        if self._by_key.get((kind, key)) is not entity:
            self._by_key[(kind, key)] = entity
            self._new_keys.append((kind, key, entity.id))
        self.touched.add(entity.id)
        return self.merged(entity.id)

    def _better_known_person(self, kind: str, key: str) -> bool:
        """Whether an organisation's or a place's name is rather a person's (see the
        module's docstring)."""
        if " " in key:
            person = self._by_key.get(("person", key))
            people = [person] if person is not None else []
        else:
            people = self._people.of_surname(key)
        if not people:
            return False  # most names are no person's: nothing else is read
        ranked = sorted(people, key=lambda person: person.mentions, reverse=True)
        own = self._by_key.get((kind, key))
        rivals = [own.mentions if own is not None else 0, *(p.mentions for p in ranked[1:2])]
        return (
            far_ahead(ranked[0].mentions, rivals, PERSON_MENTIONS, PERSON_DOMINANCE)
            and full_name(ranked[0].key)  # not `a chrysler` for `Chrysler`
            and not (" " not in key and (len(key) < 3 or ordinary_word(key)))  # `cable`
            and not known_place_or_organisation(key)
        )

    def _create(self, kind: str, name: str, key: str) -> Entity:
        entity = Entity(self._next_id, kind, key, 0)
        self._next_id += 1
        self._new.append({"id": entity.id, "name": name, "kind": kind, "key": key})
        surname = key.split()[-1]
        lone = self._by_key.get(("person", surname)) if kind == "person" else None
        if styled(key):
            lone = None  # `Prince Charles` takes no lone `Charles` of before
        self._index(entity)
        self._new_keys.append((kind, key, entity.id))
        if (
            lone is not None
            and lone.key == surname  # an entity of its own, named by the surname alone
            and lone.id in self._entities
            and lone is not entity
            and len(self._people.of_surname(surname)) == 1
            and lone.mentions < PERSON_MENTIONS
            and self._people.similar(surname) is entity  # not `Hillary` into `Oh Hillary`
        ):
            # "Putin" came before any "Vladimir Putin": the surname joins the full name.
            # (Not a surname the corpus already knows well alone: BBC's Lord Falconer is
            # no Minnesota officer named Jason Falconer twelve years later.)
            self._merges[lone.id] = entity.id
            del self._entities[lone.id]
            entity.mentions += lone.mentions
            self._by_key[("person", surname)] = entity
        return entity

    def merge_now(self, source: int, target: int, name: str) -> None:
        """Merge one stored entity into another at once, which keeps `name` (a user's
        fix)."""
        self._fixed_names[target] = name
        self._merges[source] = target
        self._entities.pop(source, None)
        self.flush()
        self.touched.add(target)
        self.update_names()

    def split_now(self, entity_id: int, kind: str, key: str, name: str) -> int:
        """Give one name of a stored entity an entity of its own (a user's fix): the
        name's key, and the mentions written that way, move to it."""
        entity = self._create(kind, name, key)
        self._by_key[(kind, key)] = entity
        self.flush()
        self.db.execute(
            "UPDATE entity_keys SET entity_id = ? WHERE kind = ? AND key = ?",
            [entity.id, kind, key],
        )
        moved = [
            (mention_id,)
            for mention_id, text in self.db.execute(
                "SELECT id, text FROM mentions WHERE entity_id = ?", [entity_id]
            )
            if name_key(text) == key
        ]
        self.db.conn.executemany(f"UPDATE mentions SET entity_id = {entity.id} WHERE id = ?", moved)
        for alias_owner in (entity_id, entity.id):
            self.db.execute("DELETE FROM entity_aliases WHERE entity_id = ?", [alias_owner])
            self.db.execute(
                "INSERT INTO entity_aliases (entity_id, alias, count) "
                "SELECT entity_id, text, count(*) FROM mentions WHERE entity_id = ? "
                "GROUP BY entity_id, text",
                [alias_owner],
            )
        self._maybe_unused.update({entity_id, entity.id})
        self.drop_unused()
        self.touched.update({entity_id, entity.id})
        self.update_names()
        return entity.id

    def merged(self, entity_id: int) -> int:
        while entity_id in self._merges:
            entity_id = self._merges[entity_id]
        return entity_id

    def flush(self) -> dict[int, int]:
        """Write new entities and apply merges, after the batch's mentions and aliases
        are written (inside the batch's transaction).

        Returns:
            The merges applied: the id of each entity merged away, and where to.
        """
        merges = {old: self.merged(new) for old, new in self._merges.items()}
        if self._new:
            self.db.table("entities").insert_all(self._new)
            self._new = []
        self.db.conn.executemany(
            "INSERT INTO entity_keys (kind, key, entity_id) VALUES (?, ?, ?) "
            "ON CONFLICT (kind, key) DO UPDATE SET entity_id = excluded.entity_id",
            [(kind, key, self.merged(entity_id)) for kind, key, entity_id in self._new_keys],
        )
        self._new_keys = []
        for old, new in self._merges.items():
            new = self.merged(new)
            self.db.execute("UPDATE entity_keys SET entity_id = ? WHERE entity_id = ?", [new, old])
            self.db.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", [new, old])
            for table in ("quotes", "statements"):
                self.db.execute(
                    f"UPDATE {table} SET speaker_entity_id = ? WHERE speaker_entity_id = ?",
                    [new, old],
                )
            self.db.execute(
                "INSERT INTO entity_aliases (entity_id, alias, count) "
                "SELECT ?, alias, count FROM entity_aliases WHERE entity_id = ? "
                "ON CONFLICT (entity_id, alias) DO UPDATE SET count = count + excluded.count",
                [new, old],
            )
            self.db.execute("DELETE FROM entity_aliases WHERE entity_id = ?", [old])
            self.db.execute("DELETE FROM entities WHERE id = ?", [old])
            self.touched.discard(old)
            self.touched.add(new)
        self._merges = {}
        return merges

    def forget_articles(self, article_ids: list[int]) -> None:
        """Take back what articles about to be deleted (replaced by new content) counted:
        their mentions and surface forms. Call before deleting their rows, then
        `drop_unused` after."""
        marks = ",".join("?" * len(article_ids))
        forms: Counter[tuple[int, str]] = Counter()
        for entity_id, text in self.db.execute(
            f"SELECT entity_id, text FROM mentions WHERE article_id IN ({marks})", article_ids
        ):
            forms[(entity_id, " ".join(text.split()))] += 1
            if (entity := self._entities.get(entity_id)) is not None:
                entity.mentions -= 1
        self.db.conn.executemany(
            "UPDATE entity_aliases SET count = count - ? WHERE entity_id = ? AND alias = ?",
            [(n, entity_id, alias) for (entity_id, alias), n in forms.items()],
        )
        self.db.execute("DELETE FROM entity_aliases WHERE count <= 0")
        self._maybe_unused.update(entity_id for entity_id, _ in forms)
        self.touched.update(entity_id for entity_id, _ in forms)
        self._maybe_unused.update(
            entity_id
            for (entity_id,) in self.db.execute(
                f"SELECT speaker_entity_id FROM quotes WHERE article_id IN ({marks}) "
                "AND speaker_entity_id IS NOT NULL",
                article_ids,
            )
        )

    def drop_unused(self) -> None:
        """Delete the entities that no mention and no quote names any more, with their
        aliases and keys, here and in the database."""
        candidates = sorted(self._maybe_unused)
        self._maybe_unused = set()
        unused = [
            entity_id
            for entity_id in candidates
            if self.db.execute(
                "SELECT NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = ?) "
                "AND NOT EXISTS (SELECT 1 FROM quotes WHERE speaker_entity_id = ?)",
                [entity_id, entity_id],
            ).fetchone()[0]
        ]
        for table, column in (("entity_aliases", "entity_id"), ("entity_keys", "entity_id")):
            self.db.conn.executemany(
                f"DELETE FROM {table} WHERE {column} = ?", [(i,) for i in unused]
            )
        self.db.conn.executemany("DELETE FROM entities WHERE id = ?", [(i,) for i in unused])
        # Names in `_by_key` that still point at a dropped entity are skipped by `resolve`.
        self.touched -= set(unused)
        for entity_id in unused:
            entity = self._entities.pop(entity_id, None)
            if entity is not None:
                self._people.remove(entity)

    def count_aliases(self, aliases: dict[tuple[int, str], int]) -> None:
        """Add surface forms seen in this batch to `entity_aliases`."""
        self.db.conn.executemany(
            "INSERT INTO entity_aliases (entity_id, alias, count) VALUES (?, ?, ?) "
            "ON CONFLICT (entity_id, alias) DO UPDATE SET count = count + excluded.count",
            [(self.merged(entity_id), alias, n) for (entity_id, alias), n in aliases.items()],
        )

    def update_names(self) -> None:
        """Set each touched entity's name to its most complete frequent alias."""
        touched = sorted(self.touched)
        for start in range(0, len(touched), 500):
            chunk = touched[start : start + 500]
            aliases: dict[int, list[tuple[str, int]]] = defaultdict(list)
            for entity_id, alias, count in self.db.execute(
                "SELECT entity_id, alias, count FROM entity_aliases "
                f"WHERE entity_id IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                aliases[entity_id].append((alias, count))
            self.db.conn.executemany(
                "UPDATE entities SET name = ? WHERE id = ? AND name != ?",
                [
                    (name, entity_id, name)
                    for entity_id, forms in aliases.items()
                    for name in [self._fixed_names.get(entity_id) or canonical_name(forms)]
                ],
            )
        self.touched = set()
