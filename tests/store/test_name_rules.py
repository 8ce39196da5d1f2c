"""Classes of words the rules keep out of names, or out of people (issue 13)."""

from __future__ import annotations

from store.extract.entities import extract_entities
from store.extract.name_model import name_model


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


def test_an_organisation_word_keeps_the_ordinary_words_before_it() -> None:
    text = "Donald Trump spoke at length to them. He met the Federal Election Commission on Monday."
    assert ("Federal Election Commission", "org", "Federal Election Commission") in found(text)


def test_other_names_of_an_organisation_are_one_name() -> None:
    listed = found("Donald Trump spoke. ISIS and Islamic State fought, and the Tories agreed.")
    assert ("ISIS", "org", "Islamic State") in listed
    assert ("Tories", "org", "Conservative Party") in listed
    # An abbreviation the article defines, and a full name's first word alone.
    defined = found(
        "Donald Trump spoke. The Public Service Association (PSA) said so. PSA officials left. "
        "Fox News reported it. Later, Fox denied it."
    )
    assert ("PSA", "org", "Public Service Association") in defined
    assert ("Fox", "org", "Fox News") in defined


def test_an_abbreviation_of_a_common_noun_is_no_organisation() -> None:
    text = "Donald Trump spoke. The film is out on DVD, a super PAC paid, he bought two PCs."
    assert [m for m in found(text) if m[1] != "person"] == []


def test_a_faith_and_a_people_in_the_plural_are_no_one() -> None:
    text = "Donald Trump spoke. America does not hate Islam, and most Muslims agree."
    assert [m for m in found(text) if m[0] in ("Islam", "Muslims")] == []
    # A team named after a people stays a team.
    assert ("Indians", "org", "Indians") in found("The Indians won. The Indians sent it on.")


def test_a_place_named_after_someone_in_the_article_is_no_person() -> None:
    text = (
        "Donald Trump spoke at length to the crowd. Later that day, Trump left Trump Tower "
        "to attack Bill Clinton and the Clinton Global Initiative."
    )
    mentions = found(text)
    assert [m for m in mentions if m[1] == "person"] == [
        ("Donald Trump", "person", "Donald Trump"),
        ("Trump", "person", "Donald Trump"),
        ("Bill Clinton", "person", "Bill Clinton"),
    ]
    # A person whose given name is another's surname is a person.
    other = found("Jimmy Carter spoke. Carter Page met him. Page said so.")
    assert ("Carter Page", "person", "Carter Page") in other


def test_a_name_with_a_number_or_an_ordinary_first_name_alone_is_no_one() -> None:
    text = "Donald Trump spoke. House Bill 29 would pass. A hybrid Bill for Crossrail is due."
    assert [m for m in found(text) if "Bill" in m[0]] == []


def test_a_generational_suffix_names_the_son() -> None:
    text = (
        "Donald Trump Jr. spoke at length to the crowd, and Donald Trump cheered. Later, "
        "Trump Jr said the same, and Donald Jr. agreed. Jr. is all some call him."
    )
    assert [m for m in found(text) if "Jr" in m[0]] == [
        ("Donald Trump Jr.", "person", "Donald Trump Jr."),
        ("Trump Jr", "person", "Donald Trump Jr."),
        ("Donald Jr.", "person", "Donald Trump Jr."),
    ]
    # Where the son is the only one named in full, the surname alone is not he.
    son = found("Donald Trump Jr. spoke at length to the crowd. Later, Trump thanked him.")
    assert ("Trump", "person", "Donald Trump Jr.") not in son


def test_a_lone_name_stands_for_the_full_name_that_has_it() -> None:
    # A family name first: the first word alone is the person.
    text = "Xi Jinping spoke at length on Monday. Later that day, Xi met the press."
    assert ("Xi", "person", "Xi Jinping") in found(text)
    # A name misread once, long after its surname stood alone, stands for no one else.
    misread = (
        "Trump spoke first. Trump went on. Trump said more. Trump was loud. Trump paused. "
        'She said he had called her Miss Piggy Trump went into the spin room. "No," Trump said.'
    )
    assert ("Trump", "person", "Trump") in found(misread)


def test_the_end_of_an_office_is_no_place() -> None:
    text = (
        "Donald Trump spoke on Monday about the threat. He said she showed weakness as "
        "Secretary of State, and that Secretary of State John Kerry agreed."
    )
    assert [m[0] for m in found(text)] == ["Donald Trump", "John Kerry"]


def test_what_looks_like_the_rules_above_but_is_not() -> None:
    opening = "Donald Trump spoke at length to them on Monday. "
    # A numeral after no given name is no suffix; a preposition opens no organisation.
    listed = found(opening + "World War II left scars. Among Supreme Court precedents, none.")
    assert [m[0] for m in listed[1:]] == ["Supreme Court"]
    # A body of its own is not the longer name opening with it; an abbreviation whose
    # letters are not the name's initials is not its name (a dateline's outlet).
    senate = found(
        opening + "Senate Majority Leader Mitch McConnell said the Senate tends to wait. "
        "United Nations (CNN) President Barack Obama spoke."
    )
    assert ("Senate", "org", "Senate") in senate
    obama = found("Barack Obama spoke at length. The Obama Administration agreed; Obama was glad.")
    assert ("Obama", "person", "Barack Obama") in obama
    assert ("CNN", "org", "CNN") in senate
    # A first name missing from the lists still stands for its full name.
    assert ("Megyn", "person", "Megyn Kelly") in found(opening + "Megyn Kelly asked. Megyn won.")


def test_an_ordinary_word_capitalised_mid_sentence_opens_the_name() -> None:
    # At a sentence's start a capital says nothing; inside one it was chosen.
    text = "The debate is at the Long Island campus. Fans of Real Madrid cheered on Sunday."
    names = [written for written, _, _ in found(text)]
    assert names == ["Long Island", "Real Madrid"]


def test_an_ordinary_word_left_alone_or_in_capitals_mid_sentence_is_still_no_name() -> None:
    text = "She starred in the Carry On films. It undermines a First Amendment right."
    assert found(text) == []
    # A page's tags: `US` is the word `us` in capitals, not a chosen capital.
    assert found("It became a rallying cry.\n\n2024 US Election donald trump") == []


def test_an_ampersand_between_names_makes_one_firm() -> None:
    text = (
        "Shares in Bradford & Bingley fell. Marks & Spencer said sales rose, and Procter & "
        "Gamble agreed. The Q&A ran late. Mr & Mrs Smith went home."
    )
    mentions = found(text)
    for firm in ("Bradford & Bingley", "Marks & Spencer", "Procter & Gamble"):
        assert (firm, "org", firm) in mentions
    # No half of a firm, no `&` alone, and an ampersand with no spaces joins nothing.
    written = [text for text, _, _ in mentions]
    assert not {"Bradford", "Bingley", "Spencer", "Gamble", "&"} & set(written)
    assert not any(text.startswith("&") or text.endswith("&") for text in written)


def test_an_ampersand_before_a_full_name_joins_two_people() -> None:
    mentions = found("The show starred Matt Lucas & David Walliams. It was a hit.")
    assert ("Matt Lucas", "person", "Matt Lucas") in mentions
    assert ("David Walliams", "person", "David Walliams") in mentions


def test_a_small_word_after_an_organisation_word_keeps_the_name_whole() -> None:
    text = (
        "According to the Office for National Statistics, prices rose. The Institute for "
        "Fiscal Studies agreed, and so did the Bank of England. The Council on Foreign "
        "Relations met the Department for Education."
    )
    mentions = found(text)
    for name in (
        "Office for National Statistics",
        "Institute for Fiscal Studies",
        "Council on Foreign Relations",  # an abstract noun after the joiner, too
        "Department for Education",
    ):
        assert (name, "org", name) in mentions
    assert not {"Office", "Institute", "Fiscal Studies"} & {written for written, _, _ in mentions}


def test_a_known_place_in_capitals_keeps_its_ordinary_first_word() -> None:
    # `New` and `Los` are ordinary words, shouted or not; `New York` is a place.
    text = "NEW YORK 1996-08-27\nShares rose.\nLOS ANGELES 1996-08-27\nTHE NEW YORK TIMES REPORTS"
    names = [(written, kind) for written, kind, _ in found(text)]
    assert ("NEW YORK", "place") in names
    assert ("LOS ANGELES", "place") in names
    assert not {"YORK", "ANGELES"} & {written for written, _ in names}


def test_a_byline_a_time_zone_and_a_day_with_a_possessive_are_no_names() -> None:
    text = (
        "11/19/16, 1:55 PM CET BY Esther King. Shares fell after Monday's gain, and "
        "Britain is coming to terms with June’s vote. Black and Latino voters agreed."
    )
    names = [(written, kind) for written, kind, _ in found(text)]
    assert ("Esther King", "person") in names
    assert not {"CET", "CET BY Esther King", "Monday's", "Monday", "June", "Latino"} & {
        written for written, _ in names
    }


def test_a_firm_news_writes_with_a_legal_suffix_is_a_firm_without_it() -> None:
    # `Sony Corp` in the news the lists were made from (store/data/make_companies.py).
    text = "The console market has been dominated by Sony for many years."
    assert found(text) == [("Sony", "org", "Sony")]


def test_a_given_name_after_a_known_organisation_is_someone_of_it() -> None:
    text = "He told CNN Jake Tapper on Sunday. 1:55 PM CET BY Politico Vince Chadwick."
    names = [(written, kind) for written, kind, _ in found(text)]
    assert ("Jake Tapper", "person") in names and ("Vince Chadwick", "person") in names
    assert ("CNN", "org") in names and ("Politico", "org") in names


def test_a_known_abbreviation_in_capitals_is_a_name() -> None:
    # "US" is the word "us" in capitals too: alone in prose, it is the country.
    text = "The figures show the US economy grew, and UN troops left the UK base."
    assert [(written, kind) for written, kind, _ in found(text)] == [
        ("US", "place"), ("UN", "org"), ("UK", "place")]  # fmt: skip
    assert found("The deal was worth US$ 79 million.") == []  # a currency


def test_the_sides_of_a_fixture_and_the_rows_of_a_table_are_names() -> None:
    fixtures = (
        "Soccer fixtures.\nHull v Barnet , Leyton Orient v Hartlepool , Port Vale v Reading\n"
    )
    sides = [written for written, _, _ in found(fixtures)]
    assert sides[-6:] == ["Hull", "Barnet", "Leyton Orient", "Hartlepool", "Port Vale", "Reading"]
    table = (
        "Prague stocks.\nKOMERCNI BANKA 535.00 540.00 1200 600.000\nJul 31 , 1996 Jan 31 , 1996\n"
    )
    assert [written for written, _, _ in found(table)] == ["Prague", "KOMERCNI BANKA"]  # no month


def test_a_short_line_in_capitals_of_its_own_is_one_name_or_none() -> None:
    digest = "PRESS DIGEST - Lebanon - Aug 22.\nAN-NAHAR\n- Talks stall.\nATLANTA AT CHICAGO\n"
    written = [written for written, _, _ in found(digest)]
    assert "AN-NAHAR" in written
    assert "ATLANTA AT CHICAGO" not in written  # a line of two names


def test_and_joins_the_words_of_an_organisation_s_name() -> None:
    text = (
        "He filed with the Securities and Exchange Commission on Monday. The US Food and "
        "Drug Administration agreed. Mr Blair and Labour Party officials met."
    )
    assert [(written, kind) for written, kind, _ in found(text)] == [
        ("Securities and Exchange Commission", "org"),
        ("US Food and Drug Administration", "org"),
        ("Blair", "person"),
        ("Labour Party", "org"),
    ]


def test_an_abbreviation_stands_for_the_name_whose_initials_it_is() -> None:
    text = (
        "He filed with the Securities and Exchange Commission on Monday. The SEC said it "
        "would act, and the FBI agreed."
    )
    names = {written: name for written, _, name in found(text)}
    assert names["SEC"] == "Securities and Exchange Commission"
    assert names["FBI"] == "Federal Bureau of Investigation"  # the lists' name


def test_an_office_with_no_name_after_it_is_no_one() -> None:
    text = (
        "Scottish Finance Minister, Tom McCabe, said councils must save. The Foreign "
        "Secretary met Attorney General Loretta Lynch, and the Attorney General agreed. "
        "The Vice President and the Home Secretary were there."
    )
    assert found(text) == [
        ("Tom McCabe", "person", "Tom McCabe"),
        ("Loretta Lynch", "person", "Loretta Lynch"),
    ]


def test_a_name_or_an_organisation_closed_by_an_office_word_stays() -> None:
    text = (
        "Boxing promoter Don King said the fight was on. A spokesman for the Department "
        "of Justice said no."
    )
    kinds = {written: kind for written, kind, _ in found(text)}
    assert kinds == {"Don King": "person", "Department of Justice": "org"}


def test_letters_after_a_name_are_no_part_of_it() -> None:
    text = (
        "Scottish Finance Minister, Tom McCabe MSP, said councils must save. Labour MP "
        "Frank Field agreed, and Philippe Sands QC told the court so."
    )
    people = [name for _, kind, name in found(text) if kind == "person"]
    assert people == ["Tom McCabe", "Frank Field", "Philippe Sands"]


def test_a_month_abbreviation_that_is_a_given_name_opens_the_name() -> None:
    """`Jan Shaw` is a person (found by a newcomer: `Shaw` alone was linked to another
    Shaw of the corpus); `Jan 5` and `in Jan and Feb` stay dates."""
    assert found("Amnesty's Jan Shaw said it was ironic.") == [("Jan Shaw", "person", "Jan Shaw")]
    assert found("The deal was signed on Jan 5 in Paris.") == [("Paris", "place", "Paris")]
    assert found("Prices rose in Jan and Feb.") == []


def test_a_demonym_after_a_compass_point_is_no_one() -> None:
    # `North Korean` and `East German` are demonyms (`the North Korean nuclear tests`), and
    # `South African President Thabo Mbeki` names Mbeki, not an organisation.
    assert found("He blamed Clinton for the North Korean nuclear tests.") == [
        ("Clinton", "person", "Clinton")
    ]
    assert found("East German spies were everywhere, he said.") == []
    assert ("Thabo Mbeki", "person", "Thabo Mbeki") in found(
        "The talks went well, said South African President Thabo Mbeki."
    )


def test_a_title_before_an_ordinary_word_names_no_one() -> None:
    # `General Election` is no person `Election`, nor `General Workers` one named
    # `Workers`; `Prime Minister Major` and `Senator Rice` keep their people.
    text = (
        "The Budget, the last before the General Election, was announced. The General "
        "Workers voted. Prime Minister Major said so, and Senator Rice agreed."
    )
    people = [name for _, kind, name in found(text) if kind == "person"]
    assert people == ["Major", "Rice"]


def test_an_honorific_makes_a_person_and_before_an_office_no_one() -> None:
    # The typing model learns from CoNLL's Reuters texts, with ten honorifics in all: it
    # keeps the rule's word (an NYT article had `Mr. Biden` as an organisation 12 times).
    model = name_model()
    assert model is not None and "honorific" in model.trusted_rules
    text = "“Mr. President, we are with you,” one woman shouted at Mr. Biden."
    assert found(text) == [("Biden", "person", "Biden")]


def test_a_surname_in_ness_is_no_abstract_noun() -> None:
    """`Souness` ends as `happiness` does, but no ordinary word is made of `Soune`."""
    text = "Boss Graeme Souness felt Newcastle were safe. Souness was pleased. Happiness rose."
    mentions = found(text)
    assert ("Graeme Souness", "person", "Graeme Souness") in mentions
    assert ("Souness", "person", "Graeme Souness") in mentions
    assert not any("Happiness" in written for written, _, _ in mentions)


def test_a_demonym_alone_is_the_person_who_has_it_as_a_surname() -> None:
    """`Cuban said` is Mark Cuban where the article names him; `Cuban officials` no one."""
    text = (
        "Mark Cuban spoke on Monday. Later, Cuban said he was happy. Cuban, 58, told CNN "
        "more. Cuban officials disagreed with him."
    )
    cubans = [mention for mention in found(text) if "Cuban" in mention[0]]
    assert cubans == [
        ("Mark Cuban", "person", "Mark Cuban"),
        ("Cuban", "person", "Mark Cuban"),
        ("Cuban", "person", "Mark Cuban"),
    ]


def test_a_word_after_a_quotation_closing_its_sentence_opens_the_next() -> None:
    """`a “living lie.” Yes, of course`: `Yes` opens a sentence, as after `lie.` alone."""
    text = (
        "Jo Welter spoke on Monday. She called it a “living lie.” Yes, of course, it is. "
        "“We do not value them.” Moreover, Welter went on. “It is a lie.” Ouch."
    )
    assert found(text) == [
        ("Jo Welter", "person", "Jo Welter"),
        ("Welter", "person", "Jo Welter"),
    ]


def test_an_article_or_a_compound_opening_a_sentence_is_no_part_of_the_name() -> None:
    """`A Donald Trump supporter`, `Forty-year-old Terence Crutcher`, `Fly-half Jonny
    Wilkinson`: the person alone (a hyphenated name stays whole)."""
    text = (
        "A Donald Trump supporter was arrested. Forty-year-old Terence Crutcher was shot. "
        "Fly-half Jonny Wilkinson was named captain. Jean-Claude Juncker spoke."
    )
    assert [written for written, _, _ in found(text)] == [
        "Donald Trump",
        "Terence Crutcher",
        "Jonny Wilkinson",
        "Jean-Claude Juncker",
    ]


def test_a_style_before_one_name_is_part_of_it() -> None:
    """`Prince Charles` is no `Charles` and `Lord Falconer` no `Falconer` of another
    article: the style is part of the name, and the name alone after it is that person."""
    text = "Prince Charles met Ray Charles. Later Charles thanked him. Lord Goldsmith agreed."
    assert found(text) == [
        ("Prince Charles", "person", "Prince Charles"),
        ("Ray Charles", "person", "Ray Charles"),
        ("Charles", "person", "Ray Charles"),
        ("Lord Goldsmith", "person", "Lord Goldsmith"),
    ]
    # A peer the article names in full is that person; an office is no one.
    text = "Charles Falconer spoke. The Lord Chancellor, Lord Falconer, agreed."
    assert found(text) == [
        ("Charles Falconer", "person", "Charles Falconer"),
        ("Falconer", "person", "Charles Falconer"),
    ]
    # A royal is no one else of the article with that given name.
    text = "Charles Kennedy spoke. Prince Charles and Camilla Parker Bowles will marry."
    assert found(text)[1] == ("Prince Charles", "person", "Prince Charles")


def test_a_name_before_a_comma_and_a_us_state_is_a_town() -> None:
    text = "Riots hit Charlotte, North Carolina, and Ferguson, Missouri. He was from Dalton, Ga."
    places = {written: name for written, kind, name in found(text) if kind == "place"}
    assert places["Ferguson"] == "Ferguson, Missouri"
    assert places["Dalton"] == "Dalton, Georgia"
    assert places["Ga"] == "Georgia"  # the state's abbreviation is no one
    # Not a person before a comma and a state's possessive, nor names in a list.
    assert ("Perry", "person", "Perry") in found("Perry, Texas's governor, spoke.")


def test_a_title_alone_is_no_one() -> None:
    text = "The Chancellor said taxes would rise. The Queen agreed. John Major spoke. Major agreed."
    assert found(text) == [
        ("John Major", "person", "John Major"),
        ("Major", "person", "John Major"),
    ]


def test_a_surname_alone_in_a_line_up_is_no_one_of_elsewhere() -> None:
    """A team's line-up names its players by surname: the ones the report names in full
    are they, the others no one (not the best-known Howard of the corpus)."""
    text = (
        "Wes Brown played well, said the manager.\n\n"
        "Carroll, G Neville, Brown, Silvestre (Miller 80), Scholes.\n\n"
        'He said: "It was fine." Subs: Howard, Smith, Spector.\n\nTrump, Clinton and Howard met.'
    )
    people = [(written, name) for written, kind, name in found(text) if kind == "person"]
    assert ("Brown", "Wes Brown") in people
    assert [written for written, _ in people].count("Howard") == 1  # the one in prose
    assert not {"Smith", "Spector", "Scholes"} & {written for written, _ in people}


def test_an_honorific_picks_the_bearer_of_its_gender() -> None:
    """`Mrs. Clinton` beside Bill and Hillary Clinton is she; a title says more of a
    gender than the given-name lists (`Mr Mittal` for Lakshmi Mittal)."""
    text = (
        "Hillary Clinton campaigned with Bill Clinton. Bill Clinton spoke first. "
        "Mrs. Clinton said she would win. Mr. Clinton agreed. Later, Clinton left."
    )
    lone = [name for written, _, name in found(text) if written == "Clinton"]
    assert lone == ["Hillary Clinton", "Bill Clinton", "Bill Clinton"]
    _, people = extract_entities("Lakshmi Mittal bought the firm. Mr Mittal said he was glad.")
    assert people.genders == {"Lakshmi Mittal": "m"}
