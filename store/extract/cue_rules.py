"""Attribution rules: the speakers that cue words point at around a quote.

Each rule proposes a speaker; the speaker model (`speaker_model`) weighs the
proposals with the other candidates, so a rule here says what the text shows
(`,” Putin said`, `The diplomat said:`), not which evidence wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.extract.cue_verbs import CUE, CUES
from store.extract.layouts import signature_after, speaker_label
from store.extract.quote_continuity import QuoteContinuity, content_end
from store.extract.speakers import APPOSITION, MAX_SPEAKER_WORDS, Speaker

# Punctuation right after a quote's closing mark: the quote ends its clause.
_CLOSES_CLAUSE = re.compile(r"[”\"'’]*\s*[,.!?;:—–―-]")
# After a quote that ends in a full stop: a lowercase word or a comma keeps its sentence
# going (`“…?” asked Vitter`, `“….” he said`).
_STAYS_IN_SENTENCE = re.compile(r"[”\"'’]*\s*(?:[,—–―-]|[a-z])")
# After a quote, a conjunction opening another clause: `,” but he said`.
_NEW_CLAUSE = re.compile(r"[”\"'’]*\s*,?\s*(?:but|and|while|though|although)\s")
# Before a cue word, what makes it a noun: `Trump’s late-night tweets`, `those reports`.
_NOUN_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|his|her|their|its|our|these|those|such|recent|earlier|new)|’s|'s|-\w+)\s+$"
)
_ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)
_INVERTED_OPENING = re.compile(
    r"\s*(?P<cue>Said|Says|Added|Adds|Asked|Asks|Wrote|Writes|Tweeted)\s+"
    r"(?P<phrase>[^,:“”\"\n]{1,60})[,:]\s*[“\"]?\s*$"
)
_ACCORDING_OPENING = re.compile(r"[\s“”\"]*(?P<cue>According to) (?P<phrase>[^,:“”\"\n]{1,80})[,:]")
# The speaker right after an inverted cue: `said Giles`, `said Kremlin spokesman Dmitry Peskov`.
_AFTER_CUE = re.compile(r"\s+(?P<phrase>[^,.;:!?“”\"\n]{1,80})")
# A cue right after a quotation, its speaker after it and a comma: `“…,” said a senior
# employee, adding “…”` (not `author of “The Other Woman,” said Clinton has been “…”`).
_CLOSING_MARKS = ("”", '"', "’", "'")
_INVERTED_AFTER_QUOTE = re.compile(r"\s+(?P<phrase>[^,;:!?“”\"\n]{1,80}),")
# `anybody who complains`; `by announcing`.
_ANYONE = {"anybody", "anyone", "everybody", "everyone", "nobody"}
_PREPOSITIONS = {"by", "after", "before", "without", "while", "for", "in", "of", "on", "from"}
# A cue verb closing a sentence before its comma: `The lawsuit says,`.
_CUE_BEFORE_COMMA = re.compile(rf"(?:{CUE.pattern}),$")
# How far before a quote its cue may stand (characters).
_CUE_REACH = 300
# What ends a speaker phrase: a mark (`?`, another quote's) or a sentence's end
# (abbreviations like "Mr." and "(D-Mo.)" are no end).
_BREAKING = r"[!?;“”\"]"
_BREAKING_MARK = re.compile(_BREAKING)
_PHRASE_BREAK = re.compile(rf"{_BREAKING}|(?<![A-Za-z])[a-z]+\.(?:\s+[A-Z]|$)")
_CLOSING_CUE = re.compile(
    rf",\s+(?P<subject>[^,“”\"]{{1,60}}?)\s+(?P<cue>{CUES})(?:\s+[\w.-]+){{0,3}}\.$"
)
_REPORTED_SUBJECT = re.compile(
    r"\s+that\s+(?P<subject>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s+[a-z]+s\b"
)
# After a cue after a quote that ends its sentence: a short rest of the clause.
_SHORT_CLAUSE = re.compile(r"^(?:\s+[\w’'.-]+){0,4}\s*[.,]")


# Cues by which a news outlet passes on what someone else said.
_REPORTING = {"reported", "reports", "according to", "said", "says"}
# Of those and the like, the ones by which an outlet passes on words a person in the same
# sentence said (not `said`: `Putin said …, the Kremlin said` is the Kremlin's too).
PASSING_ON = {"reported", "reports", "according to", "states", "stated"}


@dataclass(slots=True)
class Proposal:
    """A speaker a rule sees for a quote: `rule` names the rule (a model feature)."""

    speaker: Speaker
    rule: str
    cue: str | None


def _after_is_another_clause(text: str, end: int) -> bool:
    """Whether a cue after the quote ending at `end` belongs to another clause than
    the quote's: the sentence runs on past the quote (`… to take “robust steps” in
    response, and he urged`), a conjunction opens a clause (`“…,” but he said`), or
    the quote ends its sentence and the cue opens the next (`She says Trump is the
    “same rigged system.” She adds, “…”`)."""
    last = text[end - 1 : end]
    if not (last in ",.!?;:" or _CLOSES_CLAUSE.match(text, end)):
        return True
    if _NEW_CLAUSE.match(text, end):
        return True
    return last in ".!?" and not _STAYS_IN_SENTENCE.match(text, end)


def _ends_sentence(text: str, end: int) -> bool:
    """Whether the text before `end` ends with a full stop, `!` or `?` (spaces aside)."""
    end = content_end(text, end)
    return text[end - 1 : end] in (".", "!", "?")


class CueRules(QuoteContinuity):
    """Cues around quotes, on top of the article's names and how quotes follow one another."""

    # The sentence before the last quote asked about (`_head`): two rules read it.
    _head_at: tuple[int, tuple[int, str, list[re.Match[str]]]] | None = None

    def after_proposal(self, end: int) -> Proposal | None:
        """The speaker of a cue right after the quote ending at `end`, if any."""
        after = self.after(end)
        if after is None:
            return None
        outlet = after[0].kind == "org" and after[1] in _REPORTING
        other_clause = _after_is_another_clause(self.text, end)
        rule = "after_outlet" if outlet else "after_other_clause" if other_clause else "after"
        return Proposal(after[0], rule, after[1])

    def proposals(
        self, start: int, end: int, following: tuple[int, int] | None, after: Proposal | None
    ) -> list[Proposal]:
        """What the cue rules see for the quote `text[start:end]`: the speaker of a
        cue after it (`after`, from `after_proposal`), of a cue before it in its
        sentence, of the cue after the next part of a split quote, and a person in a
        reported clause before it.

        `Putin said that it was “…,” Sputnik reported`: an outlet reporting is
        marked, so that the model can prefer the person before the quote.
        """
        found = [] if after is None else [after]
        before = self.before(start)
        if before is not None:
            # (`Here’s what he said:` and the quotation in the paragraph after: its own rule.)
            colon = self._after_colon(start)
            rule = "label" if before[1] == ":" else "colon" if colon else "before"
            found.append(Proposal(before[0], rule, before[1]))
        if following is not None and after is None:
            partner = self._split_partner(end, following)
            if partner is not None:
                found.append(Proposal(partner[0], "split", partner[1]))
        reported = self.reported_subject(start)
        if reported is not None:
            found.append(Proposal(reported, "reported", None))
        return found

    def _split_partner(self, end: int, following: tuple[int, int]) -> tuple[Speaker, str] | None:
        """`“A,” … “B,” he said`: the first part takes the cue after the second when
        only punctuation or a few words stand between them (no cue of their own)."""
        between = self.text[end : following[0]]
        if len(between) > 60 or "\n" in between or CUE.search(between):
            return None
        return self.after(following[1])

    def _head(self, start: int) -> tuple[int, str, list[re.Match[str]]]:
        """The sentence before `start` (its last _CUE_REACH characters at most), where it
        starts, and its last three cue words."""
        if self._head_at is None or self._head_at[0] != start:
            sentence_start = max(self.sentence_start(start), start - _CUE_REACH)
            head = self.text[sentence_start:start]
            self._head_at = (start, (sentence_start, head, list(CUE.finditer(head))[-3:]))
        return self._head_at[1]

    def reported_subject(self, start: int) -> Speaker | None:
        """`the BBC states that Putin refuses to “stoop”`: the person in a reported
        clause before the quote, whose words the quote may be."""
        sentence_start, head, cues = self._head(start)
        for cue in reversed(cues):
            clause = _REPORTED_SUBJECT.match(head, cue.end())
            if clause:
                subject = self.mention_ending_at(sentence_start + clause.end("subject"))
                if subject is not None and subject.kind == "person":
                    return Speaker(subject.start, subject.end, subject.text, subject.name, "person")
        return None

    def after(self, end: int) -> tuple[Speaker, str] | None:
        """A cue right after a quote: `,” Putin said` or `,” said Giles`."""
        window_end = self.text.find("\n", end)
        window_end = min(len(self.text) if window_end == -1 else window_end, end + 160)
        tail = self.text[end:window_end]
        lead = len(tail) - len(tail.lstrip(" ,.!?”\"'’—–―-\u00a0"))
        signed = signature_after(self, end, tail, lead)
        if signed is not None:
            return Speaker(signed.start, signed.end, signed.text, signed.name, signed.kind), "—"
        according = _ACCORDING.match(tail, lead)
        if according:
            phrase = _AFTER_CUE.match(tail, according.end())
            if phrase:
                speaker = self.speaker(end + phrase.start("phrase"), end + phrase.end("phrase"))
                if speaker:
                    return speaker, "according to"
        # A cue past a mark that breaks the phrase is none of this quote's: it is looked
        # for only before the first (no cue word holds one).
        mark = _BREAKING_MARK.search(tail, lead)
        cue = CUE.search(tail, lead, len(tail) if mark is None else mark.start())
        if cue is None or _PHRASE_BREAK.search(tail, lead, cue.start()):
            return None
        if _ends_sentence(self.text, end) and "," not in tail[:lead]:
            # `“… tolerated.” Putin said the …` opens a new sentence: only a short
            # `“….” Putin said.` attributes the quote before it.
            rest = tail[cue.end() :]
            if not _SHORT_CLAUSE.match(rest):
                return None
        if tail[lead : cue.start()].strip():
            # `,” the Russian leader said`
            if len(tail[lead : cue.start()].split()) > MAX_SPEAKER_WORDS:
                # `Leonard E. Burman, director of …, said`: only a name and its apposition.
                named = self.mentions_in(end + lead, end + lead + 2)
                apposition = named and APPOSITION.match(self.text[named[0].end : end + cue.start()])
                if not (named and apposition and named[0].kind == "person"):
                    return None
            # The subject next to the verb: `of the Clinton proposals, Mr. Holtz-Eakin said`.
            speaker = self.subject(end + lead, end + cue.start())
        else:
            # `,” said Giles`
            phrase = _AFTER_CUE.match(tail, cue.end())
            if phrase is None:
                return None
            speaker = self.speaker(end + phrase.start("phrase"), end + phrase.end("phrase"))
        return (speaker, cue.group().lower()) if speaker else None

    def before(self, start: int) -> tuple[Speaker, str] | None:
        """A cue before a quote in its sentence: `Putin said, “…` or `The diplomat said:`."""
        # The end of a long sentence is enough: a cue names its speaker close by.
        sentence_start, head, cues = self._head(start)
        labelled = not cues and not _ACCORDING_OPENING.match(head)
        label = speaker_label(self, sentence_start, head) if labelled else None
        if label is not None:
            return label, ":"
        previous_end = self._previous_end(start)
        if previous_end is not None:
            # The quote opens a sentence: `The diplomat said:` or `…, Schiff said.`
            # may end the one before.
            if self._introduces(previous_end):
                return self.before(previous_end)
            return self._closing_attribution(previous_end)
        participle = None  # `…, saying “…”` after a clause whose verb is no cue
        for cue in reversed(cues):
            if _NOUN_BEFORE.search(head, max(cue.start() - 40, 0), cue.start()):
                continue
            if cue.group().endswith("ing"):
                before_cue = head[: cue.start()].rstrip()
                if before_cue.endswith(","):
                    # `Mook said as much …, arguing that “…”`: the subject of "said"
                    participle = participle or cue
                    continue
                named = self.mention_ending_at(sentence_start + len(before_cue))
                if named is not None and named.kind == "person" and named.end > sentence_start:
                    # `…, with Lavrov calling them “groundless”`: the person right before
                    # the verb is its subject.
                    subject = Speaker(named.start, named.end, named.text, named.name, "person")
                    return subject, cue.group().lower()
                # `Trump unleashed tweets early Friday saying that …`: the sentence's subject.
                opening = self.sentence_subject(sentence_start + cue.start())
                if opening is not None:
                    return opening, cue.group().lower()
                if before_cue.rsplit(" ", 1)[-1].lower() in _PREPOSITIONS:
                    continue  # `the results of their check by announcing`: no subject near
            inverted = head[: cue.start()].rstrip().endswith(_CLOSING_MARKS) and (
                _INVERTED_AFTER_QUOTE.match(head, cue.end())
            )
            if inverted:
                # The cue's subject follows it; what stands before is the quotation before.
                speaker = self.speaker(
                    sentence_start + inverted.start("phrase"),
                    sentence_start + inverted.end("phrase"),
                )
            else:
                speaker = self.subject(sentence_start, sentence_start + cue.start())
            if speaker and not self._anybody_who(speaker):
                return speaker, cue.group().lower()
        # `Said Ellis: “…”`, `According to Limbaugh, “…”`: the source opens the sentence.
        for pattern in (_INVERTED_OPENING, _ACCORDING_OPENING):
            found = pattern.match(head)
            if found:
                phrase_start = sentence_start + found.start("phrase")
                speaker = self.speaker(phrase_start, sentence_start + found.end("phrase"))
                if speaker is not None:
                    return speaker, found.group("cue").lower()
        if participle is not None:
            # `Fiorina threw her support behind Cruz, saying it is time for a “real …”`:
            # no cue before it, the sentence's subject.
            opening = self.sentence_subject(sentence_start + participle.start())
            if opening is not None:
                return opening, participle.group().lower()
        return None

    def _anybody_who(self, speaker: Speaker) -> bool:
        """`anybody who complains`: a `who` that stands for anyone at all speaks for no one."""
        if speaker.name is not None or speaker.text.lower() != "who":
            return False
        before = self.text[max(0, speaker.start - 12) : speaker.start].split()
        return bool(before) and before[-1].lower() in _ANYONE

    def _previous_end(self, start: int) -> int | None:
        """Where the sentence before ends, when the quote at `start` opens its own."""
        sentence_start, head, cues = self._head(start)
        if cues or head.strip(" “\"'") or start == 0:
            return None
        return content_end(self.text, sentence_start)

    def _after_colon(self, start: int) -> bool:
        """Whether the quote at `start` opens a sentence right after one ending in a colon
        (or in a cue and a comma: `The lawsuit says,`)."""
        previous_end = self._previous_end(start)
        return previous_end is not None and self._introduces(previous_end)

    def _introduces(self, end: int) -> bool:
        """Whether the sentence ending at `end` introduces what follows: `Here's what he
        said:`, or a paragraph ending `The lawsuit says,` before the quotation."""
        last = self.text[end - 1 : end]
        if last != ",":
            return last == ":"
        return _CUE_BEFORE_COMMA.search(self.text, max(0, end - 30), end) is not None

    def _closing_attribution(self, previous_end: int) -> tuple[Speaker, str] | None:
        """`… over Syria, Schiff said.` (a paraphrase) attributes the quote after it."""
        text = self.text
        if text[previous_end - 1 : previous_end] != "." or text[
            max(0, previous_end - 3) : previous_end
        ].endswith(("”.", '".', "''.")):
            return None
        sentence_start = self.sentence_start(previous_end - 1)
        closing = _CLOSING_CUE.search(text, sentence_start, previous_end)
        if closing is None:
            return None
        speaker = self.subject(closing.start("subject"), closing.start("cue"))
        return (speaker, closing.group("cue")) if speaker else None
