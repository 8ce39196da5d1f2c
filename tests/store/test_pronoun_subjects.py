"""`he said` after a sentence about someone is that someone's, however often the article
names another man: the person opening the sentence (or the one before), as its subject."""

from __future__ import annotations

from store.extract import extract_article


def named_speakers(text: str) -> list[str | None]:
    return [quote.speaker_name for quote in extract_article(text).quotes]


def test_he_after_a_sentence_about_someone_is_that_someone() -> None:
    text = (
        "Gilbert Chagoury gave money to the foundation for years. Douglas Band asked the "
        "official to call Gilbert Chagoury at once. “This is very important,” he wrote."
    )
    assert named_speakers(text) == ["Douglas Band"]


def test_a_possessive_opening_the_sentence_is_no_subject() -> None:
    text = (
        "Senator Tom Harkin spoke to the crowd in Des Moines on Friday.\n\n"
        "Obama's plan was the subject of the evening. “We cannot wait any longer for this,” "
        "he said."
    )
    assert named_speakers(text) != ["Barack Obama"]


def test_the_subject_after_an_opening_clause() -> None:
    text = (
        "After Mitt Romney lost the election, Paul Ryan went home to Wisconsin. He said: "
        "“It was a hard night for all of us.”"
    )
    assert named_speakers(text) == ["Paul Ryan"]
