"""A quotation over several paragraphs: each paragraph opens with a quotation mark and
only the last one closes, so every paragraph of it is the same speaker's."""

from __future__ import annotations

import pytest

from store.extract import extract_article
from store.extract.quotes import AttributionMethod, Quote


def quotes_of(text: str) -> list[Quote]:
    return extract_article(text).quotes


def test_the_next_paragraphs_of_a_quotation_have_its_speaker() -> None:
    # As the BBC prints it: the quotation's first paragraph is not closed.
    text = (
        "Mystery firm Baikal Finance Group is registered in Tver. Kaha Kiknavelidze, "
        'analyst at Troika Dialog, said: "I think a decision that Yugansk should end up '
        "with Gazprom was taken a long time ago. So the main question was how to "
        "structure this transaction.\n\n"
        '"I would not exclude that the structure of the deal has slightly changed.\n\n'
        '"Gazprom would then be recognised as the winner."\n\n'
        "The auction lasted ten minutes."
    )
    first, second, third = quotes_of(text)
    assert first.speaker_name == "Kaha Kiknavelidze"
    for later in (second, third):
        assert later.speaker_name == "Kaha Kiknavelidze"
        assert later.method == AttributionMethod.CONTINUATION
        assert later.confidence == first.confidence


@pytest.mark.parametrize(
    "second_paragraph",
    [
        # Straight marks both open and close: `"A."` then `"B."` are two quotations.
        'long ago."\n\n"We shall see," Anna Petrova, a trader in Moscow, told reporters.',
        # The next paragraph of the quotation, but with a cue of its own.
        'long ago.\n\n"Nothing will change," said Anna Petrova, a trader in Moscow.',
    ],
    ids=["closed-before", "own-cue"],
)
def test_a_quote_with_a_cue_of_its_own_keeps_it(second_paragraph: str) -> None:
    text = 'Kaha Kiknavelidze, analyst at Troika Dialog, said: "The deal was done ' + (
        second_paragraph
    )
    first, second = quotes_of(text)
    assert first.speaker_name == "Kaha Kiknavelidze"
    assert second.speaker_name == "Anna Petrova"
