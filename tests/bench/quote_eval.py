"""Quote detection and attribution on PolNeAR (gold source, cue and content spans).

    python tests/bench/quote_eval.py ../shared/gold/polnear_dev.jsonl [--split both|dev|train]

Scores quotes over the attributions whose content holds a quotation mark
(`direct`), for PolNeAR train and dev side by side:
- dev: the articles imported with the real importer, scoring the `quotes` table;
- train, cross-validated: the speaker model is trained on PolNeAR train, so
  each training article is extracted with the fold model that never saw it
  (tests/fixtures/speaker_model_folds.json, written with the model).

Detection: a predicted quote matches a gold span when it covers at least half
of it; precision is over predicted quotes, recall over attributions. The
gold span is taken two ways, both printed:
- the quoted parts of the gold content (the text between its quotation
  marks): what `quotes.text` holds by the schema contract, so the headline;
- the whole content fragment: for partly quoted content (`that Machado was
  “disgusting” and “a con”`) the fragment is the whole reported clause,
  which no quote in the contract's sense covers half of.
The gold README's looser rule (any overlap) is printed too.

Speaker span: over matched attributions that have a source, the share whose
predicted speaker span overlaps the gold source span.

Resolved names: for 100 PolNeAR dev and 150 train sources that are a pronoun or a
role, annotated by hand with who they stand for (tests/fixtures/
polnear_{dev,train}_pronoun_sources.json), the share whose quote's speaker name is
that person (same last word; no name where the source names no one); train by the
fold models, as its other figures.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from store.database import open_database
from store.extract.entities import extract_entities
from store.extract.quotes import extract_quotes
from store.extract.repeats import find_repeats
from store.extract.speaker_model import SpeakerModel, fold_models, fold_of
from store.importer import import_paths

Span = tuple[int, int]
# A predicted quote: its span and its speaker's span (None when it has none).
Predicted = tuple[int, int, int | None, int | None]
Record = dict[str, Any]

# Quotation marks as PolNeAR writes them; the New York Times texts use ''.
_MARK = re.compile(r"''|[\"“”]")


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def load(file: Path, split: str) -> list[Record]:
    records = [json.loads(line) for line in file.read_text(encoding="utf-8").splitlines()]
    return [r for r in records if split == "all" or r["split"] == split]


def quoted_parts(text: str, fragment: Span) -> list[Span]:
    """The stretches of a gold content fragment that stand between quotation marks.

    Marks pair up in order; an odd one out opens (or, first in the fragment,
    closes) a stretch running to the fragment's end (or from its start)."""
    start, end = fragment
    marks = [(m.start() + start, m.end() + start) for m in _MARK.finditer(text[start:end])]
    if not marks:
        return []
    parts = []
    if len(marks) % 2 and text[marks[0][0]] == "”":
        parts.append((start, marks[0][0]))
        marks = marks[1:]
    for i in range(0, len(marks), 2):
        opened = marks[i][1]
        closed = marks[i + 1][0] if i + 1 < len(marks) else end
        if closed > opened:
            parts.append((opened, closed))
    return parts


def nutgraf_quotes(records: list[Record], extractor: str = "nutgraf") -> dict[str, list[Predicted]]:
    """What the importer stores as quotes for each record, by record id (extracted
    by the named extractor, store/extractors/)."""
    with tempfile.TemporaryDirectory() as tmp:
        subset = Path(tmp) / "articles.jsonl"
        fields = ("id", "title", "text", "date", "source")
        subset.write_text(
            "".join(json.dumps({k: r[k] for k in fields}) + "\n" for r in records),
            encoding="utf-8",
        )
        db = open_database(Path(tmp) / "eval.db")
        import_paths(db, [str(subset)], extractor=extractor)
        sql = (
            "SELECT external_id, quotes.start, quotes.end, speaker_start, speaker_end "
            "FROM quotes JOIN articles ON articles.id = quotes.article_id"
        )
        found: dict[str, list[Predicted]] = {r["id"]: [] for r in records}
        for external_id, *quote in db.execute(sql):
            found[external_id].append(tuple(quote))
        db.close()
    return found


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FOLDS_FILE = FIXTURES / "speaker_model_folds.json"
PRONOUN_SOURCES = {
    "dev": FIXTURES / "polnear_dev_pronoun_sources.json",
    "train": FIXTURES / "polnear_train_pronoun_sources.json",
}


def cross_validated_quotes(records: list[Record]) -> dict[str, list[Predicted]]:
    """Quotes of each record as the fold model that did not train on it finds them
    (extraction as the importer runs it: no quotes inside a repeated passage)."""
    models = fold_models(FOLDS_FILE)
    return {r["id"]: _extracted(r["text"], models[fold_of(r["id"], len(models))]) for r in records}


def _extracted(text: str, model: SpeakerModel) -> list[Predicted]:
    repeats = find_repeats(text)
    mentions, people = extract_entities(text)
    return [
        (q.start, q.end, q.speaker_start, q.speaker_end)
        for q in extract_quotes(text, mentions, people, model)
        if not any(r.start <= q.start < r.end for r in repeats)
    ]


def resolved_names(records: list[Record], split: str) -> tuple[int, int]:
    """(right, annotated): hand-annotated pronoun and role sources of `split` whose
    quote's speaker name is the person they stand for (train: by the fold models)."""
    by_id = {r["id"]: r for r in records}
    annotated = json.loads(PRONOUN_SOURCES[split].read_text(encoding="utf-8"))["sources"]
    models = fold_models(FOLDS_FILE) if split == "train" else None
    names: dict[str, list[tuple[int, int, str | None]]] = {}
    right = 0
    for item in annotated:
        record = by_id[item["article"]]
        if record["id"] not in names:
            mentions, people = extract_entities(record["text"])
            model = models[fold_of(record["id"], len(models))] if models else None
            quotes = extract_quotes(record["text"], mentions, people, model)
            names[record["id"]] = [(q.start, q.end, q.speaker_name) for q in quotes]
        (attribution,) = [
            a for a in record["attributions"] if a["direct"] and a["source"] == [item["source"]]
        ][:1]
        parts = [p for f in attribution["content"] for p in quoted_parts(record["text"], f)]
        found = [
            name for start, end, name in names[record["id"]] if _covers_half((start, end), parts)
        ]
        right += any(_same_name(name, item["refers_to"]) for name in found)
    return right, len(annotated)


def _same_name(found: str | None, annotated: str | None) -> bool:
    if found is None or annotated is None:
        return found is None and annotated is None
    return _surname(found) == _surname(annotated)


def _surname(name: str) -> str:
    """The last word of a name, case, full stops and a generation (`Jr.`) aside."""
    words = [word.strip(".,").lower() for word in name.split()]
    while len(words) > 1 and words[-1] in ("jr", "sr", "ii", "iii"):
        words.pop()
    return words[-1]


def score(records: list[Record], predictions: dict[str, list[Predicted]]) -> Counter[str]:
    """Counts for detection (three matching rules) and speaker spans."""
    counts: Counter[str] = Counter()
    for record in records:
        predicted = predictions.get(record["id"], [])
        gold = [a for a in record["attributions"] if a["direct"]]
        fragments = [tuple(f) for a in gold for f in a["content"]]
        quoted = [p for f in fragments for p in quoted_parts(record["text"], f)]
        counts["predicted"] += len(predicted)
        for start, end, *_ in predicted:
            counts["precise"] += _covers_half((start, end), quoted)
            counts["fragment_precise"] += _covers_half((start, end), fragments)
            counts["loose_precise"] += any(overlap((start, end), f) for f in fragments)
        named = [p for p in predicted if p[2] is not None]
        counts["named"] += len(named)
        counts["named_right"] += sum(_named_right(record["text"], p, gold) for p in named)
        for attribution in gold:
            counts["gold"] += 1
            content: list[Span] = [tuple(f) for f in attribution["content"]]
            parts = [p for f in content for p in quoted_parts(record["text"], f)]
            matches = [p for p in predicted if _covers_half((p[0], p[1]), parts)]
            counts["hit"] += bool(matches)
            fragment_matches = [p for p in predicted if _covers_half((p[0], p[1]), content)]
            counts["fragment_hit"] += bool(fragment_matches)
            counts["loose_hit"] += any(overlap((p[0], p[1]), f) for p in predicted for f in content)
            if attribution["source"]:
                sources: list[Span] = [tuple(s) for s in attribution["source"]]
                for rule, found in (("", matches), ("fragment_", fragment_matches)):
                    if found:
                        counts[f"{rule}sourced"] += 1
                        counts[f"{rule}speaker"] += _speaker_right(found, sources)
    return counts


def _named_right(text: str, predicted: Predicted, gold: list[dict[str, Any]]) -> bool:
    """Whether a quote given a speaker is a gold quote and that speaker its source (a
    speaker named for words no one is quoted saying, such as a scare quote, is wrong)."""
    for attribution in gold:
        parts = [p for f in attribution["content"] for p in quoted_parts(text, tuple(f))]
        sources: list[Span] = [tuple(s) for s in attribution["source"]]
        if (
            sources
            and _covers_half((predicted[0], predicted[1]), parts)
            and _speaker_right([predicted], sources)
        ):
            return True
    return False


def _speaker_right(matches: list[Predicted], sources: list[Span]) -> bool:
    return any(
        p[2] is not None and p[3] is not None and overlap((p[2], p[3]), s)
        for p in matches
        for s in sources
    )


def _covers_half(span: Span, golds: list[Span]) -> bool:
    return any(overlap(span, g) * 2 >= g[1] - g[0] for g in golds if overlap(span, g))


def figures(c: Counter[str]) -> dict[str, float]:
    def share(part: str, whole: str) -> float:
        return c[part] / c[whole] if c[whole] else 0.0

    found = {
        "precision": share("precise", "predicted"),
        "recall": share("hit", "gold"),
        "fragment_precision": share("fragment_precise", "predicted"),
        "fragment_recall": share("fragment_hit", "gold"),
        "loose_precision": share("loose_precise", "predicted"),
        "loose_recall": share("loose_hit", "gold"),
        "speaker": share("speaker", "sourced"),
        "fragment_speaker": share("fragment_speaker", "fragment_sourced"),
        "named_right": share("named_right", "named"),
    }
    for rule in ("", "fragment_", "loose_"):
        found[f"{rule}f1"] = _f1(found[f"{rule}precision"], found[f"{rule}recall"])
    return found


def evaluate(file: Path, split: str) -> dict[str, float]:
    """Dev as imported; train cross-validated."""
    records = load(file, split)
    found = cross_validated_quotes(records) if split == "train" else nutgraf_quotes(records)
    return figures(score(records, found))


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def report(name: str, c: Counter[str]) -> None:
    f = figures(c)
    print(f"{name}: {c['gold']} direct attributions, {c['predicted']} predicted quotes")
    print(f"  detection, half of the quoted parts: P {f['precision']:.3f}  R {f['recall']:.3f}"
          f"  F1 {f['f1']:.3f}   (target F1 ≥ 0.90)")  # fmt: skip
    print(f"  detection, half of the whole content fragment: P {f['fragment_precision']:.3f}"
          f"  R {f['fragment_recall']:.3f}  F1 {f['fragment_f1']:.3f}")  # fmt: skip
    print(f"  detection, any overlap (gold README): P {f['loose_precision']:.3f}"
          f"  R {f['loose_recall']:.3f}  F1 {f['loose_f1']:.3f}")  # fmt: skip
    print(f"  speaker span accuracy {f['speaker']:.3f} over {c['sourced']} matched"
          " (target ≥ 0.88)")  # fmt: skip
    print(f"    over the {c['fragment_sourced']} matched by half of the whole fragment:"
          f" {f['fragment_speaker']:.3f}")  # fmt: skip
    print(f"  speakers named right: {f['named_right']:.3f} of the {c['named']} quotes given"
          f" a speaker ({c['named_right']} right, {c['named'] - c['named_right']} wrong: the"
          " wrong source, or someone for unquoted words)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", type=Path)
    parser.add_argument("--split", choices=["both", "dev", "train"], default="both")
    args = parser.parse_args()
    if args.split in ("both", "train"):
        records = load(args.file, "train")
        name = "PolNeAR train (cross-validated by article), nutgraf"
        report(name, score(records, cross_validated_quotes(records)))
        report_resolved(records, "train")
    if args.split in ("both", "dev"):
        records = load(args.file, "dev")
        report("PolNeAR dev, nutgraf", score(records, nutgraf_quotes(records)))
        report_resolved(records, "dev")


def report_resolved(records: list[Record], split: str) -> None:
    right, annotated = resolved_names(records, split)
    print(f"  resolved names: {right}/{annotated} hand-annotated pronoun and role sources"
          " name the person they stand for")  # fmt: skip


if __name__ == "__main__":
    main()
