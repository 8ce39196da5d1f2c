"""Bookmarks and notes: one small write each, kept through `reindex`, exported like the rest."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sqlite_utils import Database

from store import queries
from store.bookmarks import list_bookmarks, remove_bookmark, set_note, starred_in, toggle_bookmark
from store.corpus import Corpus, ReadOnlyCorpus
from store.export import ExportFormat, bookmark_records, write_records
from store.reindex import reindex


def first_quote(db: Database) -> tuple[int, int, str]:
    article_id, start, text = db.execute(
        "SELECT article_id, start, text FROM quotes ORDER BY article_id, start LIMIT 1"
    ).fetchone()
    return article_id, start, text


def test_star_a_quote_and_an_article_then_note_and_unstar(
    seeded_db: Database, db_path: Path
) -> None:
    article_id, start, text = first_quote(seeded_db)
    corpus = Corpus(db_path)
    with corpus.write() as db:
        assert toggle_bookmark(db, article_id, start) is True
        assert toggle_bookmark(db, article_id, None) is True
    with corpus.read() as db:
        assert starred_in(db, article_id) == {None, start}
        marks = list_bookmarks(db)
    quote = next(mark for mark in marks if mark.quote_start == start)
    assert quote.quote_text == text and quote.speaker
    with corpus.write() as db:
        set_note(db, quote.id, "check with the transcript")
        assert toggle_bookmark(db, article_id, None) is False  # again: unstarred
    with corpus.read() as db:
        (mark,) = list_bookmarks(db)
    assert mark.note == "check with the transcript"
    with corpus.write() as db:
        remove_bookmark(db, mark.id)
    with corpus.read() as db:
        assert list_bookmarks(db) == []


def test_bookmarks_survive_reindex(seeded_db: Database, db_path: Path) -> None:
    article_id, start, text = first_quote(seeded_db)
    corpus = Corpus(db_path)
    with corpus.write() as db:
        toggle_bookmark(db, article_id, start)
    reindex(seeded_db, workers=1)
    with corpus.read() as db:
        (mark,) = list_bookmarks(db)
        article = queries.get_article(db, article_id)
    assert mark.article_id == article_id and mark.quote_text == text
    assert article is not None and any(q.start == start for q in article.quotes)


def test_a_read_only_corpus_refuses_to_star(
    seeded_db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    seeded_db.close()
    monkeypatch.setattr(os, "access", lambda path, mode: mode != os.W_OK)
    corpus = Corpus(db_path)
    assert corpus.readonly
    with pytest.raises(ReadOnlyCorpus), corpus.write() as db:
        toggle_bookmark(db, 1, None)


def test_starred_export_with_citations(seeded_db: Database, db_path: Path) -> None:
    article_id, start, _ = first_quote(seeded_db)
    corpus = Corpus(db_path)
    with corpus.write() as db:
        toggle_bookmark(db, article_id, start)
        toggle_bookmark(db, article_id, None)
    with corpus.read() as db:
        records = bookmark_records(list_bookmarks(db))
    out = io.StringIO()
    write_records(out, records, ExportFormat.CSV)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 2 and all(row["citation"] for row in rows)
    assert any(row["citation"].startswith("“") for row in rows)
    out = io.StringIO()
    write_records(out, records, ExportFormat.JSON)
    assert [json.loads(line)["article_id"] for line in out.getvalue().splitlines()] == [
        article_id,
        article_id,
    ]
