"""Quoted passages found by their marks, as scraped news prints them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from store.extract.quote_marks import quote_spans


def quoted(text: str) -> list[str]:
    return [text[start:end] for start, end in quote_spans(text)]


def test_a_quote_over_paragraphs_whose_breaks_were_lost() -> None:
    # A quote of two paragraphs opens each and closes only the last; scraped without
    # its line breaks, the second opening mark follows a space and precedes a word.
    text = (
        '"We will approach each game differently. Obviously away from home. '
        '"We have to meet the challenge of each match." Smith, meeting his squad, '
        "brought them together on Monday."
    )
    assert quoted(text) == [
        "We will approach each game differently. Obviously away from home.",
        "We have to meet the challenge of each match.",
    ]


def test_curly_quotes_over_paragraphs_whose_breaks_were_lost() -> None:
    text = "He said: “It is over. “We start again tomorrow.” The team left."
    assert quoted(text) == ["It is over.", "We start again tomorrow."]


def test_an_opening_mark_typed_for_a_closing_one() -> None:
    text = "“Apparently not,“ he said. “A leopard doesn’t change its spots.”"
    assert quoted(text) == ["Apparently not,", "A leopard doesn’t change its spots."]


def test_a_closing_mark_with_no_opening_one_starts_after_the_quote_before() -> None:
    assert quoted('He said "yes " and then no”') == ["yes", "and then no"]


def test_a_closing_mark_with_no_opening_one_far_past_the_quote_before_closes_nothing() -> None:
    """A pasted post's stray mark does not make a quote of the writer's own sentences."""
    text = (
        "On Twitter, Fox asked Trump “what does losing feel like?” on Twitter. To rub this in "
        "even more, Fox posted a screenshot of one of the emails, proving to the world that "
        "the campaign is still struggling and begging for money: you have no shame, I just "
        "got another e-mail begging for help. Have a little dignity!” The attack went on."
    )
    assert quoted(text) == ["what does losing feel like?"]


def test_a_straight_mark_typed_twice_opens_one_quote() -> None:
    text = 'Verizon is set to pay an ""unconscionable, unfair" sum for MCI. <tweet pic="">'
    assert quoted(text) == ["unconscionable, unfair"]


def test_a_quote_left_open_runs_to_its_paragraphs_end() -> None:
    text = 'He said: "It is over. \n\nThe team left.'
    assert quoted(text) == ["It is over."]


@given(st.text(alphabet=st.sampled_from("ab .,\n\"“”‘’'")))
def test_spans_are_ordered_inside_the_text_and_never_empty(text: str) -> None:
    spans = quote_spans(text)
    assert spans == sorted(spans)
    for start, end in spans:
        assert 0 <= start < end <= len(text)
        assert text[start:end].strip()
