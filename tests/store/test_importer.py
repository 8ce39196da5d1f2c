from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from store.importer import import_paths, import_records
from store.records import Problem, Record
from tests.conftest import FIXTURES, SEEDS

# How long a test waits for what must happen soon (it fails rather than hangs).
WAIT = 60


def count(db: Database, table: str) -> int:
    return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_seeds_import_once(db: Database) -> None:
    first = import_paths(db, [str(SEEDS)])
    again = import_paths(db, [str(SEEDS)])
    assert (first.imported, first.unchanged, first.rejected) == (5, 0, 0)
    assert (again.imported, again.unchanged, again.rejected) == (0, 5, 0)
    assert count(db, "articles") == 5


def test_stored_text_is_the_body_exactly_as_read(db: Database) -> None:
    import_paths(db, [str(SEEDS)])
    seed = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")
    title, text = db.execute("SELECT title, text FROM articles WHERE path LIKE '%000_%'").fetchone()
    assert seed.startswith(title + "\n\n")
    assert seed[len(title) + 2 :].rstrip() == text


def test_corpus_sample_counts_and_idempotence(db: Database) -> None:
    problems: list[Problem] = []
    summary = import_paths(db, [str(FIXTURES / "corpus_sample.jsonl")], on_problem=problems.append)
    assert (summary.imported, summary.rejected) == (13, 1)
    assert len(problems) == 1
    again = import_paths(db, [str(FIXTURES / "corpus_sample.jsonl")])
    assert (again.imported, again.unchanged, again.rejected) == (0, 13, 1)
    assert count(db, "articles") == 13


def test_a_changed_file_updates_its_article(db: Database, tmp_path: Path) -> None:
    file = tmp_path / "story.txt"
    file.write_text("Old title\n\nOld body about Moscow.")
    import_paths(db, [str(file)])
    (article_id,) = db.execute("SELECT id FROM articles").fetchone()
    file.write_text("New title\n\nNew body about Washington. " * 20)
    summary = import_paths(db, [str(file)])
    assert (summary.imported, summary.updated) == (0, 1)
    assert db.execute("SELECT id, title FROM articles").fetchall() == [(article_id, "New title")]
    # Full-text search follows the update.
    hits = db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'Washington'")
    assert hits.fetchall() == [(article_id,)]
    assert db.execute(
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Moscow'"
    ).fetchone() == (0,)


def test_a_changed_jsonl_record_updates_by_id(db: Database, tmp_path: Path) -> None:
    file = tmp_path / "feed.jsonl"
    file.write_text(json.dumps({"id": "a1", "title": "v1", "text": "First version."}) + "\n")
    import_paths(db, [str(file)])
    file.write_text(
        json.dumps({"id": "b2", "title": "other", "text": "Another story."})
        + "\n"
        + json.dumps({"id": "a1", "title": "v2", "text": "Second version."})
        + "\n"
    )
    summary = import_paths(db, [str(file)])
    assert (summary.imported, summary.updated, summary.unchanged) == (1, 1, 0)
    assert db.execute("SELECT external_id, title FROM articles ORDER BY id").fetchall() == [
        ("a1", "v2"),
        ("b2", "other"),
    ]


def test_bad_records_never_stop_good_ones(db: Database) -> None:
    items: list[Record | Problem] = []
    for i in range(1200):
        items.append(Record(text=f"Body {i}.", path=f"x:{i}", title=f"T{i}"))
        if i % 100 == 0:
            items.append(Problem(f"x:{i}", "malformed"))
    summary = import_records(db, items, batch_size=250)
    assert (summary.imported, summary.rejected) == (1200, 12)
    assert count(db, "articles") == 1200


def test_a_stream_that_pauses_has_what_it_sent_written(db: Database, db_path: Path) -> None:
    """`nutgraf import -` fed by a scraper: three articles, then a pause. They are
    stored during the pause, not a batch later."""
    seen_during_pause: list[int] = []

    def scraper() -> Iterator[Record]:
        for i in range(3):
            yield Record(text=f"Body {i}.", path=f"stdin:{i + 1}", title=f"T{i}")
        with sqlite3.connect(db_path) as reader:
            deadline = time.monotonic() + WAIT
            while (stored := count_in(reader)) < 3 and time.monotonic() < deadline:
                time.sleep(0.05)
        seen_during_pause.append(stored)
        yield Record(text="Body 3.", path="stdin:4", title="T3")

    summary = import_records(db, scraper(), batch_size=500, stream=True)
    assert seen_during_pause == [3]
    assert summary.imported == 4 and count(db, "articles") == 4


def count_in(connection: sqlite3.Connection) -> int:
    return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])


def test_repeated_passage_is_recorded_not_removed(seeded_db: Database) -> None:
    text, start, end, original = seeded_db.execute(
        "SELECT text, start, end, original_start FROM repeats "
        "JOIN articles ON articles.id = article_id "
        "WHERE path LIKE '%001_%'"
    ).fetchone()
    assert end - start > 1000
    assert text[start:end] == text[original : original + end - start]
    assert text[start:].startswith("In a surprise move, Russian President Vladimir Putin")


def test_an_outlet_named_in_its_own_articles_is_one_organisation(db: Database) -> None:
    text = (
        "The senator spoke in Ohio on Monday. Views are the author's and not endorsed by "
        "EagleRising.com. Get your daily dose of Eagle Rising by entering your email below."
    )
    records = [
        Record(text, f"a{n}.txt", source="Eagle Rising", external_id=f"a{n}") for n in (1, 2)
    ]
    import_records(db, iter(records), batch_size=10, workers=1)
    named = db.execute(
        "SELECT DISTINCT entities.kind, entities.name FROM mentions "
        "JOIN entities ON entities.id = mentions.entity_id WHERE mentions.text LIKE 'Eagle%'"
    ).fetchall()
    assert named == [("org", "Eagle Rising")]
