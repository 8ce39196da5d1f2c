"""Statements (one speaker's words quoted in many articles) and stories (articles
telling one story), kept by imports, updates and shard merges."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from sqlite_utils import Database

from store.database import open_database
from store.extract import Extraction, extract_article
from store.extract.text_sketch import agreement, sketch
from store.importer import import_paths
from store.reindex import reindex
from store.statement_queries import find_statements, statement_count
from store.statement_words import Words, same_statement
from tests.conftest import SEEDS

# The same Putin statement, as two outlets translated it.
ONE_WAY = "on the basis of the policy which the administration of President Donald Trump"
OTHER_WAY = "on the basis of the policies carried out by the administration of President Trump"


def statement_of(db: Database, words: str) -> int | None:
    (statement,) = db.execute(
        "SELECT statement_id FROM quotes WHERE text LIKE ?", [f"%{words}%"]
    ).fetchone()
    return int(statement) if statement is not None else None


def seed(name: str) -> str:
    return next(str(path) for path in SEEDS.glob(f"{name}_*.txt"))


def stories_by_seed(db: Database) -> dict[str, int | None]:
    return {
        Path(path).name[:3]: story
        for path, story in db.execute("SELECT path, story_id FROM articles ORDER BY path")
    }


def test_the_seeds_putin_statement_is_one_statement(seeded_db: Database) -> None:
    statement = statement_of(seeded_db, ONE_WAY)
    assert statement is not None and statement == statement_of(seeded_db, OTHER_WAY)
    row = seeded_db.execute(
        "SELECT name, quote_count, article_count, first_article_id FROM statements "
        "JOIN entities ON entities.id = speaker_entity_id WHERE statements.id = ?",
        [statement],
    ).fetchone()
    assert row[:3] == ("Vladimir Putin", 2, 2)


def test_the_seeds_stories(seeded_db: Database) -> None:
    stories = stories_by_seed(seeded_db)
    assert stories["000"] is not None
    assert stories["000"] == stories["001"] == stories["003"]
    assert stories["002"] is None and stories["004"] is None
    counts = seeded_db.execute("SELECT article_count FROM stories").fetchall()
    assert counts == [(3,)]


def test_copies_of_a_short_article_are_one_story(db: Database, tmp_path: Path) -> None:
    """A short text leaves most of its sketch's bins empty: its copies still agree
    on every bin either fills, and are one story (fakenewsnet carries such copies)."""
    text = (
        "10:30 pm last night police received a call about gun fire in Miami Gardens. "
        "The manager was taken into custody, officers said."
    )
    rows = [
        {"id": f"copy-{n}", "title": "Shooting", "text": text, "date": "2017-06-22"}
        for n in range(3)
    ]
    corpus = tmp_path / "copies.jsonl"
    corpus.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    import_paths(db, [str(corpus)])
    stories = {story for (story,) in db.execute("SELECT story_id FROM articles")}
    assert len(stories) == 1 and None not in stories
    assert agreement(sketch(text).signature, sketch(text).signature) == 1.0


def test_a_statement_grows_across_imports(db: Database) -> None:
    import_paths(db, [seed("000")])
    first = statement_of(db, ONE_WAY)
    import_paths(db, [seed("001")])
    assert statement_of(db, OTHER_WAY) == first
    assert db.execute(
        "SELECT quote_count, article_count FROM statements WHERE id = ?", [first]
    ).fetchone() == (2, 2)


def test_a_statement_grows_through_a_shard_merge(tmp_path: Path) -> None:
    for name in ("000", "001"):
        import_paths(open_database(tmp_path / f"shard-{name}.db"), [seed(name)])
    merged = open_database(tmp_path / "merged.db")
    import_paths(merged, [str(tmp_path / "shard-000.db"), str(tmp_path / "shard-001.db")])
    statement = statement_of(merged, ONE_WAY)
    assert statement is not None and statement == statement_of(merged, OTHER_WAY)
    # How each quote was attributed travels with it.
    shard = open_database(tmp_path / "shard-001.db")
    attribution = "SELECT text, method, confidence FROM quotes ORDER BY text"
    assert (
        shard.execute(attribution).fetchall()
        == merged.execute(
            "SELECT text, method, confidence FROM quotes WHERE article_id = 2 ORDER BY text"
        ).fetchall()
    )


def test_an_updated_article_leaves_its_statement(db: Database, tmp_path: Path) -> None:
    copy = tmp_path / "001.txt"
    shutil.copy(seed("001"), copy)
    import_paths(db, [seed("000"), str(copy)])
    statement = statement_of(db, ONE_WAY)
    copy.write_text("Putin spoke\n\nNothing was quoted this time.")
    import_paths(db, [str(copy)])
    assert db.execute(
        "SELECT quote_count, article_count FROM statements WHERE id = ?", [statement]
    ).fetchone() == (1, 1)
    assert stories_by_seed(db) == {"000": None, "001": None}
    assert db.execute("SELECT count(*) FROM stories").fetchone() == (0,)


def test_a_statement_that_loses_its_speakers_quote_takes_the_next_speaker(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The quote that named a statement's speaker goes with a changed article: the
    statement's speaker is then that of its other quotes, as one import of the new
    texts gives (the entity of the old speaker, named nowhere else, goes too)."""
    line = "We will build the new bridge next year and finish the work by the spring"
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(f"The council met.\n\n\u201c{line},\u201d Mayor John Smith said.\n")
    second.write_text(f"Officials met.\n\n\u201c{line},\u201d Jane Doe said.\n")

    def unsure_of_jane(text: str) -> Extraction:
        # Jane Doe's attribution a guess (under UNSURE): her quote may join John Smith's.
        found = extract_article(text)
        quotes = [replace(q, confidence=0.3) if q.speaker_name == "Jane Doe" else q
                  for q in found.quotes]  # fmt: skip
        return replace(found, quotes=quotes)

    monkeypatch.setattr("store.extractors.builtin.extract_article", unsure_of_jane)
    import_paths(db, [str(first), str(second)])
    speaker = "SELECT e.name FROM statements s JOIN entities e ON e.id = s.speaker_entity_id"
    assert db.execute("SELECT count(*) FROM statements").fetchone() == (1,)
    assert db.execute(speaker).fetchall() == [("John Smith",)]
    first.write_text("The council met.\n\nNothing was said.\n")
    import_paths(db, [str(first)])
    assert db.execute(speaker).fetchall() == [("Jane Doe",)]
    assert db.execute("SELECT count(*) FROM entities WHERE name = 'John Smith'").fetchone() == (0,)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_reindex_tells_the_stories_an_import_tells(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reindex reads again the articles the story grouping started with: each new
    reading replaces the old among the recent articles (they were there twice, and
    the old one leaving took the new one's entry: a KeyError on corpora of RECENT/2 to
    RECENT articles)."""
    monkeypatch.setattr("store.stories.RECENT", 6)
    db = open_database(tmp_path / "seeds.db")
    import_paths(db, [str(SEEDS)])
    imported = stories_by_seed(db)
    reindex(db, workers=1)
    assert stories_by_seed(db) == imported


def test_quotes_record_how_they_were_attributed(seeded_db: Database) -> None:
    methods = dict(seeded_db.execute("SELECT method, count(*) FROM quotes GROUP BY 1"))
    assert methods.get("cue", 0) > 10
    assert seeded_db.execute(
        "SELECT count(*) FROM quotes WHERE confidence IS NOT NULL "
        "AND (confidence < 0 OR confidence > 1)"
    ).fetchone() == (0,)


def test_same_statement_decides_on_words() -> None:
    assert same_statement(Words.of(ONE_WAY), Words.of(OTHER_WAY), named=True)
    fragment = "the administration of President Donald Trump"
    assert same_statement(Words.of(fragment), Words.of(ONE_WAY), named=True)
    other = "We will not create problems for American diplomats"
    assert not same_statement(Words.of(other), Words.of(ONE_WAY), named=True)
    # Function words alone make no statement the same.
    assert not same_statement(
        Words.of("we will not do it at all"), Words.of("we will not be there at all"), named=True
    )


def test_statement_count_counts_past_the_list_s_limit(seeded_db: Database) -> None:
    (putin,) = seeded_db.execute("SELECT id FROM entities WHERE name = 'Vladimir Putin'").fetchone()
    every = find_statements(seeded_db, speaker_ids=[putin], limit=1000)
    newest = find_statements(seeded_db, speaker_ids=[putin], limit=2)
    total = statement_count(seeded_db, speaker_ids=[putin])
    assert len(newest) == 2 < total == len(every)
    # A topic no quote holds finds nothing; FTS5 syntax a user may type raises nothing.
    assert statement_count(seeded_db, speaker_ids=[putin], about="zebra") == 0
    assert statement_count(seeded_db, about='"U.S.') >= 0
