"""A corpus imported in two shards and merged equals the corpus imported whole."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from store.database import open_database
from store.importer import import_paths
from store.records import Problem
from tests.conftest import FIXTURES

CORPUS = FIXTURES / "corpus_sample.jsonl"


Extracted = tuple[str, list[tuple[object, ...]], list[tuple[object, ...]], list[tuple[object, ...]]]


def extracted(db: Database) -> dict[str, Extracted]:
    """Each article (by external id) with its names, quotes and repeats, entity ids
    replaced by names so that two databases compare."""
    found: dict[str, Extracted] = {}
    for article_id, external_id, title in db.execute(
        "SELECT id, external_id, title FROM articles"
    ).fetchall():
        mentions = db.execute(
            'SELECT mentions.start, mentions."end", mentions.text, kind, name FROM mentions '
            "JOIN entities ON entities.id = entity_id WHERE article_id = ? ORDER BY 1",
            [article_id],
        ).fetchall()
        quotes = db.execute(
            'SELECT quotes.start, quotes."end", speaker_text, name FROM quotes '
            "LEFT JOIN entities ON entities.id = speaker_entity_id WHERE article_id = ? "
            "ORDER BY 1",
            [article_id],
        ).fetchall()
        repeats = db.execute(
            'SELECT start, "end", original_start FROM repeats WHERE article_id = ? ORDER BY 1',
            [article_id],
        ).fetchall()
        found[external_id] = (title, mentions, quotes, repeats)
    return found


def test_two_shards_merge_into_the_whole(tmp_path: Path) -> None:
    lines = CORPUS.read_text(encoding="utf-8").splitlines(keepends=True)
    halves = [lines[: len(lines) // 2], lines[len(lines) // 2 :]]
    shards = []
    for n, half in enumerate(halves):
        part = tmp_path / f"part{n}.jsonl"
        part.write_text("".join(half), encoding="utf-8")
        shard = tmp_path / f"shard{n}.db"
        import_paths(open_database(shard), [str(part)])  # as on another machine
        shards.append(str(shard))

    whole = open_database(tmp_path / "whole.db")
    import_paths(whole, [str(CORPUS)])
    merged = open_database(tmp_path / "merged.db")
    summary = import_paths(merged, shards)
    assert summary.rejected == 0 and summary.imported == len(extracted(whole))

    expected, got = extracted(whole), extracted(merged)
    assert got.keys() == expected.keys()
    same = sum(got[key] == expected[key] for key in expected)
    # Entity names can differ where the whole corpus saw a fuller name first.
    assert same >= 0.9 * len(expected), f"{same} of {len(expected)} articles alike"
    for key in expected:
        spans = [[row[:3] for row in part] for part in (got[key][1], expected[key][1])]
        assert spans[0] == spans[1], key  # every mention, at the same place

    again = import_paths(merged, shards)
    assert again.imported == 0 and again.unchanged == summary.imported


def test_a_database_that_is_no_shard_is_reported(tmp_path: Path) -> None:
    foreign = tmp_path / "other.db"
    Database(foreign).table("t").insert({"x": 1})
    problems: list[Problem] = []
    summary = import_paths(
        open_database(tmp_path / "main.db"), [str(foreign)], on_problem=problems.append
    )
    assert summary.rejected == 1
    assert "not a nutgraf corpus" in str(problems[0])


def test_a_file_named_db_that_is_not_sqlite_is_reported(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("not a database at all\n" * 100)
    problems: list[Problem] = []
    summary = import_paths(
        open_database(tmp_path / "main.db"), [str(bogus)], on_problem=problems.append
    )
    assert summary.rejected == 1 and summary.imported == 0
    assert "not a SQLite database" in str(problems[0])
