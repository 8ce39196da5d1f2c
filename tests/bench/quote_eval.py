"""Quote detection and attribution on PolNeAR (gold source, cue and content spans).

    python tests/bench/quote_eval.py ../shared/gold/polnear_dev.jsonl [--split dev|train|all]

Imports the articles with the real importer, then scores the `quotes` table
over the attributions whose content holds a quotation mark (`direct`):
- detection: a predicted quote matches a gold content fragment it covers at
  least half of; precision over predicted quotes, recall over attributions;
  the gold README's looser rule (any overlap) is printed beside it;
- speaker span: over matched attributions that have a source, the share
  whose predicted speaker span overlaps the gold source span.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from store.database import open_database
from store.importer import import_paths

Span = tuple[int, int]


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def evaluate(file: Path, split: str) -> dict[str, int]:
    records = [json.loads(line) for line in file.read_text(encoding="utf-8").splitlines()]
    records = [r for r in records if split == "all" or r["split"] == split]
    with tempfile.TemporaryDirectory() as tmp:
        subset = Path(tmp) / "articles.jsonl"
        subset.write_text(
            "".join(
                json.dumps({k: r[k] for k in ("id", "title", "text", "date", "source")}) + "\n"
                for r in records
            ),
            encoding="utf-8",
        )
        db = open_database(Path(tmp) / "eval.db")
        import_paths(db, [str(subset)])
        ids = dict(db.execute("SELECT external_id, id FROM articles"))
        counts = dict.fromkeys(
            [
                "predicted",
                "precise",
                "loose_precise",
                "gold",
                "hit",
                "loose_hit",
                "sourced",
                "speaker",
                "full",
                "full_hit",
            ],
            0,
        )
        for record in records:
            predicted = db.execute(
                "SELECT start, end, speaker_start, speaker_end FROM quotes WHERE article_id = ?",
                [ids[record["id"]]],
            ).fetchall()
            gold = [a for a in record["attributions"] if a["direct"]]
            fragments = [tuple(f) for a in gold for f in a["content"]]
            counts["predicted"] += len(predicted)
            for start, end, *_ in predicted:
                spans = [overlap((start, end), f) for f in fragments]
                counts["precise"] += any(
                    o * 2 >= f[1] - f[0] for o, f in zip(spans, fragments, strict=True) if o
                )
                counts["loose_precise"] += any(spans)
            for attribution in gold:
                counts["gold"] += 1
                content = [tuple(f) for f in attribution["content"]]
                matches = [
                    p for p in predicted
                    if any(overlap((p[0], p[1]), f) * 2 >= f[1] - f[0] for f in content)
                ]  # fmt: skip
                counts["hit"] += bool(matches)
                # Fully quoted: the content starts with the quotation mark (gold README).
                if attribution["content_text"].lstrip()[:1] in "“\"'":
                    counts["full"] += 1
                    counts["full_hit"] += bool(matches)
                counts["loose_hit"] += any(
                    overlap((p[0], p[1]), f) for p in predicted for f in content
                )
                if matches and attribution["source"]:
                    counts["sourced"] += 1
                    sources = [tuple(s) for s in attribution["source"]]
                    counts["speaker"] += any(
                        p[2] is not None and overlap((p[2], p[3]), s)
                        for p in matches
                        for s in sources
                    )
    return counts


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", type=Path)
    parser.add_argument("--split", choices=["dev", "train", "all"], default="dev")
    args = parser.parse_args()
    c = evaluate(args.file, args.split)
    precision = c["precise"] / c["predicted"] if c["predicted"] else 0.0
    recall = c["hit"] / c["gold"] if c["gold"] else 0.0
    loose_p = c["loose_precise"] / c["predicted"] if c["predicted"] else 0.0
    loose_r = c["loose_hit"] / c["gold"] if c["gold"] else 0.0
    speaker = c["speaker"] / c["sourced"] if c["sourced"] else 0.0
    print(
        f"PolNeAR {args.split}: {c['gold']} direct attributions, {c['predicted']} predicted quotes"
    )
    full_r = c["full_hit"] / c["full"] if c["full"] else 0.0
    f1 = _f1(precision, recall)
    print(f"detection  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}   (target F1 ≥ 0.90)")
    full_f1 = _f1(precision, full_r)
    print(f"  fully quoted content only ({c['full']}): R {full_r:.3f}  F1 {full_f1:.3f}")
    print(f"  any overlap: P {loose_p:.3f}  R {loose_r:.3f}  F1 {_f1(loose_p, loose_r):.3f}")
    print(f"speaker span accuracy {speaker:.3f} over {c['sourced']} matched (target ≥ 0.85)")


if __name__ == "__main__":
    main()
