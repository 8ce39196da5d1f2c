"""Who a phrase of an article names (a name, a pronoun, a role or an unnamed source),
and who the subject of a sentence is."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from store.extract.entities import Mention, People
from store.extract.epithets import epithet_holder, role_holder
from store.extract.lexicon import lexicon
from store.extract.pronouns import recent_subject, relative_antecedent, resolve
from store.extract.sentence_shapes import (
    AFTER_NAME,
    NOT_TITLE,
    ROLE_SUBJECT,
    SENTENCE_OPENING,
    UNNAMED_SUBJECT,
    VERB_AFTER_SUBJECT,
)
from store.extract.sentences import sentence_starts
from store.extract.speaker_model import LinearModel
from store.extract.speaker_words import (
    DETERMINERS,
    GENDERED_PRONOUNS,
    GROUP_PRONOUNS,
    modifies_a_role,
)

MAX_SPEAKER_WORDS = 9
_HE_OR_SHE = re.compile(r"(He|She)\b")
# "Dmitry Pskov, a spokesman for Russian President Vladimir Putin, said": the name
# before the apposition speaks; the apposition may end in a title in quotation marks
# (`Dolly Kyle, author of “Hillary the Other Woman,” said`), and a verb's auxiliary after
# it (`Rabbi Marvin Hier, the founder of …, has said`).
APPOSITION = re.compile(
    r"^\s*,\s*[^“”\"\n,]{1,100}(?:,[^“”\"\n,]{1,80})?(?:,|“[^“”\n]{1,80},”)"
    r"(?:\s+(?:has|have|had|also|later|often|once|would|will|did|does|recently))*\s*$"
)


# Not frozen: a frozen dataclass costs four times as much to make, and attribution makes
# hundreds of speakers per article. Treated as immutable all the same.
@dataclass(slots=True)
class Speaker:
    """Who said a quote: the span naming them, and the article's name for them (if any)."""

    start: int
    end: int
    text: str
    name: str | None
    kind: str | None

    def for_government(self) -> Speaker:
        """A capital speaking (`Moscow warned`) speaks for its country's government."""
        country = lexicon().capitals.get(self.name or "") if self.kind == "place" else None
        if country is None:
            return self
        return Speaker(self.start, self.end, self.text, country, "place")


class ArticleNames:
    """An article's text and names, with the look-ups attribution needs."""

    def __init__(self, text: str, mentions: list[Mention], people: People) -> None:
        self.text = text
        self.mentions = mentions
        self.starts = [mention.start for mention in mentions]
        self.people = people
        # Where each person is named (indices into `mentions`): roles look them up.
        self.named_at: dict[str, list[int]] = {}
        for index, mention in enumerate(mentions):
            if mention.kind == "person":
                self.named_at.setdefault(mention.name, []).append(index)
        # The person who spoke last, for `he said` after a run of their quotes.
        self.last_speaker: str | None = None
        # Where the last quote ends when its speaker was someone unnamed (`a senior
        # official`): a `he added` right after it is that speaker, no one we can name.
        self.unnamed_speaker_at: int | None = None
        # Where each person spoke, in text order.
        self.spoken: list[tuple[int, str]] = []
        # Who `he`/`she` stands for, when a trained resolver is given.
        self.pronoun_model: LinearModel | None = None
        self._resolved: dict[tuple[int, str, str | None, int | None], str | None] = {}
        self.antecedent_facts: dict[int, tuple[list[str], int, int]] = {}
        # The article's quoted passages (`set_quoted`): names inside them are spoken of.
        self.quoted: list[tuple[int, int]] = []
        self._quoted_starts: list[int] = []
        self.sentence_starts = sentence_starts(text)

    def set_quoted(self, spans: list[tuple[int, int]]) -> None:
        self.quoted = spans
        self._quoted_starts = [start for start, _ in spans]

    def inside_quote(self, position: int) -> bool:
        index = bisect_right(self._quoted_starts, position) - 1
        return index >= 0 and position < self.quoted[index][1]

    def sentence_start(self, position: int) -> int:
        """Where the sentence holding `position` starts (sentences end at a paragraph
        too, and not inside quotation marks)."""
        return self.sentence_starts[bisect_right(self.sentence_starts, position) - 1]

    def sentence_subject(self, start: int) -> Speaker | None:
        """The subject of the sentence a quote sits in, when it opens the sentence
        (after an opening phrase like `At Monday’s debate,`) and a verb follows:
        a name (`Clinton blasted the media as “dishonest”`), `he`/`she`, or a
        role (`The Republican nominee vowed to punish “…”`). A possessive
        (`Trump’s tweets were “unhinged”`) or any other opening names no one."""
        sentence_start = self.sentence_start(start)
        head = self.text[sentence_start:start]
        opening = SENTENCE_OPENING.match(head)
        at = sentence_start + (opening.end() if opening else 0)
        if at >= start:
            return None
        named = self.mentions_in(at, start)
        first = named[0] if named else None
        if first is not None:
            # Only titles may stand before the name: `Retired Lt. Gen. Michael Flynn`,
            # `Democratic presidential nominee Hillary Clinton`.
            lead = self.text[at : first.start].split()
            if len(lead) <= 4 and not any(word.lower() in NOT_TITLE for word in lead):
                rest = self.text[first.end : start]
                extra = AFTER_NAME.match(rest)
                if VERB_AFTER_SUBJECT.match(rest, extra.end() if extra else 0):
                    return Speaker(first.start, first.end, first.text, first.name, first.kind)
                return None
        pronoun = _HE_OR_SHE.match(self.text[at:start])
        if pronoun and VERB_AFTER_SUBJECT.match(self.text[at + pronoun.end() : start]):
            return self.speaker(at, at + pronoun.end())
        role = ROLE_SUBJECT.match(self.text[at:start])
        if role and role.group("title").lower() in lexicon().titles:
            return self.speaker(at, at + role.end("title"))
        return None

    def previous_sentence_subject(self, start: int) -> Speaker | None:
        """`Sanders identified exhaustion as a reason. “The younger people are …”`: a
        quote opening a sentence with no cue is the words of the subject of the
        sentence before it in the paragraph."""
        sentence_start = self.sentence_start(start)
        if self.text[sentence_start:start].strip(" “\"'") or sentence_start == 0:
            return None
        if self.text[sentence_start - 1] == "\n":
            return None  # the quote opens its paragraph
        return self.sentence_subject(sentence_start - 1)

    def mention_ending_at(self, end: int) -> Mention | None:
        index = bisect_left(self.starts, end) - 1
        while index >= 0:
            mention = self.mentions[index]
            if mention.end <= end and end - mention.end <= 3:  # "Trump’s" ends after the name
                return mention
            if mention.end < end - 3:
                return None
            index -= 1
        return None

    # -- speakers ---------------------------------------------------------------

    def speaker(self, start: int, end: int) -> Speaker | None:
        """The speaker named in `text[start:end]`."""
        phrase = self.text[start:end]
        stripped = phrase.strip(" ,")
        if not stripped:
            return None
        start += phrase.index(stripped)
        end = start + len(stripped)
        words = stripped.split()
        if len(words) > MAX_SPEAKER_WORDS:
            return None
        first = words[0].lower()
        inside = [
            m
            for m in self.mentions_in(start, end)
            if m.kind in ("org", "place")
            or (m.kind == "person" and not modifies_a_role(self.text, m.end, end))
        ]
        if first in GENDERED_PRONOUNS and len(words) == 1:
            person = self._pronoun_person(start, GENDERED_PRONOUNS[first])
            return Speaker(start, end, stripped, person, "person" if person else None)
        if first == "who" and len(words) == 1 and (before := relative_antecedent(self, start)):
            return Speaker(start, end, stripped, before.name, before.kind)
        if first in GROUP_PRONOUNS and len(words) == 1:
            return Speaker(start, end, stripped, None, None)
        if first.endswith(("'s", "’s")) and len(words) > 1:
            return Speaker(start, end, stripped, None, None)  # "Obama's former strategist"
        if first in DETERMINERS:
            # "the spokesman for Putin" is not Putin; "the diplomat" is the last diplomat named.
            named = [
                m for m in inside if m.kind == "person" and not _after_preposition(self.text, m)
            ]
            if named:
                m = named[0]
                return Speaker(m.start, m.end, m.text, m.name, m.kind)
            organisation = [m for m in inside if m.kind == "org" and m.start - start < 12]
            if organisation and "statement" in stripped.lower():
                m = organisation[0]
                return Speaker(start, end, stripped, m.name, m.kind)
            person = role_holder(self, start, words) or epithet_holder(self, start, words)
            return Speaker(start, end, stripped, person, "person" if person else None)
        for kind in ("person", "org", "place"):
            for m in inside:
                if m.kind == kind:
                    return Speaker(m.start, m.end, m.text, m.name, m.kind)
        if stripped[0].isupper() and len(words) <= 4:
            return Speaker(start, end, stripped, None, None)
        return None

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The mentions starting in `text[start:end]`, in order."""
        starts = self.starts
        return self.mentions[bisect_left(starts, start) : bisect_left(starts, end)]

    def _pronoun_person(self, before: int, gender: str) -> str | None:
        """Who `he`/`she` is: the last speaker, if the gender fits; else the first
        fitting person of this sentence or the one before (the subject); else the
        last fitting person named. No one, right after an unnamed speaker's quote."""
        if self.after_unnamed_speaker(before) or self.unnamed_subject(before):
            return None
        if self.pronoun_model is not None and self.pronoun_model.weights:
            # A pronoun is a candidate of every quote near it: resolve it once for
            # each last speaker.
            key = (before, gender, self.last_speaker, self.unnamed_speaker_at)
            if key not in self._resolved:
                subject = recent_subject(self, before, gender)
                self._resolved[key] = subject or resolve(self, before, gender, self.pronoun_model)
            return self._resolved[key]
        fits = self._fits(gender)
        if self.last_speaker is not None and fits(self.last_speaker):
            return self.last_speaker
        sentence = self.sentence_start(before)
        previous = self.sentence_start(max(sentence - 2, 0)) if sentence > 0 else sentence
        for start in (sentence, previous):
            for mention in self.mentions_in(start, before):
                if mention.kind == "person" and fits(mention.name):
                    return mention.name
            before = start
        index = bisect_left(self.starts, before) - 1
        while index >= 0:
            mention = self.mentions[index]
            if mention.kind == "person" and fits(mention.name):
                return mention.name
            index -= 1
        return None

    def unnamed_subject(self, position: int) -> Speaker | None:
        """Whom `he`/`she` opening a sentence at `position` stands for when the sentence
        before opens with someone unnamed, with no person named since: `But a spokesman
        for the Home Office defended the plans. He said: “…”` (a new someone, not the
        last), or after a quotation (`“…,” he said`): `a spokesman`."""
        sentence = self.sentence_start(position)
        if sentence == 0 or any(
            char.isalpha()
            for start, end in self.unquoted(sentence, position)
            for char in self.text[start:end]
        ):
            return None
        previous = self.sentence_start(sentence - 1)
        role = UNNAMED_SUBJECT.match(self.text, previous, sentence)
        if role is None or role.group("title").lower() not in lexicon().titles:
            return None
        # Someone named since is whom the pronoun stands for, unless of the other gender
        # (`A spokeswoman … said it was examining Mr Taylor's complaint. “…,” she said`).
        fits = self._fits_pronoun_at(position)
        if any(m.kind == "person" and fits(m.name) for m in self.mentions_in(previous, position)):
            return None
        start, end = role.span("subject")
        return Speaker(start, end, self.text[start:end], None, None)

    def unquoted(self, start: int, end: int) -> list[tuple[int, int]]:
        """The stretches of `text[start:end]` outside quotation marks."""
        stretches = []
        index = max(bisect_right(self._quoted_starts, start) - 1, 0)
        while start < end:
            quoted = self.quoted[index] if index < len(self.quoted) else (end, end)
            if quoted[1] <= start:
                index += 1
                continue
            stretches.append((start, min(quoted[0], end)))
            start = quoted[1]
            index += 1
        return [(a, b) for a, b in stretches if b > a]

    def after_unnamed_speaker(self, position: int) -> bool:
        """Whether the last quote before `position` was an unnamed speaker's, with no
        person named outside quotation marks since (for `he` or `she` at `position`, no
        person of that gender)."""
        since = self.unnamed_speaker_at
        if since is None or since > position:
            return False
        fits = self._fits_pronoun_at(position)
        return not any(
            mention.kind == "person" and not self.inside_quote(mention.start) and fits(mention.name)
            for mention in self.mentions_in(since, position)
        )

    def _fits(self, gender: str) -> Callable[[str], bool]:
        def fits(name: str) -> bool:
            return self.people.genders.get(name, "?") in (gender, "?")

        return fits

    def _fits_pronoun_at(self, position: int) -> Callable[[str], bool]:
        """Whether a person may be whom the word at `position` stands for: anyone, but
        for `he` or `she` no one the article knows as of the other gender."""
        word = self.text[position : position + 4].split(maxsplit=1)
        return self._fits(GENDERED_PRONOUNS.get(word[0].lower(), "?") if word else "?")


def _after_preposition(text: str, mention: Mention) -> bool:
    before = text[max(0, mention.start - 12) : mention.start].split()
    return bool(before) and before[-1].lower() in {"for", "of", "to", "with", "from"}
