"""Writing what extraction found, and keeping what depends on it in step: entities,
statements and stories."""

from __future__ import annotations

from collections import Counter

from sqlite_utils import Database

from store.entity_resolver import EntityResolver
from store.extract import Extraction
from store.statements import StatementGrouper
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

    def write(self, extractions: dict[int, Extraction]) -> None:
        """Store what extraction found in these articles (already stored)."""
        resolver = self.entities
        repeats = []
        mentions = []
        quotes = []
        aliases: Counter[tuple[int, str]] = Counter()
        for article_id, extraction in extractions.items():
            repeats += [(article_id, r.start, r.end, r.original_start) for r in extraction.repeats]
            for mention in extraction.mentions:
                entity_id = resolver.resolve(mention.kind, mention.name)
                if entity_id is None:
                    continue  # a name a user said is no entity
                # Aliases fold whitespace ("Donald\u00a0Trump"); mentions keep the text exact.
                aliases[(entity_id, " ".join(mention.text.split()))] += 1
                mentions.append((article_id, entity_id, mention.start, mention.end, mention.text))
            for quote in extraction.quotes:
                speaker = None
                if quote.speaker_name and quote.speaker_kind:
                    speaker = resolver.resolve(
                        quote.speaker_kind, quote.speaker_name, mention=False
                    )
                quotes.append(
                    (article_id, quote.start, quote.end, quote.text, speaker, quote.speaker_text,
                     quote.speaker_start, quote.speaker_end, quote.cue, str(quote.method),
                     quote.confidence)
                )  # fmt: skip
        self.db.conn.executemany(
            'INSERT INTO repeats (article_id, start, "end", original_start) VALUES (?, ?, ?, ?)',
            repeats,
        )
        self.db.conn.executemany(
            'INSERT INTO mentions (article_id, entity_id, start, "end", text) '
            "VALUES (?, ?, ?, ?, ?)",
            mentions,
        )
        self.db.conn.executemany(
            'INSERT INTO quotes (article_id, start, "end", text, speaker_entity_id, speaker_text, '
            "speaker_start, speaker_end, cue, method, confidence) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            quotes,
        )
        resolver.count_aliases(aliases)
        self.stories.merge_names(resolver.flush())
        if extractions:
            self.statements.group(sorted(extractions))
            self.stories.group({article_id: e.sketch for article_id, e in extractions.items()})
        resolver.drop_unused()
        resolver.update_names()
