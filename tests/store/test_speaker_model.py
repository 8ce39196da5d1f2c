"""The speaker model: pure Python at run time, and what it adds to each quote."""

from __future__ import annotations

import subprocess
import sys

import pytest

from store.extract import extract_article
from store.extract.quotes import AttributionMethod, Quote
from store.extract.speaker_features import speech_features
from store.extract.speaker_model import speaker_model


def test_extraction_imports_no_training_library() -> None:
    code = (
        "import sys; from store.extract import extract_article; "
        "extract_article('“We will,” Putin said.'); "
        "print(sorted({'sklearn', 'numpy'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_stored_row_of_ten_columns_still_makes_a_quote() -> None:
    quote = Quote(0, 5, "We will", "Putin", 10, 15, "Vladimir Putin", "person", "said")
    assert quote.method == AttributionMethod.NONE
    assert quote.confidence is None


def test_each_quote_says_how_it_was_attributed() -> None:
    text = (
        "Vladimir Putin spoke on Friday.\n\n"
        "“We will not expel anyone,” Putin said. “We will not stoop to that.”\n\n"
        "“It is a consensus,” a senior official said.\n\n"
        "“We will respond,” he added."
    )
    quotes = extract_article(text).quotes
    methods = [(q.speaker_text, q.method) for q in quotes]
    assert methods[0] == ("Putin", AttributionMethod.CUE)
    assert methods[1] == ("Putin", AttributionMethod.CONTINUATION)
    assert methods[2] == ("a senior official", AttributionMethod.ROLE)
    # `he` after an unnamed speaker is that speaker: the role again.
    assert methods[3] == ("a senior official", AttributionMethod.ROLE)
    assert all(q.confidence is not None and 0 < q.confidence <= 1 for q in quotes)


def test_the_model_file_is_small_and_complete() -> None:
    model = speaker_model()
    assert model.speakers.weights and model.pronouns.weights and model.cue_words
    assert model.speech is not None and model.speech.weights
    assert "said" in model.cue_words


@pytest.mark.parametrize(
    ("text", "features"),
    [
        ("He spoke on ABC's “This Week” on Sunday.", ["qb=poss", "qc=title"]),
        ("a podcast called “Fox and Friends”", ["qb=name", "qc=title"]),
        ("He tweeted: “GROWING PARTY”", ["qb=:", "qc=upper"]),
        ("“We will fight on,” she said.", ["qb=nl", "qc=text"]),
        ("the “Three Amigos” summit", ["qb=det", "qc=title"]),
        ("He called them “Fauxcahontas”", ["qb=w", "qc=title1"]),
    ],
)
def test_what_says_a_quote_is_speech(text: str, features: list[str]) -> None:
    start = text.index("“") + 1
    assert speech_features(text, start, text.index("”")) == features


@pytest.mark.parametrize(
    "text",
    [
        'In an interview on ABC News\' "This Week" on Sunday, Johnson criticized the'
        " commission over its formula.",
        "Hillary Clinton's campaign launched “Mormons for Hillary” on Tuesday.",
        'Donald Trump is planning a "national call day" to Republican donors.',
    ],
)
def test_a_title_or_a_name_in_quotation_marks_has_no_speaker(text: str) -> None:
    """Words no one is said to speak (a show, a campaign, a plan's name): the speech
    model withdraws the speaker the ranker would guess."""
    (quote,) = extract_article(text).quotes
    assert quote.speaker_text is None


def test_words_someone_spoke_keep_their_speaker() -> None:
    text = "“We will win this,” Johnson said. He said the rules were “rigged against us.”"
    assert [q.speaker_text for q in extract_article(text).quotes] == ["Johnson", "He"]
