"""Users' corrections to entities: merge, split, rename, ignore; kept for good.

The machine gets some entities wrong (two people as one, one as two, a page
heading as a person). A correction (store/entity_edits.py) is applied to the
corpus at once and stored in `entity_fixes`, by kind and folded name (`entity_keys`): entity ids
change with `reindex`, names do not. The resolver reads the fixes whenever it
starts, so every later import and every reindex resolves names the corrected
way:

- `merge`: each name of the merged entity resolves to the target's name;
- `rename`: the entity keeps the name given, whatever its aliases say;
- `ignore`: its names are no entity (their mentions are not stored, quotes
  they speak lose their speaker);
- `split`: one of its names becomes an entity of its own, never joined to
  another by similarity.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlite_utils import Database

from store.database import Reader

ACTIONS = ("merge", "rename", "ignore", "split")
Key = tuple[str, str]  # (kind, folded name)


@dataclass
class Fixes:
    """The fixes as the resolver uses them."""

    redirects: dict[Key, str] = field(default_factory=dict)
    """Merged: a name → the target entity's name."""
    names: dict[Key, str] = field(default_factory=dict)
    """Renamed: each name of the entity → the name it keeps."""
    ignored: set[Key] = field(default_factory=set)
    standalone: set[Key] = field(default_factory=set)
    """Split off: a name that is an entity of its own."""

    @classmethod
    def load(cls, db: Reader) -> Fixes:
        fixes = cls()
        for action, kind, key, target in db.execute(
            "SELECT action, kind, key, target FROM entity_fixes ORDER BY id"
        ):
            if action == "merge":
                fixes.redirects[(kind, key)] = target
            elif action == "rename":
                fixes.names[(kind, key)] = target
            elif action == "ignore":
                fixes.ignored.add((kind, key))
            elif action == "split":
                fixes.standalone.add((kind, key))
                fixes.redirects.pop((kind, key), None)
        return fixes


def record(db: Database, action: str, kind: str, keys: list[str], target: str | None) -> None:
    """Store a fix for each of these names (inside the caller's transaction)."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    db.conn.executemany(
        "INSERT INTO entity_fixes (action, kind, key, target, created_at) VALUES (?, ?, ?, ?, ?)",
        [(action, kind, key, target, now) for key in keys],
    )
