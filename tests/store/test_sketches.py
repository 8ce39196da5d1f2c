"""Near copies found through the sketch tables are the ones their definition gives: of
the NEAR_COPY_CANDIDATES newest earlier articles sharing a band, those whose
signatures agree on at least NEAR_COPY of their bins (a copy found by its bands
alone included)."""

from __future__ import annotations

import random

from sqlite_utils import Database

from store.extract.text_sketch import agreement, sketch
from store.sketches import (
    NEAR_COPY,
    NEAR_COPY_CANDIDATES,
    PackedSketch,
    near_copies,
    store_sketches,
)


def texts(count: int) -> list[str]:
    """Texts that copy, nearly copy and differ from one another, some too short to
    fill every band."""
    rng = random.Random(7)
    vocabulary = [f"word{n}" for n in range(400)]
    bases = [" ".join(rng.choices(vocabulary, k=rng.choice([6, 40, 120]))) for _ in range(5)]
    found = []
    for _ in range(count):
        words = rng.choice(bases).split()
        for _ in range(rng.choice([0, 0, 1, 3, 30])):
            words[rng.randrange(len(words))] = rng.choice(vocabulary)
        found.append(" ".join(words))
    return found


def by_definition(sketches: dict[int, PackedSketch], article_id: int) -> set[int]:
    mine = sketches[article_id]
    if not mine.signature:
        return set()
    sharing = sorted(
        (i for i in sketches if i < article_id and set(mine.bands) & set(sketches[i].bands)),
        reverse=True,
    )[:NEAR_COPY_CANDIDATES]
    return {i for i in sharing if agreement(mine.signature, sketches[i].signature) >= NEAR_COPY}


def articles(db: Database, count: int) -> dict[int, PackedSketch]:
    """`count` articles (ids from 1) and their texts' sketches, not stored yet."""
    sketches = {n: PackedSketch.of(sketch(text)) for n, text in enumerate(texts(count), 1)}
    db.conn.executemany(
        "INSERT INTO articles (id, text, content_hash, imported_at) VALUES (?, '', ?, '')",
        [(i, str(i)) for i in sketches],
    )
    return sketches


def test_near_copies_are_the_ones_the_definition_gives(db: Database) -> None:
    sketches = articles(db, 120)
    stored = {i: s for i, s in sketches.items() if i <= 80}
    store_sketches(db, stored)
    new = {i: s for i, s in sketches.items() if i > 80}
    store_sketches(db, new)
    found = near_copies(db, new)
    assert found == {i: by_definition(sketches, i) for i in new if new[i].signature}
    assert sum(len(copies) for copies in found.values()) > 40


def test_an_article_updated_in_place_finds_the_copies_before_its_id(db: Database) -> None:
    # An updated article keeps its older id: newer articles share its bands, and its
    # near copies are still the earlier ones.
    sketches = articles(db, 120)
    updated = {i: s for i, s in sketches.items() if i in (60, 61, 100) and s.signature}
    store_sketches(db, {i: s for i, s in sketches.items() if i not in updated})
    store_sketches(db, updated)
    found = near_copies(db, updated)
    assert found == {i: by_definition(sketches, i) for i in updated}
    assert sum(len(copies) for copies in found.values()) > 3
