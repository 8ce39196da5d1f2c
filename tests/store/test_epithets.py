"""A role that names no one (`the New York businessman`) stands for the person the
sentence, or the one before, is about: never a possessive, an object or someone the
article knows by other titles only, and never for a role usually unnamed (`the
spokesman`)."""

from __future__ import annotations

import pytest

from store.extract import extract_article


def speaker_of(text: str) -> tuple[str | None, str | None]:
    (quote,) = extract_article(text).quotes
    return quote.speaker_text, quote.speaker_name


def test_a_role_after_a_sentence_about_someone_is_theirs() -> None:
    text = (
        "Donald Trump charges that countries that benefit from the deal gave millions to "
        "the foundation. The New York businessman says of his rival, “If she gets in, "
        "it will go on for years and years.”"
    )
    assert speaker_of(text) == ("The New York businessman", "Donald Trump")


def test_a_role_in_the_sentence_of_the_person_is_theirs() -> None:
    text = (
        "Rep. Adam Schiff called on the president to retaliate for the hacking, which the "
        "California congressman said was meant to “sow discord in our elections.”"
    )
    assert speaker_of(text)[1] == "Adam Schiff"


@pytest.mark.parametrize(
    "text",
    [
        # A possessive is not who the sentence is about.
        "The former Beatle would not talk about Janet Jackson's performance last year. "
        "“I just want to play the songs people came for,” the singer said.",
        # A role usually left unnamed.
        "Donald Trump spoke in Ohio on Monday about jobs and trade. “The candidate will "
        "not change his plans for the week,” the spokesman said.",
        # Someone the article knows by other titles only.
        "Home Secretary Charles Clarke wants identity cards by next year. Charles Clarke "
        "spoke to the Commons on Monday. “We will oppose it at every stage,” the Lib Dem "
        "leader said.",
    ],
)
def test_a_role_stands_for_no_one_else(text: str) -> None:
    assert speaker_of(text)[1] is None


def test_a_role_that_is_someone_elses_to_the_subject_names_no_one() -> None:
    text = (
        "Bernard Madoff was sentenced to 150 years in prison on Monday. “This was an evil "
        "crime,” the judge said."
    )
    assert speaker_of(text)[1] is None
