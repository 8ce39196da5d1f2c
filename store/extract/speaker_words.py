"""What single words say of a phrase naming a speaker: a pronoun, a determiner that
opens a role (`the senator`), a people in the plural (`Mexicans`), a word that names no
one (`Friday`), an auxiliary or adverb between a subject and its verb (`has also`)."""

from __future__ import annotations

import re

from store.extract.lexicon import lexicon
from store.extract.name_words import CONTRACTION, FUNCTION_WORDS, WEEKDAYS

# Courtesy titles, which say no one's office.
COURTESY = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady"})

GENDERED_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
GROUP_PRONOUNS = {"they", "it", "we", "i", "you", "who", "which"}
DETERMINERS = {"a", "an", "the", "one", "another", "some", "two", "three", "several",
               "my", "his", "her", "their", "our", "its", "your"}  # fmt: skip
QUANTIFIERS = DETERMINERS | {"many", "most", "other", "few", "all"}
# What may stand between a subject and its cue verb, word by word: `has`, `also`, `later`.
_LINKING = re.compile(
    r"^(?:\s|,|\d+|has|have|had|also|often|later|then|again|once|further|previously|earlier|"
    r"recently|repeatedly|simply|only|just|would|will|could|might|may|did|does|is|was|\w+ly)*$"
)


def a_people(word: str) -> bool:
    """A nationality or group in the plural: `Mexicans`, `Republicans` (no one's name)."""
    return word.endswith("s") and word[:-1] in lexicon().demonyms


def names_no_one(word: str) -> bool:
    """A capitalised word that is no one's name: a day (`on Friday said`; not a month:
    `May said`), a function word or a contraction (`That`, `I’ve`), a word that alone
    names no entity."""
    return (
        word in WEEKDAYS
        or word.lower() in FUNCTION_WORDS
        or CONTRACTION.search(word) is not None
        or word in lexicon().not_names
    )


def may_name_someone(name: str) -> bool:
    """Whether a speaker's name the article gives nowhere else may still be someone's
    (`Souness`, `Elizabeth France`): capitalised words and initials, no punctuation
    between them, not opened by a word that names no one (`But Ms`, `Overall, B&B`,
    `Wilmington, North Carolina. Many`), not one common word or a people alone
    (`Another`, `Police`, `Austrian`)."""
    words = name.split()
    if not words or _NOT_A_NAME.search(name) or not all(word[0].isupper() for word in words):
        return False
    if names_no_one(words[0]):
        return False
    alone, known = words[0], lexicon()
    return len(words) > 1 or not (
        alone.lower() in known.common_words
        or alone in known.demonyms
        or alone.lower().rstrip(".") in known.titles
    )


# Punctuation no name holds, and a full stop after a word longer than an initial or
# an abbreviation (`Carolina. Many`).
_NOT_A_NAME = re.compile(r"[,;:!?()\[\]\"“”]|\w{4,}\.\s")


def opens_role(word: str) -> bool:
    """A word that opens a role: a determiner or a possessive (`Obama's strategist`)."""
    return word.lower() in DETERMINERS or word.endswith(("'s", "’s"))


def head_word(words: list[re.Match[str]]) -> int:
    """The index of the last of `words` before a cue verb that is no auxiliary or adverb
    (`has`, `also`, `later`): where its subject ends (-1 if none)."""
    index = len(words) - 1
    while index >= 0 and _linking(words, index):
        index -= 1
    return index


def _linking(words: list[re.Match[str]], index: int) -> bool:
    """Whether `words[index]` is an auxiliary or an adverb. A word in -ly with a capital
    is a name (`Megyn Kelly said`), and after a determiner a noun (`the ally said`)."""
    word = words[index].group()
    if not _LINKING.match(word.lower()):
        return False
    if word.endswith("ly"):
        noun = index > 0 and words[index - 1].group().lower() in DETERMINERS
        return not (word[0].isupper() or noun)
    return True


# A role or an affiliation after a name, in a phrase: the name modifies the
# noun that heads the phrase (`a Clinton aide`, `Clinton spokesman Brian Fallon`, `said
# Villa boss David O'Leary`); not an adverb (`said Gardener afterwards`).
_NOUN_AFTER = re.compile(r"[ \u00a0]+([a-z][a-z-]+)")
_AFFILIATIONS = {"supporter", "ally", "allies", "aide", "campaign", "camp", "operation",
                 "administration", "statement", "report", "team", "staffer", "operative",
                 "source", "insider", "loyalist", "surrogate", "backer", "boss", "pollster",
                 "spokesperson", "voter", "fan", "family", "people", "official", "owner",
                 "donor", "veteran", "star", "frontman", "drummer", "guitarist", "winger",
                 "keeper"}  # fmt: skip


def modifies_a_role(text: str, name_end: int, end: int) -> bool:
    """Whether a name ending at `name_end`, in a phrase ending at `end`, only modifies the
    role after it: `a Clinton aide` is no Clinton."""
    after = _NOUN_AFTER.match(text, name_end, end)
    if after is None:
        return False
    return a_role(after[1])


def a_role(word: str) -> bool:
    """Whether a lowercase word is a role or an affiliation: a title (`spokesman`), or
    what makes one of a name before it (`aide`, `supporter`, `frontman`)."""
    singular = word[:-1] if word.endswith("s") else word
    roles = lexicon().titles
    return bool({word, singular} & _AFFILIATIONS) or word in roles or singular in roles


# Nouns for a people's man or woman that no demonym makes with `-man` (`Frenchman` is
# `French` + `man`): `the Kiwi said`, `the Spaniard added`.
_NATIONALS = {"kiwi", "aussie", "spaniard", "scot", "dane", "swede", "finn", "pole", "brit",
              "yank", "turk", "pom", "briton", "argentine", "brazilian", "portuguese",
              "swiss"}  # fmt: skip


def a_national(word: str) -> str | None:
    """Whether a capitalised word is a man or woman of some people (`Dutchman`,
    `Frenchwoman`, `Kiwi`, `Brazilian`): their gender (`m`, `f`, `?`), else None."""
    lower = word.lower()
    if lower in _NATIONALS:
        return "?"
    for ending, gender in (("man", "m"), ("woman", "f")):
        stem = word[: -len(ending)]
        if lower.endswith(ending) and stem and stem in lexicon().demonyms:
            return gender
    return None
