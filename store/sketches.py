"""Articles' text sketches in the database (`article_sketches`, `story_bands`): stored,
banded for locality-sensitive hashing, and the near copies of new articles found
through them, a batch at a time."""

from __future__ import annotations

import struct
import zlib
from collections import defaultdict
from dataclasses import dataclass

from sqlite_utils import Database

from store.extract.text_sketch import EMPTY, SIZE, TextSketch, agreement

NEAR_COPY = 0.75
BANDS = 4
# A near copy is looked for among this many of the newest articles sharing a band
# (copies of one text are one story: linking to a few of them is enough).
NEAR_COPY_CANDIDATES = 20
SQL_VARIABLES = 30_000
_SIGNATURE = struct.Struct(f"<{SIZE}i")
# A telling word: its hash and its weight (0 to 1) in 16 bits, enough for a cosine.
_TERM = struct.Struct("<IH")
_WEIGHT_SCALE = 65535
_ROWS = SIZE // BANDS


@dataclass(frozen=True)
class PackedSketch:
    """A text's sketch as stored: packed for its row and banded (worked out in the
    worker that extracted the text)."""

    signature: tuple[int, ...]
    packed_signature: bytes | None
    packed_terms: bytes
    bands: list[int]

    @classmethod
    def of(cls, sketch: TextSketch) -> PackedSketch:
        signature = sketch.signature
        return cls(
            signature,
            _SIGNATURE.pack(*signature) if signature else None,
            pack_terms(sketch.terms),
            band_keys(signature) if signature else [],
        )


def band_keys(signature: tuple[int, ...]) -> list[int]:
    """One key per band of a signature; texts that share a key are candidates. A band
    of empty bins (a short text) is no evidence: it has no key."""
    packed = _SIGNATURE.pack(*signature)
    width = 4 * _ROWS
    return [
        zlib.crc32(packed[band * width : (band + 1) * width]) | (band << 32)
        for band in range(BANDS)
        if any(value != EMPTY for value in signature[band * _ROWS : (band + 1) * _ROWS])
    ]


def marks(values: list[int]) -> str:
    return ",".join("?" * len(values))


def pack_terms(terms: tuple[tuple[int, float], ...]) -> bytes:
    return b"".join(_TERM.pack(word, round(weight * _WEIGHT_SCALE)) for word, weight in terms)


def unpack_terms(packed: bytes) -> tuple[tuple[int, float], ...]:
    return tuple((word, weight / _WEIGHT_SCALE) for word, weight in _TERM.iter_unpack(packed))


def forget_sketches(db: Database, article_ids: list[int]) -> None:
    """Delete articles' sketches and their bands (found again from the signatures:
    the bands have no index by article, which would cost as much as they do)."""
    bands = [
        (key, article_id)
        for article_id, signature in _signatures(db, set(article_ids)).items()
        for key in band_keys(signature)
    ]
    db.conn.executemany("DELETE FROM story_bands WHERE band = ? AND article_id = ?", bands)
    db.execute(
        f"DELETE FROM article_sketches WHERE article_id IN ({marks(article_ids)})", article_ids
    )


def store_sketches(db: Database, sketches: dict[int, PackedSketch]) -> None:
    """Store new articles' sketches and their signatures' bands."""
    ordered = sorted(sketches.items())
    db.conn.executemany(
        "INSERT OR REPLACE INTO article_sketches (article_id, signature, terms) VALUES (?, ?, ?)",
        [(i, s.packed_signature, s.packed_terms) for i, s in ordered],
    )
    db.conn.executemany(
        "INSERT OR IGNORE INTO story_bands (band, article_id) VALUES (?, ?)",
        [(key, i) for i, s in ordered for key in s.bands],
    )


def near_copies(db: Database, sketches: dict[int, PackedSketch]) -> dict[int, set[int]]:
    """For each article, the earlier ones whose text is a near copy of its own."""
    keys = {i: s.bands for i, s in sketches.items() if s.signature}
    sharing: dict[int, set[int]] = defaultdict(set)
    wanted = sorted({key for found in keys.values() for key in found})
    for start in range(0, len(wanted), SQL_VARIABLES):
        chunk = wanted[start : start + SQL_VARIABLES]
        for band, other in db.execute(
            f"SELECT band, article_id FROM story_bands WHERE band IN ({marks(chunk)})",
            chunk,
        ):
            sharing[band].add(other)
    candidates = {
        i: sorted({o for key in found for o in sharing[key] if o < i}, reverse=True)[
            :NEAR_COPY_CANDIDATES
        ]
        for i, found in keys.items()
    }
    # A candidate in every one of an article's BANDS buckets has its signature, band
    # for band: a copy, with no signature to read (a corpus that repeats itself has
    # many).
    copies = {
        i: {o for o in candidates[i] if all(o in sharing[key] for key in found)}
        if len(found) == BANDS
        else set()
        for i, found in keys.items()
    }
    signatures = _signatures(
        db, {o for i, found in candidates.items() for o in found if o not in copies[i]}
    )
    return {
        i: copies[i]
        | {
            other
            for other in found
            if other not in copies[i]
            and agreement(sketches[i].signature, signatures.get(other, ())) >= NEAR_COPY
        }
        for i, found in candidates.items()
    }


def _signatures(db: Database, article_ids: set[int]) -> dict[int, tuple[int, ...]]:
    found: dict[int, tuple[int, ...]] = {}
    ordered = sorted(article_ids)
    for start in range(0, len(ordered), SQL_VARIABLES):
        chunk = ordered[start : start + SQL_VARIABLES]
        for article_id, packed in db.execute(
            "SELECT article_id, signature FROM article_sketches "
            f"WHERE article_id IN ({marks(chunk)}) AND signature IS NOT NULL",
            chunk,
        ):
            found[article_id] = _SIGNATURE.unpack(packed)
    return found
