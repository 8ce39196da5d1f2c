"""The word lists extraction relies on, loaded once per process.

Shipped in `store/data/`: titles and roles, organisation cue words, well-known
organisations (with their other names), words that alone name no one,
demonyms, a gazetteer of places (GeoNames), US surnames and
words news writes in lowercase. Given names with a gender hint come from the
gender-guesser package's name dictionary, read directly.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


# Generational suffixes, folded: the word after a surname, never a surname itself.
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def suffix(word: str) -> bool:
    """Whether a word is a generational suffix (`Jr.`, `III`)."""
    return word.rstrip(".").lower() in SUFFIXES


def generational(names: list[str], given_names: dict[str, str]) -> bool:
    """A name ending with a generational suffix after its surname: `Trump Jr.`, `John
    Smith III` (a numeral only after a given name and surname: not `World War II`)."""
    if len(names) < 2 or not suffix(names[-1]):
        return False
    return names[-1].rstrip(".").lower() in ("jr", "sr") or (
        len(names) >= 3 and names[0] in given_names
    )


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class Lexicon:
    titles: frozenset[str]
    """Lowercased titles and roles, single words and phrases."""
    longest_title: int
    org_cues: frozenset[str]
    organisations: dict[str, str]
    """Organisation name → the name its line in the list opens with (`ISIS` → `Islamic State`)."""
    not_names: frozenset[str]
    """Words that alone name no entity: abbreviations of common nouns (`TV`, `DVD`),
    faiths (`Islam`)."""
    demonyms: frozenset[str]
    places: dict[str, str]
    """Place name → canonical name (`U.S.` → `United States`)."""
    place_kinds: dict[str, str]
    """Place name → `city`, `country`, `region`, `state` or `continent`."""
    capitals: dict[str, str]
    """Capital → its country (`Moscow` → `Russia`)."""
    common_words: frozenset[str]
    lowercase_words: frozenset[str]
    """The common words and those news often writes in lowercase ("state", "white")."""
    given_names: dict[str, str]
    """Given name → `m`, `f` or `?` (a name either somewhere)."""
    name_genders: dict[str, str]
    """Given name → the gender of a person so named: as Britain, Ireland and the US give
    the name where they give it often enough (`Karen` `f`), else as in `given_names`."""
    given_name_frequency: dict[str, int]
    """Given name → how common it is in Britain, Ireland and the US together (0 to 39:
    `Michael` 27, `Jill` 15, `Hillary` 3, `Barack` 0)."""
    surnames: frozenset[str]
    """The commonest US surnames (a hint only: many are words or places too)."""
    companies: frozenset[str] = frozenset()
    """Names news gives a legal suffix somewhere (`Sony` of `Sony Corp`)."""
    phrase_openers: frozenset[str] = frozenset()
    """The first words of the places and organisations of several words."""
    title_openers: frozenset[str] = frozenset()
    """The first words of the titles and roles."""
    title_closers: frozenset[str] = frozenset()
    """The last words of the titles and roles of several words."""
    word_facts: dict[str, tuple[bool, bool, bool, bool, bool, bool]] = field(
        default_factory=dict, compare=False, repr=False
    )
    """What the lists say of each capitalised word met (`candidates._word_facts`)."""


@functools.cache
def lexicon() -> Lexicon:
    titles = {line.lower() for line in _lines("titles.txt")}
    common = frozenset(_lines("common_words.txt"))
    places = {}
    place_kinds = {}
    for line in _lines("places.tsv"):
        name, kind, canonical = line.split("\t")
        places[name] = canonical
        place_kinds[name] = kind
    organisations = {
        name: line.split("\t", 1)[0]
        for line in _lines("organisations.txt")
        for name in line.split("\t")
    }
    return Lexicon(
        titles=frozenset(titles),
        longest_title=max(len(title.split()) for title in titles),
        org_cues=frozenset(_lines("org_cues.txt")),
        organisations=organisations,
        not_names=frozenset(_lines("not_names.txt")),
        demonyms=frozenset(_lines("demonyms.txt")),
        places=places,
        place_kinds=place_kinds,
        capitals=dict(line.split("\t") for line in _lines("capitals.tsv")),
        common_words=common,
        lowercase_words=common | frozenset(_lines("lowercase_words.txt")),
        given_names=_given_name_genders()[0],
        name_genders=_given_name_genders()[1],
        given_name_frequency=_given_name_genders()[2],
        surnames=frozenset(_lines("surnames.txt")),
        companies=frozenset(_lines("companies.txt")),
        title_openers=frozenset(title.split(" ", 1)[0] for title in titles),
        title_closers=frozenset(title.rsplit(" ", 1)[-1] for title in titles if " " in title),
        phrase_openers=frozenset(
            name.split(" ", 1)[0] for name in (*places, *organisations) if " " in name
        ),
    )


# gender-guesser's codes: M/1M/?M male, F/1F/?F female, ? unisex; = lines are aliases.
_GENDERS = {"M": "m", "1M": "m", "?M": "m", "F": "f", "1F": "f", "?F": "f", "?": "?"}
# A country column's frequency class, 1 (rare) to 13 (very common; `A` to `D`).
_FREQUENCY = {ord(c): i for i, c in enumerate("123456789ABCD", start=1)}
# How common a name must be there, in all, to say its gender (`Bernie`, given to a few
# women in Ireland and a few men in the US, says none).
_COMMON = 6


@functools.cache
def _given_name_genders() -> tuple[dict[str, str], dict[str, str], dict[str, int]]:
    """Given name → `m`, `f` or `?` (any country giving it to both), the same as the
    name is given in Britain, Ireland and the United States where they give it (`Karen`,
    `Jan` are women's names there, men's in Denmark or the Netherlands), and how often
    they give it (`Lexicon.given_name_frequency`)."""
    data = resources.files("gender_guesser") / "data" / "nam_dict.txt"
    names: dict[str, str] = {}
    english: dict[str, dict[str, int]] = {}
    with data.open("rb") as file:
        for raw in file:
            if raw.startswith(b"#") or len(raw) < 30:
                continue
            code = raw[:2].strip().decode("ascii", "replace")
            gender = _GENDERS.get(code)
            if gender is None:
                continue
            # Names with '+' spell a letter the file encodes separately: skip them.
            name = raw[3:29].strip().decode("latin-1")
            if "+" in name or not name[:1].isupper():
                continue
            # How often each of the first columns (Britain, Ireland, the US) gives it.
            given = sum(_FREQUENCY.get(column, 0) for column in raw[30:33])
            for part in name.split():
                known = names.get(part)
                names[part] = gender if known in (None, gender) else "?"
                if given:
                    counts = english.setdefault(part, {"m": 0, "f": 0, "?": 0})
                    counts[gender] += given
    in_english = dict(names)
    for part, counts in english.items():
        for gender, other in (("m", "f"), ("f", "m")):
            if counts[gender] >= max(_COMMON, 2 * (counts[other] + counts["?"])):
                in_english[part] = gender
    frequency = {part: sum(counts.values()) for part, counts in english.items()}
    return names, in_english, frequency
