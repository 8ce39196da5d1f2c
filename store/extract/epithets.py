"""Who a role that names no one stands for: `“We need change,” the New York businessman
said` after a sentence about Trump is Trump's. (A role that shares a title with someone
the article names, `the Russian leader`, is theirs first: `ArticleNames.role_holder`.)"""

from __future__ import annotations

from typing import Protocol

from store.extract.entities import Mention, People
from store.extract.lexicon import lexicon

# Roles that stand for people the article does not name, most of the time.
_ANONYMOUS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "official", "aide", "source", "officer",
     "adviser", "advisor", "staffer", "insider", "witness", "suspect", "victim"}
)  # fmt: skip
_COURTESY = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady"})
_SPELT_OUT = {
    "rep.": {"rep", "representative", "congressman", "congresswoman", "lawmaker"},
    "sen.": {"sen", "senator", "lawmaker"},
    "gov.": {"gov", "governor"},
    "gen.": {"gen", "general"},
    "prof.": {"prof", "professor"},
}
_PREPOSITIONS = frozenset({"of", "for", "to", "with", "from", "by", "about", "against"})


class Names(Protocol):
    """What is read of the article (`speakers.ArticleNames` has it)."""

    text: str
    people: People

    def sentence_start(self, position: int) -> int: ...
    def mentions_in(self, start: int, end: int) -> list[Mention]: ...
    def inside_quote(self, position: int) -> bool: ...


def epithet_holder(names: Names, start: int, words: list[str]) -> str | None:
    """The person `the <…> <title>` at `start` stands for: the first person named in its
    sentence before it, else in the sentence before, unless the article gives them
    other titles only."""
    if len(words) < 2 or words[0].lower() != "the":
        return None
    head = words[-1].lower().strip(",.’'")
    if head not in lexicon().titles or head in _ANONYMOUS:
        return None
    sentence = names.sentence_start(start)
    person = _first_person(names, sentence, start)
    if person is None and sentence > 0:
        person = _first_person(names, names.sentence_start(sentence - 1), sentence)
    # Someone the article gives other titles only (`Home Secretary Charles Clarke`) is no
    # `Lib Dem leader`.
    known = _titles(names.people.roles.get(person, set())) if person else set()
    wanted = {word.lower().strip(",.’'") for word in words[1:]}
    return person if not known or known & wanted else None


def _titles(roles: set[str]) -> set[str]:
    """The words of a person's titles, abbreviations spelt out (`Rep.` is a
    congressman), courtesy titles (`Mr`, `Dr`) left out: they say no role."""
    words: set[str] = set()
    for role in roles:
        if role.rstrip(".") not in _COURTESY:
            words |= _SPELT_OUT.get(role, {role})
    return words


def _first_person(names: Names, start: int, end: int) -> str | None:
    """The first person named in `text[start:end]` (outside quotation marks), if named as
    one who acts: not a possessive (`Janet Jackson's performance`), not after a
    preposition."""
    text = names.text
    people = [
        m for m in names.mentions_in(start, end)
        if m.kind == "person" and not names.inside_quote(m.start)
    ]  # fmt: skip
    if not people:
        return None
    first = people[0]
    before = text[max(0, first.start - 6) : first.start].split()
    possessive = text.startswith(("'s", "’s"), first.end) or (
        text[first.end : first.end + 1] in ("'", "’") and text[first.end - 1] == "s"
    )
    if possessive or (before and before[-1].lower() in _PREPOSITIONS):
        return None
    return first.name
