"""`the report said` is whoever issued the report, where the article names them: the
speaker's words stay, and the quote is linked to the issuer (store/extract/documents.py)."""

from __future__ import annotations

import pytest

from store.extract import extract_article


def speakers(text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker_text, q.speaker_name) for q in extract_article(text).quotes]


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        (
            "The digital divide is narrowing fast, according to a World Bank report.\n\n"
            "“People are getting more access at an incredible rate,” said the report.",
            "World Bank",
        ),
        (
            "Some 45 million children will die needlessly before 2015, Oxfam says in a report "
            "published on Monday.\n\n“This scandal must stop,” the report said.",
            "Oxfam",
        ),
        (
            "Officials cited a report by Amnesty International on Tuesday.\n\n"
            "“The abuses are systematic,” the report said.",
            "Amnesty International",
        ),
        (
            "In a statement, the RSPCA said it had grave concerns about the site.\n\n"
            "“Animals hit but not killed would suffer,” said the statement.",
            "RSPCA",
        ),
    ],
    ids=["qualifier", "issued-in", "by", "in-a-statement"],
)
def test_a_document_speaks_for_whoever_issued_it(text: str, issuer: str) -> None:
    (speaker,) = speakers(text)
    assert speaker[1] == issuer
    assert speaker[0] is not None and speaker[0].lower() in ("the report", "the statement")


@pytest.mark.parametrize(
    "text",
    [
        # No report before it: no one is guessed.
        "Officials met in Moscow on Friday.\n\n“The plan has failed,” the report said.",
        # The lawsuit is against Palantir: the name after it does not speak.
        "According to the lawsuit, Palantir looked at a pool of 130 applicants.\n\n"
        "“The likelihood is one in a billion,” the lawsuit says.",
    ],
    ids=["no-earlier-report", "named-after-but-silent"],
)
def test_a_document_whose_issuer_is_not_named_names_no_one(text: str) -> None:
    (speaker,) = speakers(text)
    assert speaker[1] is None
