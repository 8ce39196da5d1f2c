"""Stories: articles that tell the same story, grouped across outlets.

An article joins the story of an earlier one when:

1. their texts are near copies: their MinHash signatures
   (store/extract/near_copies.py) agree on at least NEAR_COPY of their bins;
   candidates come from locality-sensitive hashing (`story_bands`: BANDS
   bands of the signature), never from all pairs;
2. or they quote the same statement (store/statements.py) and name the same
   people, organisations and places: the names they share weigh at least
   SHARED_NAMES of the lighter article's names, a name weighing
   log(articles / articles naming it), so that `Donald Trump` in a corpus
   about him weighs nothing and `GRU` a lot;
3. or, with no statement in common, their names alone overlap that way by at
   least SAME_NAMES, MIN_SHARED_NAMES names of weight at least, among the
   RECENT articles imported last (found through the MOST_TELLING names the
   article shares with any of them, none given by more than COMMON_NAME).

Dated articles join only articles dated within DAYS of them. A story is the
connected group: an article linking two stories merges them. An article that
joins nothing has no story (`articles.story_id` is NULL).
"""

from __future__ import annotations

import math
import struct
import zlib
from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date as Date

from sqlite_utils import Database

from store.extract.near_copies import SIZE, agreement

NEAR_COPY = 0.75
BANDS = 4
SHARED_NAMES = 0.1
SAME_NAMES = 0.4
MIN_SHARED_NAMES = 4
RECENT = 5_000
MOST_TELLING = 5
# A name given by more of the recent articles than this finds no candidates: it is
# too common to tell a story (and would make every article a candidate).
COMMON_NAME = 100
DAYS = 3
# A near copy is looked for among this many of the newest articles sharing a band
# (copies of one text are one story: linking to a few of them is enough).
NEAR_COPY_CANDIDATES = 20
_SIGNATURE = struct.Struct(f"<{SIZE}i")
_ROWS = SIZE // BANDS


def band_keys(signature: tuple[int, ...]) -> list[int]:
    """One key per band of a signature; texts that share a key are candidates."""
    packed = _SIGNATURE.pack(*signature)
    width = 4 * _ROWS
    return [
        zlib.crc32(packed[band * width : (band + 1) * width]) | (band << 32)
        for band in range(BANDS)
    ]


@dataclass
class _Article:
    id: int
    date: Date | None
    names: set[int] = field(default_factory=set)


class StoryGrouper:
    """Finds the story of each new article and keeps stories' counts right (inside the
    caller's transaction)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.articles = int(db.execute("SELECT count(*) FROM articles").fetchone()[0])
        # How many articles name each entity: the weight of a name.
        self._naming: dict[int, int] = dict(
            db.execute("SELECT entity_id, count(DISTINCT article_id) FROM mentions GROUP BY 1")
        )
        self._recent: deque[_Article] = deque()
        self._recent_by_id: dict[int, _Article] = {}
        self._by_name: dict[int, set[int]] = defaultdict(set)
        self._touched: set[int] = set()
        newest = db.execute(f"SELECT id FROM articles ORDER BY id DESC LIMIT {RECENT}")
        for article in self._load([i for (i,) in newest]):
            self._remember(article)

    def forget_articles(self, article_ids: list[int]) -> None:
        """Articles about to be deleted: their names stop counting, their stories are
        counted again by the next `group`."""
        marks = ",".join("?" * len(article_ids))
        for entity_id, n in self.db.execute(
            "SELECT entity_id, count(DISTINCT article_id) FROM mentions "
            f"WHERE article_id IN ({marks}) GROUP BY 1",
            article_ids,
        ):
            self._naming[entity_id] = self._naming.get(entity_id, 0) - n
        self.articles -= len(article_ids)
        self._touched.update(
            story
            for (story,) in self.db.execute(
                f"SELECT story_id FROM articles WHERE id IN ({marks}) AND story_id IS NOT NULL",
                article_ids,
            )
        )
        for article_id in article_ids:
            if (gone := self._recent_by_id.pop(article_id, None)) is not None:
                self._recent.remove(gone)
                for name in gone.names:
                    self._by_name[name].discard(article_id)
        for table in ("story_bands", "article_signatures"):
            self.db.execute(f"DELETE FROM {table} WHERE article_id IN ({marks})", article_ids)

    def merge_names(self, merges: dict[int, int]) -> None:
        """Entities merged by the resolver: the articles at hand name the survivor."""
        for old, new in merges.items():
            for article_id in self._by_name.pop(old, set()):
                article = self._recent_by_id[article_id]
                article.names.discard(old)
                article.names.add(new)
                self._by_name[new].add(article_id)
            self._naming.pop(old, None)
            self._naming[new] = self.db.execute(
                "SELECT count(DISTINCT article_id) FROM mentions WHERE entity_id = ?", [new]
            ).fetchone()[0]

    def group(self, signatures: dict[int, tuple[int, ...]]) -> None:
        """Give each new article (by id, with its text's signature) its story."""
        for article in self._load(sorted(signatures)):
            # Counted one article at a time, so that where an import's batches (or
            # runs) begin and end changes nothing.
            for name in article.names:
                self._naming[name] = self._naming.get(name, 0) + 1
            self.articles += 1
            signature = signatures[article.id]
            linked = self._near_copies(article.id, signature)
            linked |= self._quoting_alike(article)
            linked |= self._naming_alike(article)
            self._store_signature(article.id, signature)
            if linked:
                self._touched.add(self._join(article.id, linked))
            self._remember(article)
        self._count()

    # -- the three ways to the same story ---------------------------------------

    def _near_copies(self, article_id: int, signature: tuple[int, ...]) -> set[int]:
        if not signature:
            return set()
        keys = band_keys(signature)
        rows = self.db.execute(
            "SELECT article_id, signature FROM article_signatures WHERE article_id IN "
            f"(SELECT DISTINCT article_id FROM story_bands WHERE band IN ({','.join('?' * BANDS)}) "
            f"ORDER BY article_id DESC LIMIT {NEAR_COPY_CANDIDATES})",
            keys,
        )
        return {
            other
            for other, packed in rows
            if agreement(signature, _SIGNATURE.unpack(packed)) >= NEAR_COPY
        }

    def _quoting_alike(self, article: _Article) -> set[int]:
        quoting = self.db.execute(
            "SELECT DISTINCT other.article_id FROM quotes AS mine JOIN quotes AS other "
            "ON other.statement_id = mine.statement_id AND other.article_id != mine.article_id "
            "WHERE mine.article_id = ? AND other.article_id < ?",
            [article.id, article.id],
        )
        return {
            other.id
            for other in self._load([i for (i,) in quoting])
            if _close_in_time(article, other) and self._overlap(article, other)[0] >= SHARED_NAMES
        }

    def _naming_alike(self, article: _Article) -> set[int]:
        # Candidates through the names that tell most among those other recent articles
        # give too (a name no other article gives finds nothing).
        shared = [
            name for name in article.names if 0 < len(self._by_name.get(name, ())) <= COMMON_NAME
        ]
        telling = sorted(shared, key=self._weight, reverse=True)[:MOST_TELLING]
        candidates = set().union(*(self._by_name[name] for name in telling))
        linked = set()
        for other_id in sorted(candidates):
            other = self._recent_by_id[other_id]
            if not _close_in_time(article, other):
                continue
            share, in_common = self._overlap(article, other)
            if share >= SAME_NAMES and in_common >= MIN_SHARED_NAMES:
                linked.add(other_id)
        return linked

    def _weight(self, entity_id: int) -> float:
        naming = max(self._naming.get(entity_id, 1), 1)
        return math.log(max(self.articles, naming) / naming)

    def _overlap(self, a: _Article, b: _Article) -> tuple[float, int]:
        """The weight of the names two articles share over the lighter one's names, and
        how many shared names have some weight."""
        lighter = min(sum(map(self._weight, a.names)), sum(map(self._weight, b.names)))
        shared = [w for name in a.names & b.names if (w := self._weight(name)) > 0]
        return (sum(shared) / lighter if lighter > 0 else 0.0), len(shared)

    # -- bookkeeping ----------------------------------------------------------

    def _load(self, article_ids: Iterable[int]) -> list[_Article]:
        ids = sorted(article_ids)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        found = {
            article_id: _Article(article_id, _parse_date(date))
            for article_id, date in self.db.execute(
                f"SELECT id, date FROM articles WHERE id IN ({marks})", ids
            )
        }
        for article_id, entity_id in self.db.execute(
            f"SELECT article_id, entity_id FROM mentions WHERE article_id IN ({marks})", ids
        ):
            found[article_id].names.add(entity_id)
        return [found[i] for i in ids if i in found]

    def _remember(self, article: _Article) -> None:
        """Keep the RECENT newest articles at hand for `_naming_alike`."""
        self._recent.append(article)
        self._recent_by_id[article.id] = article
        for name in article.names:
            self._by_name[name].add(article.id)
        while len(self._recent) > RECENT:
            gone = self._recent.popleft()
            del self._recent_by_id[gone.id]
            for name in gone.names:
                self._by_name[name].discard(gone.id)

    def _store_signature(self, article_id: int, signature: tuple[int, ...]) -> None:
        if not signature:
            return
        self.db.execute(
            "INSERT OR REPLACE INTO article_signatures (article_id, signature) VALUES (?, ?)",
            [article_id, _SIGNATURE.pack(*signature)],
        )
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO story_bands (band, article_id) VALUES (?, ?)",
            [(key, article_id) for key in band_keys(signature)],
        )

    def _join(self, article_id: int, linked: set[int]) -> int:
        """Put the article, the articles it links and their stories into one story."""
        members = sorted(linked | {article_id})
        marks = ",".join("?" * len(members))
        stories = {
            story
            for (story,) in self.db.execute(
                f"SELECT story_id FROM articles WHERE id IN ({marks}) AND story_id IS NOT NULL",
                members,
            )
        }
        if stories:
            story = min(stories)
        else:
            story = int(self.db.execute("SELECT max(id) FROM stories").fetchone()[0] or 0) + 1
            self.db.execute("INSERT INTO stories (id, article_count) VALUES (?, 0)", [story])
        if merged := sorted(stories - {story}):
            merged_marks = ",".join("?" * len(merged))
            self.db.execute(
                f"UPDATE articles SET story_id = ? WHERE story_id IN ({merged_marks})",
                [story, *merged],
            )
            self.db.execute(f"DELETE FROM stories WHERE id IN ({merged_marks})", merged)
            self._touched -= set(merged)
        self.db.execute(
            f"UPDATE articles SET story_id = ? WHERE id IN ({marks})", [story, *members]
        )
        return int(story)

    def _count(self) -> None:
        """Counts and dates of the stories touched; a story left with fewer than two
        articles goes, and its article stands alone again."""
        for story in sorted(self._touched):
            self.db.execute(_COUNT, [story])
            remaining = self.db.execute(
                "SELECT article_count FROM stories WHERE id = ?", [story]
            ).fetchone()
            if remaining is not None and remaining[0] < 2:
                self.db.execute("UPDATE articles SET story_id = NULL WHERE story_id = ?", [story])
                self.db.execute("DELETE FROM stories WHERE id = ?", [story])
        self._touched = set()


def _close_in_time(a: _Article, b: _Article) -> bool:
    return a.date is None or b.date is None or abs((a.date - b.date).days) <= DAYS


def _parse_date(value: str | None) -> Date | None:
    try:
        return Date.fromisoformat(value) if value else None
    except ValueError:
        return None


_MEMBERS = "FROM articles WHERE story_id = stories.id"
_COUNT = f"""
UPDATE stories SET
    article_count = (SELECT count(*) {_MEMBERS}),
    source_count = (SELECT count(DISTINCT source) {_MEMBERS}),
    first_date = (SELECT min(date) {_MEMBERS}),
    last_date = (SELECT max(date) {_MEMBERS})
WHERE id = ?
"""
