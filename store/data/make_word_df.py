"""Regenerate `word_df.tsv`: in how many news articles each word appears.

    python store/data/make_word_df.py ../shared/corpora/bbc_2225.jsonl.gz \
        ../shared/corpora/buzzfeed_webis_2016.jsonl.gz \
        ../shared/corpora/fakenewsnet_v1.jsonl.gz ../shared/corpora/reuters21578.jsonl.gz

Stories (store/stories.py) compare articles by their telling words, a word
telling as much as it is rare in news at large (its inverse document
frequency). The counts come from news corpora, never from evaluation sets
(the PolNeAR texts are left out); words in fewer than MIN_ARTICLES articles
are left out (they count as rare).
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from store.extract.text_sketch import words

MIN_ARTICLES = 3


def main(files: list[str]) -> None:
    counts: Counter[str] = Counter()
    articles = 0
    for file in files:
        with gzip.open(file, "rt", encoding="utf-8") as lines:
            for line in lines:
                text = json.loads(line)["text"]
                if text.strip():
                    articles += 1
                    counts.update(set(words(text)))
    kept = sorted((word, n) for word, n in counts.items() if n >= MIN_ARTICLES)
    Path(__file__).with_name("word_df.tsv").write_text(
        f"# articles\t{articles}\n" + "".join(f"{word}\t{n}\n" for word, n in kept),
        encoding="utf-8",
    )
    print(f"{len(kept)} words over {articles} articles")


if __name__ == "__main__":
    main(sys.argv[1:])
