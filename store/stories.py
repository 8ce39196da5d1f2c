"""Stories: articles that tell the same story, grouped across outlets.

An article links to an earlier one when:

1. their texts are near copies: their MinHash signatures
   (store/extract/text_sketch.py) mostly agree; candidates come from
   locality-sensitive hashing (store/sketches.py), never from all pairs;
2. or they quote the same statement (store/statements.py) and name at least
   STATEMENT_NAMES of the same people, organisations and places;
3. or their telling words (tf-idf against news at large) have a cosine of at
   least SAME_WORDS, among the RECENT articles imported last that share one
   of its MOST_TELLING names (its rarest among them: none named by more than
   COMMON_NAME of them).

Dated articles link only to articles dated within DAYS of them. An article
joins a story only when it links to at least half of its members (see
`StoryGrouper._join`): stories stay about one event instead of growing, one
similar article at a time, into a topic. An article that joins nothing has no
story (`articles.story_id` is NULL).
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date as Date

from sqlite_utils import Database

from store.extract.text_sketch import cosine
from store.sketches import (
    PackedSketch,
    forget_sketches,
    marks,
    near_copies,
    store_sketches,
    unpack_terms,
)
from store.story_quoting import quoting_articles

STATEMENT_NAMES = 3
SAME_WORDS = 0.3
RECENT = 5_000
MOST_TELLING = 5
# A name given by more of the recent articles than this finds no candidates: it is
# too common to tell a story (and would make every article a candidate).
COMMON_NAME = 100
DAYS = 3
# How many of a story's newest members an article is compared with to join it.
COHESION = 20


@dataclass
class _Links:
    """The earlier articles a new article links to, by kind of evidence."""

    near: set[int]
    quoting: set[int]
    worded: set[int] = field(default_factory=set)

    def all(self) -> set[int]:
        return self.near | self.quoting | self.worded


@dataclass(eq=False)
class _Article:
    id: int
    date: Date | None
    names: set[int] = field(default_factory=set)
    terms: dict[int, float] = field(default_factory=dict)


class StoryGrouper:
    """Finds the story of each new article and keeps stories' counts right (inside the
    caller's transaction)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._recent: deque[_Article] = deque()
        self._recent_by_id: dict[int, _Article] = {}
        self._by_name: dict[int, set[int]] = defaultdict(set)
        self._touched: set[int] = set()
        newest = db.execute(f"SELECT id FROM articles ORDER BY id DESC LIMIT {RECENT}")
        for article in self._load([i for (i,) in newest]):
            self._remember(article)

    def forget_articles(self, article_ids: list[int]) -> None:
        """Articles about to be deleted: they leave the recent articles, their stories
        are counted again by the next `group`."""
        marks = ",".join("?" * len(article_ids))
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
        forget_sketches(self.db, article_ids)

    def merge_names(self, merges: dict[int, int]) -> None:
        """Entities merged by the resolver: the recent articles name the survivor."""
        for old, new in merges.items():
            for article_id in self._by_name.pop(old, set()):
                article = self._recent_by_id[article_id]
                article.names.discard(old)
                article.names.add(new)
                self._by_name[new].add(article_id)

    def group(self, sketches: dict[int, PackedSketch]) -> None:
        """Give each new article (by id, with its text's sketch) its story, one at a
        time in id order, so that where batches or runs begin changes nothing (what
        the database is asked is asked once per batch)."""
        ids = sorted(sketches)
        store_sketches(self.db, sketches)
        near = near_copies(self.db, sketches)
        batch = self._load(ids)
        quoting = self._quoting(batch, near)
        # Story members read in this batch: copies of one story come batch after
        # batch, and its members are read once per batch.
        read: dict[int, _Article] = {}
        for article in batch:
            links = _Links(
                near.get(article.id, set()),
                quoting.get(article.id, set()),
                self._worded_alike(article),
            )
            if story := self._join(article, links, read):
                self._touched.add(story)
            self._remember(article)
        self._count()

    # -- the three kinds of link ----------------------------------------------

    def _quoting(self, batch: list[_Article], near: dict[int, set[int]]) -> dict[int, set[int]]:
        """For each article, the earlier articles it links to by quoting: of the newest
        QUOTING_CANDIDATES that quote one of its statements, those dated close to it
        that name at least STATEMENT_NAMES of the entities it names.

        Its near copies link to it already: they are not looked at again. The names
        of the others are read last, for those close in time only: on a million
        articles that repeat the corpora, reading the names of every candidate was
        the largest part of what stories cost."""
        candidates = quoting_articles(self.db, [article.id for article in batch])
        for article in batch:
            candidates[article.id] -= near.get(article.id, set())
        # A statement's other articles link by date and names, not words.
        dated = {
            other.id: other
            for other in self._load(set().union(*candidates.values()), names=False, words=False)
        }
        close = {
            article.id: {
                other.id
                for i in candidates[article.id]
                if (other := dated.get(i)) is not None and _close_in_time(article, other)
            }
            for article in batch
        }
        named = self._names(set().union(*close.values()))
        return {
            article.id: {
                other
                for other in close[article.id]
                if len(article.names & named.get(other, set())) >= STATEMENT_NAMES
            }
            for article in batch
        }

    def _worded_alike(self, article: _Article) -> set[int]:
        # Candidates through the rarest names the article shares with recent articles
        # (a name no other article gives finds nothing, a common one finds too much).
        shared = [
            name for name in article.names if 0 < len(self._by_name.get(name, ())) <= COMMON_NAME
        ]
        telling = sorted(shared, key=lambda name: (len(self._by_name[name]), name))[:MOST_TELLING]
        # An article about the same event shares more than one telling name with it.
        counts = Counter(i for name in telling for i in self._by_name[name])
        enough = min(2, len(telling))
        return {
            i
            for i, n in counts.items()
            if n >= enough and _written_alike(article, self._recent_by_id[i])
        }

    # -- joining a story ------------------------------------------------------

    def _join(self, article: _Article, links: _Links, read: dict[int, _Article]) -> int | None:
        """The story the article joins, if any.

        A story is joined only by an article that links to at least half of its
        (COHESION newest) members, so that a run of articles each a little like
        the last never turns a topic into one story; among such stories, the one
        it links most to. Near copies are the same text: their stories merge.
        Linked articles with no story join the article's.
        """
        linked = links.all()
        if not linked:
            return None
        story_of = self._stories_by_article(linked)
        members_of = self._members(set(story_of.values()) - {None})
        # Members the searches did not bring up may still be worded alike: those neither
        # recent nor read already are read at once (a corpus that repeats itself far
        # apart has many), without their names (the words decide).
        unlinked = {m for members in members_of.values() for m in members if m not in linked}
        others = {m: self._recent_by_id[m] for m in unlinked if m in self._recent_by_id}
        others |= {m: read[m] for m in unlinked if m in read}
        for member in self._load(unlinked - others.keys(), names=False):
            others[member.id] = read[member.id] = member
        joinable = []
        for story, members in sorted(members_of.items()):
            linking = sum(
                1
                for m in members
                if m in linked
                or ((other := others.get(m)) is not None and _written_alike(article, other))
            )
            if linking * 2 >= len(members):
                joinable.append((-linking / len(members), story))
        copies = {s for i in links.near if (s := story_of.get(i)) is not None}
        alone = sorted(i for i in linked if story_of.get(i) is None)
        chosen = {story for _, story in sorted(joinable)[:1]} | copies
        if not chosen and not alone:
            return None
        if chosen:
            story = min(chosen)
        else:
            story = int(self.db.execute("SELECT max(id) FROM stories").fetchone()[0] or 0) + 1
            self.db.execute("INSERT INTO stories (id, article_count) VALUES (?, 0)", [story])
        if merged := sorted(chosen - {story}):
            marks = ",".join("?" * len(merged))
            self.db.execute(
                f"UPDATE articles SET story_id = ? WHERE story_id IN ({marks})", [story, *merged]
            )
            self.db.execute(f"DELETE FROM stories WHERE id IN ({marks})", merged)
            self._touched -= set(merged)
        members = [article.id, *alone]
        marks = ",".join("?" * len(members))
        self.db.execute(
            f"UPDATE articles SET story_id = ? WHERE id IN ({marks})", [story, *members]
        )
        return story

    def _stories_by_article(self, article_ids: set[int]) -> dict[int, int | None]:
        """The story of each of these articles (None: none), in one query: a new
        article's near copies are many where a corpus repeats itself."""
        return dict(
            self.db.execute(
                f"SELECT id, story_id FROM articles WHERE id IN ({marks(sorted(article_ids))})",
                sorted(article_ids),
            ).fetchall()
        )

    def _members(self, stories: set[int | None]) -> dict[int, list[int]]:
        """Each story's COHESION newest members."""
        return {
            story: [
                i
                for (i,) in self.db.execute(
                    "SELECT id FROM articles WHERE story_id = ? ORDER BY id DESC LIMIT ?",
                    [story, COHESION],
                )
            ]
            for story in sorted(s for s in stories if s is not None)
        }

    # -- bookkeeping ----------------------------------------------------------

    def _load(
        self, article_ids: Iterable[int], *, names: bool = True, words: bool = True
    ) -> list[_Article]:
        """Articles as grouping compares them: with their `names` (the entities they
        name) and their telling `words`, or without what a comparison does not read."""
        ids = sorted(article_ids)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        if words:
            rows = self.db.execute(
                "SELECT id, date, terms FROM articles LEFT JOIN article_sketches "
                f"ON article_id = id WHERE id IN ({marks})",
                ids,
            )
        else:
            rows = self.db.execute(
                f"SELECT id, date, NULL FROM articles WHERE id IN ({marks})", ids
            )
        found = {
            article_id: _Article(
                article_id, _parse_date(date), terms=dict(unpack_terms(terms or b""))
            )
            for article_id, date, terms in rows
        }
        if names:
            for article_id, names_of in self._names(ids).items():
                found[article_id].names = names_of
        return [found[i] for i in ids if i in found]

    def _names(self, article_ids: Iterable[int]) -> dict[int, set[int]]:
        """The entities each of these articles names (none: not there)."""
        ids = sorted(article_ids)
        found: dict[int, set[int]] = defaultdict(set)
        if ids:
            for article_id, entity_id in self.db.execute(
                f"SELECT article_id, entity_id FROM mentions WHERE article_id IN ({marks(ids)})",
                ids,
            ):
                found[article_id].add(entity_id)
        return found

    def _remember(self, article: _Article) -> None:
        """Keep the RECENT newest articles at hand for `_worded_alike`. An article read
        again (`reindex` extracts the articles it started with) replaces its old self."""
        if (old := self._recent_by_id.get(article.id)) is not None:
            self._recent.remove(old)
            for name in old.names:
                self._by_name[name].discard(article.id)
        self._recent.append(article)
        self._recent_by_id[article.id] = article
        for name in article.names:
            self._by_name[name].add(article.id)
        while len(self._recent) > RECENT:
            gone = self._recent.popleft()
            del self._recent_by_id[gone.id]
            for name in gone.names:
                self._by_name[name].discard(gone.id)

    def _count(self) -> None:
        """Counts and dates of the stories touched, read in one pass; a story left with
        fewer than two articles goes, and its article stands alone again."""
        touched = sorted(self._touched)
        self._touched = set()
        figures = {
            story: rest
            for story, *rest in self.db.execute(
                "SELECT story_id, count(*), count(DISTINCT source), min(date), max(date) "
                f"FROM articles WHERE story_id IN ({marks(touched)}) GROUP BY story_id",
                touched,
            )
        }
        self.db.conn.executemany(
            "UPDATE stories SET article_count = ?, source_count = ?, first_date = ?, "
            "last_date = ? WHERE id = ?",
            [(*figures[story], story) for story in touched if story in figures],
        )
        gone = [(story,) for story in touched if figures.get(story, [0])[0] < 2]
        self.db.conn.executemany("UPDATE articles SET story_id = NULL WHERE story_id = ?", gone)
        self.db.conn.executemany("DELETE FROM stories WHERE id = ?", gone)


def _written_alike(a: _Article, b: _Article) -> bool:
    return _close_in_time(a, b) and cosine(a.terms, b.terms) >= SAME_WORDS


def _close_in_time(a: _Article, b: _Article) -> bool:
    return a.date is None or b.date is None or abs((a.date - b.date).days) <= DAYS


def _parse_date(value: str | None) -> Date | None:
    try:
        return Date.fromisoformat(value) if value else None
    except ValueError:
        return None
