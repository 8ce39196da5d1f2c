"""Tokens of news text: words with their offsets, and what kind of line they stand on."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A token: an abbreviation (U.S.), an initial (W.), a word with inner
# apostrophes or hyphens (O'Rourke, al-Assad, Trump’s), or one other character.
# Abbreviations that keep their period (and end no sentence): "Sen. Bernie Sanders",
# "Dr.King" (a space lost in scraping).
_ABBREVIATION = (
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Prof|Rev|Jr|Sr|St|Inc|Corp|Co|Ltd|"
    r"Mt|Ft|Maj|Adm|Cmdr|Det|Supt|Pres|Sens|Reps)\.(?=\s|[A-Z])"
)
_TOKEN = re.compile(
    rf"{_ABBREVIATION}|(?:[^\W\d_]\.){{2,}}|[^\W\d_]\.(?=\s+[^\W\d_])|\w+(?:['’\-]\w+)*|[^\w\s]",
    re.UNICODE,
)
# `â€™` (or `â\x80\x99`) is ’ decoded with the wrong charset, common in scraped
# text: an apostrophe too. This slower pattern is used only for texts that have it.
_MOJIBAKE = ("â€™", "â\x80\x99")
_BROKEN = "(?:â€™|â\x80\x99)"
_WORD = rf"(?:(?!{_BROKEN})\w)+"
_TOKEN_MOJIBAKE = re.compile(
    rf"{_ABBREVIATION}|(?:[^\W\d_]\.){{2,}}|[^\W\d_]\.(?=\s+[^\W\d_])|{_WORD}(?:(?:['’\-]|{_BROKEN}){_WORD})*"
    rf"{_BROKEN}?|[^\w\s]",
    re.UNICODE,
)
POSSESSIVE = re.compile(r"(?:['’]|â€™|â\x80\x99)s?$")
SENTENCE_END = {".", "!", "?", ":", ";", "“", '"', "‘", "(", "[", "—", "–", "•", "|"}


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    capital: bool
    sentence_start: bool
    headline: str
    """`caps` on an ALL CAPS line, `title` on a Title Case line, else empty."""
    index: int = 0
    table: bool = False
    """On a line of a results or standings table (names between numbers)."""
    line_start: bool = False


NUMBER = re.compile(r"\d[\d.,:/-]*")
# "al-Assad", "el-Sisi", "bin-Salman": a particle joined to a capitalised name.
_PARTICLE_NAME = re.compile(r"(?:al|el|ad|ash|as|bin|ibn|abu|da|de|di|du|van|von)-[A-Z]")


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    line_start = 0
    headline = ""
    table = False
    previous_end = 0
    pattern = _TOKEN_MOJIBAKE if any(broken in text for broken in _MOJIBAKE) else _TOKEN
    for match in pattern.finditer(text):
        word = match.group()
        newline = text.find("\n", previous_end, match.start()) != -1
        if newline or not tokens:
            line_end = text.find("\n", match.start())
            line_start = match.start()
            line = text[line_start : len(text) if line_end == -1 else line_end]
            headline, table = line_kind(line)
        capital = word[0].isupper() or ("-" in word and _PARTICLE_NAME.match(word) is not None)
        first = newline or not tokens
        sentence_start = first or tokens[-1].text in SENTENCE_END
        previous_end = match.end()
        tokens.append(
            Token(word, match.start(), previous_end, capital, sentence_start, headline,
                  len(tokens), table, first)
        )  # fmt: skip
    return tokens


def line_kind(line: str) -> tuple[str, bool]:
    """Whether a line is a headline (`caps` for ALL CAPS, `title` for Title Case: capitals
    mark no names there) and whether it is a row of a results table."""
    numbers = len(NUMBER.findall(line))
    words = re.findall(r"[^\W\d_][\w'’\-]*", line)
    table = numbers >= 2 and numbers >= 0.25 * (numbers + len(words))
    long_words = [word for word in words if len(word) > 3]
    if long_words and all(word.isupper() for word in long_words):
        return "caps", table
    # Photo credits ("Image by Paul Sancya/AP Images") are shorter than headlines,
    # and table rows, score lines and asides are no headlines.
    capitalised = sum(word[0].isupper() for word in long_words)
    if (
        len(long_words) >= 3
        and len(words) <= 25
        and capitalised >= 0.8 * len(long_words)
        and numbers <= 1
        and not any(mark in line for mark in "(;:")
    ):
        return "title", table
    return "", table


def proper(token: Token) -> str:
    """The token as a name: ALL CAPS words of headlines in Title Case."""
    word = token.text
    if token.headline == "caps" and word.isupper() and len(word) > 1 and "." not in word:
        return "-".join(part.capitalize() for part in word.split("-"))
    return word
