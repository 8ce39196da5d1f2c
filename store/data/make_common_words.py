"""Regenerate `common_words.txt` (words news normally writes in lowercase) and
`lowercase_words.txt` (words it often writes in lowercase: ordinary words that
also stand in names, like "state" and "white").

    python store/data/make_common_words.py ../shared/corpora/bbc_2225.jsonl.gz \
        ../shared/corpora/buzzfeed_webis_2016.jsonl.gz ../shared/corpora/reuters21578.jsonl.gz

A capitalised word at the start of a sentence or in a Title Case headline
is a name only if it is not one of these. Counted over the corpora given
(use news corpora, never the evaluation sets): a word is common when it
appears lowercase at least MIN_LOWER times and at least RATIO of its
mid-sentence uses are lowercase; it is a lowercase word when at least
LOWERCASE_RATIO are.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

MIN_LOWER = 8
RATIO = 0.75
LOWERCASE_RATIO = 0.2
WORD = re.compile(r"(?<![\w.])([A-Za-z][a-z]+)(?![\w])")
# A text with fewer capitalised words than this share was set in lowercase (news has
# about one in eight).
LOWERCASED = 0.03
SENTENCE_START = re.compile(r"(?:^|[.!?:\"“”]\s+|\n)\s*$")


def _lowercased(text: str) -> bool:
    """Whether a text was set in lowercase: some old wire texts are ("the usda said")."""
    words = WORD.findall(text)
    return bool(words) and sum(word[0].isupper() for word in words) < LOWERCASED * len(words)


def main(files: list[str]) -> None:
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for file in files:
        with gzip.open(file, "rt", encoding="utf-8") as lines:
            for line in lines:
                text = json.loads(line)["text"]
                if _lowercased(text):
                    continue  # a text set in lowercase says nothing of how words are written
                for match in WORD.finditer(text):
                    word = match.group(1)
                    if word[0].islower():
                        lower[word] += 1
                    elif not SENTENCE_START.search(text[max(0, match.start() - 3) : match.start()]):
                        capital[word.lower()] += 1
    common = sorted(
        word
        for word, count in lower.items()
        if count >= MIN_LOWER and count / (count + capital[word]) >= RATIO
    )
    Path(__file__).with_name("common_words.txt").write_text(
        "# Words news writes in lowercase; made by make_common_words.py\n"
        + "\n".join(common)
        + "\n",
        encoding="utf-8",
    )
    often = sorted(
        word
        for word, count in lower.items()
        if count >= MIN_LOWER and LOWERCASE_RATIO <= count / (count + capital[word]) < RATIO
    )
    Path(__file__).with_name("lowercase_words.txt").write_text(
        "# Words news often writes in lowercase, besides the common words; "
        "made by make_common_words.py\n" + "\n".join(often) + "\n",
        encoding="utf-8",
    )
    print(f"{len(common)} common words, {len(often)} more lowercase words")


if __name__ == "__main__":
    main(sys.argv[1:])
