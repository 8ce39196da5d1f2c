"""Extraction speed on one core: entities, then quotes on top, over a corpus.

    python tests/bench/extract_bench.py [FILE.jsonl.gz] [--repeat N]

Prints words/second for entity extraction and how much quote extraction adds
(issue 12 allows 40%), each the median of N runs in the same process.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from store.extract.entities import entities_and_tokens
from store.extract.lexicon import lexicon
from store.extract.quotes import extract_quotes
from tests.bench.common import CORPORA


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "file", nargs="?", type=Path, default=CORPORA / "buzzfeed_webis_2016.jsonl.gz"
    )
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with gzip.open(args.file, "rt", encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines]
    words = sum(len(text.split()) for text in texts)
    lexicon()
    entity_times, quote_times = [], []
    for _ in range(args.repeat):
        # Each part starts with no garbage left by the one before: a full collection of
        # the entity pass's objects otherwise lands in the quote pass, or not, by chance
        # (quotes added 49-61% in runs of the same code).
        gc.collect()
        started = time.perf_counter()
        found = [entities_and_tokens(text) for text in texts]
        entity_times.append(time.perf_counter() - started)
        gc.collect()
        started = time.perf_counter()
        # As `extract_article` runs them: the quotes read the entity pass's tokens.
        for text, (mentions, people, tokens) in zip(texts, found, strict=True):
            extract_quotes(text, mentions, people, tokens=tokens)
        quote_times.append(time.perf_counter() - started)
    entities, quotes = statistics.median(entity_times), statistics.median(quote_times)
    print(f"{args.file.name}: {len(texts):,} articles, {words:,} words, one core")
    print(f"  entities {words / entities:,.0f} words/s ({len(texts) / entities:,.0f} articles/s)")
    print(f"  quotes add {quotes / entities:.0%} to entity extraction (allowed: 40%)")


if __name__ == "__main__":
    main()
