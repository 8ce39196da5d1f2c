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
from itertools import compress, pairwise

from store.extract.candidates import Candidate, find_candidates
from store.extract.lexicon import Lexicon, generational, lexicon
from store.extract.name_model import type_names
from store.extract.name_rules import PEER_STYLES, STYLES, classify
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
    organisations = _organisation_names(candidates, named_after, words)
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
        elif _a_player(kind, name, words) and _in_a_line_up(text, candidate):
            # `Subs: Howard, Giggs`: Tim Howard, no Michael Howard of elsewhere.
            kind = None
        elif kind == "person" and (town := _town(text, candidate)):
            kind, name = "place", town
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


# A paragraph of names only, with substitutes, minutes or captains in brackets: a team's
# line-up (`Gordon, Webster, Simmons (MacFarlane 64), Berra.`, `Subs: Howard, Giggs, Smith`).
_LISTED = r"(?:[A-Z]\.?\s)?[A-Z][\w'’.-]*(?:\s(?:[A-Z][\w'’.-]*|de|van|da|di|le)){0,3}"
_LISTED += r"(?:\s*\([^()\n]*\))?(?:\s+\d+)?"
_LINE_UP = re.compile(
    # Three names or more, or two after a label (`Subs Not Used: Howard, Bellion.`).
    rf"(?:[A-Z][\w ]{{0,30}}:\s*{_LISTED}(?:\s*[,;]\s*{_LISTED})+"
    rf"|[:\s]*{_LISTED}(?:\s*[,;]\s*{_LISTED}){{2,}})\s*\.?\s*"
)


# Where a sentence ends: a stop (and a closing quotation mark) before a space, or a line's
# end; searched backwards in the reversed text before a name, forwards after it.
_SENTENCE_END = re.compile(r"\n|\s[\"”’']?[.!?]")
_SENTENCE_END_AFTER = re.compile(r"[.!?][\"”’']?(?=\s)|(?=\n)")


def _a_player(kind: str | None, name: str, words: Lexicon) -> bool:
    """Whether a name in a line-up is a player's: a person's, or a surname taken for a
    place or a team (`Brown`, which the corpus may know as Gordon Brown's); not a team
    (`Biarritz`, `Wasps`)."""
    if kind == "person":
        return True
    return kind is not None and name in words.surnames and name not in words.places


def _in_a_line_up(text: str, candidate: Candidate) -> bool:
    """A name of one word in a line-up, whose lone surnames the article names no one by
    in full: no one the corpus knows elsewhere."""
    if len(candidate.name_tokens) != 1 or candidate.title is not None:
        return False
    # Its sentence, which a line-up may share a paragraph with (`… a fabulous player."
    # Everton: Martyn, Hibbert, Yobo.`).
    opening = _SENTENCE_END.search(text[max(0, candidate.start - 300) : candidate.start][::-1])
    start = (
        candidate.start - opening.start() if opening else text.rfind("\n", 0, candidate.start) + 1
    )
    end = _SENTENCE_END_AFTER.search(text, candidate.end)
    return _LINE_UP.fullmatch(text, start, end.end() if end else len(text)) is not None


# A US state after a comma, as it follows a town's name (`Ferguson, Missouri`, `Ferguson,
# Mo.`); not before a possessive or a word run on (`Perry, Texas's governor`).
_STATE_ABBREVIATIONS = {
    "Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California",
    "Colo": "Colorado", "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida",
    "Ga": "Georgia", "Ill": "Illinois", "Ind": "Indiana", "Kan": "Kansas", "Ky": "Kentucky",
    "La": "Louisiana", "Md": "Maryland", "Mass": "Massachusetts", "Mich": "Michigan",
    "Minn": "Minnesota", "Miss": "Mississippi", "Mo": "Missouri", "Mont": "Montana",
    "Neb": "Nebraska", "Nev": "Nevada", "Okla": "Oklahoma", "Ore": "Oregon",
    "Pa": "Pennsylvania", "Tenn": "Tennessee", "Tex": "Texas", "Vt": "Vermont",
    "Va": "Virginia", "Wash": "Washington", "Wis": "Wisconsin", "Wyo": "Wyoming",
    "N.C": "North Carolina", "N.D": "North Dakota", "N.H": "New Hampshire",
    "N.J": "New Jersey", "N.M": "New Mexico", "N.Y": "New York", "S.C": "South Carolina",
    "S.D": "South Dakota", "R.I": "Rhode Island", "W.Va": "West Virginia",
}  # fmt: skip
_STATES = frozenset(_STATE_ABBREVIATIONS.values())
_STATE_AFTER = re.compile(
    r",\s+(?:(?P<abbreviation>"
    + "|".join(re.escape(short) for short in sorted(_STATE_ABBREVIATIONS, key=len, reverse=True))
    + r")\.|(?P<state>(?:New |North |South |West |Rhode )?[A-Z][a-z]+)(?![\w’'-]))"
)


def _town(text: str, candidate: Candidate) -> str | None:
    """The town a lone name with no title followed by a comma and a US state names, with
    its state (`Ferguson, Missouri`: no Alex Ferguson), or None."""
    if len(candidate.name_tokens) != 1 or candidate.title is not None:
        return None
    found = _STATE_AFTER.match(text, candidate.end)
    if found is None:
        return None
    state = found["state"] or _STATE_ABBREVIATIONS[found["abbreviation"]]
    if lexicon().place_kinds.get(state) != "state" and state not in _STATES:
        return None  # (the gazetteer's Georgia is the country)
    return f"{candidate.name_tokens[0]}, {state}"


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


def _organisation_names(
    candidates: list[Candidate], people: set[str], words: Lexicon
) -> dict[str, str]:
    """The article's name for each organisation name: the listed name for another name
    of it (`ISIS` → `Islamic State`); the full name for an abbreviation it defines, whose
    letters are its initials (`the Public Service Association (PSA)`); and the full
    name for its first word alone (`Fox` → `Fox News`), when one name of the article's
    opens with it (see `_first_word_of`) and no person of the article's has it as a
    surname (`Obama` is not the `Obama Administration`)."""
    names = dict(words.organisations)
    longer: dict[str, set[str]] = {}
    for candidate, following in pairwise([*candidates, None]):
        if candidate is None or candidate.kind != "org" or len(candidate.name_tokens) < 2:
            continue
        name = " ".join(candidate.name_tokens)
        longer.setdefault(candidate.name_tokens[0], set()).add(name)
        if (
            following is not None
            and candidate.after == "("
            and following.before == "("
            and following.after == ")"
            and following.tokens
            and following.tokens[0].index == candidate.tokens[-1].index + 2
            and len(following.name_tokens) == 1
            and following.name_tokens[0] == _initials(candidate.name_tokens)
        ):
            names[following.name_tokens[0]] = names.get(name, name)
    # An abbreviation the article does not define stands for the one name of the
    # article's whose initials it is (`SEC` for the Securities and Exchange Commission).
    by_initials: dict[str, set[str]] = {}
    for long_name in set().union(*longer.values()):
        by_initials.setdefault(_initials(long_name.split()), set()).add(long_name)
    for candidate in candidates:
        short = candidate.name_tokens[0] if len(candidate.name_tokens) == 1 else ""
        found = by_initials.get(short, set()) if short.isupper() and len(short) >= 3 else set()
        if candidate.kind == "org" and short not in names and len(found) == 1:
            (long_name,) = found
            names[short] = names.get(long_name, long_name)
    for first, full in longer.items():
        if (
            len(full) == 1
            and first not in people
            and _first_word_of(first, next(iter(full)), words)
        ):
            (name,) = full
            names[first] = names.get(name, name)
    return names


def _initials(names: list[str]) -> str:
    """The capitals opening a name's words (`Islamic State of Iraq and the Levant` →
    `ISIL`)."""
    return "".join(word[0] for word in names if word[:1].isupper())


def _first_word_of(first: str, name: str, words: Lexicon) -> bool:
    """Whether an organisation's first word alone stands for its whole name: not an
    abbreviation, a place, an organisation word or an ordinary one (`Senate`, `House`
    are bodies of their own), nor one the lists know unless they know the whole name
    too (`Fox` → `Fox News`, not `Google` → `Google Plus`); and the name holds no title
    (`Senate Majority Leader`)."""
    known = first not in words.organisations or name in words.organisations
    plain = not (
        first.isupper()
        or first in words.places
        or first in words.org_cues
        or first.lower() in words.lowercase_words
    )
    untitled = not any(word.lower() in words.titles for word in name.split()[1:])
    return known and plain and untitled


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
    fitting = [
        name
        for name in bearers
        if (
            genders.get(name, "?")
            if genders.get(name, "?") != "?"
            else words.name_genders.get(name.split()[0], "?")
        )
        == gender
    ]
    return fitting[0] if len(fitting) == 1 else None


def _merge_gender(known: str, new: str) -> str:
    return new if known == "?" else known
