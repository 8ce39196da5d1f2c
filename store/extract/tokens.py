"""Tokens of news text: words with their offsets, and what kind of line they stand on."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate, islice
from operator import add, itemgetter
from typing import overload

# A token: an abbreviation (U.S.), an initial (W.), a word with inner
# apostrophes or hyphens (O'Rourke, al-Assad, Trump’s), or one other character.
# Abbreviations that keep their period (and end no sentence): "Sen. Bernie Sanders",
# "Dr.King" (a space lost in scraping).
_ABBREVIATION = (
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Prof|Rev|Jr|Sr|St|Inc|Corp|Co|Ltd|"
    r"Mt|Ft|Maj|Adm|Cmdr|Det|Supt|Pres|Sens|Reps)\.(?=\s|[A-Z])"
)
# An abbreviation or an initial, behind lookaheads that let most words skip them quickly.
_DOTTED = (
    rf"(?=[A-Z]\w{{0,3}}\.){_ABBREVIATION}|(?=[^\W\d_]\.)(?:(?:[^\W\d_]\.){{2,}}|"
    rf"[^\W\d_]\.(?=\s+[^\W\d_]))"
)
# Most tokens are plain ASCII words ("the", "Senate") ended by a space or a mark that
# can neither continue them nor make them an abbreviation or initial: taken first, they
# skip the other alternatives, and are the tokens those would have found.
_PLAIN_WORD = r"[A-Za-z][a-z]*+(?![\w'’\-.])"
# Two groups, for `split`: the whitespace before a token, then the token. The whitespace
# is taken as a match of its own rather than skipped by the search, which would try
# every alternative at each space (and look up the character's class for each).
_TOKEN = re.compile(
    rf"(\s*+)({_PLAIN_WORD}|{_DOTTED}|\w+(?:['’\-]\w+)*|[^\w\s])",
    re.UNICODE,
)
# `â€™` (or `â\x80\x99`) is ’ decoded with the wrong charset, common in scraped
# text: an apostrophe too. This slower pattern is used only for texts that have it.
_MOJIBAKE = ("â€™", "â\x80\x99")
_BROKEN = "(?:â€™|â\x80\x99)"
# Word characters up to a broken apostrophe: `(?:(?!{_BROKEN})\w)+`, written so that
# the runs without `â` are one quick repeat rather than a lookahead at each character.
_WORD = r"(?:[^\Wâ]++|â(?!€™|\x80\x99))+"
_TOKEN_MOJIBAKE = re.compile(
    rf"(\s*+)({_PLAIN_WORD}|{_DOTTED}|{_WORD}(?:(?:['’\-]|{_BROKEN}){_WORD})*{_BROKEN}?|[^\w\s])",
    re.UNICODE,
)
POSSESSIVE = re.compile(r"(?:['’]|â€™|â\x80\x99)s?$")
# The endings POSSESSIVE finds, for `str.endswith` (quicker than a search, in hot loops).
POSSESSIVE_ENDINGS = tuple(mark + s for mark in ("'", "’", "â€™", "â\x80\x99") for s in ("", "s"))
# The word between the sides of a fixture: `Hull v Barnet`.
FIXTURE_MARKS = {"v", "vs"}
_FIXTURE = re.compile(r"[A-Za-z] vs?\.? [A-Z]")
SENTENCE_END = {".", "!", "?", ":", ";", "“", '"', "‘", "(", "[", "—", "–", "•", "|"}
_CLOSING_MARKS = {"”", "’", ")"}
_STOPS = {".", "!", "?"}


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


# A number: `\d[\d.,:/-]*`, its first digit found by a quick test that the character is
# no ASCII but a digit before the look at its kind (asked of every character of a line,
# and `\d` alone is a slow test). Written as a negated set: it compiles 50 times faster.
NUMBER = re.compile(r"[^\x00-/:-\x7f](?<=\d)[\d.,:/-]*")
# "al-Assad", "el-Sisi", "bin-Salman": a particle joined to a capitalised name.
_PARTICLE_NAME = re.compile(r"(?:al|el|ad|ash|as|bin|ibn|abu|da|de|di|du|van|von)-[A-Z]")
# Where such a name may be: found in the text with a quick search for the hyphen (a
# search for the particles would try each of them at every character).
_HYPHEN_CAPITAL = re.compile(r"-[A-Z]")


class Tokens(Sequence[Token]):
    """The tokens of a text, in columns; a `Token` is made only when asked for (most
    tokens are lowercase words that only their text and capital are asked of)."""

    def __init__(
        self,
        words: list[str],
        starts: list[int],
        ends: list[int],
        capitals: list[bool],
        headlines: list[str],
        tables: list[bool],
        line_starts: list[bool],
    ) -> None:
        self.words = words
        self.starts = starts
        self.ends = ends
        self.capitals = capitals
        self.headlines = headlines
        self.line_starts = line_starts
        self.tables = tables
        self._columns = (starts, ends, capitals, headlines, tables, line_starts)
        self._made: list[Token | None] = [None] * len(words)
        self.furniture: list[tuple[int, int]] = []
        """Where the names pass found a page's furniture pasted into the text (`Story
        Continued Below`): no one's name, and no one who speaks."""

    def __len__(self) -> int:
        return len(self.words)

    @overload
    def __getitem__(self, index: int) -> Token: ...

    @overload
    def __getitem__(self, index: slice) -> list[Token]: ...

    def __getitem__(self, index: int | slice) -> Token | list[Token]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self.words)))]
        token = self._made[index]
        return self._make(index % len(self.words)) if token is None else token

    def opens_sentence(self, index: int) -> bool:
        """Whether the token at `index` (non-negative) opens a sentence: it opens a line,
        or follows a stop (closed by a mark or not) or an opening mark. Worked out when
        asked (few tokens are). The first token opens the first line, so no word before
        it is looked for."""
        if self.line_starts[index]:
            return True
        before = self.words[index - 1]
        # (A closing mark after a stop ends the sentence too: `a “living lie.” Yes, …`.)
        return before in SENTENCE_END or (
            before in _CLOSING_MARKS and index > 1 and self.words[index - 2] in _STOPS
        )

    def names_a_side(self, index: int) -> bool:
        """Whether the token at `index` names a side: on a results-table line with a
        number right after it (`Reading 2 1 0 1`, `Nice 1 Guingamp 2`), or on either
        side of the `v` of a fixture (`Port Vale v Reading`)."""
        words = self.words
        following = words[index + 1] if index + 1 < len(words) else ""
        if self.tables[index] and NUMBER.fullmatch(following) is not None:
            return True
        return following in FIXTURE_MARKS or (index > 0 and words[index - 1] in FIXTURE_MARKS)

    def alone_on_line(self, first: int, last: int) -> bool:
        """Whether the tokens from `first` to `last` make a whole line."""
        line_starts = self.line_starts
        return line_starts[first] and (last + 1 == len(line_starts) or line_starts[last + 1])

    def made(self, indices: list[int]) -> list[Token]:
        """The tokens at `indices` (non-negative), as `self[index]` for each, without
        the per-item dispatch (candidate runs ask for most tokens that are made)."""
        made = self._made
        return [made[index] or self._make(index) for index in indices]

    def _make(self, index: int) -> Token:
        starts, ends, capitals, headlines, tables, line_starts = self._columns
        token = Token(self.words[index], starts[index], ends[index], capitals[index],
                      self.opens_sentence(index), headlines[index], index, tables[index],
                      line_starts[index])  # fmt: skip
        self._made[index] = token
        return token


def tokenize(text: str) -> Tokens:
    pattern = _TOKEN_MOJIBAKE if any(broken in text for broken in _MOJIBAKE) else _TOKEN
    # Split around the tokens ([gap, space, token, gap, space, token, …, gap]: strings only,
    # no match objects) and built column by column, each a loop in C where it can be: this
    # runs on every word. Any character but a broken apostrophe starts a token, so the gaps
    # before tokens are empty but where one opens a word (`â€™Twas`): they are folded into
    # the spaces and dropped, and the offsets add two lengths a token rather than three.
    parts = pattern.split(text)
    if pattern is _TOKEN_MOJIBAKE:
        parts[1::3] = map(add, parts[:-1:3], parts[1::3])
    del parts[:-1:3]
    offsets = list(accumulate(map(len, parts), initial=0))
    words = parts[1::2]
    starts = offsets[1:-2:2]
    count = len(words)
    capitals = list(map(str.isupper, map(itemgetter(0), words)))
    # "al-Assad": the words of the few hyphens before a capital are looked at one by one.
    for hyphen in _HYPHEN_CAPITAL.finditer(text):
        index = bisect_right(starts, hyphen.start()) - 1
        if index >= 0 and _PARTICLE_NAME.match(words[index]):
            capitals[index] = True
    line_starts = [False] * count
    headlines = [""] * count
    tables = [False] * count
    first = 0
    while first < count:
        # The tokens of the line that `first` opens.
        line_start = starts[first]
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end == -1 else line_end
        after = bisect_left(starts, line_end, first)
        headline, table = line_kind(text[line_start:line_end])
        line_starts[first] = True
        if headline:
            headlines[first:after] = [headline] * (after - first)
        if table:
            tables[first:after] = [True] * (after - first)
        first = after
    return Tokens(words, starts, offsets[2:-1:2], capitals, headlines, tables, line_starts)


_WORDS = re.compile(r"[^\W\d_][\w'’\-]*")
# How much of a line shows it is a paragraph (26 words and more, most often).
_PARAGRAPH_PREFIX = 300


def line_kind(line: str) -> tuple[str, bool]:
    """Whether a line is a headline (`caps` for ALL CAPS, `title` for Title Case: capitals
    mark no names there) and whether it is a row of a results table."""
    paragraph_words = _paragraph_words(line)
    if paragraph_words:
        if _numbers_below_a_third(line, paragraph_words):
            # A paragraph (no headline) with too few numbers for a table row: most lines.
            return "", False
        # A paragraph with more (no headline either: it has over 25 words, one of them
        # long and not in capitals): a table row if its numbers are a quarter of its
        # numbers and words, that is if it has at most three words a number.
        numbers = len(NUMBER.findall(line))
        return "", numbers >= 2 and _words_at_most(line, 3 * numbers)
    numbers = len(NUMBER.findall(line))
    words = _WORDS.findall(line)
    table = numbers >= 2 and numbers >= 0.25 * (numbers + len(words))
    long_words = [word for word in words if len(word) > 3]
    if long_words and all(word.isupper() for word in long_words):
        return "caps", table
    # Photo credits ("Image by Paul Sancya/AP Images") are shorter than headlines,
    # and table rows, score lines, fixtures and asides are no headlines.
    capitalised = sum(word[0].isupper() for word in long_words)
    if (
        len(long_words) >= 3
        and len(words) <= 25
        and capitalised >= 0.8 * len(long_words)
        and numbers <= 1
        and not any(mark in line for mark in "(;:")
        and not _FIXTURE.search(line)
    ):
        return "title", table
    return "", table


def _numbers_below_a_third(line: str, words: int) -> bool:
    """Whether a line holds fewer numbers than a third of `words`: counted only as far as
    that shows (a scraped article may be one long line)."""
    most = -(-words // 3)  # 3 * numbers < words: fewer numbers than this many
    return next(islice(NUMBER.finditer(line), most - 1, None), None) is None


def _words_at_most(line: str, most: int) -> bool:
    """Whether a line holds `most` words or fewer: counted only as far as that shows."""
    return next(islice(_WORDS.finditer(line), most, None), None) is None


def _paragraph_words(line: str) -> int:
    """How many words open a line longer than a headline, with a long word not in
    capitals among them (0 for any other line): read only as far as that shows."""
    if len(line) <= _PARAGRAPH_PREFIX:
        return 0
    # The prefix's last word may be cut: only the words before it count.
    words = _WORDS.findall(line, 0, _PARAGRAPH_PREFIX)[:-1]
    if len(words) > 25 and any(len(word) > 3 and not word.isupper() for word in words):
        return len(words)
    return 0


def proper(token: Token) -> str:
    """The token as a name: ALL CAPS words of headlines in Title Case."""
    return titled(token.text) if token.headline == "caps" else token.text


def titled(word: str) -> str:
    """A word of an ALL CAPS headline as a name: in Title Case, unless an initial or an
    abbreviation."""
    if word.isupper() and len(word) > 1 and "." not in word:
        return "-".join(part.capitalize() for part in word.split("-"))
    return word
