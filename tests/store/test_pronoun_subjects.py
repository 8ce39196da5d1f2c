"""`he said` after a sentence about someone is that someone's, however often the article
names another man: the person opening the sentence (or the one before), as its subject."""

from __future__ import annotations

import pytest

from store.extract import extract_article
from store.extract.entities import extract_entities
from store.extract.lexicon import lexicon
from store.extract.pronouns import opening_person
from store.extract.speakers import ArticleNames


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


def test_she_is_not_the_last_speaker_when_he_is_a_man() -> None:
    # The model weighs who spoke last above gender; a man who spoke last is `she` only
    # when no one else is there.
    text = (
        "“We will win this,” Donald Trump said on Monday.\n\n"
        "It is highly unusual for a justice to weigh in so publicly, though Ruth Bader "
        "Ginsburg is known for speaking her mind. In an interview with The New York Times, "
        "she joked about moving to New Zealand if Trump is elected. She escalated her "
        "criticism on Tuesday.\n\n“He has no consistency about him,” she said."
    )
    _, quote = extract_article(text).quotes
    assert (quote.speaker_text, quote.speaker_name) == ("she", "Ruth Bader Ginsburg")


def test_he_is_not_the_last_speaker_once_another_man_opened_a_sentence_since() -> None:
    text = (
        "“We will secure the border,” Ted Cruz said on Saturday.\n\n"
        "John Kasich took a softer line on the debate stage. The Ohio governor said the "
        "country needs a guest-worker program.\n\n"
        "“I couldn't even imagine taking a mom or a dad out of a house,” he said."
    )
    assert named_speakers(text) == ["Ted Cruz", "John Kasich"]


def test_he_is_not_the_last_speaker_once_another_man_was_said_to_speak_since() -> None:
    text = (
        "“It was a grubby campaign,” Michael Howard said on Monday.\n\n"
        "Jewish Chronicle editor Ned Temko said readers had written in about the "
        "poster.\n\n“Those images are linked to centuries-old prejudice,” he told the BBC."
    )
    assert named_speakers(text) == ["Michael Howard", "Ned Temko"]


def test_a_given_name_has_the_gender_it_has_in_english() -> None:
    genders = lexicon().name_genders
    # Women's names in Britain and the US, men's in Denmark or the Netherlands; a name
    # given to few either way says nothing.
    assert (genders["Karen"], genders["Jan"], genders["Bernie"]) == ("f", "f", "?")
    text = (
        "Birmingham confirmed the bid for Robbie Savage, but managing director Karen Brady "
        "called it “derisory”. Brady told The Sun the bid was “a waste of fax paper”. She "
        "added: “He is not for sale.”"
    )
    assert named_speakers(text)[-1] == "Karen Brady"


def test_a_surname_alone_says_nothing_of_a_gender() -> None:
    # `Brady` and `Clinton` are men's given names too; standing for Karen Brady and
    # Hillary Clinton, introduced by a title, they do not make them men.
    text = (
        "Managing director Karen Brady called the bid derisory. Brady said it was a waste "
        "of fax paper. Sen. Hillary Clinton spoke in Iowa on Monday. Clinton said she "
        "would win. Robbie Savage is not for sale, and Mr. Savage said nothing."
    )
    _, people = extract_entities(text)
    assert people.genders["Karen Brady"] == "f"
    assert people.genders["Hillary Clinton"] == "f"
    # A title still says it: `Mr. Savage` is a man.
    assert people.genders["Robbie Savage"] == "m"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # `Clinton campaign Chairman John Podesta`: Podesta opens the sentence, not Clinton.
        (
            "Bill Clinton faced the same questions in 1992. And Clinton campaign Chairman "
            "John Podesta offered a slogan from the 1990s when I asked him about it.\n\n"
            "“She will fight for the American people,” he said.",
            "John Podesta",
        ),
        # `The Murdoch outlets`: no one opens the sentence holding `he`; the one before does.
        (
            "James Murdoch was said to want changes at the network. David Fenton, a "
            "strategist, said the ads aimed at a bipartisan solution. The Murdoch outlets "
            "have been standing in the way, he said, by creating a “false reality bubble.”",
            "David Fenton",
        ),
        # `Govs. Jeb Bush and Chris Christie`: no sentence starts at Jeb Bush.
        (
            "Speaking to CBS on Monday, Marco Rubio refrained from attacking his rivals, "
            "particularly Govs. Jeb Bush and Chris Christie.\n\n"
            "He dismissed the critique, saying: “It was our best debate.”",
            "Marco Rubio",
        ),
        # `Liberal Democrat leader Charles Kennedy`: a title opens the sentence before him.
        (
            "Neil Walsh said the vote was a mistake. Liberal Democrat leader Charles Kennedy, "
            "who backs the constitution, said he expected the referendum next year.\n\n"
            "He told BBC Radio 4: “The sooner we get on with this, the better.”",
            "Charles Kennedy",
        ),
        # `…, Lord Butler said in …, conducted by … Boris Johnson. He said`: no one opens
        # the sentence before, which says Butler spoke.
        (
            "The case was very thin, Lord Butler said in his interview, which was conducted "
            "by the magazine's editor, Conservative MP Boris Johnson. He said: “We have "
            "got to tell you the evidence.”",
            "Lord Butler",
        ),
        # `chairman` is a woman's office too: `she` may be Petrina Holdsworth.
        (
            "Damian Hockney said the law was clear. UKIP chairman Petrina Holdsworth urged "
            "the men to step down.\n\nShe said: “The party has taken legal advice.”",
            "Petrina Holdsworth",
        ),
    ],
    ids=[
        "titled-by-a-name",
        "name-qualifying-a-noun",
        "plural-title",
        "a-title-before-the-name",
        "speaking-in-the-sentence-before",
        "a-chairwoman-called-chairman",
    ],
)
def test_he_is_the_subject_a_name_before_only_seems_to_be(text: str, speaker: str) -> None:
    assert named_speakers(text) == [speaker]


def test_no_title_opens_a_sentence_after_including() -> None:
    # `Now he fears …, including captain Jason Robinson, were away`: Robinson is no subject.
    text = (
        "Now he fears the worst after eight players, including captain Jason Robinson, were "
        "away. Sale coach Philippe Saint-Andre has seen it before."
    )
    mentions, people = extract_entities(text)
    names = ArticleNames(text, mentions, people)
    first, second = names.sentence_starts[0], names.sentence_starts[1]
    assert opening_person(names, first, second) is None
    opener = opening_person(names, second, len(text))
    assert opener is not None and opener.name == "Philippe Saint-Andre"
