from __future__ import annotations

from store.extract.repeats import find_repeats

PASSAGE = (
    "Russian President Vladimir Putin said Friday that he would not expel American diplomats "
    "in response to the sanctions announced by Washington on Thursday."
)


def test_a_passage_printed_twice_is_found() -> None:
    text = f"Headline\n\n{PASSAGE} Then other news follows here.\n\n{PASSAGE}\n\nThe end."
    [repeat] = find_repeats(text)
    assert text[repeat.start : repeat.end] == PASSAGE
    assert repeat.original_start == text.index(PASSAGE)


def test_short_shared_phrases_are_not_repeats() -> None:
    text = (
        "Officials in Moscow said on Thursday. Later, officials in Moscow said on Thursday again."
    )
    assert find_repeats(text) == []


def test_no_repeats_in_plain_text() -> None:
    assert find_repeats(PASSAGE) == []
    assert find_repeats("") == []
