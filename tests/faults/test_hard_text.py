"""Text built to trip extraction up imports whole, with sound spans (the time it takes
is measured by tests/bench/extract_bench.py)."""

from __future__ import annotations

import json
from pathlib import Path

from store.database import open_database
from store.importer import import_paths

# Each a whole article that once could have stalled or broken a naive extractor.
HARD_TEXTS = {
    "unbalanced-quotes": "“Putin said " * 3000 + "”" * 1000 + ' "open' * 2000,
    "zero-width-and-bidi": (
        "Vladi\u200bmir Pu\u200ctin met \u202eDonald Trump\u202c in Mos\u2066cow\u2069. "
        "“We will \u200fdecide,” said Dmitry\u200d Peskov.\n" * 200
    ),
    "ten-thousand-character-name": "Ab" + "c" * 10_000 + " Smith said “yes.” " * 3,
    "ten-thousand-capitals": " ".join(["Zzz"] * 10_000) + " said “no.”",
    "apostrophes": "O’" * 20_000 + " said ‘fine’.",
}
GOOD = {"id": "good", "title": "Fine", "text": "Keir Giles said: “This is fine.”"}


def test_hard_texts_import_whole(tmp_path: Path) -> None:
    corpus = tmp_path / "hard.jsonl"
    records = [{"id": name, "title": name, "text": text} for name, text in HARD_TEXTS.items()]
    corpus.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in [*records, GOOD]),
        encoding="utf-8",
    )
    db = open_database(tmp_path / "hard.db")
    summary = import_paths(db, [str(corpus)], workers=1)
    assert summary.imported == len(records) + 1 and summary.rejected == 0
    stored = dict(db.execute("SELECT external_id, text FROM articles").fetchall())
    assert stored == {r["id"]: r["text"] for r in [*records, GOOD]}
    for table in ("mentions", "quotes"):
        for article, start, end, text in db.execute(
            f'SELECT external_id, {table}.start, {table}."end", {table}.text FROM {table} '
            f"JOIN articles ON articles.id = {table}.article_id"
        ):
            assert 0 <= start < end <= len(stored[article])
            assert stored[article][start:end] == text
    good_quote = db.execute(
        "SELECT quotes.text, speaker_text FROM quotes JOIN articles ON articles.id = article_id "
        "WHERE external_id = 'good'"
    ).fetchall()
    assert good_quote == [("This is fine.", "Keir Giles")]
