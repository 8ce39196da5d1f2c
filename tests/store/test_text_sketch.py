"""The sketch of a text is the one its plain definition gives: signatures and weights
are stored, so the faster way of finding them must not change a bit of them."""

from __future__ import annotations

import math
import random
import re
import zlib
from collections import Counter

from store.extract.text_sketch import (
    EMPTY,
    SHINGLE,
    SIZE,
    TERMS,
    TextSketch,
    _inverse_document_frequencies,
    sketch,
)


def plain_sketch(text: str) -> TextSketch:
    """The sketch as its definition says, one word and one shingle at a time."""
    folded = text.casefold()
    found = [word.encode("utf-8", "surrogatepass") for word in re.findall(r"\w+", folded)]
    signature: tuple[int, ...] = ()
    if len(found) >= SHINGLE:
        smallest: dict[int, int] = {}
        for start in range(len(found) - SHINGLE + 1):
            hashed = zlib.crc32(b" ".join(found[start : start + SHINGLE]))
            smallest[hashed % SIZE] = min(hashed, smallest.get(hashed % SIZE, hashed))
        signature = tuple(
            smallest[slot] // SIZE if slot in smallest else EMPTY for slot in range(SIZE)
        )
    idf, unknown = _inverse_document_frequencies()
    counted = Counter(re.findall(r"[a-z][a-z'’-]{2,}", folded))
    weighted = [
        ((1 + math.log(count)) * idf.get(word, unknown), word) for word, count in counted.items()
    ]
    top = sorted(weighted, reverse=True)[:TERMS]
    norm = math.sqrt(sum(weight * weight for weight, _ in top)) or 1.0
    terms = tuple(sorted((zlib.crc32(word.encode()), weight / norm) for weight, word in top))
    return TextSketch(signature, terms)


TEXTS = [
    "",
    "one two three four",
    "One two three four five.",
    "'Tis the season - said the 'old' man -- ---- ’twas -'-quite ’’’ so '-ab -abc ab-",
    "Don’t stop: rock-n-roll isn’t dead, it’s ‘alive’ — “really” … well-known ’’ok’’",
    "Ärger über Öl: CAFÉ Â€™ â€œquoteâ€ STRASSE ẞ İstanbul ﬁne ﬂow K Kelvin ſ ǅ Σίσυφος",
    "lone \ud800 surrogate \udfff words and more words and yet more words here",
    "digits 123abc abc123def under_score x1y2z3 ab12cd ___ 4th 1990s",
    " ".join(f"word{n} alpha beta" for n in range(60)),
    "repeat " * 5000 + "rare words once",
    " ".join(["tie"] * 3 + [f"zz{chr(97 + a)}{chr(97 + b)}" for a in range(8) for b in range(8)]),
]


def random_texts(count: int) -> list[str]:
    pieces = ["the", "said", "Putin", "’", "'", "-", "--", " ", " ", " ", "\n", "É", "é", "ß"]
    pieces += ["K", "ﬁ", "İ", "“", "”", "—", "7", "_", "abc", "x", "Zeta", "o’neil", "co-op"]
    rng = random.Random(5)
    return ["".join(rng.choices(pieces, k=rng.randrange(400))) for _ in range(count)]


def test_a_sketch_is_its_plain_definition() -> None:
    for text in TEXTS + random_texts(300):
        assert sketch(text) == plain_sketch(text), text
