"""Statements across outlets on real news: how many, the most repeated, and precision.

    python tests/bench/statements_bench.py [--sample N]

Imports bbc, buzzfeed and fakenewsnet (../shared/corpora) with the real
importer, then prints the statements quoted by two outlets or more, the ten
most repeated, and the precision of grouping on the hand-judged pairs in
tests/fixtures/statement_pairs.jsonl (two quotes the importer put in one
statement, read and judged the same statement or not). `--sample N` prints N
new grouped pairs, one per statement, to judge.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlite_utils import Database

from store.database import open_database
from store.importer import import_paths
from tests.bench.common import CORPORA, require_shared

CORPUS = ["bbc_2225.jsonl.gz", "buzzfeed_webis_2016.jsonl.gz", "fakenewsnet_v1.jsonl.gz"]
JUDGED = Path(__file__).resolve().parents[1] / "fixtures" / "statement_pairs.jsonl"
TARGET_PRECISION = 0.95

# A quote: its article's id, its text, the speaker the importer gave it.
QUOTE = (
    "SELECT external_id, quotes.text, ifnull(entities.name, quotes.speaker_text), source "
    "FROM quotes JOIN articles ON articles.id = article_id "
    "LEFT JOIN entities ON entities.id = speaker_entity_id "
)


def grouped_pairs(db: Database) -> list[tuple[int, list[object], list[object]]]:
    """One pair per statement quoted in two articles or more: its first two quotes."""
    pairs = []
    for (statement,) in db.execute("SELECT id FROM statements WHERE article_count >= 2"):
        a, b = db.execute(
            f"{QUOTE} WHERE statement_id = ? ORDER BY quotes.article_id, quotes.id LIMIT 2",
            [statement],
        ).fetchall()
        pairs.append((statement, list(a), list(b)))
    return pairs


def statement_of(db: Database, quote: list[str]) -> int | None:
    row = db.execute(
        "SELECT statement_id FROM quotes JOIN articles ON articles.id = article_id "
        "WHERE external_id = ? AND quotes.text = ?",
        quote[:2],
    ).fetchone()
    return row[0] if row else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sample", type=int, help="print N grouped pairs to judge")
    parser.add_argument("--seed", type=int, default=7, help="which random sample")
    args = parser.parse_args()
    require_shared()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "statements.db")
        started = time.perf_counter()
        import_paths(db, [str(CORPORA / name) for name in CORPUS])
        seconds = time.perf_counter() - started
        if args.sample:
            pairs = grouped_pairs(db)
            random.Random(args.seed).shuffle(pairs)
            for _, a, b in pairs[: args.sample]:
                print(json.dumps({"a": a[:3], "b": b[:3], "same": None}, ensure_ascii=False))
            return
        report(db, seconds)


def report(db: Database, seconds: float) -> None:
    articles, quotes = db.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM quotes)"
    ).fetchone()
    statements, grouped, outlets = db.execute(
        "SELECT count(*), sum(article_count >= 2), sum(source_count >= 2) FROM statements"
    ).fetchone()
    print(f"{articles:,} articles ({', '.join(CORPUS)}), {quotes:,} quotes, {seconds:.0f}s")
    print(
        f"  {statements:,} statements; {grouped:,} quoted in 2+ articles, {outlets:,} by 2+ outlets"
    )
    print("  the ten most repeated (outlets, articles, speaker, words):")
    for sources, count, speaker, text in db.execute(
        "SELECT source_count, article_count, ifnull(name, '(unattributed)'), statements.text "
        "FROM statements LEFT JOIN entities ON entities.id = speaker_entity_id "
        "ORDER BY source_count DESC, article_count DESC, statements.id LIMIT 10"
    ):
        words = " ".join(text.split())
        print(f"    {sources:>2} {count:>3}  {speaker[:24]:<24} “{words[:70]}”")
    judged = [json.loads(line) for line in JUDGED.read_text(encoding="utf-8").splitlines()]
    still = [p for p in judged if (s := statement_of(db, p["a"])) and s == statement_of(db, p["b"])]
    right = sum(1 for pair in still if pair["same"])
    precision = right / len(still) if still else float("nan")
    mark = "ok" if precision >= TARGET_PRECISION else "MISSED"
    print(
        f"  precision on hand-judged grouped pairs: {right}/{len(still)} = {precision:.3f}"
        f" (target ≥ {TARGET_PRECISION})  {mark}"
    )
    lost = sum(1 for pair in judged if pair["same"] and pair not in still)
    print(f"  judged the same but no longer grouped: {lost} of {len(judged)} judged pairs")


if __name__ == "__main__":
    main()
