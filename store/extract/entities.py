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

from store.extract.lexicon import Lexicon, lexicon
from store.extract.tokens import NUMBER, POSSESSIVE, Token, proper, tokenize

# Abstract nouns are no part of a name, however they are capitalised.
_NOUN_ENDING = re.compile(r"\w{3,}(?:ation|ment|ness|ism|ship)s?$")
# Lowercase words allowed inside a name: particles of people's names, and
# the small words of organisation names (checked to end with a name).
_PARTICLES = {"van", "von", "der", "den", "de", "da", "di", "du", "la", "le", "bin", "ibn", "al",
              "el", "dos", "das", "del", "della", "ter", "ten", "y"}  # fmt: skip
_ORG_JOINERS = {"of", "for", "and", "&", "on", "the", "de"}
_SPEECH_VERBS = {"said", "says", "told", "added", "stated", "wrote", "tweeted", "warned",
                 "noted", "argued", "explained", "asked", "replied", "responded", "insisted",
                 "claimed", "admitted", "announced", "declared", "recalled"}  # fmt: skip
_PERSON_PRONOUN_AFTER = {"who", "whose"}
_LOCATIVES = {"in", "near", "outside", "at", "from", "into", "across"}
# Words between two teams.
_MATCH_WORDS = {"beat", "beats", "drew", "defeated", "v", "vs", "versus", "edged", "routed"}
_CALENDAR = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
             "January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr",
             "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}  # fmt: skip
_FEMALE_TITLES = {"mrs.", "mrs", "ms.", "ms", "miss", "queen", "princess", "lady", "dame",
                  "baroness", "spokeswoman", "chairwoman", "congresswoman", "actress",
                  "businesswoman", "wife", "mother", "daughter", "sister", "widow"}  # fmt: skip
_MALE_TITLES = {"mr.", "mr", "king", "prince", "sir", "lord", "emperor", "pope", "spokesman",
                "chairman", "congressman", "businessman", "father", "husband", "son",
                "brother", "sheikh", "sheik", "emir", "ayatollah", "imam"}  # fmt: skip


@dataclass(frozen=True)
class Mention:
    """A name in the text: `text[start:end]`, its kind, and the article's name for it."""

    start: int
    end: int
    text: str
    kind: str
    name: str


MAX_NAME_WORDS = 10


@dataclass
class _Candidate:
    tokens: list[Token]
    title: str | None = None
    kind: str | None = None
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


@dataclass(frozen=True)
class People:
    """The people of one article, by the article's name for them."""

    genders: dict[str, str]
    """Name → `m`, `f` or `?`."""
    roles: dict[str, set[str]] = field(default_factory=dict)
    """Name → the lowercased title and role words used before it ("president", "russian")."""


def extract_entities(text: str) -> tuple[list[Mention], People]:
    """The mentions of people, organisations and places in `text`, in order."""
    words = lexicon()
    tokens = tokenize(text)
    # Words the body capitalises mid-sentence: in headlines only these (and
    # words the lists know) can be names.
    body_names = {t.text for t in tokens if t.capital and not t.sentence_start and not t.headline}
    candidates = [
        _classify(candidate, words) for candidate in _candidates(tokens, words, body_names)
    ]
    return _link(text, candidates, words)


def _candidates(tokens: list[Token], words: Lexicon, body_names: set[str]) -> list[_Candidate]:
    """Maximal runs of capitalised tokens (with particles and org joiners inside)."""
    found: list[_Candidate] = []
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
            joins_name = lower in _PARTICLES or (lower in _ORG_JOINERS and _org_so_far(run, words))
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
            candidate = _Candidate(piece, before=before, after=after)
            if piece[0].line_start and piece[0].headline == "caps" and _dateline_follows(after):
                candidate.kind = "place"  # a dateline: "MILWAUKEE , Wisconsin 1996-08-30"
            found.append(candidate)
        i = j
    return found


def _dateline_follows(after: str) -> bool:
    return after == "," or bool(NUMBER.fullmatch(after))


# Organisation words that take a complement: "Bank of England", "University of Texas".
_ORG_HEADS = {"Bank", "Ministry", "Department", "University", "College", "Institute", "School",
              "Museum", "Church", "Council", "Court", "Academy", "Federation", "Association",
              "Union", "League", "Board", "Bureau", "Office", "Commission", "Committee",
              "Chamber", "House", "Party", "Society", "Organisation", "Organization", "Fund",
              "Agency", "Center", "Centre", "Foundation", "Institution", "Queen"}  # fmt: skip


def _org_so_far(run: list[Token], words: Lexicon) -> bool:
    return run[-1].text in _ORG_HEADS


def _split_run(run: list[Token], words: Lexicon, body_names: set[str]) -> list[list[Token]]:
    """Cut a run where capitals say nothing: ordinary words at a sentence start or
    in a headline, headline words the body never writes as names, dates."""
    pieces: list[list[Token]] = [[]]
    for index, token in enumerate(run):
        word = proper(token)
        ordinary = word.lower() in words.common_words
        if token.headline and not ordinary:
            after_given_name = bool(pieces[-1]) and proper(pieces[-1][-1]) in words.given_names
            ordinary = not (token.text in body_names or _known(word, words) or after_given_name)
        abstract = _NOUN_ENDING.match(word) is not None and not _known(word, words)
        # Days and months are no names, but open some: "Sunday Telegraph".
        following = run[index + 1] if index + 1 < len(run) else None
        calendar = word in _CALENDAR and (following is None or following.text not in words.org_cues)
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


def _known(word: str, words: Lexicon) -> bool:
    return (
        word in words.places
        or word in words.organisations
        or word in words.given_names
        or word in words.org_cues
        or word in words.demonyms
        or word.lower() in words.titles
    )


def _classify(candidate: _Candidate, words: Lexicon) -> _Candidate:
    """Decide the kind of a candidate, strongest evidence first.

    Known names (organisations, places) win; then an organisation word in the
    name; a title or role before it; a row of a results table (teams); a
    given name; several unknown capitalised words (most often a person); a
    speech verb after it; a locative preposition before it (a place).
    """
    if candidate.kind == "place":  # a dateline
        candidate.name_tokens = [proper(token) for token in candidate.tokens]
        return candidate
    _trim_possessive(candidate)
    whole = " ".join(proper(token) for token in candidate.tokens)
    first = candidate.tokens[0]
    if first.table and NUMBER.fullmatch(candidate.after) and whole not in words.organisations:
        # A name followed by scores in a results row is a team, unless it is a player.
        player = whole.split()[0].endswith(".") or whole.split()[0] in words.given_names
        candidate.kind = "person" if player else "org"
        if player:
            _strip_title(candidate, words)
        candidate.name_tokens = [proper(token) for token in candidate.tokens]
        return candidate
    if whole in words.organisations or whole in words.places:
        candidate.name_tokens = whole.split()
        candidate.kind = "org" if whole in words.organisations else "place"
        return candidate
    tokens = _strip_title(candidate, words)
    names = [proper(token) for token in tokens]
    org_cue = len(names) > 1 and any(name in words.org_cues for name in names[1:])
    if names and names[0] in words.demonyms and not org_cue:
        # "Russian" alone is no entity; "Russian Vladimir Putin" names Putin.
        tokens, names = tokens[1:], names[1:]
    candidate.tokens = tokens
    candidate.name_tokens = names
    if not tokens:
        return candidate
    phrase = " ".join(names)
    lowercase_role = candidate.title is not None and candidate.title.islower()
    if phrase in words.organisations or org_cue:
        candidate.kind = "org"
    elif phrase in words.places and (candidate.title is None or lowercase_role):
        candidate.kind = "place"
    elif candidate.title is not None:
        candidate.kind = "person"
    elif names[0] in words.given_names and names[0].lower() not in words.common_words:
        candidate.kind = "person"
        candidate.gender = words.given_names[names[0]]
    elif candidate.after.lower() in _MATCH_WORDS or candidate.before in _MATCH_WORDS:
        candidate.kind = "org"  # "Derbyshire beat Worcestershire": teams
    elif candidate.before == "the" and len(names) == 1 and names[0].endswith("s"):
        candidate.kind = "org"  # "the Brewers", "the Yankees"
    elif _is_acronym(tokens):
        candidate.kind = "org"
    elif len(tokens) >= 2 and not any(n.lower() in words.common_words for n in names):
        candidate.kind = "person"  # an unknown name of several words is most often a person
    elif candidate.after.lower() in _SPEECH_VERBS | _PERSON_PRONOUN_AFTER:
        candidate.kind = "person"
    elif candidate.before in _LOCATIVES and not tokens[0].sentence_start:
        candidate.kind = "place"
    return candidate


def _trim_possessive(candidate: _Candidate) -> None:
    last = candidate.tokens[-1]
    if POSSESSIVE.search(last.text) and len(last.text) > 2:
        trimmed = POSSESSIVE.sub("", last.text)
        token = Token(trimmed, last.start, last.start + len(trimmed), True, False, last.headline)
        token.index, token.table = last.index, last.table
        candidate.tokens = [*candidate.tokens[:-1], token]


def _strip_title(candidate: _Candidate, words: Lexicon) -> list[Token]:
    """Drop leading titles and roles (and a demonym before them); remember them."""
    tokens = list(candidate.tokens)
    title_words: list[str] = []
    while tokens:
        first = proper(tokens[0])
        if (first in words.demonyms or first in words.places) and len(tokens) > 1:
            if _title_length(tokens[1:], words) and len(tokens) > 2:
                title_words.append(tokens[0].text)
                if first in words.places:
                    candidate.places_before.append(tokens[0])
                tokens = tokens[1:]
                continue
            break
        length = _title_length(tokens, words)
        if not length or length == len(tokens):
            break
        title_words += [token.text for token in tokens[:length]]
        tokens = tokens[length:]
    # A lowercase role right before the name: "spokesman Dmitry Peskov".
    if not title_words and candidate.before in words.titles and candidate.before.islower():
        title_words.append(candidate.before)
    if title_words:
        candidate.title = " ".join(title_words)
        lowered = {word.lower() for word in title_words}
        if lowered & _FEMALE_TITLES:
            candidate.gender = "f"
        elif lowered & _MALE_TITLES:
            candidate.gender = "m"
    return tokens


def _title_length(tokens: list[Token], words: Lexicon) -> int:
    for length in range(min(words.longest_title, len(tokens)), 0, -1):
        phrase = " ".join(proper(token) for token in tokens[:length]).lower()
        if phrase in words.titles:
            return length
    return 0


def _is_acronym(tokens: list[Token]) -> bool:
    word = tokens[0].text
    return (
        len(tokens) == 1
        and 2 <= len(word) <= 5
        and word.isalpha()
        and word.isupper()
        and tokens[0].headline != "caps"
    )


def _link(text: str, candidates: list[_Candidate], words: Lexicon) -> tuple[list[Mention], People]:
    """Give each mention the article's name for it: surnames and first names link to
    the full name used anywhere in the article."""
    genders: dict[str, str] = {}
    uses: Counter[str] = Counter()
    for candidate in candidates:
        if candidate.kind == "person" and len(candidate.name_tokens) >= 2:
            name = " ".join(candidate.name_tokens)
            genders[name] = _merge_gender(genders.get(name, "?"), candidate.gender)
            uses[name] += 1
    # A lone surname (or first name) stands for the full name that has it; when
    # several do, the one opening with a known given name, then the most used.
    full_names: dict[str, str] = {}
    surnames: set[str] = set()
    ranked = sorted(uses, key=lambda n: (n.split()[0] in words.given_names, uses[n]), reverse=True)
    for name in ranked:
        parts = name.split()
        surnames.add(parts[-1])
        for part in (parts[-1], parts[0]):
            full_names.setdefault(part, name)
    mentions: list[Mention] = []
    roles: dict[str, set[str]] = {}
    for candidate in candidates:
        for token in candidate.places_before:
            place = proper(token)
            mentions.append(
                Mention(token.start, token.end, token.text, "place", words.places[place])
            )
        if not candidate.tokens:
            continue
        name = " ".join(candidate.name_tokens)
        kind = candidate.kind
        # A lone name is the article's person who has it; the article's Jordan is
        # Neil Jordan, not the country, once it names him.
        lone = len(candidate.name_tokens) == 1 and name in full_names
        if lone and (kind in (None, "person") or (kind == "place" and name in surnames)):
            kind, name = "person", full_names[name]
        if kind is None:
            continue
        if kind == "place":
            name = words.places.get(name, name)
        if kind == "person":
            genders[name] = _merge_gender(genders.get(name, "?"), candidate.gender)
            if candidate.title:
                roles.setdefault(name, set()).update(candidate.title.lower().split())
        start, end = candidate.start, candidate.end
        mentions.append(Mention(start, end, text[start:end], kind, name))
    mentions.sort(key=lambda mention: mention.start)
    for name, gender in genders.items():
        if gender == "?":
            genders[name] = words.given_names.get(name.split()[0], "?")
    return mentions, People(genders, roles)


def _merge_gender(known: str, new: str) -> str:
    return new if known == "?" else known
