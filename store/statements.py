"""Statements: the same words of the same speaker, quoted in many articles, as one row.

Outlets quote a statement their own way: shortened, with or without a
trailing clause, translated a little differently. Grouping is decided on the
words, never on offsets (store/statement_words.py says when two quotes are the
same statement):

- only quotes of the same speaker entity are compared (quotes without one,
  `a senior official`, only with each other, and more strictly), except
  where a speaker is uncertain (the speaker model's confidence under UNSURE,
  store/statement_candidates.py):
  then the words decide as strictly as without a speaker, and the statement
  takes the speaker of its surest quote;
- candidates come from the winnowed fingerprints of the quotes' words
  (`statement_prints`), so a quote is compared only with the statements that
  share a run of word pairs with it and that its speaker lets it be compared
  with, not with every quote of the speaker.

A statement's `text` is its longest variant; `first_article_id` and
`first_date` are where it was first seen (the earliest dated article, else
the first imported).
"""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from store.statement_candidates import Candidates, eligible
from store.statement_figures import figures_of, speakers_of, surer
from store.statement_words import PackedWords, QuoteWords, Words, containment, same_statement

_SQL_VARIABLES = 30_000
# The text and words of this many statements are kept at hand, the words packed (a
# few hundred bytes each): a statement comes back as a candidate batch after batch
# (a batch's quotes share fingerprints with thousands of statements), and its text
# is read and its words worked out once.
WORDS_KEPT = 100_000


@dataclass(frozen=True)
class NewQuote:
    """A quote of the batch being written, as statement grouping reads it."""

    article_id: int
    start: int
    text: str
    speaker: int | None
    confidence: float
    words: QuoteWords | None


@dataclass(eq=False)
class _Statement:
    id: int
    speaker: int | None
    confidence: float
    """How sure the attribution of its surest quote by `speaker` is (1 without a model)."""
    text: str
    packed: Words | PackedWords | _KeptWords
    """Its words (packed as kept from batch to batch), or, where they are not kept, the
    words kept, to work them out from `text` the first time they are read: most
    statements loaded are passed over for their speaker alone."""
    changed: bool = False

    @property
    def words(self) -> Words | PackedWords:
        if isinstance(self.packed, _KeptWords):
            words = Words.of(self.text)
            self.packed.keep(self.id, self.text, words)
            self.packed = words
        return self.packed

    @words.setter
    def words(self, words: Words) -> None:
        self.packed = words


class _KeptWords:
    """The text and packed words of the WORDS_KEPT statements read last, by id. A
    statement's text changes only in StatementGrouper: to a longer variant
    (kept again) or when it is counted anew (forgotten)."""

    def __init__(self) -> None:
        self._kept: OrderedDict[int, tuple[str, PackedWords]] = OrderedDict()

    def get(self, statement_id: int) -> tuple[str, PackedWords] | None:
        kept = self._kept.get(statement_id)
        if kept is not None:
            self._kept.move_to_end(statement_id)
        return kept

    def keep(self, statement_id: int, text: str, words: Words) -> None:
        self._kept[statement_id] = text, PackedWords.of(words)
        self._kept.move_to_end(statement_id)
        if len(self._kept) > WORDS_KEPT:
            self._kept.popitem(last=False)

    def forget(self, statement_ids: Iterable[int]) -> None:
        for statement_id in statement_ids:
            self._kept.pop(statement_id, None)


class StatementGrouper:
    """Puts each new quote in its statement, creating statements as needed, and keeps
    the statements' counts right as quotes come and go (inside the caller's
    transaction)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._gained: set[int] = set()
        """Statements that new quotes joined, since the last `count`."""
        self._lost: set[int] = set()
        """Statements that lost quotes (their articles imported again): counted anew."""
        self._first_new_quote = 0
        """The id the first quote written after `place` takes: quotes from it on are new."""
        self._words = _KeptWords()

    def forget_articles(self, article_ids: list[int]) -> None:
        """Articles whose quotes are about to be deleted: their statements are
        counted again (and dropped when empty) by the next `group`."""
        marks = ",".join("?" * len(article_ids))
        self._lost.update(
            statement_id
            for (statement_id,) in self.db.execute(
                f"SELECT DISTINCT statement_id FROM quotes WHERE article_id IN ({marks}) "
                "AND statement_id IS NOT NULL",
                article_ids,
            )
        )

    def place(self, quotes: list[NewQuote]) -> list[int | None]:
        """The statement of each new quote (None for one too short to be one), deciding
        in article and text order (so that importing in parts groups as one run);
        new statements and their fingerprints are written, the quotes are not. Call
        `count` once the quotes are written."""
        order = sorted(range(len(quotes)), key=lambda i: (quotes[i].article_id, quotes[i].start))
        self._first_new_quote = (
            self.db.execute("SELECT max(id) FROM quotes").fetchone()[0] or 0
        ) + 1
        found = [(i, read) for i in order if (read := quotes[i].words) is not None]
        by_print = self._known_prints({p for _, read in found for p in read.prints})
        statements = self._load(set().union(*by_print.values()) if by_print else set())
        candidates = Candidates(by_print, statements.values())
        next_id = (self.db.execute("SELECT max(id) FROM statements").fetchone()[0] or 0) + 1
        created: list[_Statement] = []
        new_prints: set[tuple[int, int]] = set()
        assigned: list[int | None] = [None] * len(quotes)
        for index, read in found:
            quote, words, prints = quotes[index], read.words, read.prints
            text, speaker, confidence = quote.text, quote.speaker, quote.confidence
            found_ids = candidates.of(prints, speaker, confidence)
            statement = _best(words, speaker, confidence, [statements[i] for i in found_ids])
            if statement is None:
                statement = _Statement(next_id, speaker, confidence, text, words)
                self._words.keep(statement.id, text, words)
                next_id += 1
                statements[statement.id] = statement
                candidates.file(statement)
                created.append(statement)
            else:
                if len(text) > len(statement.text):  # the longest variant stands for it
                    statement.text, statement.words, statement.changed = text, words, True
                    self._words.keep(statement.id, text, words)
                if surer(speaker, confidence, statement.confidence):
                    # Its surest quote names the speaker.
                    was = statement.speaker, statement.confidence
                    statement.speaker, statement.confidence = speaker, confidence
                    statement.changed = True
                    candidates.refile(statement, *was)
            for hashed in prints:
                if candidates.add(hashed, statement):  # a copy of a quote adds no print
                    new_prints.add((hashed, statement.id))
            assigned[index] = statement.id
            self._gained.add(statement.id)
        new_ids = {s.id for s in created}
        self.db.conn.executemany(
            "INSERT INTO statements (id, speaker_entity_id, speaker_confidence, text) "
            "VALUES (?, ?, ?, ?)",
            [(s.id, s.speaker, s.confidence, s.text) for s in created],
        )
        self.db.conn.executemany(
            "UPDATE statements SET speaker_entity_id = ?, speaker_confidence = ?, text = ? "
            "WHERE id = ?",
            [
                (s.speaker, s.confidence, s.text, s.id)
                for s in statements.values()
                if s.changed and s.id not in new_ids
            ],
        )
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO statement_prints (print, statement_id) VALUES (?, ?)",
            sorted(new_prints),
        )
        return assigned

    def _known_prints(self, prints: set[int]) -> dict[int, set[int]]:
        found: dict[int, set[int]] = defaultdict(set)
        ordered = sorted(prints)
        for start in range(0, len(ordered), _SQL_VARIABLES):
            chunk = ordered[start : start + _SQL_VARIABLES]
            for hashed, statement_id in self.db.execute(
                "SELECT print, statement_id FROM statement_prints "
                f"WHERE print IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                found[hashed].add(statement_id)
        return found

    def _load(self, statement_ids: Iterable[int]) -> dict[int, _Statement]:
        """Statements with their speakers as stored (merges change them), and their
        text and words as kept (the text read only for those not kept)."""
        loaded: dict[int, _Statement] = {}
        ordered = sorted(statement_ids)
        for start in range(0, len(ordered), _SQL_VARIABLES):
            chunk = ordered[start : start + _SQL_VARIABLES]
            rows = self.db.execute(
                "SELECT id, speaker_entity_id, ifnull(speaker_confidence, 1) "
                f"FROM statements WHERE id IN ({','.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
            kept = {statement_id: self._words.get(statement_id) for statement_id, _, _ in rows}
            missing = [statement_id for statement_id, found in kept.items() if found is None]
            texts = (
                dict(
                    self.db.execute(
                        "SELECT id, text FROM statements "
                        f"WHERE id IN ({','.join('?' * len(missing))})",
                        missing,
                    ).fetchall()
                )
                if missing
                else {}
            )
            for statement_id, speaker, confidence in rows:
                text, packed = kept[statement_id] or (texts[statement_id], self._words)
                loaded[statement_id] = _Statement(statement_id, speaker, confidence, text, packed)
        return loaded

    def count(self) -> None:
        """Counts and first sighting of the statements touched; the ones left with no
        quote go. A statement that only gained quotes adds theirs to its figures (its
        longest variant `place` keeps); one that lost some is counted again from all
        its quotes (with a statement quoted thousands of times, reading them all at
        every batch was most of what grouping cost)."""
        lost = sorted(self._lost)
        gained = sorted(self._gained - self._lost)
        self._lost, self._gained = set(), set()
        for start in range(0, len(lost), _SQL_VARIABLES):
            self._count_anew(lost[start : start + _SQL_VARIABLES])
        for start in range(0, len(gained), _SQL_VARIABLES):
            self._count_gains(gained[start : start + _SQL_VARIABLES])

    def _count_gains(self, statement_ids: list[int]) -> None:
        marks = ",".join("?" * len(statement_ids))
        new = figures_of(self.db, statement_ids, since=self._first_new_quote)
        updates = []
        for statement_id, quotes, articles, sources, first_article, first_date in self.db.execute(
            "SELECT id, ifnull(quote_count, 0), ifnull(article_count, 0), "
            f"ifnull(source_count, 0), first_article_id, first_date FROM statements "
            f"WHERE id IN ({marks})",
            statement_ids,
        ).fetchall():
            gain = new[statement_id]
            first = gain.first
            if quotes:
                first = min(first, (first_date is None, first_date or "", first_article))
                sources += sum(
                    1 for source in gain.sources if not self._quoted_in(statement_id, source)
                )
            else:
                sources = len(gain.sources)
            updates.append(
                (quotes + gain.quotes, articles + len(gain.articles), sources, first[2],
                 None if first[0] else first[1], statement_id)
            )  # fmt: skip
        self.db.conn.executemany(
            "UPDATE statements SET quote_count = ?, article_count = ?, source_count = ?, "
            "first_article_id = ?, first_date = ? WHERE id = ?",
            updates,
        )

    def _quoted_in(self, statement_id: int, source: str) -> bool:
        """Whether an earlier quote of the statement (before this batch's) is from `source`."""
        return (
            self.db.execute(
                "SELECT 1 FROM quotes JOIN articles ON articles.id = quotes.article_id "
                "WHERE quotes.statement_id = ? AND quotes.id < ? AND articles.source = ? LIMIT 1",
                [statement_id, self._first_new_quote, source],
            ).fetchone()
            is not None
        )

    def _count_anew(self, statement_ids: list[int]) -> None:
        self._words.forget(statement_ids)  # their text may change, or they may go
        figures = figures_of(self.db, statement_ids)
        longest = dict(
            self.db.execute(
                f"SELECT id, text FROM quotes WHERE id IN ({','.join('?' * len(figures))})",
                [f.longest[1] for f in figures.values()],
            ).fetchall()
        )
        speakers = speakers_of(self.db, list(figures))
        self.db.conn.executemany(
            "UPDATE statements SET quote_count = ?, article_count = ?, source_count = ?, "
            "first_article_id = ?, first_date = ?, text = ?, speaker_entity_id = ?, "
            "speaker_confidence = ? WHERE id = ?",
            [
                (f.quotes, len(f.articles), len(f.sources), f.first[2],
                 None if f.first[0] else f.first[1], longest[f.longest[1]],
                 *speakers[statement_id], statement_id)
                for statement_id, f in figures.items()
            ],
        )  # fmt: skip
        empty = [(statement_id,) for statement_id in statement_ids if statement_id not in figures]
        self.db.conn.executemany("DELETE FROM statement_prints WHERE statement_id = ?", empty)
        self.db.conn.executemany("DELETE FROM statements WHERE id = ?", empty)


def _best(
    words: Words, speaker: int | None, confidence: float, candidates: list[_Statement]
) -> _Statement | None:
    """The candidate this quote is most contained in (or contains), if it is the same
    statement; the oldest on a tie."""
    best: _Statement | None = None
    best_score = 0.0
    for statement in candidates:
        named = eligible(speaker, confidence, statement)
        if named is None:
            continue
        if not same_statement(words, statement.words, named=named):
            continue
        score = containment(words, statement.words)
        if score > best_score:
            best, best_score = statement, score
            if score == 1.0:  # no later (newer) candidate can do better
                break
    return best
