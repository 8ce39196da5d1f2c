"""Entity extraction quality on a gold file with entity offsets (CoNLL-2003 layout).

    python tests/bench/ner_eval.py ../shared/gold/conll2003_dev.jsonl

Imports the file into a fresh database with the real importer, then scores
the `mentions` table against the gold `entities` of each document's text:
exact span and label, per kind, with precision, recall and F1. Gold MISC is
dropped and predictions overlapping a gold MISC span are ignored (the gold
README's convention). Prints overlap-match F1 too.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from store.database import open_database
from store.importer import import_paths

LABELS = {"PER": "person", "LOC": "place", "ORG": "org"}
Span = tuple[int, int, str]


def score(gold: list[Span], predicted: list[Span]) -> dict[str, Counter[str]]:
    """True positives, false positives and false negatives per kind, exact match."""
    counts: dict[str, Counter[str]] = {kind: Counter() for kind in LABELS.values()}
    gold_set, predicted_set = set(gold), set(predicted)
    for span in predicted_set:
        counts[span[2]]["tp" if span in gold_set else "fp"] += 1
    for span in gold_set - predicted_set:
        counts[span[2]]["fn"] += 1
    return counts


def overlap_hits(gold: list[Span], predicted: list[Span]) -> Counter[str]:
    hits: Counter[str] = Counter()
    used: set[Span] = set()
    for g in gold:
        for p in predicted:
            if p not in used and p[2] == g[2] and p[0] < g[1] and g[0] < p[1]:
                hits[g[2]] += 1
                used.add(p)
                break
    return hits


Scores = tuple[dict[str, Counter[str]], Counter[str], Counter[str], Counter[str]]


def load_documents(file: Path) -> dict[str, dict[str, Any]]:
    documents = {}
    for line in file.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        documents[record["id"]] = record
    return documents


def nutgraf_spans(file: Path) -> dict[str, list[Span]]:
    """What the importer stores as mentions for each document of `file`, by id."""
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "eval.db")
        import_paths(db, [str(file)])
        found: dict[str, list[Span]] = {}
        for external_id, start, end, kind in db.execute(
            "SELECT external_id, mentions.start, mentions.end, kind FROM mentions "
            "JOIN entities ON entities.id = entity_id "
            "JOIN articles ON articles.id = mentions.article_id"
        ):
            found.setdefault(external_id, []).append((start, end, kind))
        db.close()
    return found


def score_documents(
    documents: dict[str, dict[str, Any]], predictions: dict[str, list[Span]]
) -> Scores:
    """Hits per kind: exact-match tp/fp/fn, overlap hits, gold and predicted totals."""
    totals: dict[str, Counter[str]] = {kind: Counter() for kind in LABELS.values()}
    overlap: Counter[str] = Counter()
    gold_totals: Counter[str] = Counter()
    predicted_totals: Counter[str] = Counter()
    for document_id, document in documents.items():
        gold = [
            (e["start"], e["end"], LABELS[e["label"]])
            for e in document["entities"]
            if e["label"] in LABELS
        ]
        misc = [(e["start"], e["end"]) for e in document["entities"] if e["label"] == "MISC"]
        predicted = [
            (start, end, kind)
            for start, end, kind in predictions.get(document_id, [])
            if not any(start < m_end and m_start < end for m_start, m_end in misc)
        ]
        for kind, counts in score(gold, predicted).items():
            totals[kind] += counts
        overlap += overlap_hits(gold, predicted)
        gold_totals.update(kind for *_, kind in gold)
        predicted_totals.update(kind for *_, kind in predicted)
    return totals, overlap, gold_totals, predicted_totals


def evaluate(file: Path) -> Scores:
    """Import `file` into a fresh database and score its mentions."""
    return score_documents(load_documents(file), nutgraf_spans(file))


def f1(counts: Counter[str]) -> float:
    return _figures(counts)[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", type=Path)
    args = parser.parse_args()
    started = time.perf_counter()
    scores = evaluate(args.file)
    seconds = time.perf_counter() - started
    print(f"{args.file.name}: imported and scored in {seconds:.1f}s")
    report(scores)


def report(scores: Scores) -> None:
    totals, overlap, gold_totals, predicted_totals = scores
    print(f"{'kind':<8} {'precision':>9} {'recall':>7} {'F1':>6} {'overlap F1':>11} {'gold':>6}")
    all_counts: Counter[str] = Counter()
    for kind, counts in totals.items():
        all_counts += counts
        loose = _overlap_f1(overlap[kind], gold_totals[kind], predicted_totals[kind])
        print(f"{kind:<8} {_line(counts)} {loose:>11.3f} {gold_totals[kind]:>6}")
    print(f"{'all':<8} {_line(all_counts)}")


def _figures(counts: Counter[str]) -> tuple[float, float, float]:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _line(counts: Counter[str]) -> str:
    precision, recall, f1 = _figures(counts)
    return f"{precision:>9.3f} {recall:>7.3f} {f1:>6.3f}"


def _overlap_f1(hits: int, gold: int, predicted: int) -> float:
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


if __name__ == "__main__":
    main()
