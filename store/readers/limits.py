"""The caps that keep an import's memory bounded whatever its input, as named numbers."""

from __future__ import annotations

# One record: a JSONL line, a CSV record or a whole .txt file (after decompression).
# News articles are a few KB (the longest in the shared corpora is 34 KB), but dumps
# hold whole books or pages pasted into one field; 64 MB keeps those, while one record
# can never take more than a few hundred MB once decoded and parsed. Larger ones are
# rejected with their size.
MAX_RECORD_BYTES = 64_000_000

# A quoted CSV field still open after this many lines is an unclosed quote swallowing
# the rows after it: the longest article in the shared corpora has 617 lines.
MAX_CSV_RECORD_LINES = 10_000

# A gzip file stops being read once it has expanded to this many times its size and
# past MIN_EXPANDED_BYTES: news text expands about 3 times, a gzip bomb of zeros 1,000
# times. The floor keeps small, very repetitive files (test fixtures) readable.
MAX_EXPANSION_RATIO = 100
MIN_EXPANDED_BYTES = 256_000_000

# An article id is a key (a number, a hash, a GUID, often a URL): longer than this it is
# a misplaced field, and a record carrying it is rejected rather than stored as a key.
MAX_ID_CHARS = 2_048

# JSON integers longer than this are kept as their digits, never converted: Python
# refuses to convert more than 4,300 digits, and no count or timestamp needs 40.
MAX_NUMBER_DIGITS = 40


def megabytes(size: int) -> str:
    """A limit in plain words: `64 MB`, `2.5 MB`."""
    return f"{size / 1_000_000:,.1f}".removesuffix(".0") + " MB"


def expansion_limit(compressed_size: int) -> int:
    """How many bytes a compressed file of `compressed_size` bytes may expand to."""
    return max(MIN_EXPANDED_BYTES, MAX_EXPANSION_RATIO * compressed_size)
