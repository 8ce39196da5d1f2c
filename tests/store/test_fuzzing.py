"""Any input: readers, extractors and search never raise and keep spans inside the text."""

from __future__ import annotations

import functools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from store.database import open_database
from store.extract import extract_article
from store.importer import import_records
from store.queries import search_articles
from store.quote_queries import find_quotes
from store.readers.jsonl import read_jsonl
from store.readers.text_file import parse_text_article
from store.records import Problem, Record

# News-like text: words, capitals, quotation marks of every kind, line breaks,
# control and bidi characters, the odd emoji.
ALPHABET = st.sampled_from(
    list("aeiou tnrs") + list("ABCDPTMW") + list(".,;:!?-—'’‘“”\"()") + ["\n", "\n\n", "\t"]
    + ["said ", "he ", "Putin ", "Mr. ", "the ", "President ", "U.S. ", "''"]
    + ["\x1b", "\u202e", "\u200b", "é", "ß", "😀", "\x00"]
)  # fmt: skip
NEWS_TEXT = st.lists(ALPHABET, max_size=300).map("".join)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(NEWS_TEXT)
def test_extraction_spans_stay_inside_the_text(text: str) -> None:
    extraction = extract_article(text)
    for mention in extraction.mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        assert mention.kind in ("person", "org", "place")
    for quote in extraction.quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
        if quote.speaker_start is not None:
            assert quote.speaker_end is not None
            assert 0 <= quote.speaker_start < quote.speaker_end <= len(text)
            assert text[quote.speaker_start : quote.speaker_end] == quote.speaker_text
    for repeat in extraction.repeats:
        assert 0 <= repeat.original_start < repeat.start < repeat.end <= len(text)


@SETTINGS
@given(st.text(max_size=400))
def test_extraction_of_any_unicode_never_raises(text: str) -> None:
    extract_article(text)


@SETTINGS
@given(st.text(max_size=400))
def test_text_files_always_parse(text: str) -> None:
    record = parse_text_article(text, "x.txt")
    assert isinstance(record, Record)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=60), st.binary(max_size=60)), max_size=8))
def test_jsonl_lines_of_anything(lines: list[str | bytes]) -> None:
    raw = [
        line if isinstance(line, bytes) else line.encode("utf-8", "surrogatepass") for line in lines
    ]
    for item in read_jsonl([line + b"\n" for line in raw], "f.jsonl", "f.jsonl"):
        assert isinstance(item, Record | Problem)


@functools.cache
def small_corpus() -> Database:
    db = open_database(":memory:")
    import_records(db, [Record(text="Putin said “no” to the U.S. sanctions.", path="a", title="A")])
    return db


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_search_of_anything_never_raises(query: str) -> None:
    search_articles(small_corpus(), query)
    find_quotes(small_corpus(), speaker=query or None, about=query or None)
