"""The closed classes of words that cut or join capitalised runs into candidate names."""

from __future__ import annotations

import re

from store.extract.tokens import POSSESSIVE_ENDINGS

# Abstract nouns are no part of a name, however they are capitalised.
_NOUN_ENDING = re.compile(r"(\w{3,}?)(ation|ment|ness|ism|ship)s?$")


def abstract_noun(word: str, common_words: frozenset[str]) -> bool:
    """Whether a word is an abstract noun (`Government`, `Happiness`, `Federation`).
    A word in `-ness` or `-ment` is one only when an ordinary word is made of it
    (`Darkness`, `Judgment`) or it is one itself: `Souness`, `Taument` are surnames."""
    match = _NOUN_ENDING.match(word)
    if match is None:
        return False
    if match.group(2) not in ("ness", "ment"):
        return True
    stem = match.group(1).lower()
    stems = (stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else stem)
    return word.lower() in common_words or any(each in common_words for each in stems)


# Lowercase words allowed inside a name: particles of people's names, and
# the small words of organisation names (checked to end with a name).
PARTICLES = {"van", "von", "der", "den", "de", "da", "di", "du", "la", "le", "bin", "ibn", "al",
             "el", "dos", "das", "del", "della", "ter", "ten", "y"}  # fmt: skip
ORG_JOINERS = {"of", "for", "and", "&", "on", "the", "de"}
WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
MONTH_ABBREVIATIONS = {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
                       "Nov", "Dec"}  # fmt: skip
CALENDAR = WEEKDAYS | MONTH_ABBREVIATIONS | {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Christmas", "Easter", "Thanksgiving", "Halloween",
}  # fmt: skip
# A day or a month with a possessive is still no name: "Monday's close", "June's vote".
CALENDAR_WORDS = CALENDAR | {day + end for day in CALENDAR for end in POSSESSIVE_ENDINGS}
# Function words are no part of a name: capitalised inside a run, one begins a sentence
# that lost its stop ("Story Continued Below But a spokesman said") or a byline ("10:38
# AM CET BY Chris Spillane").
FUNCTION_WORDS = {"but", "and", "or", "so", "yet", "while", "when", "if", "as", "because",
                  "although", "though", "after", "before", "since", "until", "the", "a", "an",
                  "this", "that", "these", "those", "it", "he", "she", "we", "they", "you", "i",
                  "his", "her", "their", "our", "my", "your", "its", "all", "some", "there",
                  "here", "what", "who", "how", "why", "where", "in", "on", "at", "for",
                  "by"}  # fmt: skip
# Prepositions and auxiliaries: capitalised, they open a sentence, never an organisation's
# name ("Among Supreme Court precedents", "Will Congress act").
CLOSED_CLASS = {"about", "above", "across", "against", "among", "amid", "around", "behind",
                "below", "beneath", "beside", "besides", "between", "beyond", "by", "despite",
                "during", "except", "from", "inside", "into", "like", "near", "of", "off",
                "onto", "outside", "over", "past", "per", "since", "through", "throughout",
                "to", "toward", "towards", "under", "unlike", "upon", "via", "with", "within",
                "without", "will", "would", "can", "could", "shall", "should", "may", "might",
                "must", "do", "does", "did", "is", "are", "was", "were", "has", "have",
                "had"}  # fmt: skip
# The endings of contractions: "It's", "I've", "Don't" are no names.
CONTRACTION = re.compile(r"(?:['’]|â€™|â\x80\x99)(?:s|ve|ll|re|d|m|t)$", re.IGNORECASE)
# Organisation words that take a complement: "Bank of England", "University of Texas".
ORG_HEADS = {"Bank", "Ministry", "Department", "University", "College", "Institute", "School",
             "Museum", "Church", "Council", "Court", "Academy", "Federation", "Association",
             "Union", "League", "Board", "Bureau", "Office", "Commission", "Committee",
             "Chamber", "House", "Party", "Society", "Organisation", "Organization", "Fund",
             "Agency", "Center", "Centre", "Foundation", "Institution", "Queen"}  # fmt: skip
