"""Regenerate `companies.txt`: names news gives a legal suffix somewhere ("Sony Corp",
"Merrill Lynch and Co"), so that the same name without it is known for a firm.

    python store/data/make_companies.py ../shared/corpora/bbc_2225.jsonl.gz \
        ../shared/corpora/buzzfeed_webis_2016.jsonl.gz \
        ../shared/corpora/fakenewsnet_v1.jsonl.gz ../shared/corpora/reuters21578.jsonl.gz

Counted over news corpora, never over evaluation sets (the PolNeAR texts are
left out): a name is kept when at least MIN_ARTICLES articles write it with a
suffix, and it is no given name, place or common word alone (`First`, `Texas`).
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from store.extract.lexicon import Lexicon, lexicon

MIN_ARTICLES = 2
SUFFIXES = ("Inc", "Corp", "Corporation", "Co", "Ltd", "Plc", "PLC", "LLC", "AG", "SA",
            "NV", "GmbH", "SpA", "Incorporated", "Limited")  # fmt: skip
# One to three capitalised words (with `&` or `and` between two of them), then a suffix.
NAMED = re.compile(
    r"\b((?:[A-Z][\w.'’-]*)(?:\s+(?:&\s+|and\s+)?[A-Z][\w.'’-]*){0,2})"
    r",?\s+(?:(?:and|&)\s+)?(?:" + "|".join(SUFFIXES) + r")\b\.?"
)


def main(files: list[str]) -> None:
    words = lexicon()
    articles: Counter[str] = Counter()
    for file in files:
        with gzip.open(file, "rt", encoding="utf-8") as lines:
            for line in lines:
                text = json.loads(line)["text"]
                found = {match.group(1).rstrip(".,") for match in NAMED.finditer(text)}
                articles.update(found)
    kept = sorted(
        name for name, count in articles.items() if count >= MIN_ARTICLES and _a_firm(name, words)
    )
    Path(__file__).with_name("companies.txt").write_text(
        "# Names news gives a legal suffix (Corp, Inc, Ltd…); made by make_companies.py\n"
        + "\n".join(kept)
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(kept)} companies")


def _a_firm(name: str, words: Lexicon) -> bool:
    parts = name.split()
    if name.isupper() and len(name) <= 2:
        return False
    if len(parts) == 1:
        alone = parts[0]
        return not (
            alone.lower() in words.lowercase_words
            or alone in words.given_names
            or alone in words.places
            or alone in words.demonyms
        )
    return parts[0].lower() not in words.lowercase_words or name not in words.places


if __name__ == "__main__":
    main(sys.argv[1:])
