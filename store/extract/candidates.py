"""Candidate names: maximal runs of capitalised tokens, cut where capitals say nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from store.extract.lexicon import Lexicon
from store.extract.tokens import NUMBER, POSSESSIVE, Token, proper

MAX_NAME_WORDS = 10

# Abstract nouns are no part of a name, however they are capitalised.
_NOUN_ENDING = re.compile(r"\w{3,}(?:ation|ment|ness|ism|ship)s?$")

# Lowercase words allowed inside a name: particles of people's names, and
# the small words of organisation names (checked to end with a name).
_PARTICLES = {"van", "von", "der", "den", "de", "da", "di", "du", "la", "le", "bin", "ibn", "al",
              "el", "dos", "das", "del", "della", "ter", "ten", "y"}  # fmt: skip
_ORG_JOINERS = {"of", "for", "and", "&", "on", "the", "de"}
CALENDAR = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
            "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr",
            "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}  # fmt: skip
# Organisation words that take a complement: "Bank of England", "University of Texas".
_ORG_HEADS = {"Bank", "Ministry", "Department", "University", "College", "Institute", "School",
              "Museum", "Church", "Council", "Court", "Academy", "Federation", "Association",
              "Union", "League", "Board", "Bureau", "Office", "Commission", "Committee",
              "Chamber", "House", "Party", "Society", "Organisation", "Organization", "Fund",
              "Agency", "Center", "Centre", "Foundation", "Institution", "Queen"}  # fmt: skip


@dataclass
class Candidate:
    """A capitalised span that may name someone or something, and what the rules say of it."""

    tokens: list[Token]
    title: str | None = None
    kind: str | None = None
    rule: str = ""
    """Which rule decided `kind` (a feature of the typing model)."""
    gender: str = "?"
    after: str = ""
    before: str = ""
    name_tokens: list[str] = field(default_factory=list)
    places_before: list[Token] = field(default_factory=list)
    """Places standing before a title ("U.S. President Bill Clinton"): mentions of their own."""

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


def find_candidates(tokens: list[Token], words: Lexicon, body_names: set[str]) -> list[Candidate]:
    """Maximal runs of capitalised tokens (with particles and org joiners inside)."""
    found: list[Candidate] = []
    i = 0
    while i < len(tokens):
        if not tokens[i].capital:
            i += 1
            continue
        run = [tokens[i]]
        j = i + 1
        while j < len(tokens) and not POSSESSIVE.search(run[-1].text):
            token = tokens[j]
            if token.start - run[-1].end > 1 or token.sentence_start:
                break
            if token.capital:
                run.append(token)  # a possessive ends the run: "Putin’s Christmas"
                j += 1
                continue
            lower = token.text.lower()
            joins_name = lower in _PARTICLES or (
                lower in _ORG_JOINERS and run[-1].text in _ORG_HEADS
            )
            # Particles may come in a row: "van der Leyen", "de la Fuente".
            k = j + 1
            while lower in _PARTICLES and k < len(tokens) and tokens[k].text in _PARTICLES:
                k += 1
            following = tokens[k] if k < len(tokens) else None
            if joins_name and following is not None and following.capital:
                run += tokens[j : k + 1]
                j = k + 1
                continue
            break
        if len(run) > 1 and all(token.text.isupper() for token in run):
            # An ALL CAPS phrase in running text reads like an ALL CAPS headline.
            for token in run:
                token.headline = "caps"
        for piece in _split_run(run, words, body_names):
            first, last = piece[0].index, piece[-1].index
            before = tokens[first - 1].text.lower() if first else ""
            after = tokens[last + 1].text if last + 1 < len(tokens) else ""
            candidate = Candidate(piece, before=before, after=after)
            if piece[0].line_start and piece[0].headline == "caps" and _dateline_follows(after):
                candidate.kind, candidate.rule = "place", "dateline"
            found.append(candidate)
        i = j
    return found


def _dateline_follows(after: str) -> bool:
    return after == "," or bool(NUMBER.fullmatch(after))


def _split_run(run: list[Token], words: Lexicon, body_names: set[str]) -> list[list[Token]]:
    """Cut a run where capitals say nothing: ordinary words at a sentence start or
    in a headline, headline words the body never writes as names, dates."""
    pieces: list[list[Token]] = [[]]
    for index, token in enumerate(run):
        word = proper(token)
        ordinary = word.lower() in words.common_words
        if token.headline and not ordinary:
            after_given_name = bool(pieces[-1]) and proper(pieces[-1][-1]) in words.given_names
            ordinary = not (token.text in body_names or known(word, words) or after_given_name)
        abstract = _NOUN_ENDING.match(word) is not None and not known(word, words)
        # Days and months are no names, but open some: "Sunday Telegraph".
        following = run[index + 1] if index + 1 < len(run) else None
        calendar = word in CALENDAR and (following is None or following.text not in words.org_cues)
        calendar = calendar or (len(word) == 1 and len(run) == 1)  # "N / A"
        if calendar or abstract or (ordinary and (token.headline or token is run[0])):
            pieces.append([])
            continue
        if pieces[-1] and following is not None and _starts_title(token, pieces[-1][-1], words):
            pieces.append([])  # "Federal Reserve | Governor Lawrence Lindsey"
        pieces[-1].append(token)
        if len(pieces[-1]) >= MAX_NAME_WORDS:
            pieces.append([])  # no name is this long: capitals in a row are shouting
    return [piece for piece in pieces if piece]


def _starts_title(token: Token, previous: Token, words: Lexicon) -> bool:
    """A capitalised title inside a run (not its last word), after something that is
    no title, before a name."""
    if token.text.lower() not in words.titles:
        return False
    previous_word = previous.text.lower()
    in_title = (
        previous_word in words.titles or f"{previous_word} {token.text.lower()}" in words.titles
    )
    return (
        not in_title and previous.text not in words.demonyms and previous.text not in words.places
    )


def known(word: str, words: Lexicon) -> bool:
    """Whether a word lists know it as (part of) a name or a title."""
    return (
        word in words.places
        or word in words.organisations
        or word in words.given_names
        or word in words.org_cues
        or word in words.demonyms
        or word.lower() in words.titles
    )
