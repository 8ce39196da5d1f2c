"""A nutgraf database as input: the articles of a shard, with what was extracted there.

A big corpus can be split, each part imported into its own database (on
other machines), and the parts merged with `nutgraf import part1.db part2.db`.
Extraction is a pure function of an article's text, so the merge takes each
article's names, quotes and repeated passages as the shard found them and
only resolves the names to the merged database's entities.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from store.extract import Extraction
from store.extract.entities import Mention, People
from store.extract.quotes import Quote
from store.extract.repeats import Repeat
from store.records import Problem, Record

SHARD_SUFFIXES = (".db", ".sqlite", ".sqlite3")
# Articles read from a shard per query.
_BATCH = 500


def read_shard(path: Path, shown: str) -> Iterator[Record | Problem]:
    """Every article of a nutgraf database, with its extraction attached."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.Error as error:
        yield Problem(shown, f"not a SQLite database ({error})")
        return
    if not {"articles", "mentions", "quotes", "repeats", "entities"} <= tables:
        conn.close()
        yield Problem(shown, "a SQLite database, but not a nutgraf corpus")
        return
    try:
        last = 0
        while batch := conn.execute(
            "SELECT id, text, path, title, date, source, url, external_id FROM articles "
            "WHERE id > ? ORDER BY id LIMIT ?",
            [last, _BATCH],
        ).fetchall():
            extractions = _extractions(conn, [row[0] for row in batch])
            for article_id, text, stored_path, title, date, source, url, external_id in batch:
                yield Record(
                    text,
                    stored_path or f"{shown}#{article_id}",
                    title,
                    date,
                    source,
                    url,
                    external_id,
                    extraction=extractions[article_id],
                )
            last = batch[-1][0]
    except sqlite3.Error as error:
        yield Problem(shown, f"cannot read the shard past article {last}: {error}")
    finally:
        conn.close()


def _extractions(conn: sqlite3.Connection, article_ids: list[int]) -> dict[int, Extraction]:
    marks = ",".join("?" * len(article_ids))
    repeats: dict[int, list[Repeat]] = defaultdict(list)
    for article_id, start, end, original in conn.execute(
        f'SELECT article_id, start, "end", original_start FROM repeats '
        f"WHERE article_id IN ({marks}) ORDER BY article_id, start",
        article_ids,
    ):
        repeats[article_id].append(Repeat(start, end, original))
    mentions: dict[int, list[Mention]] = defaultdict(list)
    for article_id, start, end, text, kind, name in conn.execute(
        f'SELECT article_id, mentions.start, mentions."end", mentions.text, kind, name '
        f"FROM mentions JOIN entities ON entities.id = entity_id "
        f"WHERE article_id IN ({marks}) ORDER BY article_id, mentions.start",
        article_ids,
    ):
        mentions[article_id].append(Mention(start, end, text, kind, name))
    quotes: dict[int, list[Quote]] = defaultdict(list)
    for article_id, *quote in conn.execute(
        f'SELECT article_id, quotes.start, quotes."end", quotes.text, speaker_text, '
        f"speaker_start, speaker_end, entities.name, entities.kind, cue FROM quotes "
        f"LEFT JOIN entities ON entities.id = speaker_entity_id "
        f"WHERE article_id IN ({marks}) ORDER BY article_id, quotes.start",
        article_ids,
    ):
        quotes[article_id].append(Quote(*quote))
    return {
        article_id: Extraction(
            repeats=repeats[article_id],
            mentions=mentions[article_id],
            people=People(genders={}),
            quotes=quotes[article_id],
        )
        for article_id in article_ids
    }
