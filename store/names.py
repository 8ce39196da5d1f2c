"""How names compare: folded for comparison, and which written form of a name stands for it."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from store.extract.lexicon import lexicon
from store.extract.name_rules import STYLES


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """A name folded for comparison: no accents, case, dots or hyphens."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    plain = plain.casefold().replace(".", "").replace("-", " ").replace("’", "'")
    if plain.startswith("the "):
        plain = plain[4:]
    return " ".join(plain.split())


def lone_given_name(key: str) -> bool:
    """A folded name that is one given name and no ordinary word (`hillary`, `bernie`;
    not `bill` or `mark`)."""
    words = lexicon()
    return " " not in key and key.title() in words.given_names and key not in words.lowercase_words


# How common (`Lexicon.given_name_frequency`, 0 to 39) a given name may be and still,
# alone, stand for one person of the corpus (`Hillary` 3, `Bernie` 4; not `Jill` 15 or
# `Michael` 27, which name many people the corpus never names in full).
DISTINCTIVE_FREQUENCY = 8


def distinctive_given_name(key: str) -> bool:
    """A folded given name alone that is no ordinary word and rare in Britain, Ireland
    and the US: `hillary`, `barack`; not `jill`, `michael`."""
    frequency = lexicon().given_name_frequency.get(key.title(), 0)
    return lone_given_name(key) and frequency < DISTINCTIVE_FREQUENCY


def styled(key: str) -> bool:
    """A folded name that opens with a style (`prince charles`, `lord falconer`): the
    person named so, no bearer of a lone `charles` or `falconer` elsewhere."""
    return key.split(" ", 1)[0] in STYLES


def same_middle(parts: list[str], other: list[str]) -> bool:
    """Whether two folded names' middles allow one person: none on one side (`Keith
    Lamont Scott` is `Keith Scott`, `Donald J. Trump` is `Donald Trump`), else the same
    letters (`George H. W. Bush` is `George Herbert Walker Bush`, not `George W. Bush`)."""
    middle, other_middle = parts[1:-1], other[1:-1]
    if not middle or not other_middle:
        return True
    return [part[0] for part in middle] == [part[0] for part in other_middle]


def same_given_name(first: str, other: str) -> bool:
    """Whether two folded first names may be one person's: the same, a spelling of the
    other (`sergei`/`sergey`, `carol`/`carole`: they sound alike) or a short form of it
    (`steve`/`steven`), or not both given names the lists know (`kellyane` is a typo).
    Two known given names of different sexes (`michelle`/`michael`), or that sound
    different (`ivana`/`ivanka`, `ken`/`karen`), are two people's."""
    if first == other:
        return True
    sexes = _given_name_sexes()
    sex, other_sex = sexes.get(first), sexes.get(other)
    if sex is None or other_sex is None:
        return True
    if "?" not in (sex, other_sex) and sex != other_sex:
        return False
    short_form = first.startswith(other) or other.startswith(first)
    return short_form or soundex(first) == soundex(other)


def far_ahead(count: int, rivals: list[int], least: int, times: int) -> bool:
    """Whether a count stands far above its rivals': at least `least`, and `times` times
    the largest of theirs (which name a bare name stands for)."""
    return count >= max(least, times * max(rivals, default=0))


def full_name(key: str) -> bool:
    """A folded name of two or three words opening with a given name that is no
    ordinary word: someone's full name (`donald trump`, `george w bush`; not
    `a chrysler`, `smith barney`, `mark iv`)."""
    parts = key.split()
    return 2 <= len(parts) <= 3 and lone_given_name(parts[0])


def ordinary_word(key: str) -> bool:
    """A folded name of one word that news also writes in lowercase (`cable`, `justice`)."""
    return key in lexicon().lowercase_words


def known_place_or_organisation(key: str) -> bool:
    """Whether a folded name is a place or an organisation the word lists know."""
    return key in _known_places_and_organisations()


@lru_cache(maxsize=1)
def _known_places_and_organisations() -> frozenset[str]:
    words = lexicon()
    return frozenset(map(name_key, [*words.places, *words.organisations]))


@lru_cache(maxsize=1)
def _given_name_sexes() -> dict[str, str]:
    """Folded given name → `m`, `f` or `?` (either)."""
    sexes: dict[str, str] = {}
    for name, sex in lexicon().given_names.items():
        key = name_key(name)
        sexes[key] = sex if sexes.get(key, sex) == sex else "?"
    return sexes


_SOUNDEX_CODES = {
    **dict.fromkeys("bfpv", "1"),
    **dict.fromkeys("cgjkqsxz", "2"),
    **dict.fromkeys("dt", "3"),
    "l": "4",
    **dict.fromkeys("mn", "5"),
    "r": "6",
}


@lru_cache(maxsize=4096)
def soundex(word: str) -> str:
    """American Soundex of a folded word: its first letter and the codes of the next
    three consonant sounds (`robert` and `rupert` are R163)."""
    letters = [char for char in word if char.isalpha()]
    if not letters:
        return ""
    code, last = letters[0].upper(), _SOUNDEX_CODES.get(letters[0], "")
    for char in letters[1:]:
        digit = _SOUNDEX_CODES.get(char, "")
        if digit and digit != last:
            code += digit
            if len(code) == 4:
                break
        if char not in "hw":  # h and w do not part two consonants of one code
            last = digit
    return code.ljust(4, "0")


def canonical_name(aliases: list[tuple[str, int]]) -> str:
    """The most complete of the frequent forms: among aliases with at least a fifth
    of the top count, or that complete the top form and are used now and then
    (`Ronald Reagan` beside a far more frequent `Reagan`), the one with most words
    (an initial is no word: `Donald Trump` rather than `Donald J. Trump`), then the
    most used; on a tie, a form with no word known as a place (`Dmitry Peskov`, not
    one outlet's `Dmitry Pskov`), never the order of import alone.

    Once is enough for a first name before a surname (`Zoltan Boesze` beside ten
    `Boesze`: news names a person in full once, then by the surname alone)."""
    top_alias, top = max(aliases, key=lambda item: item[1])
    frequent = [
        (alias, count)
        for alias, count in aliases
        if count * 5 >= top
        or (
            alias.endswith(" " + top_alias)
            and count * 50 >= top
            and (count >= 2 or _a_first_name_before(alias, top_alias))
        )
    ]
    places = lexicon().places

    def evidence(item: tuple[str, int]) -> tuple[int, int, int, str]:
        alias, count = item
        words = alias.replace(".", " ").split()
        complete = sum(1 for word in words if len(word) > 1)
        placed = sum(1 for word in words if word in places)
        return complete, count, -placed, alias

    return max(frequent, key=evidence)[0]


def _a_first_name_before(alias: str, surname: str) -> bool:
    """Whether `alias` is a first name and the one word `surname`: a word spelt as names
    are (`Zoltan`, not `GABE`, `Dallas-based` or `A`), known as a given name or neither
    an ordinary word nor a place (not `Imperial Continental`, `Stratford Conn`)."""
    first = alias[: -len(surname) - 1]
    if " " in surname or not (len(first) > 1 and first.isalpha() and first.istitle()):
        return False
    words = lexicon()
    if first in words.given_names:
        return True
    return first.lower() not in words.common_words and first not in words.places
