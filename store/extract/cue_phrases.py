"""The words outside quotation marks of an article, and the phrases around a cue word
in them: who speaks before `said` (`former employees have called`) and after it
(`said a senior official`)."""

from __future__ import annotations

from dataclasses import dataclass

from store.extract.speaker_features import DETERMINERS, FUNCTION_WORDS, LINKING, PRONOUNS

Span = tuple[int, int]


@dataclass(slots=True)
class UnquotedWords:
    """The words outside quotation marks (tokens that open with a letter), in columns."""

    text: str
    words: list[str]
    lowers: list[str]
    starts: list[int]
    ends: list[int]

    def around_cue(self, cue: int) -> tuple[Span | None, Span | None]:
        """The spans of the subject and object of the cue word at index `cue`. A passive
        cue names its agent after `by`, and the subject before it is what was said:
        `sanctions announced by President Obama`."""
        following = cue + 1
        if (
            following + 1 < len(self.lowers)
            and self.lowers[following] == "by"
            and self.joined(cue, following)
        ):
            return None, self.object_of(following)
        return self.subject_of(cue), self.object_of(cue)

    def subject_of(self, cue: int) -> Span | None:
        """The words before a cue word that name who speaks: `former employees have called`."""
        lowers = self.lowers
        index = self.head_before(cue)
        if index < 0 or not self.joined(index, cue - (cue - index > 1)):
            return None
        head = lowers[index]
        if head in FUNCTION_WORDS and head not in PRONOUNS:
            return None
        first = index
        while (
            first > 0
            and index - first < 3
            and lowers[first - 1] not in FUNCTION_WORDS
            and self.joined(first - 1, first)
        ):
            first -= 1
        determiner = first > 0 and lowers[first - 1] in DETERMINERS
        if determiner and self.joined(first - 1, first):
            first -= 1
        return self.starts[first], self.ends[index]

    def head_before(self, cue: int) -> int:
        """The index of the word a cue word's subject ends with: the first before it
        that is no linking word (`has also`), or -1."""
        lowers = self.lowers
        index = cue - 1
        while index >= 0 and lowers[index] in LINKING:
            index -= 1
        return index

    def object_of(self, cue: int) -> Span | None:
        """The words after a cue word: `said a senior official`, `said Giles`."""
        lowers = self.lowers
        first = cue + 1
        if first >= len(lowers) or not self.joined(cue, first):
            return None
        last = first
        if lowers[first] not in DETERMINERS and not self.words[first][0].isupper():
            return None
        while (
            last + 1 < len(lowers)
            and last - first < 3
            and lowers[last + 1] not in FUNCTION_WORDS
            and self.joined(last, last + 1)
        ):
            last += 1
        return self.starts[first], self.ends[last]

    def joined(self, left: int, right: int) -> bool:
        """Whether only spaces stand between two words (no punctuation, no quote)."""
        return not self.text[self.ends[left] : self.starts[right]].strip()
