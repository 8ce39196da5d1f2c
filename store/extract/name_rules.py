"""The kind of a candidate name by rules: word lists, titles, cue words, the words around it."""

from __future__ import annotations

from store.extract.candidates import Candidate
from store.extract.lexicon import Lexicon, generational, suffix
from store.extract.speaker_words import a_national
from store.extract.tokens import NUMBER, POSSESSIVE, POSSESSIVE_ENDINGS, Token, proper

SPEECH_VERBS = {"said", "says", "told", "added", "stated", "wrote", "tweeted", "warned",
                "noted", "argued", "explained", "asked", "replied", "responded", "insisted",
                "claimed", "admitted", "announced", "declared", "recalled"}  # fmt: skip
_PERSON_PRONOUN_AFTER = {"who", "whose"}
# What after a name says a person is meant: a speech verb or a personal pronoun.
_PERSON_AFTER = SPEECH_VERBS | _PERSON_PRONOUN_AFTER
LOCATIVES = {"in", "near", "outside", "at", "from", "into", "across"}
# Words between two teams.
MATCH_WORDS = {"beat", "beats", "drew", "defeated", "v", "vs", "versus", "edged", "routed"}
# Titles that only ever stand before a person's name (unlike "Secretary" or "Bank").
_HONORIFICS = {"mr.", "mr", "mrs.", "mrs", "ms.", "ms", "dr.", "dr", "sir", "dame"}
_FEMALE_TITLES = {"mrs.", "mrs", "ms.", "ms", "miss", "queen", "princess", "lady", "dame",
                  "baroness", "spokeswoman", "chairwoman", "congresswoman", "actress",
                  "businesswoman", "wife", "mother", "daughter", "sister", "widow"}  # fmt: skip
# Words that make a lone given name after them a thing, not someone: "her Oscar", "an
# Emmy"; after those that may also stand before a team or a band ("the Brewers"), only
# most likely a thing.
_THING_DETERMINERS = {"a", "an", "his", "her", "their", "its", "our", "my", "your", "every",
                      "each", "another", "first", "second", "third", "fourth", "fifth", "two",
                      "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                      "several", "many"}  # fmt: skip
_DETERMINERS = _THING_DETERMINERS | {"the", "this", "that", "no"}
_AFTER_A_THING = {"for", "from", "in", "at", "of", "with", "and", "or", "to", "by", "as", "has",
                  "had", "is", "was"}  # fmt: skip
# Words that open a sentence as an exclamation, never as a name ("Oh, and…").
_INTERJECTIONS = {"oh", "ah", "aha", "wow", "yeah", "yep", "nope", "hey", "alas", "ugh", "whoa",
                  "oops", "okay", "hmm", "huh", "gee", "ouch", "bravo", "amen"}  # fmt: skip
_MALE_TITLES = {"mr.", "mr", "king", "prince", "sir", "lord", "emperor", "pope", "spokesman",
                "congressman", "businessman", "father", "husband", "son",
                "brother", "sheikh", "sheik", "emir", "ayatollah", "imam"}  # fmt: skip

# Titles that, before one word, are part of someone's name: royals and clerics named by a
# given name (`Prince Charles`, `Pope Francis`, `Sheikh Ali`) and peers by their title
# (`Lord Falconer`, `Baroness Kennedy`), who are not every `Charles` or `Falconer`.
ROYAL_STYLES = {"prince", "princess", "king", "queen", "emperor", "empress", "pope", "sheikh",
                "sheik", "emir", "duke", "duchess"}  # fmt: skip
PEER_STYLES = {"lord", "lady", "baron", "baroness"}
STYLES = ROYAL_STYLES | PEER_STYLES


def classify(candidate: Candidate, words: Lexicon) -> Candidate:
    """Decide the kind of a candidate, strongest evidence first, and say which rule did.

    Known names (organisations, places) win; then an organisation word in the
    name; a title or role before it; a row of a results table (teams); a
    given name; several unknown capitalised words (most often a person); a
    speech verb after it; a locative preposition before it (a place).
    """
    if candidate.kind == "place":  # a dateline
        candidate.name_tokens = list(map(proper, candidate.tokens))
        return candidate
    _trim_possessive(candidate)
    _trim_post_nominals(candidate)
    if _interjection(candidate):
        candidate.tokens = []
        return candidate
    whole = " ".join(map(proper, candidate.tokens))
    first = candidate.tokens[0]
    if first.table and NUMBER.fullmatch(candidate.after) and whole not in words.organisations:
        # A name followed by scores in a results row is a team, unless it is a player.
        player = whole.split()[0].endswith(".") or whole.split()[0] in words.given_names
        candidate.kind, candidate.rule = ("person", "table player") if player else ("org", "table")
        if player:
            _strip_title(candidate, words)
        candidate.name_tokens = list(map(proper, candidate.tokens))
        return candidate
    if whole in words.organisations or whole in words.places:
        candidate.name_tokens = whole.split()
        known = "org" if whole in words.organisations else "place"
        candidate.kind, candidate.rule = known, f"known {known}"
        return candidate
    tokens = _strip_title(candidate, words)
    names = list(map(proper, tokens))
    org_cue = len(names) > 1 and any(name in words.org_cues for name in names[1:])
    demonym = _demonym_length(names, words)
    if demonym == len(names) or (demonym == 1 and not org_cue and names[1:2] != ["&"]):
        # "Russian" or "South Korean" alone is no entity; "Russian Vladimir Putin" names
        # Putin ("South Asian Free Trade Area" stays whole).
        if len(tokens) == 1:
            candidate.demonym = tokens[0]
        tokens, names = tokens[demonym:], names[demonym:]
    if _an_office(names, words):
        candidate.tokens, candidate.name_tokens = [], []
        return candidate
    ordinary = 0 if org_cue else _ordinary_words_before_a_name(names, words)
    if ordinary:
        # An epithet ("Crooked Hillary") or a page's furniture ("Story Continued Below
        # Trump") before a person's name is no part of it.
        tokens, names = tokens[ordinary:], names[ordinary:]
        # After a heading the next sentence starts, whatever the missing stop says.
        tokens[0].sentence_start = tokens[0].sentence_start or ordinary >= 2
    while names and names[0] == "&":
        tokens, names = tokens[1:], names[1:]  # what stood before it was cut off
    if len(names) == 1 and _no_name(names[0], candidate.before, words):
        tokens, names = [], []
    candidate.tokens = tokens
    candidate.name_tokens = names
    if tokens:
        candidate.kind, candidate.rule = _kind(candidate, tokens, names, org_cue, words)
    if _a_thing(candidate) or candidate.rule == "number":
        candidate.tokens, candidate.name_tokens = [], []
    return candidate


def _kind(
    candidate: Candidate, tokens: list[Token], names: list[str], org_cue: bool, words: Lexicon
) -> tuple[str | None, str]:
    phrase = " ".join(names)
    lowercase_role = candidate.title is not None and candidate.title.islower()
    if phrase in words.organisations or org_cue:
        return "org", "cue"
    if "&" in names:
        return "org", "ampersand"  # "Marks & Spencer", "Standard & Poor's": a firm's name
    if phrase in words.places and (candidate.title is None or lowercase_role):
        return "place", "gazetteer"
    if candidate.title is not None:
        honorific = candidate.title.split()[-1].lower() in _HONORIFICS
        if honorific and len(names) == 1 and phrase.lower() in _OFFICES:
            return None, "office"  # `Mr. President`, `Madam Speaker`: an office, no name
        return "person", "honorific" if honorific else "title"
    if generational(names, words.given_names):
        return "person", "suffix"  # "Trump Jr.", "Martin Luther King Jr."
    if NUMBER.fullmatch(candidate.after) and names[-1].lower() in words.lowercase_words:
        return None, "number"  # "House Bill 29", "Flight 17": a thing with a number
    if names[0] in words.given_names and names[0].lower() not in words.common_words:
        if len(names) == 1 and candidate.before in _DETERMINERS:
            return None, "determiner"  # "her Oscar", "an Emmy": a thing named like someone
        candidate.gender = words.name_genders[names[0]]
        return "person", "given name"
    if candidate.after.lower() in MATCH_WORDS or candidate.before in MATCH_WORDS:
        return "org", "match"  # "Derbyshire beat Worcestershire": teams
    if candidate.before == "the" and len(names) == 1 and names[0].endswith("s"):
        return "org", "the plural"  # "the Brewers", "the Yankees"
    if is_acronym(tokens):
        return "org", "acronym"
    if len(tokens) >= 2 and not any(n.lower() in words.common_words for n in names):
        return "person", "unknown words"  # an unknown name of several words is most often a person
    if candidate.after.lower() in _PERSON_AFTER:
        return "person", "speech"
    if candidate.before in LOCATIVES and not tokens[0].sentence_start:
        return "place", "locative"
    return None, "none"


def _no_name(word: str, before: str, words: Lexicon) -> bool:
    """A word that alone names no entity: a listed one (`DVD`, `Islam`), an abbreviation
    in the plural (`PCs`), a demonym in the plural unless a team's (`most Muslims`, not
    `the Indians`), a man or woman of a people after `the` (`the Dutchman`)."""
    if word in words.not_names or suffix(word):
        return True  # "Jr." alone is what is left of a name cut short
    if before in ("the", "a") and a_national(word) is not None:
        return True  # `the Dutchman said`, `the Kiwi`: someone of a people, no name
    stem = word[:-1]
    plural_abbreviation = 2 <= len(stem) <= 5 and stem.isalpha() and stem.isupper()
    people = stem in words.demonyms and before != "the"
    return word.endswith("s") and (plural_abbreviation or people)


# Offices that, closing a phrase of ordinary words, make it a role and no one's name.
_OFFICES = {"minister", "secretary", "undersecretary", "president", "general", "justice",
            "commissioner", "chancellor", "attorney", "speaker", "mayor", "lady", "spokesman",
            "spokeswoman", "spokesperson"}  # fmt: skip


def _an_office(names: list[str], words: Lexicon) -> bool:
    """An office with no name after it (`Finance Minister`, `Foreign Secretary`, `First
    Lady`): a title of several words, or ordinary words closed by an office (not a given
    name, as in `Don King`, nor an organisation's, as in `Department of Justice`)."""
    if len(names) < 2:
        return False  # one word may be a surname too: `King`, `Major`
    *before, last = [name.lower() for name in names]
    if " ".join(names).lower() in words.titles:
        return True
    ordinary = all(w in words.lowercase_words for w in before)
    office = not any(name in words.org_cues for name in names)  # `Department of Justice`
    return last in _OFFICES and ordinary and office and names[0] not in words.given_names


def _interjection(candidate: Candidate) -> bool:
    first = candidate.tokens[0]
    return (
        len(candidate.tokens) == 1
        and first.sentence_start
        and first.text.istitle()
        and first.text.lower() in _INTERJECTIONS
        and candidate.after.lower() not in SPEECH_VERBS
    )


def _a_thing(candidate: Candidate) -> bool:
    """A lone given name after `a`, `an` or a possessive, heading its phrase: "an Oscar.",
    "her Oscar for…" (unlike "a Clinton re-election")."""
    after = candidate.after
    heads = not (after[:1].isalpha() and after.islower()) or after in _AFTER_A_THING
    return candidate.rule == "determiner" and candidate.before in _THING_DETERMINERS and heads


def _ordinary_words_before_a_name(names: list[str], words: Lexicon) -> int:
    """How many ordinary words (capitalised words news writes in lowercase, no one's
    given name) open a name whose rest opens with a given name (`Crooked Hillary`), or
    is one word after two of them (a heading run into the next sentence)."""
    if len(names) >= 3 and names[0] in ("A", "An") and names[1] in words.given_names:
        return 1  # `A Donald Trump supporter`: the article opening the sentence
    count = 0
    while count < len(names) - 1 and _ordinary(names[count], words):
        count += 1
    rest = names[count:]
    if not count or len(rest) > 3 or " ".join(rest) in words.places:
        return 0
    if count >= 2 and len(rest) == 1:
        # A heading run into the next sentence: "Story Continued Below Trump said".
        return count
    given = rest[0] in words.given_names and rest[0].lower() not in words.lowercase_words
    return count if given and rest[0] not in words.places else 0


def _ordinary(word: str, words: Lexicon) -> bool:
    """A capitalised ordinary word: one news writes in lowercase, or a compound ending
    in such words (`Forty-year-old Terence Crutcher`, not `Jean-Claude`)."""
    if "-" in word[1:-1]:
        first, *rest = word.split("-")
        return (
            first not in words.given_names
            and first not in words.places
            and all(part.lower() in words.lowercase_words for part in rest)
        )
    return (
        len(word) > 3
        and word[0].isupper()
        and not word.isupper()
        and word.lower() in words.lowercase_words
        and word not in words.given_names
        and word not in words.places
        and word not in words.org_cues
    )


def _trim_possessive(candidate: Candidate) -> None:
    last = candidate.tokens[-1]
    if last.text.endswith(POSSESSIVE_ENDINGS) and len(last.text) > 2:
        trimmed = POSSESSIVE.sub("", last.text)
        token = Token(trimmed, last.start, last.start + len(trimmed), True, False, last.headline)
        token.index, token.table = last.index, last.table
        candidate.tokens = [*candidate.tokens[:-1], token]


# Letters after a name for a seat or an honour: `Ruth Kelly MP`, `Philippe Sands QC`.
_POST_NOMINALS = {"MP", "MPs", "MSP", "MEP", "AM", "MLA", "TD", "QC", "KC", "OBE", "MBE",
                  "CBE", "KBE", "DBE"}  # fmt: skip


def _trim_post_nominals(candidate: Candidate) -> None:
    """`Tom McCabe MSP` is Tom McCabe: the letters say what he is, not who."""
    while len(candidate.tokens) > 1 and candidate.tokens[-1].text in _POST_NOMINALS:
        candidate.tokens = candidate.tokens[:-1]


# Compass points that make a demonym of the demonym after them: `South Korean`.
_COMPASS = frozenset({"North", "South", "East", "West", "Northern", "Southern", "Eastern",
                      "Western", "Central"})  # fmt: skip


def _demonym_length(names: list[str], words: Lexicon) -> int:
    """How many of the first words of `names` are a demonym: 1 (`Russian`), 2 (`South
    Korean`, `East German`) or none."""
    if names and names[0] in words.demonyms:
        return 1
    if len(names) > 1 and names[0] in _COMPASS and names[1] in words.demonyms:
        return 2
    return 0


def _strip_title(candidate: Candidate, words: Lexicon) -> list[Token]:
    """Drop leading titles and roles (and a demonym before them); remember them."""
    tokens = list(candidate.tokens)
    title_words: list[str] = []
    while tokens:
        place = _place_length(tokens, words)
        if place > 1 and len(tokens) > place + 1 and _title_length(tokens[place:], words):
            # "New York | Attorney General | Eric Schneiderman"
            title_words += [token.text for token in tokens[:place]]
            tokens = tokens[place:]
            continue
        first = proper(tokens[0])
        demonym = _demonym_length(list(map(proper, tokens[:2])), words) or first in words.places
        if demonym and len(tokens) > demonym:
            if _title_length(tokens[demonym:], words) and len(tokens) > demonym + 1:
                title_words += [token.text for token in tokens[:demonym]]
                if first in words.places:
                    candidate.places_before.append(tokens[0])
                tokens = tokens[demonym:]
                continue
            break
        length = _title_length(tokens, words)
        if not length or length == len(tokens):
            break
        honorific = proper(tokens[length - 1]).lower() in _HONORIFICS
        if not honorific and proper(tokens[-1]) in words.org_cues:
            break  # "General Assembly", "Justice Department": an office word opens an organisation
        if not honorific and len(tokens) == length + 1 and _no_surname(tokens[-1], words):
            break  # "General Election", "Lord Chancellor": a title and a word, no one's name
        title_words += [token.text for token in tokens[:length]]
        candidate.style = _style(tokens[:length])
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


def _style(title: list[Token]) -> list[Token]:
    """What of a title is part of a lone name after it: a style closing it (`Prince` of
    `Crown Prince`), or a judge's whole title (`Lord Justice`)."""
    first, last = proper(title[0]).lower(), proper(title[-1]).lower()
    if last in STYLES:
        return title[-1:]
    return title if first in PEER_STYLES and last == "justice" else []


def _no_surname(token: Token, words: Lexicon) -> bool:
    """An ordinary word that after a title names no one: no one bears it as a name
    (`Election`, `Workers`; not `Rice` or `Major`)."""
    word = proper(token)
    named = word in words.surnames or word in words.given_names
    return word.lower() in words.lowercase_words and not named


def _place_length(tokens: list[Token], words: Lexicon) -> int:
    first = proper(tokens[0])
    if first in words.phrase_openers:  # else no place of several words starts here
        for length in range(min(3, len(tokens)), 1, -1):
            if " ".join(map(proper, tokens[:length])) in words.places:
                return length
    return 1 if first in words.places else 0


def _title_length(tokens: list[Token], words: Lexicon) -> int:
    if proper(tokens[0]).lower() not in words.title_openers:
        return 0  # most names open no title
    for length in range(min(words.longest_title, len(tokens)), 0, -1):
        phrase = " ".join(map(proper, tokens[:length])).lower()
        if phrase in words.titles:
            return length
    return 0


def is_acronym(tokens: list[Token]) -> bool:
    """A lone short ALL CAPS word outside an ALL CAPS line: "NATO", "CDU"."""
    word = tokens[0].text
    return (
        len(tokens) == 1
        and 2 <= len(word) <= 5
        and word.isalpha()
        and word.isupper()
        and tokens[0].headline != "caps"
    )
