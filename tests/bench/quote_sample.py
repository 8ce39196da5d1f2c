"""Quotes drawn at random from a corpus database, each in its article, to judge by reading.

    python tests/bench/quote_sample.py DB [--count 20] [--seed 2026]

The same seed draws the same quote ids, so a corpus imported by two versions of
nutgraf (the same files, in the same order) shows the same quotes before and after a
change. Prints each quote with its stored speaker, entity, method and confidence and
800 characters of the article before it and 300 after.
"""

from __future__ import annotations

import argparse
import random
import sqlite3

QUOTE = """
SELECT quotes.start, quotes.end, quotes.speaker_text, entities.name, quotes.method,
       quotes.confidence, quotes.cue, articles.title, articles.source, articles.text
FROM quotes JOIN articles ON articles.id = quotes.article_id
LEFT JOIN entities ON entities.id = quotes.speaker_entity_id
WHERE quotes.id = ?
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("db")
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    ids = [quote_id for (quote_id,) in db.execute("SELECT id FROM quotes ORDER BY id")]
    random.seed(args.seed)
    for number, quote_id in enumerate(random.sample(ids, min(args.count, len(ids))), 1):
        start, end, said_by, entity, method, confidence, cue, title, source, text = db.execute(
            QUOTE, [quote_id]
        ).fetchone()
        print("=" * 100)
        print(f"#{number}  quote {quote_id}  {source}: {title}")
        print(f"speaker {said_by!r}  entity {entity!r}  {method} {confidence}  cue {cue!r}")
        before, after = text[max(0, start - 800) : start], text[end : end + 300]
        print(f"{before} [[[{text[start:end]}]]] {after}")


if __name__ == "__main__":
    main()
