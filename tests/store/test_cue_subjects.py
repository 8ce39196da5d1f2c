"""Who speaks through a cue: in -ing, the person right before it, else the sentence's
subject; after a dash, the name that signs the quote; before a colon, the person who
labels it; through an outlet's report, the person whose words it passes on."""

from __future__ import annotations

import pytest

from store.extract import extract_article
from store.extract.entities import extract_entities
from store.extract.speakers import ArticleNames


def speaker_of(text: str, quoted: str) -> str | None:
    for quote in extract_article(text).quotes:
        if quote.text == quoted:
            return quote.speaker_name
    raise AssertionError(f"no quote {quoted!r}")


def test_the_person_before_the_verb_speaks() -> None:
    text = (
        "The State Department accused Moscow of meddling in the vote, an accusation the "
        "Kremlin has repeatedly denied, with Sergey Lavrov calling them “groundless” on Friday."
    )
    assert speaker_of(text, "groundless") == "Sergey Lavrov"


def test_else_the_subject_of_the_sentence_speaks() -> None:
    text = (
        "Senator Mary Holt unleashed a series of posts early on Friday saying that the "
        "report was “a disgrace to the committee and to the country.”"
    )
    assert speaker_of(text, "a disgrace to the committee and to the country.") == "Mary Holt"


def test_a_pages_furniture_speaks_for_no_one() -> None:
    """`Story Continued Below` is a site's furniture pasted into the text (buzzfeed-webis,
    from Politico): no speaker `Story`."""
    text = (
        'On Thursday morning, Miller said that there was "no racism" before Obama. She made '
        "the inflammatory comments to The Guardian's Anywhere but Washington series, when "
        'she said, "If you’re black and you haven’t been successful in the last 50 years, '
        'it’s your own fault. You’ve had every opportunity, it was given to you." Story '
        "Continued Below She further charged, “You’ve had the same schools everybody else "
        "went to. You had benefits to go to college that white kids didn’t have.”"
    )
    speakers = [quote.speaker_text for quote in extract_article(text).quotes]
    assert speakers and "Story" not in speakers


def test_a_signature_behind_an_epithet() -> None:
    text = (
        "“Ahmad Rahami should go to jail for a very long time.”\xa0— Rock Legend Gene "
        "Simmons commenting on the bomber Ahmad Rahami. The rock star made a name for "
        "himself playing the bass guitar."
    )
    (quote,) = extract_article(text).quotes
    assert (quote.speaker_name, quote.cue) == ("Gene Simmons", "—")


# Lists, transcripts and fact checks: a signature after a hyphen (on the quote's line or
# the next), a name before a colon labelling the quote, `According to X:`.
LAYOUTS = [
    ("“I went to Wall Street before the crash and told them so,” - Hillary Clinton, in 2016.",
     "Hillary Clinton", "—"),
    ("Here is what she said.\n\n“I went to Wall Street before the crash and told them so,”"
     "\n\n- Hillary Clinton.\n\nShe tends to overstate it.", "Hillary Clinton", "—"),
    ("The polls were wrong again, the experts at the debate agreed.\n\nRepublican pollster "
     "Daron Shaw: “Historically, lesser-known candidates gain from debates.”", "Daron Shaw", ":"),
    ("Daron Shaw spoke after the debate in Ohio.\n\nShaw:\n\n“Historically, lesser-known "
     "candidates gain from debates.”", "Daron Shaw", ":"),
    ("According to Senator Ann Marsh: “The vote on the budget will be held next week.”",
     "Ann Marsh", "according to"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "speaker", "cue"), LAYOUTS)
def test_a_layout_names_the_speaker(text: str, speaker: str, cue: str) -> None:
    (quote,) = extract_article(text).quotes
    assert (quote.speaker_name, quote.cue) == (speaker, cue)


def test_a_name_after_a_cue_and_before_a_colon_is_no_label() -> None:
    text = (
        "The meeting went badly. Angela Merkel told Nicola Sturgeon: “It is disappointing "
        "that you have chosen to leave the talks.”"
    )
    (quote,) = extract_article(text).quotes
    assert quote.speaker_name != "Nicola Sturgeon"


def test_an_outlet_passes_on_a_persons_words() -> None:
    text = (
        "Vladimir Putin said on Friday that it was “regrettable that the outgoing "
        "administration is finishing its work in such a way,” Sputnik reported.\n\n"
        "While the talks went on, the BBC states that Putin refuses to “stoop” to "
        "“irresponsible diplomacy” by expelling diplomats."
    )
    speakers = {quote.text.split()[0]: quote.speaker_name for quote in extract_article(text).quotes}
    assert speakers == {
        "regrettable": "Vladimir Putin",
        "stoop": "Vladimir Putin",
        "irresponsible": "Vladimir Putin",
    }


def test_words_before_a_cue_that_name_no_one_are_no_speaker() -> None:
    """A speaker named nowhere else in the article must read as a name: not a common
    word or a people alone, nor words across a comma (bbc + buzzfeed: `Another`,
    `Austrian`, `Overall, B&B`); a surname of someone the article names still speaks."""
    text = (
        "The plan was announced on Monday. “It will fail,” Another said. “We will see,” "
        "Austrian said. Overall, B&B said: “We are happy.” “It is unclear,” Souness said."
    )
    assert speaker_of(text, "It will fail,") is None
    assert speaker_of(text, "We will see,") is None
    assert speaker_of(text, "We are happy.") is None
    assert speaker_of(text, "It is unclear,") == "Souness"
    cuban = speaker_of("Mark Cuban was there. “He is wrong,” Cuban said.", "He is wrong,")
    assert cuban == "Mark Cuban"  # (a demonym alone is the person who has it as a surname)


def test_a_participle_after_a_clause_with_no_cue_is_its_subject_s() -> None:
    text = (
        "Carla Fenwick threw her support behind Senator Tom Abbott on Wednesday, saying it "
        "is time to have “a real constitutional conservative in the White House.”"
    )
    quoted = "a real constitutional conservative in the White House."
    assert speaker_of(text, quoted) == "Carla Fenwick"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("“There are no secrets in politics,” said Jack Weaver, who", "Jack Weaver"),
        ("Marta Kolb, a Lisbon bakery owner who", "Marta Kolb"),
        # A short phrase of time or place between (PolNeAR train: `Bundy says to Santilli
        # on camera, who responds`), not a longer one.
        ("The bakers thanked Marta Kolb on camera, who", "Marta Kolb"),
        ("Nina Ruiz, now the bakery's owner, who", "Nina Ruiz"),
        ("The bakers thanked Marta Kolb for the bread she had baked, who", None),
    ],
)
def test_who_stands_for_the_name_right_before_it(text: str, name: str | None) -> None:
    """A speaker `who` (`said Weaver, who said that …`) is the person named before it."""
    mentions, people = extract_entities(text)
    speaker = ArticleNames(text, mentions, people).speaker(len(text) - 3, len(text))
    assert speaker is not None and speaker.text == "who"
    assert speaker.name == name


# Found by a red-team pass: a dash or a colon that is no signature or label.
NOT_SIGNED = [
    "The senator spoke on Tuesday.\n\n“We will fight this bill with everything we have.”\n\n"
    "- Bernie Sanders wins Michigan primary\n- Hillary Clinton leads in Ohio",
    "“We are going to build a wall and Mexico will pay.”\n- Jeb Bush responded by calling "
    "the idea absurd.",
    "“We are resilient and we will rebuild the town.”\n\n— By John Smith, Associated Press",
    "A message to Vladimir Putin: “Stay out of our elections, all of them.”",
]


@pytest.mark.parametrize("text", NOT_SIGNED)
def test_a_list_a_byline_or_an_addressee_signs_nothing(text: str) -> None:
    (quote,) = extract_article(text).quotes
    assert quote.cue not in ("—", ":")
    assert quote.speaker_name not in ("Bernie Sanders", "Jeb Bush", "John Smith", "Vladimir Putin")


def test_an_abbreviated_title_does_not_end_the_speaker() -> None:
    text = (
        "Democrats objected on Friday. “We cannot vote for that,” said Sen. Barbara "
        "Mikulski of Maryland. “It’s complicated,” said Lt. Gov. Dan Patrick."
    )
    assert speaker_of(text, "We cannot vote for that,") == "Barbara Mikulski"
    assert speaker_of(text, "It’s complicated,") == "Dan Patrick"


@pytest.mark.parametrize(
    ("cue", "speaker"),
    [("Megyn Kelly said", "Megyn Kelly"), ("the ally said", "the ally"), ("he quickly said", "he")],
)
def test_a_word_in_ly_before_the_verb_is_an_adverb_only_in_lower_case(
    cue: str, speaker: str
) -> None:
    (quote,) = extract_article(f"“They had no choice,” {cue}.").quotes
    assert quote.speaker_text == speaker


def test_it_is_the_organisation_that_spoke_last() -> None:
    text = (
        "A dip in oil prices would improve confidence, the OECD said. “Supported by strong "
        "balance sheets, the recovery should continue,” it added."
    )
    (quote,) = extract_article(text).quotes
    assert (quote.speaker_text, quote.speaker_name, quote.speaker_kind) == ("it", "OECD", "org")
    (alone,) = extract_article("“Supported by strong balance sheets,” it added.").quotes
    assert (alone.speaker_text, alone.speaker_name) == ("it", None)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“It should be retracted,” former Gov. Jeb Bush of Florida wrote.", "Jeb Bush"),
        (
            "Rep. Mark Sanford of South Carolina said there was a “sophomoric element”.",
            "Mark Sanford",
        ),
        ("“Costs rose,” analyst Nick Van den Brul of BNP Paribas said.", "Nick Van den Brul"),
        ("“It works,” a spokesman for the University of Florida said.", "University of Florida"),
    ],
)
def test_a_place_after_a_person_and_of_says_where_the_speaker_is_from(
    text: str, speaker: str
) -> None:
    (quote,) = extract_article(text).quotes
    assert quote.speaker_name == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "“The evidence suggests the rate rises helped,” said EEF chief economist, "
            "Steve Radley. “The Bank should stand ready to cut rates.”",
            "Steve Radley",
        ),
        ("White House spokesman Josh Earnest said it was “a war of narratives”.", "Josh Earnest"),
        (
            "Republican National Committee Chairman Reince Priebus on Sunday suggested he "
            "could say “never mind” to the candidates.",
            "Reince Priebus",
        ),
        # A title is what the words end in: `supporting` titles no one; and words of
        # both cases are a clause, not a title (`dubbed Mr`, `said Prime Minister`).
        ("As one GOP official supporting Trump said: “He respects loyalty.”", None),
        ("The Law Society dubbed Mr Donald Trump's proposals an “abuse of power”.", None),
    ],
)
def test_an_organisation_titling_the_person_after_it_is_that_person(
    text: str, speaker: str | None
) -> None:
    quotes = extract_article(text).quotes
    assert quotes
    for quote in quotes:
        if speaker is None:
            assert quote.speaker_name != "Donald Trump"
        else:
            assert quote.speaker_name == speaker


def test_the_company_is_the_organisation_named_before_it() -> None:
    text = (
        "Shares in Unilever fell on Friday after the results. “We expect a return to "
        "growth,” the company said. Iraq's Ministry of Communications and Siemens signed "
        "the deal. “It will boost coverage,” the ministry said."
    )
    company, ministry = extract_article(text).quotes
    assert (company.speaker_text, company.speaker_name) == ("the company", "Unilever")
    assert (ministry.speaker_text, ministry.speaker_name) == (
        "the ministry",
        "Ministry of Communications",
    )


@pytest.mark.parametrize(
    "text",
    [
        "“We expect a return to growth,” the company said.",
        "Senators wrote to Wells Fargo. “It is unacceptable,” the group wrote.",
        "“Sales at Unilever will grow,” the company said.",
    ],
)
def test_no_organisation_for_a_group_or_one_named_only_inside_the_quote(text: str) -> None:
    (quote,) = extract_article(text).quotes
    assert quote.speaker_name is None


def test_a_participle_after_a_comma_speaks_for_the_subject_after_its_day() -> None:
    # `Trump on Thursday pinned …, suggesting …`: the subject stands before `on Thursday`.
    text = (
        "Donald Trump on Thursday pinned the blame for the turmoil in Charlotte on President "
        "Barack Obama, suggesting that the violent protests there show a “wounded country” "
        "that “looks bad to the world.”"
    )
    assert speaker_of(text, "wounded country") == "Donald Trump"
    assert speaker_of(text, "looks bad to the world.") == "Donald Trump"


def test_a_who_that_stands_for_no_one_and_a_participle_after_by_name_no_one() -> None:
    # `anybody who complains` is no speaker: Clinton, who is `saying` it, is. `by
    # announcing` has no subject of its own: `they` (Politifact) published.
    text = (
        "Rival Hillary Clinton had mocked the complaint, saying anybody who complains about "
        "a microphone “is not having a good night.”\n\nTrump called Politifact a fraud. On "
        "September 27 they published the results of their check by announcing that "
        "Trump’s statement was “true.”"
    )
    assert speaker_of(text, "is not having a good night.") == "Hillary Clinton"
    quotes = extract_article(text).quotes
    assert [quote.speaker_text for quote in quotes] == ["Hillary Clinton", "they"]


def test_a_country_before_an_apposition_speaks() -> None:
    text = (
        "Even China, Pyongyang's only ally and its economic lifeline to the outside world, "
        "said it was “resolutely opposed” to the test."
    )
    assert speaker_of(text, "resolutely opposed") == "China"


def test_an_apposition_may_end_in_a_title_in_quotation_marks() -> None:
    text = (
        "Dolly Kyle, author of “Hillary the Other Woman,” said Clinton has been “cruising "
        "for a bruising,” because she is so angry."
    )
    assert speaker_of(text, "cruising for a bruising,") == "Dolly Kyle"


def test_a_paragraph_ending_in_a_cue_and_a_comma_introduces_the_quotation() -> None:
    """`The lawsuit says,` then the quotation as a paragraph of its own: the lawsuit's
    words; a paragraph ending in a comma after no cue introduces nothing."""
    text = (
        "Thomas Moore sued the school board on Monday. The lawsuit says,\n\n“During its "
        "brief instruction the school did not teach it at all.”\n\nParents were angry,\n\n"
        "“We had no idea what was taught.”"
    )
    said = {quote.text[:8]: quote.speaker_text for quote in extract_article(text).quotes}
    assert said == {"During i": "The lawsuit", "We had n": None}


def test_whose_document_a_receiver_was_sent_speaks() -> None:
    """`the Bank of England's statement to the stock exchange said` is the bank's;
    `Obama's letter to Congress said`, Obama's."""
    text = (
        "The Bank of England met on Monday. The Bank of England's statement to the stock "
        "exchange said: “A further announcement will be made.” Barack Obama wrote on Monday. "
        "Obama's letter to Congress said: “We will act.” Congress said: “We will see.”"
    )
    assert speaker_of(text, "A further announcement will be made.") == "Bank of England"
    assert speaker_of(text, "We will act.") == "Barack Obama"
    assert speaker_of(text, "We will see.") == "Congress"


def test_more_speech_verbs_name_their_speaker() -> None:
    """`a crestfallen Mr Lim confided`, `the minister revealed`: speech verbs too."""
    text = (
        "Peter Lim sold the club. “That was a total disaster,” a crestfallen Mr Lim "
        "confided. Health Minister Anna Park spoke later. “The ward will close,” Park revealed."
    )
    assert speaker_of(text, "That was a total disaster,") == "Peter Lim"
    assert speaker_of(text, "The ward will close,") == "Anna Park"


@pytest.mark.parametrize(
    ("text", "speaker", "name"),
    [
        (
            'Hillary Clinton spoke in Ohio. "We will win," said Clinton spokesman Brian Fallon.',
            "Brian Fallon",
            "Brian Fallon",
        ),
        (
            'Hillary Clinton spoke in Ohio. "We will win this state," said a Clinton aide.',
            "a Clinton aide",
            None,
        ),
        (
            'Donald Trump spoke in Ohio. "We will win," a Trump campaign spokesman said.',
            "a Trump campaign spokesman",
            None,
        ),
    ],
    ids=["a-role-between-two-names", "a-name-before-a-role", "a-name-before-a-campaign"],
)
def test_a_name_before_a_role_only_modifies_it(text: str, speaker: str, name: str | None) -> None:
    """`Clinton spokesman Brian Fallon` is Fallon; `a Clinton aide` is no Clinton."""
    [quote] = extract_article(text).quotes
    assert (quote.speaker_text, quote.speaker_name) == (speaker, name)


@pytest.mark.parametrize(
    ("text", "quoted", "speaker"),
    [
        (
            # `the man` alone would say too little.
            "Jamie Costin should be paralysed.\n\nHe says so himself as he recalls the "
            'accident. There is a chuckle as he talks. "I was in a lot of pain," says the '
            "Waterford man.",
            "I was in a lot of pain,",
            "Jamie Costin",
        ),
        (
            "Joseph R. Murray II, a lawyer, came out as gay. He counts himself as a devout "
            "Catholic and Donald Trump supporter. He recently wrote a commentary. "
            '"The politics are just so blatant," he said in an interview.',
            "The politics are just so blatant,",
            "Joseph R. Murray II",
        ),
        (
            "Rabbi Marvin Hier, the founder of the Simon Wiesenthal Center in Los Angeles, "
            'has said that while he fears such comparisons, "I have never seen anything '
            'like it."',
            "I have never seen anything like it.",
            "Marvin Hier",
        ),
        (
            "Franz Ferdinand frontman Alex Kapranos has called for more government help."
            '\n\n"There needs to be some kind of state input," he said.',
            "There needs to be some kind of state input,",
            "Alex Kapranos",
        ),
    ],
    ids=[
        "a-described-man-is-whom-the-article-is-about",
        "a-name-before-a-role-is-no-one-a-pronoun-stands-for",
        "the-name-before-an-apposition-and-an-auxiliary-speaks",
        "a-name-before-a-role-opening-the-sentence-titles-the-subject",
    ],
)
def test_the_person_a_phrase_stands_for_speaks(text: str, quoted: str, speaker: str) -> None:
    """`says the Waterford man` after a paragraph about Jamie Costin is he; `he` after
    `a Donald Trump supporter` is the supporter; the name before an apposition and `has
    said` speaks; `Franz Ferdinand frontman Alex Kapranos` is about Kapranos."""
    assert speaker_of(text, quoted) == speaker


def test_a_man_of_a_people_is_whom_the_sentence_before_is_about() -> None:
    """`the Dutchman said` after `Tottenham manager Martin Jol acclaimed …` is Jol (his
    titles say nothing of a nationality); `Dutchman` is no one's name."""
    text = (
        "Tottenham manager Martin Jol acclaimed his players for their patience.\n\n"
        '"It was a professional sort of performance," the Dutchman said.'
    )
    assert speaker_of(text, "It was a professional sort of performance,") == "Martin Jol"
    assert [m.text for m in extract_entities(text)[0] if m.text == "Dutchman"] == []
