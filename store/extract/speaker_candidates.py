"""The candidate speakers of a quote, each scored by the speaker model.

Candidates are what the rules see (the cue rules' speakers, the speaker of the
quote before, the subject of the sentence or paragraph before) and every other
name, pronoun and subject of a cue word near the quote (cue_phrases.py). What
the model weighs of each is in speaker_features.py, its scores in speaker_scores.py.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import compress
from operator import itemgetter
from typing import Protocol

from store.extract.cue_phrases import UnquotedWords
from store.extract.cue_rules import CueRules
from store.extract.entities import Mention, People
from store.extract.speaker_features import PRONOUNS
from store.extract.speaker_model import LinearModel
from store.extract.speaker_scores import Candidate, CandidateScorer, Previous
from store.extract.speakers import Speaker
from store.extract.tokens import Tokens, tokenize

# How far around a quote candidates are looked for (characters).
_BEFORE_REACH = 400
_AFTER_REACH = 250
# How many tokens past the windows of the quotes near it the words around them are read
# (a cue word's subject and object may reach past a window: `_reaches` checks they do not
# reach past what was read).
_MARGIN = 16
# How many words a cue word's subject reads before its head word, and its object after
# the cue word (`said by a senior State Department official`): `UnquotedWords.around_cue`.
_BEHIND = 4
_AHEAD = 6
# The kinds of names that speak.
_NAMED = ("person", "org", "place")


@dataclass(slots=True)
class _Surroundings:
    """The words and names outside quotation marks around the windows of some quotes
    close together (`CandidateFinder._read_surroundings`)."""

    start: int
    """The offset in the text from which they were read."""
    from_text_start: bool
    to_text_end: bool
    words: UnquotedWords
    triggers: list[int]
    """The indices of the pronouns and cue words among the words (`_nearby` looks at)."""
    names: list[Speaker]
    name_starts: list[int]


def _reaches(around: _Surroundings, window_start: int, window_end: int) -> bool:
    """Whether the words read around the windows from `window_start` to `window_end` hold
    all that the subjects and objects of their cue words read: as many words before the
    first one's subject (its head is the first word before it that is no linking word,
    `UnquotedWords.subject_of`; a later one's is no earlier), and after the last one, as
    the whole text has."""
    words = around.words
    low, high = bisect_left(words.starts, window_start), bisect_left(words.starts, window_end)
    triggers = around.triggers[
        bisect_left(around.triggers, low) : bisect_left(around.triggers, high)
    ]
    if not triggers:
        return True
    if not around.from_text_start and words.head_before(triggers[0]) < _BEHIND:
        return False
    return around.to_text_end or triggers[-1] + _AHEAD < len(words.words)


class CandidateFinder(CueRules):
    """Candidate speakers for the quotes of one article."""

    def __init__(
        self,
        text: str,
        mentions: list[Mention],
        people: People,
        spans: list[tuple[int, int]],
        cue_words: dict[str, str],
        ranker: LinearModel,
        pronoun_model: LinearModel | None = None,
        tokens: Tokens | None = None,
        exhaustive: bool = False,
    ) -> None:
        super().__init__(text, mentions, people)
        self.exhaustive = exhaustive
        """Every candidate of every quote (for training), with no shortcut."""
        self.spans = spans
        self.set_quoted(spans)
        self.cue_words = cue_words
        self.ranker = ranker
        self.pronoun_model = pronoun_model
        self.spoken_names: set[str] = set()
        # The subject and object of each cue word, by its offset: every quote near it asks.
        self._chunks: dict[int, tuple[Speaker | None, Speaker | None]] = {}
        if tokens is None:
            tokens = tokenize(text)
        self._furniture = tokens.furniture
        # Where each quote's candidates are looked for (`_nearby`), and the words and names
        # around it, read once for every quote near them.
        self._windows = [self._window(start, end) for start, end in spans]
        self._surroundings = self._read_surroundings(tokens)
        self._scorer = CandidateScorer(text, self.sentence_starts, cue_words, ranker, exhaustive)
        # A pronoun as a speaker, by offset and the last speaker it may stand for.
        self._pronoun_speakers: dict[tuple[int, str | None, int | None], Speaker | None] = {}

    def _sentence_index(self, position: int) -> int:
        return bisect_right(self.sentence_starts, position) - 1

    def candidates(self, index: int, previous: Previous | None) -> list[Candidate]:
        """The candidate speakers of quote `index`, with their features."""
        start, end = self.spans[index]
        following = self.spans[index + 1] if index + 1 < len(self.spans) else None
        found: list[Candidate] = []

        def add(
            speaker: Speaker | None, rule: str, cue: str | None = None, only_mark: bool = False
        ) -> None:
            if speaker is None:
                return
            for candidate in found:
                old = candidate.speaker
                if old.start < speaker.end and speaker.start < old.end:
                    if rule not in candidate.rules:
                        candidate.rules.append(rule)
                    candidate.cue = candidate.cue or cue
                    return
            if not only_mark:
                found.append(Candidate(speaker, [rule], cue))

        after = self.after_proposal(end)
        if (
            after is not None
            and after.rule == "after"
            and after.speaker.kind == "person"
            and not self.exhaustive
        ):
            # `,” Putin said`: a named person in the cue right after the quote. The model
            # chose another candidate for under one such quote in a hundred on PolNeAR
            # train, as often right as wrong: the other candidates are not looked for.
            add(after.speaker, after.rule, after.cue)
            self._nearby(index, add, only_mark=True)
            self._scorer.score(
                found, start, end, previous, self.stands_alone(start, end, None), self.spoken_names
            )
            return found
        for proposal in self.proposals(start, end, following, after):
            add(proposal.speaker, proposal.rule, proposal.cue)
        alone = self.stands_alone(start, end, None)
        if previous is not None:
            paragraph_gap = self.text.count("\n\n", previous.end, start)
            if self.follows_attribution(previous.end, start):
                add(previous.speaker, "follows", previous.cue)
            elif paragraph_gap <= 1 and self.stands_alone(start, end, previous.end):
                add(previous.speaker, "continues", previous.cue)
            else:
                add(previous.speaker, "previous", previous.cue)
        if alone:
            add(self.subject_of_previous_paragraph(start), "paragraph")
        add(self.sentence_subject(start), "subject")
        add(self.previous_sentence_subject(start), "previous_subject")
        self._nearby(index, add)
        for candidate in found:
            speaker = candidate.speaker
            if speaker.text.lower() in ("he", "she", "it") and speaker.start < start:
                # `Ban Ki-moon condemned what he called …`: the subject the pronoun
                # stands for is a candidate of its own.
                subject = self.sentence_subject(speaker.start)
                if subject is not None and subject.start < speaker.start:
                    add(subject, "antecedent")
                    break
        self._scorer.score(found, start, end, previous, alone, self.spoken_names)
        return found

    def _window(self, start: int, end: int) -> tuple[int, int]:
        """Where the candidates of the quote `text[start:end]` are looked for (`_nearby`):
        its own sentences and the one after, in its paragraph. Names in the sentence
        before are candidates only where a rule proposes them (cross-validation inside
        PolNeAR train: the others were rarely right, and chosen wrongly more often)."""
        text = self.text
        first = self._sentence_index(start)
        window_start = max(self.sentence_starts[first], start - _BEFORE_REACH)
        last = self._sentence_index(max(end - 1, start))
        paragraph_end = text.find("\n", end)
        paragraph_end = len(text) if paragraph_end == -1 else paragraph_end
        after_next = last + 2
        window_end = (
            self.sentence_starts[after_next]
            if after_next < len(self.sentence_starts)
            else len(text)
        )
        return window_start, min(window_end, paragraph_end, end + _AFTER_REACH)

    def _read_surroundings(self, tokens: Tokens) -> list[_Surroundings]:
        """The words and names around each quote's window, read once for windows close
        together. The text far from every quote (half a news article's words) is not
        read: what `_nearby` finds is what reading the whole text would give, which
        `_reaches` checks (else the whole text is read)."""
        starts = tokens.starts
        count = len(starts)
        # Token ranges [first, after) in text order, with where their windows start and end.
        pieces: list[list[int]] = []
        for window_start, window_end in sorted(self._windows):
            first = max(bisect_left(starts, window_start) - _MARGIN, 0)
            after = min(bisect_left(starts, window_end) + _MARGIN, count)
            if pieces and first <= pieces[-1][1]:
                piece = pieces[-1]
                piece[1], piece[3] = max(piece[1], after), max(piece[3], window_end)
            else:
                pieces.append([first, after, window_start, window_end])
        read = []
        for first, after, window_start, window_end in pieces:
            around = self._read(tokens, first, after)
            if not _reaches(around, window_start, window_end):
                read = [self._read(tokens, 0, count)]
                break
            read.append(around)
        read_from = [around.start for around in read]
        return [read[bisect_right(read_from, start) - 1] for start, _ in self._windows]

    def _read(self, tokens: Tokens, first: int, after: int) -> _Surroundings:
        """The words outside quotation marks (the tokens that open with a letter) of the
        tokens `first` to `after`, their pronouns and cue words, and the names there."""
        all_words, all_starts, all_ends = tokens.words, tokens.starts, tokens.ends
        start = 0 if first == 0 else all_starts[first]
        end = len(self.text) if after == len(all_starts) else all_starts[after]
        words: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        names: list[Speaker] = []
        for stretch_start, stretch_end in self.unquoted(start, end):
            # The names outside quotation marks, as speakers.
            names += [
                Speaker(m.start, m.end, m.text, m.name, m.kind)
                for m in self.mentions_in(stretch_start, stretch_end)
                if m.kind in _NAMED
            ]
            low = bisect_left(all_starts, stretch_start)
            high = bisect_left(all_starts, stretch_end)
            stretch = all_words[low:high]
            # Filtering the columns' slices with `compress` (no call per word).
            lettered = list(map(str.isalpha, map(itemgetter(0), stretch)))
            words += compress(stretch, lettered)
            starts += compress(all_starts[low:high], lettered)
            ends += compress(all_ends[low:high], lettered)
        lowers = list(map(str.lower, words))
        # Cue words and pronouns; `I` only as a capital (unless a cue word): the others,
        # then the capital `I`s among them, in order.
        wanted = _triggering(self.cue_words)
        capital_i: list[int] = []
        if "i" not in wanted and "I" in words:
            capital_i = list(compress(range(len(words)), map("I".__eq__, words)))
        triggers = list(compress(range(len(lowers)), map(wanted.__contains__, lowers)))
        return _Surroundings(
            start,
            first == 0,
            after == len(all_starts),
            UnquotedWords(self.text, words, lowers, starts, ends),
            sorted(triggers + capital_i) if capital_i else triggers,
            names,
            [speaker.start for speaker in names],
        )

    def _nearby(self, index: int, add: _Add, *, only_mark: bool = False) -> None:
        """Names, pronouns and subjects of cue words in the window of quote `index`
        (`only_mark`: only as rules of the candidates found already)."""
        window_start, window_end = self._windows[index]
        around = self._surroundings[index]
        names, name_starts = around.names, around.name_starts
        for speaker in names[
            bisect_left(name_starts, window_start) : bisect_left(name_starts, window_end)
        ]:
            add(speaker, "name", only_mark=only_mark)
        # The words starting inside the window, and the pronouns and cue words among them.
        unquoted = around.words
        low = bisect_left(unquoted.starts, window_start)
        high = bisect_left(unquoted.starts, window_end)
        triggers = around.triggers
        lowers = unquoted.lowers
        for trigger in range(bisect_left(triggers, low), bisect_left(triggers, high)):
            position = triggers[trigger]
            lower = lowers[position]
            if lower in PRONOUNS and (lower != "i" or unquoted.words[position] == "I"):
                if not only_mark:  # a pronoun is no name's span
                    add(self._pronoun_speaker(unquoted, position), "pronoun")
            elif position > low:
                key = unquoted.starts[position]
                chunks = self._chunks.get(key)
                if chunks is None:
                    chunks = self._chunks_of(unquoted, position)
                    self._chunks[key] = chunks
                subject, after = chunks
                add(subject, "cue_subject", only_mark=only_mark)
                if position + 1 < high:
                    # `said a senior official` names the speaker when a name or role is
                    # there too; alone, the words after a cue word were rarely the
                    # speaker (cross-validation inside PolNeAR train).
                    add(after, "cue_object", only_mark=True)

    def _pronoun_speaker(self, unquoted: UnquotedWords, position: int) -> Speaker | None:
        """The speaker a pronoun names (whom it stands for depends on the last speaker)."""
        start = unquoted.starts[position]
        key = (start, self.last_speaker, self.unnamed_speaker_at)
        if key not in self._pronoun_speakers:
            self._pronoun_speakers[key] = self.speaker(start, unquoted.ends[position])
        return self._pronoun_speakers[key]

    def _chunks_of(
        self, unquoted: UnquotedWords, cue: int
    ) -> tuple[Speaker | None, Speaker | None]:
        """The subject and object of the cue word at index `cue`, as speakers."""
        subject, after = unquoted.around_cue(cue)
        return (
            None if subject is None else self._chunk(*subject),
            None if after is None else self._chunk(*after),
        )

    def _chunk(self, start: int, end: int) -> Speaker | None:
        furniture = self._furniture
        if furniture and any(start < f_end and f_start <= end + 1 for f_start, f_end in furniture):
            # `Story Continued Below Writing at a time…`: the furniture, or a word run
            # into it, writes nothing.
            return None
        named = self.mentions_in(start, end)
        if named:
            m = named[-1]
            return Speaker(m.start, m.end, m.text, m.name, m.kind)
        phrase = self.text[start:end]
        return Speaker(start, end, phrase, None, None)


# The words `_nearby` looks at, by the cue words they were made from (with them, so that
# their id stays theirs): one model's cue words serve every article of a process.
_TRIGGERING: dict[int, tuple[dict[str, str], set[str]]] = {}


def _triggering(cue_words: dict[str, str]) -> set[str]:
    """Cue words and pronouns; `i` only if a cue word (else only a capital `I` is one,
    which `_scan_words` looks for apart)."""
    made = _TRIGGERING.get(id(cue_words))
    if made is None or made[0] is not cue_words:
        wanted = cue_words.keys() | PRONOUNS
        if "i" not in cue_words:
            wanted.discard("i")
        if len(_TRIGGERING) > 8:
            _TRIGGERING.clear()
        made = _TRIGGERING[id(cue_words)] = (cue_words, wanted)
    return made[1]


class _Add(Protocol):
    """The `add` callback of `CandidateFinder.candidates`."""

    def __call__(
        self, speaker: Speaker | None, rule: str, cue: str | None = None, only_mark: bool = False
    ) -> None: ...
