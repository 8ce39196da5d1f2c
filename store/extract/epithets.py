"""Who a role stands for: the person who bore its title earlier (`the Russian leader`
after `Russian President Vladimir Putin`), else, for a role that names no one, whom the
sentence is about (`“We need change,” the New York businessman said` after a sentence
about Trump is Trump's)."""

from __future__ import annotations

import re
from bisect import bisect_left

from store.extract.entities import Mention
from store.extract.lexicon import lexicon
from store.extract.pronouns import Names, resolve, subject_before
from store.extract.speaker_words import COURTESY, a_national

# Roles that stand for people the article does not name, most of the time, and roles
# that are someone else's to the person a sentence is about (`Madoff was sentenced …,`
# `the judge said`; `Brady threw three touchdowns`, `the coach said`).
_ANONYMOUS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "official", "aide", "source", "officer",
     "adviser", "advisor", "staffer", "insider", "witness", "suspect", "victim",
     "judge", "prosecutor", "lawyer", "attorney", "coach", "manager", "host", "reporter",
     "correspondent", "mother", "father", "wife", "husband", "son", "daughter", "brother",
     "sister", "widow", "detective", "sheriff", "doctor"}
)  # fmt: skip
# Nouns that, described (`the Waterford man`), stand for the person a sentence is about.
_PEOPLE = frozenset({"man", "woman"})
# An age that stands for a person: `the 30-year-old`.
_AGE = re.compile(r"\d{1,3}-year-old", re.IGNORECASE)
# How a role opens that describes someone the article does not name (`a senior
# official`, `a Republican senator`; `the spokesman` is most often someone named before).
DESCRIBED = frozenset({"a", "an", "one", "another"})
_SPELT_OUT = {
    "rep.": {"rep", "representative", "congressman", "congresswoman", "lawmaker"},
    "sen.": {"sen", "senator", "lawmaker"},
    "gov.": {"gov", "governor"},
    "gen.": {"gen", "general"},
    "prof.": {"prof", "professor"},
}


def role_holder(names: Names, before: int, words: list[str]) -> str | None:
    """The person named before `before` whose titles share most words with the role
    `words` (`the Russian leader` → the Russian president, `the senator` → `Sen.
    Ted Cruz`); the latest named among equals. No one for a role that says it is
    someone else (`a Republican senator`)."""
    if words[0].lower() in DESCRIBED:
        return None
    wanted = {word.lower().strip(",.") for word in words[1:]}
    if wanted & {"leader", "president", "head"}:
        wanted |= {"president", "prime", "leader", "chancellor", "king", "premier"}
    best: tuple[int, int] = (0, -1)
    holder = None
    named_before = bisect_left(names.starts, before)
    for name, roles in names.people.roles.items():
        shared = len(_spelt_out(roles) & wanted)
        named_at = names.named_at.get(name, [])
        latest = bisect_left(named_at, named_before) - 1  # their last mention before
        if shared and latest >= 0 and (shared, named_at[latest]) > best:
            best, holder = (shared, named_at[latest]), name
    return holder


def epithet_holder(names: Names, start: int, words: list[str]) -> str | None:
    """The person `the <…> <title>` at `start` stands for: the subject before it
    (`pronouns.subject_before`), unless the article gives them other titles only. An
    age (`the 30-year-old`, `the 47-year-old director`) stands for the subject before
    too, else for whom the pronoun model ranks first, as for a pronoun of either
    gender."""
    if len(words) < 2 or words[0].lower() != "the":
        return None
    head = words[-1].lower().strip(",.’'")
    aged = any(_AGE.fullmatch(word) for word in words[1:])
    national = a_national(words[-1].strip(",.’'"))  # `the Dutchman`, `the Kiwi`
    described = (head in _PEOPLE and len(words) > 2) or national is not None
    if head in _ANONYMOUS or not (aged or described or head in lexicon().titles):
        return None
    subject = subject_before(names, start)
    person = subject.name if subject else None
    if person is None and (aged or described) and names.pronoun_model is not None:
        gender = {"man": "m", "woman": "f"}.get(head, national or "?")
        person = resolve(names, start, gender, names.pronoun_model)
    # Someone the article gives other titles only (`Home Secretary Charles Clarke`) is no
    # `Lib Dem leader`.
    known = _titles(names.people.roles.get(person, set())) if person else set()
    wanted = {word.lower().strip(",.’'") for word in words[1:]}
    return person if national or not known or known & wanted else None


def _titles(roles: set[str]) -> set[str]:
    """The words of a person's titles, abbreviations spelt out, courtesy titles (`Mr`,
    `Dr`) left out: they say no role."""
    return _spelt_out({role for role in roles if role.rstrip(".") not in COURTESY})


def _spelt_out(roles: set[str]) -> set[str]:
    """Titles with abbreviations spelt out: `Rep.` is a congressman."""
    words: set[str] = set()
    for role in roles:
        words |= _SPELT_OUT.get(role, {role})
    return words


# Nouns that head a phrase standing for an organisation (`the company`, `the Italian
# firm`, `the ministry`); not `group` or `board`, which are as often people (`a group of
# senators`, `the editorial board`).
_ORGANISATION_HEADS = frozenset(
    {"company", "firm", "bank", "ministry", "department", "agency", "council",
     "committee", "commission", "party", "union", "association", "institute", "university",
     "foundation", "embassy", "authority", "organisation", "organization",
     "corporation", "regulator", "insurer", "carrier", "retailer", "airline", "club"}
)  # fmt: skip
# How far back the organisation a role stands for is looked for (characters).
_ORGANISATION_REACH = 400


def organisation_holder(
    text: str, mentions: list[Mention], start: int, words: list[str]
) -> Mention | None:
    """The organisation `the <…> company` at `start` stands for: the latest named before
    it, close by, whose name holds the role's noun (`the ministry` after `the Finance
    Ministry`), else the latest organisation named close by (`Allianz …. The insurer
    said`)."""
    if len(words) > 4 or words[0].lower() != "the":
        return None
    head = words[-1].lower().strip(",.’'")
    if head not in _ORGANISATION_HEADS:
        return None
    index = bisect_left(mentions, start, key=lambda mention: mention.start) - 1
    latest = None
    while index >= 0 and mentions[index].start > start - _ORGANISATION_REACH:
        mention = mentions[index]
        index -= 1
        if mention.kind != "org" or _quoted(text[mention.end : start]):
            continue
        if head in mention.name.lower().split():
            return mention
        latest = latest or mention
    return latest


def _quoted(between: str) -> bool:
    """Whether a name followed by `between` stands inside a quotation that closes there."""
    marks = [mark for mark in between if mark in '“”"']
    return bool(marks) and (marks[0] == "”" or ("“" not in marks and marks.count('"') % 2 == 1))
