"""What the typing model reads of a name's other uses in the article."""

from __future__ import annotations

from store.extract.entities import classified_candidates
from store.extract.name_features import article_evidence


def test_a_word_of_a_person_s_name_says_where_it_stands_and_how_sure_the_rules_were() -> None:
    # A person's surname alone is most often that person; the first word of a name the
    # rules only guessed from unknown words (`Nintendo DS`) is weaker evidence.
    text = (
        "John Houlihan reviewed the new Nintendo DS console. Houlihan liked it, and "
        "Nintendo said sales were good."
    )
    _, candidates = classified_candidates(text)
    parts = article_evidence(candidates).person_parts
    assert parts["Houlihan"] == "last&known"
    assert parts["John"] == "first&known"
    assert parts["Nintendo"] == "first&unknown"
