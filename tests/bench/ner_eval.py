"""Entity extraction quality on a gold file with entity offsets (CoNLL-2003 layout).

    python tests/bench/ner_eval.py ../shared/gold/conll2003_dev.jsonl
    python tests/bench/ner_eval.py ../shared/gold/conll2003_train.jsonl --cross-validated

`--cross-validated` scores each document with the fold model of
`store.training.name_model` that did not see it (build/name_model_cv/, written
by `make model`): the figures on the data the shipped model was trained on.

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
from store.extract.name_model import load_model, use_model
from store.importer import import_paths

CV_MODELS = Path(__file__).resolve().parents[2] / "build" / "name_model_cv"

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


def nutgraf_spans(
    file: Path, workers: int | None = None, extractor: str = "nutgraf"
) -> dict[str, list[Span]]:
    """What the importer stores as mentions for each document of `file`, by id
    (extracted by the named extractor, store/extractors/)."""
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "eval.db")
        import_paths(db, [str(file)], workers=workers, extractor=extractor)
        found: dict[str, list[Span]] = {}
        for external_id, start, end, kind in db.execute(
            "SELECT external_id, mentions.start, mentions.end, kind FROM mentions "
            "JOIN entities ON entities.id = entity_id "
            "JOIN articles ON articles.id = mentions.article_id"
        ):
            found.setdefault(external_id, []).append((start, end, kind))
        db.close()
    return found


def cross_validated_spans(file: Path, folds: Path) -> dict[str, list[Span]]:
    """Mentions of each document found with the fold model that was trained without it."""
    lines = file.read_text(encoding="utf-8").splitlines()
    found: dict[str, list[Span]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for fold in sorted(folds.glob("fold-*.json")):
            held = set(json.loads(fold.read_text(encoding="utf-8"))["held_out"])
            part = Path(tmp) / fold.with_suffix(".jsonl").name
            part.write_text(
                "".join(line + "\n" for line in lines if json.loads(line)["id"] in held),
                encoding="utf-8",
            )
            use_model(load_model(fold))
            try:
                found.update(nutgraf_spans(part, workers=1))  # the model is this process's
            finally:
                use_model(None)
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


def evaluate(file: Path, folds: Path | None = None) -> Scores:
    """Import `file` into a fresh database and score its mentions (each document with
    the fold model that did not see it, given the folds' directory)."""
    spans = nutgraf_spans(file) if folds is None else cross_validated_spans(file, folds)
    return score_documents(load_documents(file), spans)


def f1(counts: Counter[str]) -> float:
    return _figures(counts)[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", type=Path)
    parser.add_argument(
        "--cross-validated",
        nargs="?",
        type=Path,
        const=CV_MODELS,
        default=None,
        metavar="FOLDS_DIR",
        help=f"score each document with the fold model that did not see it ({CV_MODELS})",
    )
    args = parser.parse_args()
    if args.cross_validated is not None and not args.cross_validated.is_dir():
        parser.error(f"{args.cross_validated}: no fold models; run `make model` first")
    started = time.perf_counter()
    scores = evaluate(args.file, args.cross_validated)
    seconds = time.perf_counter() - started
    how = ", cross-validated" if args.cross_validated else ""
    print(f"{args.file.name}{how}: imported and scored in {seconds:.1f}s")
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
