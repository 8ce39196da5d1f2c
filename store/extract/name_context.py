"""What the text around a lone name says of it: a player in a team's line-up, a town
before its US state."""

from __future__ import annotations

import re

from store.extract.candidates import Candidate
from store.extract.lexicon import Lexicon, lexicon

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


def a_player(text: str, candidate: Candidate, kind: str | None, words: Lexicon) -> bool:
    """Whether a name in a line-up is a player's: a person's, or a surname taken for a
    place or a team (`Brown`, which the corpus may know as Gordon Brown's); not a team
    (`Biarritz`, `Wasps`), nor a club in brackets after a player (`Julien Bonnaire
    (Bourgoin)`; a substitute has his minute: `(MacFarlane 64)`)."""
    if _CLUB.match(text, candidate.end) and text[candidate.start - 1 : candidate.start] == "(":
        return False
    if kind == "person":
        return True
    name = candidate.name_tokens[0]
    return kind is not None and name in words.surnames and name not in words.places


# What closes a club's name in brackets: the bracket, or a comma before more (`capt`).
_CLUB = re.compile(r"\)|,")


def in_a_line_up(text: str, candidate: Candidate) -> bool:
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


def town_of(text: str, candidate: Candidate) -> str | None:
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


def state_of(text: str, candidate: Candidate) -> str | None:
    """The US state an abbreviation after a town and a comma names (`Dalton, Ga.` is
    Georgia), or None."""
    if len(candidate.tokens) != 1:
        return None
    short = candidate.tokens[0].text.rstrip(".")
    state = _STATE_ABBREVIATIONS.get(short)
    if state is None or not text.startswith(".", candidate.tokens[0].start + len(short)):
        return None
    before = text[max(0, candidate.start - 40) : candidate.start]
    return state if _AFTER_A_TOWN.search(before) else None


# A capitalised word and a comma, as a state's abbreviation follows a town's name.
_AFTER_A_TOWN = re.compile(r"[A-Z][\w'’-]*,\s+$")
