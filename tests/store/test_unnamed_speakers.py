"""A `he added` after a quote by someone unnamed (`a senior official`) is that speaker:
the same description, no one the article names, never the last person quoted before."""

from __future__ import annotations

from store.extract import extract_article


def speakers(text: str) -> list[tuple[str | None, str | None]]:
    return [(quote.speaker_text, quote.speaker_name) for quote in extract_article(text).quotes]


def test_a_pronoun_after_an_unnamed_speaker_is_that_speaker() -> None:
    text = (
        "Prime Minister Alan Barker defended the budget on Monday. “We have made the hard "
        "choices,” Barker said. “The numbers do not add up,” a senior Treasury official said "
        "at a briefing. “Nobody wants to say it in public,” he added."
    )
    assert speakers(text) == [
        ("Barker", "Alan Barker"),
        ("a senior Treasury official", None),
        ("a senior Treasury official", None),
    ]


def test_a_person_named_after_the_unnamed_speaker_is_who_the_pronoun_means() -> None:
    text = (
        "“There are currently no plans for another series,” a spokeswoman said. Presenter "
        "Jane Holloway was more cheerful. “We had a wonderful time,” she said."
    )
    assert speakers(text)[-1] == ("she", "Jane Holloway")


def test_the_role_named_before_still_stands_for_its_person() -> None:
    """`the senator` is most often someone the article has named: not an unnamed source."""
    text = (
        "Senator Maria Lopez toured the plant on Friday. “It is closing really strong,” the "
        "senator said. “We will win this state,” she said."
    )
    assert speakers(text)[-1] == ("she", "Maria Lopez")


def test_a_people_a_role_in_capitals_or_a_day_is_no_one_named() -> None:
    """`Some Democrats said`, `the Republican South Carolinian told`, `on Friday said`:
    a group, a description or no one, never a person called so."""
    text = (
        "“It is a disaster,” Some Democrats said on Monday. “We are seeing an increase,” "
        "the Republican South Carolinian told CNN. “The plan is sound,” Mark Cuban said."
    )
    assert [name for _, name in speakers(text)] == [None, None, "Mark Cuban"]
    assert speakers(text)[0][0] == "Some Democrats"


def test_a_function_word_or_a_contraction_before_a_cue_is_no_one() -> None:
    text = "“We will not stop,” That said on Friday. “It is over,” I’ve said before."
    assert [name for _, name in speakers(text)] == [None, None]


def test_he_after_a_sentence_about_someone_unnamed_is_that_someone() -> None:
    text = (
        "“We want tougher sentences,” Mr Denham said. But a spokesman for the Home Office "
        "defended the proposals. He said: “The rules are clear.”"
    )
    assert [name for _, name in speakers(text)] == ["Denham", None]


def test_he_after_a_quote_after_a_sentence_about_someone_unnamed_is_that_someone() -> None:
    # `“…,” he said` after `A spokesman for … said …`: the spokesman, not the woman named
    # before (whom a `he` could not mean anyway); a title may stand far into the phrase.
    text = (
        "Kelly Clarkson topped the chart. A spokesman for the British Phonographic Industry "
        "said the chart was due this year. “Work is going on right now,” he said.\n\n"
        "John Beaumont was paid a bonus. A Department for Education and Skills spokeswoman "
        "said the venture had been ambitious. She added: “It was not the only one.”"
    )
    assert [name for _, name in speakers(text)] == [None, None]


def test_he_after_a_new_unnamed_subject_is_the_new_one_not_the_last_speaker() -> None:
    # The journalist opens the sentence before `he said`: no longer the diplomat.
    text = (
        "“Price changes have aroused great public discontent,” a Western diplomat said.\n\n"
        "“Chinese were used to stable prices for 30 years,” he said.\n\n"
        "A Chinese journalist said the reformers had underestimated the public.\n\n"
        "“A major review of all economic reforms is under way,” he said."
    )
    assert [text for text, _ in speakers(text)] == [
        "a Western diplomat",
        "a Western diplomat",
        "A Chinese journalist",
    ]


def test_a_cue_right_after_a_quotation_names_the_speaker_after_it() -> None:
    # `said a senior black employee, adding “…”`: not `an equal opportunity employer`,
    # which the quotation before holds.
    text = (
        "“We thought they would offer a settlement in keeping with their image as an equal "
        "opportunity employer,” said a senior black employee, adding “We had no idea that "
        "the age of slavery was still alive.”"
    )
    assert [text for text, _ in speakers(text)] == [
        "a senior black employee",
        "a senior black employee",
    ]
    # A title in quotation marks before `said` is no quotation whose speaker follows.
    text = (
        "Dolly Kyle, author of “Hillary the Other Woman,” said Clinton has been “cruising "
        "for a bruising,” because she is so angry."
    )
    assert speakers(text)[-1][0] != "Clinton"


def test_a_place_after_a_role_says_where_the_unnamed_speaker_is() -> None:
    # `one Russia specialist in Washington` is no one of Washington, and `the Russia
    # specialist recalls` no one of Russia.
    text = (
        "“I had never heard of him,” one Russia specialist in Washington told me. He met "
        "Page at a roundtable in June. “He was saying he was planning to go to Moscow,” "
        "the Russia specialist recalls."
    )
    assert speakers(text) == [
        ("one Russia specialist", None),
        ("the Russia specialist", None),
    ]


def test_a_speech_after_a_line_ending_in_a_colon_is_the_speaker_s() -> None:
    # Each paragraph of the speech opens with a quotation mark, none closes: all of them
    # are the words of whom `Here’s what he said:` names.
    text = (
        "Donald Trump was in Pittsburgh on Thursday for a campaign speech. He took time to "
        "address the unrest around the country. Here’s what he said:\n\n“Before going any "
        "further today, I want to address the turmoil unfolding right now in our country. "
        "America desperately needs unity.\n\n“Every day I see people of different "
        "backgrounds working together for the common good. We have to do it."
    )
    assert [name for _, name in speakers(text)] == ["Donald Trump", "Donald Trump"]


def test_someone_unnamed_is_she_past_a_man_named_since() -> None:
    """`A spokeswoman … said it was examining Mr Taylor's complaint. “…,” she said`: she is
    the spokeswoman, not Matthew Taylor."""
    text = (
        "Matthew Taylor wrote to the commissioner on Monday. “The calls are unlawful,” he "
        "said. A spokeswoman for the Information Office said it was examining one complaint, "
        "understood to be Mr Taylor's. “We are investigating one of the complaints,” she said."
    )
    assert speakers(text)[-1] == ("A spokeswoman", None)


def test_she_stands_for_no_man_named_in_full() -> None:
    """With only men named in full before it, `she` stands for none of them."""
    text = (
        "Reporter Steve Harrigan asked the crowd why they had gathered near the scene. The "
        "protester went right up to Harrigan. She said: “I could be at work, at school, in "
        "my car, I can still get shot.”"
    )
    assert speakers(text)[-1] == ("She", None)


def test_a_given_name_of_either_gender_keeps_its_man() -> None:
    """`Kim` is given to men too: `he` may be Kim Collins."""
    text = (
        "World champion Kim Collins will compete in the 60m in Birmingham. Collins ran there "
        "in 2003. “I'm looking forward to competing against such a strong field,” he said."
    )
    assert speakers(text)[-1] == ("he", "Kim Collins")
