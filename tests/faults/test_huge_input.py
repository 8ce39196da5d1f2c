"""A 50 MB article and a 1 MB line without a newline import whole, in bounded time."""

from __future__ import annotations

import json
from pathlib import Path

from sqlite_utils import Database

from store.extract import MAX_EXTRACTED_CHARS
from store.importer import import_paths


def sentences(size: int) -> str:
    """`size` characters of distinct sentences (numbered, so none repeats another)."""
    parts, total, n = [], 0, 0
    while total < size:
        sentence = f"Day {n}: Putin said “no more {n}” to Reuters. "
        parts.append(sentence)
        total += len(sentence)
        n += 1
    return "".join(parts)


def test_a_50_mb_article(db: Database, tmp_path: Path) -> None:
    file = tmp_path / "huge.txt"
    body = sentences(50_000_000).rstrip()
    file.write_text("A very long article\n\n" + body, encoding="utf-8")
    summary = import_paths(db, [str(file)])
    assert (summary.imported, summary.rejected) == (1, 0)
    (length,) = db.execute("SELECT length(text) FROM articles").fetchone()
    assert length == len(body)
    # Names and quotes come from the first MAX_EXTRACTED_CHARS characters only.
    (last_mention,) = db.execute("SELECT max(end) FROM mentions").fetchone()
    assert 0 < last_mention <= MAX_EXTRACTED_CHARS
    assert db.execute("SELECT count(*) FROM quotes").fetchone()[0] > 1000


def test_a_one_megabyte_line_in_jsonl(db: Database, tmp_path: Path) -> None:
    file = tmp_path / "line.jsonl"
    text = ("Merkel met Macron in Paris. " * 40_000)[:1_000_000]
    file.write_text(json.dumps({"title": "One line", "text": text}), encoding="utf-8")
    summary = import_paths(db, [str(file)])
    assert (summary.imported, summary.rejected) == (1, 0)
    assert db.execute("SELECT length(text) FROM articles").fetchone() == (len(text),)
