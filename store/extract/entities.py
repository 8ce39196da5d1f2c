"""Finding the people, organisations and places an article names, with exact offsets.

Plain rules over capitalised spans, checked against word lists (see
`lexicon`): titles and roles mark people, cue words mark organisations, a
gazetteer marks places. Within the article a surname, or a title and a
surname, links to the full name used anywhere in it.

Moscow and Washington are always places; the Kremlin and the White House are
always organisations (whoever speaks for them).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import compress

from store.extract.candidates import Candidate, find_candidates
from store.extract.lexicon import Lexicon, generational, lexicon
from store.extract.name_context import a_player, in_a_line_up, state_of, town_of
from store.extract.name_model import type_names
from store.extract.name_rules import PEER_STYLES, STYLES, classify
from store.extract.organisation_names import organisation_names
from store.extract.tokens import Token, Tokens, proper, tokenize


@dataclass(frozen=True)
class Mention:
    """A name in the text: `text[start:end]`, its kind, and the article's name for it."""

    start: int
    end: int
    text: str
    kind: str
    name: str


@dataclass(frozen=True)
class People:
    """The people of one article, by the article's name for them."""

    genders: dict[str, str]
    """Name → `m`, `f` or `?`."""
    roles: dict[str, set[str]] = field(default_factory=dict)
    """Name → the lowercased title and role words used before it ("president", "russian")."""


def extract_entities(text: str) -> tuple[list[Mention], People]:
    """The mentions of people, organisations and places in `text`, in order."""
    mentions, people, _ = entities_and_tokens(text)
    return mentions, people


def entities_and_tokens(text: str) -> tuple[list[Mention], People, Tokens]:
    """`extract_entities`, and the text's tokens (quote attribution reads them too)."""
    words = lexicon()
    tokens, candidates = classified_candidates(text)
    type_names(candidates, tokens, words)
    return (*_link(text, candidates, words), tokens)


def classified_candidates(text: str) -> tuple[Tokens, list[Candidate]]:
    """The article's tokens and its candidate names as the rules type them (the
    typing model's input, for training)."""
    words = lexicon()
    tokens = tokenize(text)
    # Words the body capitalises mid-sentence: in headlines only these (and
    # words the lists know) can be names.
    # Only the capitalised tokens are looked at (picked in C): most tokens are not.
    texts, headlines, opens = tokens.words, tokens.headlines, tokens.opens_sentence
    body_names = {
        texts[index]
        for index in compress(range(len(texts)), tokens.capitals)
        if not headlines[index] and not opens(index)
    }
    return tokens, [classify(c, words) for c in find_candidates(tokens, words, body_names)]


def _link(text: str, candidates: list[Candidate], words: Lexicon) -> tuple[list[Mention], People]:
    """Give each mention the article's name for it: surnames and first names link to
    the full name used anywhere in the article."""
    genders: dict[str, str] = {}
    uses: Counter[str] = Counter()
    alone: Counter[str] = Counter()
    alone_before: dict[str, int] = {}
    named_after = _surnames_of_people(candidates, words)
    for candidate in candidates:
        if candidate.kind == "person" and (
            _not_personal(candidate.name_tokens, words)
            or _named_after(candidate.name_tokens, named_after, words)
        ):
            candidate.kind = None  # "Labour Britain", "Trump Tower": no one's name
        full = len(candidate.name_tokens) >= 2 + _suffixed(candidate.name_tokens)
        styled = _styled_name(candidate)
        if candidate.kind == "person" and (full or styled):
            name = styled or " ".join(candidate.name_tokens)
            genders[name] = _merge_gender(genders.get(name, "?"), candidate.gender)
            uses[name] += 1
            # How often its surname stood alone before the name first did.
            alone_before.setdefault(name, alone[candidate.name_tokens[-1]])
        elif len(candidate.name_tokens) == 1:
            alone[candidate.name_tokens[0]] += 1
    full_names, surnames = _full_names(uses, alone_before, words)
    organisations = organisation_names(candidates, named_after, words)
    mentions: list[Mention] = []
    roles: dict[str, set[str]] = {}
    titled: dict[str, str] = {}  # the genders the article's titles give
    for candidate in candidates:
        for token in candidate.places_before:
            place = proper(token)
            mentions.append(
                Mention(token.start, token.end, token.text, "place", words.places[place])
            )
        if not candidate.tokens:
            person = _person_of_demonym(text, candidate.demonym, full_names, words)
            if person is not None:
                mentions.append(person)
            continue
        name = " ".join(candidate.name_tokens)
        suffixed = _suffixed(candidate.name_tokens)
        kind = candidate.kind
        start, end = candidate.start, candidate.end
        styled = _styled_name(candidate)
        if styled is not None:
            # `Prince Charles` is no `Charles` of the article; `Lord Falconer` is its
            # `Charles Falconer`, if it names one.
            known = full_names.get(name, styled)
            peer = candidate.style[0].text.lower() in PEER_STYLES
            # A royal is the article's one of that given name only where no surname
            # follows it (`Prince Alwaleed` is Alwaleed bin Talal; `Prince Charles` no
            # Charles Kennedy).
            given = known.split()[0] == name and known.split()[-1] not in words.surnames
            name = known if peer or given else styled
            if name == styled:
                start = candidate.style[0].start
            mentions.append(Mention(start, end, text[start:end], "person", name))
            genders[name] = _merge_gender(genders.get(name, "?"), candidate.gender)
            roles.setdefault(name, set()).update((candidate.title or "").lower().split())
            continue
        # A lone name is the article's person who has it; the article's Jordan is
        # Neil Jordan, not the country, once it names him.
        lone = len(candidate.name_tokens) == 1 or suffixed
        if suffixed:
            name = name.rstrip(".")  # as full_names has it
        lone = lone and name in full_names
        if _epithet(candidate.name_tokens, full_names, words):
            # "Crooked Hillary" where the article names Hillary Clinton: an alias of hers.
            lone, name = True, candidate.name_tokens[-1]
        if lone and (
            kind in (None, "person", "org") or (kind == "place" and (name in surnames or suffixed))
        ):
            kind, name = "person", full_names[name]
            if candidate.title is not None and candidate.gender != "?" and not suffixed:
                # `Mrs. Clinton` beside Bill and Hillary Clinton: the one of her gender.
                bearer = _bearer_of(
                    candidate.name_tokens[0], candidate.gender, uses, genders, words
                )
                name = bearer or name
        elif suffixed:
            name = " ".join(candidate.name_tokens)
        elif _a_title_alone(candidate, words):
            kind = None  # `the Chancellor`, `the Queen`: an office, no one's name
        elif a_player(text, candidate, kind, words) and in_a_line_up(text, candidate):
            # `Subs: Howard, Giggs`: Tim Howard, no Michael Howard of elsewhere.
            kind = None
        elif kind == "person" and (town := town_of(text, candidate)):
            kind, name = "place", town
        elif state := state_of(text, candidate):
            kind, name = "place", state  # the `Ga.` of `Dalton, Ga.`: no one
        elif kind == "person" and _ordinary_first_name(candidate, words):
            kind = None  # "a hybrid Bill", "Mark" where no Bill or Mark is named in full
        if kind is None:
            continue
        if kind == "place":
            name = words.places.get(name, name)
        elif kind == "org":
            name = organisations.get(name, name)
        if kind == "person":
            # A surname alone says nothing of a gender, though it is a given name too
            # (`Brady` for Karen Brady, `Clinton` for Sen. Hillary Clinton); a title does
            # (`Mr Brady`).
            surname = lone and name.split()[0] != candidate.name_tokens[0]
            if not (surname and candidate.title is None):
                genders[name] = _merge_gender(genders.get(name, "?"), candidate.gender)
            if candidate.title:
                roles.setdefault(name, set()).update(candidate.title.lower().split())
                titled[name] = _merge_gender(titled.get(name, "?"), candidate.gender)
        mentions.append(Mention(start, end, text[start:end], kind, name))
    mentions.sort(key=lambda mention: mention.start)
    for name, gender in genders.items():
        if titled.get(name, "?") != "?":
            # The article's `Mr Mittal` says more than the lists' Lakshmi.
            genders[name] = titled[name]
        elif gender == "?":
            genders[name] = words.name_genders.get(name.split()[0], "?")
    return mentions, People(genders, roles)


# What follows a demonym that is a person's surname (`Cuban said`, `Cuban, 58, told`,
# `Cuban’s`), not a demonym before its noun (`Cuban officials`, `English language`).
_AFTER_SURNAME = re.compile(
    r"[’']s\b|\s*[,.;:!?)]|\s+(?:[a-z]+ed|[a-z]+ly|said|says|told|tells|has|had|have|is|was|"
    r"will|would|also|went|gave|wrote|added|did|does)\b"
)


def _person_of_demonym(
    text: str, demonym: Token | None, full_names: dict[str, str], words: Lexicon
) -> Mention | None:
    """The person a demonym standing alone names: `Cuban said` where the article names
    Mark Cuban (a given name and the demonym; not `Capitol Hill Republicans`)."""
    if demonym is None or not _AFTER_SURNAME.match(text, demonym.end):
        return None
    name = full_names.get(demonym.text)
    parts = name.split() if name else []
    if len(parts) != 2 or parts[1] != demonym.text:
        return None
    if parts[0] not in words.given_names or parts[0] in words.places:  # `London Irish`
        return None
    return Mention(demonym.start, demonym.end, demonym.text, "person", " ".join(parts))


def _not_personal(names: list[str], words: Lexicon) -> bool:
    """A name of several words that opens with an organisation or ends with a country or
    a continent ("AOL Europe")."""
    return len(names) >= 2 and (
        names[0] in words.organisations
        or words.place_kinds.get(names[-1]) in ("country", "continent")
    )


def _full_names(
    uses: Counter[str], alone_before: dict[str, int], words: Lexicon
) -> tuple[dict[str, str], set[str]]:
    """What a lone surname or first name stands for in the article, and the surnames.

    A lone surname stands for the full name that has it; when several do, the one
    opening with a known given name, then the most used. A first word does when it is
    a given name, or no word known as a surname or an organisation's (`Megyn Kelly`,
    `Xi Jinping`; not `Trump Tower`). A name used once that opens with no given name,
    whose surname the article used alone five times before it, is a misreading
    ("called her Miss Piggy Trump went…") and stands for no one else (news names a
    person in full first).
    """
    full_names: dict[str, str] = {}
    surnames: set[str] = set()

    def given_first(name: str) -> bool:
        first = name.split()[0]
        return first in words.given_names and first.lower() not in STYLES

    ranked = sorted(uses, key=lambda n: (given_first(n), uses[n]), reverse=True)
    for name in ranked:
        parts = name.split()
        if parts[0].lower() in STYLES:
            full_names.setdefault(parts[-1], name)  # `Charles` after `Prince Charles`
            continue
        if _suffixed(parts):
            # "Donald Trump Jr.": "Trump Jr." and "Donald Jr" are he; "Trump" or
            # "Donald" alone may be his father.
            suffix = parts[-1].rstrip(".")
            for part in (parts[-2], parts[0]):
                full_names.setdefault(f"{part} {suffix}", name)
            continue
        given = parts[0] in words.given_names
        if not given and uses[name] == 1 and alone_before[name] >= 5:
            continue
        surnames.add(parts[-1])
        full_names.setdefault(parts[-1], name)
        if given or not (
            parts[0] in words.surnames
            or parts[0] in words.org_cues
            or parts[0] in words.organisations
        ):
            full_names.setdefault(parts[0], name)
    return full_names, surnames


def _styled_name(candidate: Candidate) -> str | None:
    """A person's name of one word with the style before it (`Prince Charles`, `Lord
    Falconer`): the article's name for them; None for other names."""
    if candidate.kind != "person" or not candidate.style or len(candidate.name_tokens) != 1:
        return None
    return " ".join([*map(proper, candidate.style), candidate.name_tokens[0]])


def _a_title_alone(candidate: Candidate, words: Lexicon) -> bool:
    """One word that is a title, with nothing after it (`the Chancellor said`)."""
    names = candidate.name_tokens
    return len(names) == 1 and candidate.title is None and names[0].lower() in words.titles


def _suffixed(names: list[str]) -> bool:
    """A name ending with a generational suffix after its surname (`Trump Jr.`)."""
    # Most names asked about are one word: no call for them (this runs per candidate).
    return len(names) >= 2 and generational(names, lexicon().given_names)


def _ordinary_first_name(candidate: Candidate, words: Lexicon) -> bool:
    """A given name alone that is an ordinary word too (`Bill`, `Mark`), with no title,
    outside a results table."""
    names = candidate.name_tokens
    return (
        len(names) == 1
        and candidate.title is None
        and not candidate.tokens[0].table
        and names[0] in words.given_names
        and names[0].lower() in words.lowercase_words
    )


def _named_after(names: list[str], surnames: set[str], words: Lexicon) -> bool:
    """A name that opens with the surname of one of the article's people, which is no
    given name or ends with a common word: "Trump Tower", "Clinton Global Initiative"
    (not "Carter Page" beside Jimmy Carter)."""
    return (
        len(names) >= 2
        and names[0] in surnames
        and (
            names[0] not in words.given_names
            or (len(names) >= 3 and names[-1].lower() in words.common_words)
        )
    )


def _surnames_of_people(candidates: list[Candidate], words: Lexicon) -> set[str]:
    """The surnames of the article's people named in full (a given name first): a name
    that opens with one of them is named after that person ("Trump Tower")."""
    return {
        candidate.name_tokens[-1]
        for candidate in candidates
        if candidate.kind == "person"
        and len(candidate.name_tokens) >= 2
        and candidate.name_tokens[0] in words.given_names
    }


def _epithet(names: list[str], full_names: dict[str, str], words: Lexicon) -> bool:
    """An ordinary word before the first name of one of the article's people."""
    if len(names) != 2 or names[1] not in full_names:
        return False
    word = names[0].lower()
    first_name = full_names[names[1]].split()[0] == names[1]
    return first_name and word in words.lowercase_words and word not in words.titles


def _bearer_of(
    surname: str, gender: str, uses: Counter[str], genders: dict[str, str], words: Lexicon
) -> str | None:
    """The one full name of the article's several with this surname whose bearer is of
    `gender` (by titles, else by the given name), if there is one."""
    bearers = [name for name in uses if name.split()[-1] == surname]
    if len(bearers) < 2:
        return None

    def gender_of(name: str) -> str:
        known = genders.get(name, "?")
        return known if known != "?" else words.name_genders.get(name.split()[0], "?")

    fitting = [name for name in bearers if gender_of(name) == gender]
    return fitting[0] if len(fitting) == 1 else None


def _merge_gender(known: str, new: str) -> str:
    return new if known == "?" else known
