"""Extractors chosen by name; a corpus keeps the one that filled it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from store.database import StoreError, open_database
from store.extractors import extractor_names, load_extractor, recorded_extractor
from store.importer import import_paths
from store.records import Problem
from store.reindex import reindex
from tests.conftest import SEEDS


def test_the_builtin_extractor_is_there_by_name() -> None:
    assert "nutgraf" in extractor_names()
    extractor = load_extractor("nutgraf")
    assert extractor.name == "nutgraf" and extractor.version
    assert extractor.extract("Vladimir Putin spoke in Moscow.").mentions


def test_an_unknown_extractor_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match=r"no extractor named 'nope' \(installed: nutgraf"):
        load_extractor("nope")


def test_a_corpus_records_its_extractor(seeded_db: Database) -> None:
    assert recorded_extractor(seeded_db) == "nutgraf"
    assert dict(seeded_db.execute("SELECT key, value FROM settings"))["extractor_version"]


class Other:
    """A stand-in for another installed extractor."""

    name = "other"
    version = "1"


def test_another_extractor_is_refused_until_reindexed(seeded_db: Database) -> None:
    from store.extractors import use_extractor

    with pytest.raises(StoreError, match="extracted with the nutgraf extractor"):
        use_extractor(seeded_db, Other())  # type: ignore[arg-type]
    use_extractor(seeded_db, Other(), switch=True)  # type: ignore[arg-type]
    assert recorded_extractor(seeded_db) == "other"


def test_a_shard_of_another_extractor_is_not_merged(db: Database, tmp_path: Path) -> None:
    shard = open_database(tmp_path / "shard.db")
    import_paths(shard, [str(SEEDS)])
    shard.execute("UPDATE settings SET value = 'other' WHERE key = 'extractor'")
    shard.conn.commit()
    problems: list[Problem] = []
    summary = import_paths(db, [str(tmp_path / "shard.db")], on_problem=problems.append)
    assert summary.imported == 0
    (problem,) = problems
    assert "extracted with the other extractor, this corpus with nutgraf" in problem.reason


def test_reindex_with_the_same_extractor_keeps_it(seeded_db: Database) -> None:
    assert reindex(seeded_db, workers=1) == 5
    assert recorded_extractor(seeded_db) == "nutgraf"


def test_the_spacy_extractor_through_the_seam(db_path: Path) -> None:
    pytest.importorskip("spacy")
    try:
        extractor = load_extractor("spacy")
    except StoreError as error:
        pytest.skip(str(error))
    assert extractor.version.startswith("spacy ")
    db = open_database(db_path)
    import_paths(db, [str(SEEDS)], extractor="spacy", workers=1)
    assert recorded_extractor(db) == "spacy"
    people = {name for (name,) in db.execute("SELECT name FROM entities WHERE kind = 'person'")}
    assert "Vladimir Putin" in people
    assert (
        db.execute("SELECT count(*) FROM quotes WHERE speaker_entity_id IS NOT NULL").fetchone()[0]
        > 10
    )
