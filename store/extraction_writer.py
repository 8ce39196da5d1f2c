"""Writing what extraction found, and keeping what depends on it in step: entities,
statements and stories."""

from __future__ import annotations

from collections import Counter

from sqlite_utils import Database

from store.entity_resolver import EntityResolver
from store.extract.quotes import Quote
from store.names import name_key
from store.prepared import PreparedArticle
from store.statements import NewQuote, StatementGrouper
from store.stories import StoryGrouper


class ExtractionWriter:
    """Stores articles' extractions for one import (or reindex), resolving names to
    entities, quotes to statements and articles to stories as it goes. Each call
    runs inside the caller's transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.entities = EntityResolver(db)
        self.statements = StatementGrouper(db)
        self.stories = StoryGrouper(db)

    def forget_articles(self, article_ids: list[int]) -> None:
        """Before articles are deleted (replaced by new content): take back what they
        counted for entities, statements and stories."""
        self.entities.forget_articles(article_ids)
        self.statements.forget_articles(article_ids)
        self.stories.forget_articles(article_ids)

    def _outlets(self, article_ids: list[int]) -> dict[int, tuple[str, str]]:
        """The outlet of each of these (stored) articles that has one: its name, and its
        name folded with no spaces."""
        marks = ",".join("?" * len(article_ids))
        rows = self.db.execute(
            f"SELECT id, source FROM articles WHERE id IN ({marks}) AND source != ''", article_ids
        )
        return {
            article_id: (source, name_key(source).replace(" ", "")) for article_id, source in rows
        }

    def write(self, extractions: dict[int, PreparedArticle]) -> None:
        """Store what extraction found in these articles (already stored)."""
        resolver = self.entities
        repeats = []
        mentions = []
        quotes: list[tuple[int, Quote, int | None]] = []
        aliases: Counter[tuple[int, str]] = Counter()
        outlets = self._outlets(list(extractions))
        for article_id, extraction in extractions.items():
            repeats += [(article_id, r.start, r.end, r.original_start) for r in extraction.repeats]
            outlet = outlets.get(article_id)
            for start, end, text, kind, name, key in extraction.mentions:
                if kind != "person" and outlet is not None and key.replace(" ", "") == outlet[1]:
                    # The article's own outlet, however written (`EagleRising.com`,
                    # `your daily dose of Eagle Rising`): the organisation.
                    kind, name, key = "org", outlet[0], name_key(outlet[0])
                entity_id = resolver.resolve(kind, name, key=key)
                if entity_id is None:
                    continue  # a name a user said is no entity
                # Aliases fold whitespace ("Donald\u00a0Trump"); mentions keep the text exact.
                aliases[(entity_id, " ".join(text.split()))] += 1
                mentions.append((article_id, entity_id, start, end, text))
            for quote, speaker_key in zip(extraction.quotes, extraction.speaker_keys, strict=True):
                speaker = None
                if quote.speaker_name and quote.speaker_kind:
                    speaker = resolver.resolve(
                        quote.speaker_kind, quote.speaker_name, mention=False, key=speaker_key
                    )
                quotes.append((article_id, quote, speaker))
        self.db.conn.executemany(
            'INSERT INTO repeats (article_id, start, "end", original_start) VALUES (?, ?, ?, ?)',
            repeats,
        )
        self.db.conn.executemany(
            'INSERT INTO mentions (article_id, entity_id, start, "end", text) '
            "VALUES (?, ?, ?, ?, ?)",
            mentions,
        )
        resolver.count_aliases(aliases)
        merges = resolver.flush()
        self.stories.merge_names(merges)
        # Quotes are written once their statements are known (their speakers as merged).
        speakers = [merges.get(speaker, speaker) if speaker is not None else None
                    for _, _, speaker in quotes]  # fmt: skip
        words = [words for e in extractions.values() for words in e.quote_words]
        statements = self.statements.place(
            [
                NewQuote(article_id, quote.start, quote.text, speaker, _confidence(quote), found)
                for (article_id, quote, _), speaker, found in zip(
                    quotes, speakers, words, strict=True
                )
            ]
        )
        self.db.conn.executemany(
            'INSERT INTO quotes (article_id, start, "end", text, speaker_entity_id, speaker_text, '
            "speaker_start, speaker_end, cue, method, confidence, statement_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (article_id, q.start, q.end, q.text, speaker, q.speaker_text, q.speaker_start,
                 q.speaker_end, q.cue, str(q.method), q.confidence, statement)
                for (article_id, q, _), speaker, statement in zip(
                    quotes, speakers, statements, strict=True
                )
            ],
        )  # fmt: skip
        self.statements.count()
        if extractions:
            self.stories.group({article_id: e.sketch for article_id, e in extractions.items()})
        resolver.drop_unused()
        resolver.update_names()


def _confidence(quote: Quote) -> float:
    """How sure a quote's attribution is, for grouping (1 where no model said)."""
    return 1.0 if quote.confidence is None else quote.confidence
