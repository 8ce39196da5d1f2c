"""A quotation over several paragraphs: each paragraph opens with a quotation mark and
only the last one closes, so every paragraph of it is the same speaker's."""

from __future__ import annotations

import pytest

from store.extract import extract_article
from store.extract.cue_rules import CueRules
from store.extract.entities import extract_entities
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


def test_joined_paragraphs_of_a_quotation_have_its_speaker() -> None:
    # A corpus that lost its line breaks: the paragraphs of one quotation follow each
    # other on one line, each opened and none but the last closed.
    text = (
        "Marat Safin said he had begun to doubt himself. \"I didn't expect to win the "
        "US Open, I wasn't the favourite so I had no pressure whatsoever,\" he said. "
        "\"After the first final that I didn't win, I couldn't see myself winning the "
        'Grand Slams anymore. "I was once in the semi-finals of the French Open, but I '
        "didn't believe I could win it. \"I just couldn't handle the pressure. You need "
        "to believe in yourself, and I didn't.\" The final is on Sunday."
    )
    first, *later = quotes_of(text)
    assert first.speaker_name == "Marat Safin"
    assert len(later) == 3
    for quote in later:
        assert quote.speaker_name == "Marat Safin"
        assert quote.method == AttributionMethod.CONTINUATION


@pytest.mark.parametrize(
    ("between", "follows"),
    [
        ('," he said. "', True),
        ('," he said, "', True),
        ('," he said. Liberal Democrat spokesman Mark Oaten said: "', False),
        ('." Emma Pike, director general of British Music Rights, said: "', False),
    ],
)
def test_only_the_attribution_of_the_quote_before_follows_it(between: str, follows: bool) -> None:
    """`“A,” he said. “B.”`: B is his. Where the cue between introduces the next quote
    (`Oaten said: “B`), it is no attribution of the one before."""
    text = f'Charles Clarke spoke. "We will act{between}This is a worrying step."'
    mentions, people = extract_entities(text)
    rules = CueRules(text, mentions, people)
    previous_end = text.index("act") + 3
    start = text.index("This is")
    assert rules.follows_attribution(previous_end, start) is follows
