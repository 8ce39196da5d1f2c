"""Importing a corpus in several runs gives exactly the entities, statements and stories
of one run, and nothing ever points at a missing row."""

from __future__ import annotations

import dataclasses
import json
from functools import cache
from itertools import pairwise
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from store.database import open_database
from store.extract import extract_article
from store.importer import import_paths, import_records
from store.readers import read_paths
from store.records import Problem, Record
from tests.conftest import FIXTURES

# 125 real articles (fakenewsnet, bbc, polnear) dense in shared surnames:
# Clinton, Bush, Brown, Kim, Johnson...
SLICE = FIXTURES / "resolver_slice.jsonl.gz"

# Each entity as its canonical name, kind and the mentions and quotes it holds,
# keyed by article id and offset: two databases compare whatever their ids.
Partition = set[tuple[str, str, frozenset[tuple[str, str, int]]]]


def entity_partition(db: Database) -> Partition:
    groups: dict[tuple[int, str, str], set[tuple[str, str, int]]] = {}
    for entity_id, name, kind, article, start in db.execute(
        "SELECT entities.id, name, kind, external_id, mentions.start FROM mentions "
        "JOIN entities ON entities.id = entity_id JOIN articles ON articles.id = article_id"
    ):
        groups.setdefault((entity_id, name, kind), set()).add((article, "mention", start))
    for entity_id, name, kind, article, start in db.execute(
        "SELECT entities.id, name, kind, external_id, quotes.start FROM quotes "
        "JOIN entities ON entities.id = speaker_entity_id JOIN articles ON articles.id = article_id"
    ):
        groups.setdefault((entity_id, name, kind), set()).add((article, "quote", start))
    return {(name, kind, frozenset(found)) for (_, name, kind), found in groups.items()}


def groups(db: Database) -> set[frozenset[str]]:
    """Quotes grouped into statements and articles into stories, by article id and
    offset (for quotes), whatever the row ids."""
    found: dict[tuple[str, int], set[str]] = {}
    for statement, article, start in db.execute(
        "SELECT statement_id, external_id, quotes.start FROM quotes "
        "JOIN articles ON articles.id = article_id WHERE statement_id IS NOT NULL"
    ):
        found.setdefault(("statement", statement), set()).add(f"{article}@{start}")
    for story, article in db.execute(
        "SELECT story_id, external_id FROM articles WHERE story_id IS NOT NULL"
    ):
        found.setdefault(("story", story), set()).add(article)
    return {frozenset(members) for members in found.values()}


def assert_nothing_dangles(db: Database) -> None:
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    unnamed = db.execute(
        "SELECT count(*) FROM entities WHERE NOT EXISTS "
        "(SELECT 1 FROM mentions WHERE entity_id = entities.id) AND NOT EXISTS "
        "(SELECT 1 FROM quotes WHERE speaker_entity_id = entities.id)"
    ).fetchone()[0]
    assert unnamed == 0


@cache
def slice_records() -> list[Record]:
    """The slice's records with their extraction done once: the runs below differ
    only in where they are cut, which is what the resolver must not notice."""
    records = [item for item in read_paths([str(SLICE)]) if isinstance(item, Record)]
    return [dataclasses.replace(r, extraction=extract_article(r.text)) for r in records]


@cache
def one_run() -> tuple[Partition, set[frozenset[str]]]:
    db = open_database(":memory:")
    import_records(db, slice_records(), batch_size=10, workers=1)
    return entity_partition(db), groups(db)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cuts=st.lists(st.integers(min_value=1, max_value=124), max_size=4, unique=True))
def test_a_corpus_imported_in_parts_has_the_entities_of_one_run(cuts: list[int]) -> None:
    records = slice_records()
    db = open_database(":memory:")
    bounds = [0, *sorted(cuts), len(records)]
    for start, end in pairwise(bounds):
        import_records(db, records[start:end], batch_size=10, workers=1)
    assert_nothing_dangles(db)
    assert (entity_partition(db), groups(db)) == one_run()


def write_jsonl(path: Path, articles: list[dict[str, str]]) -> str:
    path.write_text("".join(json.dumps(article) + "\n" for article in articles))
    return str(path)


def test_a_stored_alias_is_not_taken_for_a_lone_surname(db: Database, tmp_path: Path) -> None:
    kim = "Kim Jong-un spoke in Pyongyang on Monday. Kim said the talks went well."
    import_paths(db, [write_jsonl(tmp_path / "a.jsonl", [{"id": "k1", "text": kim}])])
    second = [{"id": "p1", "text": "Peter Kim, a lawyer, said the case was weak."}]
    second += [{"id": f"f{n}", "text": f"Filler number {n} on the weather."} for n in range(600)]
    second += [{"id": "k2", "text": "Kim Jong-un spoke again in Pyongyang on Friday."}]
    import_paths(db, [write_jsonl(tmp_path / "b.jsonl", second)], workers=1)
    people = db.execute("SELECT name FROM entities WHERE kind = 'person' ORDER BY name")
    assert [name for (name,) in people] == ["Kim Jong-un", "Peter Kim"]
    assert_nothing_dangles(db)


def test_an_updated_article_takes_its_names_with_it(db: Database, tmp_path: Path) -> None:
    first = {
        "id": "a1",
        "text": "On Monday, Zebulon Quist met Ottoline Ferrand in Paris. Quist said little.",
    }
    import_paths(db, [write_jsonl(tmp_path / "a.jsonl", [first])])
    changed = {"id": "a1", "text": "Ottoline Ferrand stayed in Paris; Ferrand said little."}
    import_paths(db, [write_jsonl(tmp_path / "b.jsonl", [changed])])
    names = {name for (name,) in db.execute("SELECT name FROM entities")}
    assert names == {"Ottoline Ferrand", "Paris"}
    aliases = db.execute(
        "SELECT alias, count FROM entity_aliases JOIN entities ON id = entity_id "
        "WHERE name = 'Ottoline Ferrand' ORDER BY alias"
    ).fetchall()
    assert aliases == [("Ferrand", 1), ("Ottoline Ferrand", 1)]
    assert_nothing_dangles(db)


def test_the_same_id_twice_in_one_import_keeps_the_later(db: Database, tmp_path: Path) -> None:
    twice = [
        {"id": "x", "text": "Zebulon Quist spoke first."},
        {"id": "y", "text": "Another article."},
        {"id": "x", "text": "Ottoline Ferrand spoke second."},
    ]
    problems: list[Problem] = []
    summary = import_paths(
        db, [write_jsonl(tmp_path / "a.jsonl", twice)], on_problem=problems.append
    )
    texts = [text for (text,) in db.execute("SELECT text FROM articles ORDER BY id")]
    assert texts == ["Another article.", "Ottoline Ferrand spoke second."]
    assert summary.imported == 2 and summary.warnings == 1
    assert [str(p).split(": ", 1)[1] for p in problems] == [
        f"id 'x' was already read at {(tmp_path / 'a.jsonl').resolve()}:1; this record replaces it"
    ]
    assert {name for (name,) in db.execute("SELECT name FROM entities")} == {"Ottoline Ferrand"}
    assert_nothing_dangles(db)
