"""Across articles, one entity per person: spellings, initials, canonical names."""

from __future__ import annotations

from sqlite_utils import Database

from store.entity_resolver import PERSON_MENTIONS, EntityResolver
from store.importer import import_records
from store.names import canonical_name
from store.namesakes import FIRST_NAME_MENTIONS
from store.records import Record


def test_a_middle_initial_is_the_same_person(db: Database) -> None:
    resolver = EntityResolver(db)
    trump = resolver.resolve("person", "Donald Trump")
    assert resolver.resolve("person", "Donald J. Trump") == trump
    other = EntityResolver(db)  # and the other way round, from a fresh start
    assert other.resolve("person", "Jane Q. Public") == other.resolve("person", "Jane Public")


def test_different_initials_are_different_people(db: Database) -> None:
    resolver = EntityResolver(db)
    son = resolver.resolve("person", "George W. Bush")
    assert resolver.resolve("person", "George H. W. Bush") != son


def test_a_first_name_spelled_differently_or_cut_short_is_the_same_person(db: Database) -> None:
    resolver = EntityResolver(db)
    for name, other in [
        ("Sergei Lavrov", "Sergey Lavrov"),
        ("Terence Crutcher", "Terrence Crutcher"),
        ("Kellyanne Conway", "Kellyane Conway"),  # a typo no list knows
        ("Steven Gerrard", "Steve Gerrard"),
    ]:
        assert resolver.resolve("person", other) == resolver.resolve("person", name)


def test_two_different_given_names_are_two_people(db: Database) -> None:
    resolver = EntityResolver(db)
    for name, other in [
        ("Ivanka Trump", "Ivana Trump"),  # they sound different
        ("Karen Hughes", "Ken Hughes"),
        ("Michael Collins", "Michelle Collins"),  # a man's name and a woman's
    ]:
        assert resolver.resolve("person", other) != resolver.resolve("person", name)


def test_the_canonical_name_is_chosen_by_evidence_not_import_order() -> None:
    # One outlet's misspelling is also a Russian city: a tie goes to the other form.
    for order in (
        [("Dmitry Pskov", 1), ("Dmitry Peskov", 1)],
        [("Dmitry Peskov", 1), ("Dmitry Pskov", 1)],
    ):
        assert canonical_name([*order, ("Peskov", 3)]) == "Dmitry Peskov"
    # An initial does not make a name more complete.
    assert canonical_name([("Donald Trump", 40), ("Donald J. Trump", 12)]) == "Donald Trump"


def test_a_person_named_in_full_once_keeps_the_full_name() -> None:
    """News names a person in full once, then by the surname: `Zoltan Boesze`, `Mike
    Hall`; not a word run into the surname (`GABE SHERMAN`, `Dallas-based Uccel`)."""
    assert canonical_name([("Boesze", 10), ("Zoltan Boesze", 1)]) == "Zoltan Boesze"
    assert canonical_name([("Hall", 9), ("Mike Hall", 1)]) == "Mike Hall"
    assert canonical_name([("Sherman", 6), ("GABE SHERMAN", 1)]) == "Sherman"
    assert canonical_name([("Uccel", 11), ("Dallas-based Uccel", 1)]) == "Uccel"
    assert canonical_name([("King", 30), ("Hillary Clinton King", 1)]) == "King"


def test_the_seeds_name_dmitry_peskov(seeded_db: Database) -> None:
    names = {name for (name,) in seeded_db.execute("SELECT name FROM entities")}
    assert "Dmitry Peskov" in names and "Dmitry Pskov" not in names


def test_a_lone_first_name_is_the_one_person_far_more_written_about(db: Database) -> None:
    resolver = EntityResolver(db)
    clinton = resolver.resolve("person", "Hillary Clinton")
    for _ in range(FIRST_NAME_MENTIONS):
        resolver.resolve("person", "Hillary Clinton")
    resolver.resolve("person", "Hillary Benn")
    assert resolver.resolve("person", "Hillary") == clinton  # "Crooked Hillary", "Hillary's"
    # Too few mentions, or another person of that name close behind: no one in particular.
    sanders = resolver.resolve("person", "Bernie Sanders")
    assert resolver.resolve("person", "Bernie") != sanders
    ebbers = resolver.resolve("person", "Sandra Ebbers")
    for _ in range(FIRST_NAME_MENTIONS):
        resolver.resolve("person", "Sandra Ebbers")
        resolver.resolve("person", "Sandra Day")
    assert resolver.resolve("person", "Sandra") not in (
        ebbers,
        resolver.resolve("person", "Sandra Day"),
    )
    # A first name that is also a word is no one's ("Bill" is often a bill).
    bill = resolver.resolve("person", "Bill Clinton")
    for _ in range(FIRST_NAME_MENTIONS):
        resolver.resolve("person", "Bill Clinton")
    assert resolver.resolve("person", "Bill") != bill


def test_a_middle_name_on_one_side_only_is_the_same_person(db: Database) -> None:
    resolver = EntityResolver(db)
    scott = resolver.resolve("person", "Keith Lamont Scott")
    assert resolver.resolve("person", "Keith Scott") == scott
    assert resolver.resolve("person", "Keith L. Scott") == scott
    father = resolver.resolve("person", "George Herbert Walker Bush")
    assert resolver.resolve("person", "George H. W. Bush") == father
    assert resolver.resolve("person", "George W. Bush") != father


def test_a_person_far_better_known_takes_their_name_typed_as_an_organisation(
    db: Database,
) -> None:
    resolver = EntityResolver(db)
    trump = resolver.resolve("person", "Donald Trump")
    # Before the corpus knows him well, "a Trump supporter" stays what its article said.
    early = resolver.resolve("org", "Trump")
    assert early != trump
    for _ in range(PERSON_MENTIONS):
        resolver.resolve("person", "Donald Trump")
    assert resolver.resolve("org", "Trump") == trump  # "a Trump supporter"
    assert resolver.resolve("place", "Donald Trump") == trump
    # A place or organisation the lists know keeps its kind ("Jordan", "Lincoln").
    jordan = resolver.resolve("person", "Michael Jordan")
    for _ in range(PERSON_MENTIONS):
        resolver.resolve("person", "Michael Jordan")
    assert resolver.resolve("place", "Jordan") != jordan
    # Two people of that surname, neither far ahead: the organisation stays one.
    for name in ("George W. Bush", "George H. W. Bush"):
        for _ in range(PERSON_MENTIONS):
            resolver.resolve("person", name)
    assert resolver.resolve("org", "Bush") not in (
        resolver.resolve("person", "George W. Bush"),
        resolver.resolve("person", "George H. W. Bush"),
    )
    # A word, or a person's name that is no full name, is no one's ("cable", "A Chrysler").
    for person, organisation in [("Vincent Cable", "Cable"), ("A Chrysler", "Chrysler")]:
        for _ in range(PERSON_MENTIONS):
            resolver.resolve("person", person)
        assert resolver.resolve("org", organisation) != resolver.resolve("person", person)
    # An organisation with mentions of its own, not far fewer than the person's, stays.
    ford = resolver.resolve("org", "Ford")
    for _ in range(PERSON_MENTIONS):
        resolver.resolve("org", "Ford")
        resolver.resolve("person", "Gerald Ford")
    assert resolver.resolve("org", "Ford") == ford


def test_a_lone_surname_is_its_best_known_bearer_now_not_the_first(db: Database) -> None:
    """`Clinton` in 2004 is Bill Clinton; once Hillary Clinton is far better known, the
    `Clinton` of an article that names no one in full is she (the earlier ones stay)."""
    resolver = EntityResolver(db)
    bill = resolver.resolve("person", "Bill Clinton")
    assert resolver.resolve("person", "Clinton") == bill
    for _ in range(5):
        hillary = resolver.resolve("person", "Hillary Clinton")
    assert resolver.resolve("person", "Clinton") == hillary


def test_a_later_import_gives_a_lone_surname_to_its_best_known_bearer(db: Database) -> None:
    """Through two imports: the first article's `Clinton` stays Bill's; the last one's,
    after articles naming Hillary Clinton in full, is hers."""

    def record(number: int, text: str) -> Record:
        return Record(text, f"{number}.txt", external_id=str(number))

    first = [record(8, "Bill Clinton spoke in Arkansas."), record(0, "Clinton said he was glad.")]
    import_records(db, first, workers=0)
    hillary = "Hillary Clinton spoke in Ohio. Hillary Clinton said she would win."
    later = [record(n, hillary) for n in range(1, 4)]
    later.append(record(9, "The senator spoke again. Clinton said she would win."))
    import_records(db, later, workers=0)
    speakers = dict(
        db.execute(
            "SELECT articles.external_id, entities.name FROM mentions "
            "JOIN articles ON articles.id = mentions.article_id "
            "JOIN entities ON entities.id = mentions.entity_id WHERE mentions.text = 'Clinton'"
        ).fetchall()
    )
    assert speakers == {"0": "Bill Clinton", "9": "Hillary Clinton"}


def test_a_surname_well_known_alone_is_not_claimed_by_a_newcomer(db: Database) -> None:
    """`Falconer` alone, mentioned often (BBC's Lord Falconer), stays apart from a `Jason
    Falconer` met later; `Putin` met a few times before `Vladimir Putin` joins him."""
    resolver = EntityResolver(db)
    for _ in range(PERSON_MENTIONS):
        falconer = resolver.resolve("person", "Falconer")
    jason_falconer = resolver.resolve("person", "Jason Falconer")
    assert falconer is not None and resolver.merged(falconer) != jason_falconer
    putin = resolver.resolve("person", "Putin")
    vladimir_putin = resolver.resolve("person", "Vladimir Putin")
    assert putin is not None and resolver.merged(putin) == vladimir_putin


def test_a_styled_name_is_no_bearer_of_its_last_word(db: Database) -> None:
    """`Prince Charles` takes no lone `Charles` of another article and `Lord Falconer` is no
    `Jason Falconer`: a style makes a name of its own."""
    resolver = EntityResolver(db)
    ray = resolver.resolve("person", "Ray Charles")
    for _ in range(PERSON_MENTIONS):
        prince = resolver.resolve("person", "Prince Charles")
    assert prince != ray and resolver.resolve("person", "Charles") == ray
    jason = resolver.resolve("person", "Jason Falconer")
    assert resolver.resolve("person", "Lord Falconer") not in (jason, None)
    assert resolver.resolve("person", "Falconer") == jason


def test_a_lone_first_name_met_early_is_the_person_later_far_better_known(
    db: Database,
) -> None:
    """`Hillary` met before Hillary Clinton was well known had an entity of its own for
    good, and a headline's `Oh Hillary` took it as a surname: from now on it is she (the
    mentions stored before stay: an early `Jill` is no later Jill Stein)."""
    resolver = EntityResolver(db)
    early = resolver.resolve("person", "Hillary")
    for _ in range(5 * PERSON_MENTIONS):
        hillary = resolver.resolve("person", "Hillary Clinton")
    resolver.resolve("person", "Oh Hillary")
    assert resolver.resolve("person", "Hillary") == hillary
    assert early is not None and early not in resolver.flush()


def test_a_common_first_name_alone_is_no_one_of_elsewhere(db: Database) -> None:
    """`Fletcher's daughter Jill` is no Jill Stein, however well known she is: Jill is a
    common name; Hillary is not."""
    resolver = EntityResolver(db)
    for _ in range(5 * PERSON_MENTIONS):
        stein = resolver.resolve("person", "Jill Stein")
        hillary = resolver.resolve("person", "Hillary Clinton")
    assert resolver.resolve("person", "Jill") != stein
    assert resolver.resolve("person", "Hillary") == hillary
