"""Classes of words the rules keep out of names, or out of people (issue 13)."""

from __future__ import annotations

from store.extract.entities import extract_entities


def found(text: str) -> list[tuple[str, str, str]]:
    """(text, kind, the article's name) of each mention."""
    return [(mention.text, mention.kind, mention.name) for mention in extract_entities(text)[0]]


def test_a_party_adjective_is_no_one() -> None:
    text = "Tory leader Michael Howard said the plans were costed. He said Tory plans would cut."
    assert found(text) == [("Michael Howard", "person", "Michael Howard")]


def test_an_epithet_is_no_part_of_a_name() -> None:
    text = "Donald Trump spoke in Ohio. Crooked Hillary is a liar, he said of Hillary Clinton."
    mentions = found(text)
    assert ("Hillary", "person", "Hillary Clinton") in mentions
    assert not any("Crooked" in written for written, _, _ in mentions)


def test_a_heading_run_into_a_name_is_no_part_of_it() -> None:
    text = "Donald Trump spoke. It was late.” Story Continued Below Trump on Friday made a claim."
    assert [m for m in found(text) if "Continued" in m[0]] == []
    assert ("Trump", "person", "Donald Trump") in found(text)


def test_an_office_word_before_an_organisation_word_opens_the_organisation() -> None:
    text = "Obama spoke to the United Nations General Assembly. Justice Department lawyers agreed."
    mentions = found(text)
    assert ("General Assembly", "org", "General Assembly") in mentions
    assert ("Justice Department", "org", "Justice Department") in mentions
    assert [m for m in mentions if m[1] == "person"] == []


def test_a_given_name_after_a_or_a_possessive_is_a_thing() -> None:
    text = "Kate Winslet won her Oscar for The Reader. Although an Oscar has eluded him, he works."
    assert [m for m in found(text) if m[0] == "Oscar"] == []
    # A person as the modifier of what follows is still a person.
    assert found("Gore hoped for a Clinton re-election, said Bill Clinton.")[1][1] == "person"


def test_an_interjection_is_no_one() -> None:
    assert found("They were wrong. Oh, and Clinton loves the deal. Oh how wrong.") == [
        ("Clinton", "person", "Clinton")
    ]
