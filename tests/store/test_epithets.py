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


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Donald Trump charges that countries that benefit from the deal gave millions "
            "to the foundation. The New York businessman says of his rival, “If she gets "
            "in, it will go on for years and years.”",
            ("The New York businessman", "Donald Trump"),
        ),
        # An age stands for a person too; here the sentence before opens with a role,
        # not a name, and the age is still hers.
        (
            "Paula Radcliffe has called for drug cheats to be treated as criminals.\n\n"
            "The marathon world record holder believes more needs to be done. “Doping in "
            "sport is a criminal offence,” the 30-year-old told the Sunday Times.",
            ("the 30-year-old", "Paula Radcliffe"),
        ),
    ],
)
def test_a_role_after_a_sentence_about_someone_is_theirs(
    text: str, speaker: tuple[str, str]
) -> None:
    assert speaker_of(text) == speaker


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


def test_a_title_abbreviated_before_the_name_is_the_role_spelt_out() -> None:
    # `Gov.` is a governor, `Sen.` a senator: the role finds who bore the title.
    text = (
        "Gov. Chris Christie met the mayors of the shore towns on Tuesday, and the "
        "storm damage was worse than expected. Reporters asked about the trial. “I have "
        "no problem testifying,” the governor said."
    )
    assert speaker_of(text) == ("the governor", "Chris Christie")


def test_a_courtesy_word_in_a_title_still_finds_its_bearer() -> None:
    text = (
        "First lady Michelle Obama sat down with Stephen Colbert on Tuesday. Colbert "
        "asked about the last days in office. “We have raised our kids in the White "
        "House,” the first lady said."
    )
    assert speaker_of(text)[1] == "Michelle Obama"


def test_a_role_with_an_indefinite_article_is_someone_not_named() -> None:
    # `a Republican senator` talking about Sen. Ted Cruz is not Ted Cruz.
    text = (
        "Sen. Ted Cruz is caught between his party and its base. “If Donald Trump wins, "
        "it is not good for him,” said a Republican senator."
    )
    assert speaker_of(text)[1] is None
