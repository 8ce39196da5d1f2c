"""Who said what: quoted passages and the speakers they are attributed to.

Quotes are found paragraph by paragraph: curly and straight double quotes,
two apostrophes (`''`), single quotes around several words; a quote left open
at a paragraph's end closes there (the next paragraph reopens it), and a
closing mark with no opening one quotes from the paragraph's start.

Each quote is attributed, in order of evidence, to:
1. a cue after it: `,” Putin said`, `,” said Giles`, `,” the Russian leader
   added`, `,” according to Reuters`;
2. a cue before it in the same sentence: `Putin said, “…”`, `The diplomat
   said:` (also at the end of the previous paragraph), `Zakharova has stated
   that these claims are “lies”`;
3. the speaker of the quote just before it in the same or the previous
   paragraph (split and continued quotes, quotes standing alone);
4. the person the previous paragraph names most (a quote standing alone).
The speaker span is a name, a pronoun (resolved to the last person of a
matching gender), a role (`the diplomat`: the last person given that
title), or an unnamed source (`a senior official`: no entity).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from store.extract.entities import Mention, People
from store.extract.lexicon import lexicon

_CUES = (
    r"said|says|say|saying|told|tells|tell|added|adds|wrote|writes|tweeted|tweets|stated|states|"
    r"warned|warns|noted|notes|remarked|remarks|responded|responds|replied|replies|explained|"
    r"explains|argued|argues|insisted|insists|claimed|claims|asked|asks|declared|declares|"
    r"announced|announces|acknowledged|admitted|continued|continues|concluded|recalled|"
    r"suggested|predicted|joked|quipped|complained|emphasized|emphasised|stressed|described|"
    r"describes|called|calls|echoed|posted|reported|reports|added|urged|urges|vowed|pledged|"
    r"conceded|countered|boasted|predicted|observed|told|texted|commented|testified|yelled|"
    r"shouted|cautioned|promised|dubbed|labeled|labelled|branded|reads|read|asking|adding|"
    r"telling|writing|noting|warning|arguing|claiming|insisting|explaining|declaring|tweeting|"
    r"scolded|put it|puts it|mused|sighed|argued|replied|interjected|retorted|boasted|"
    r"yells|yelled|shouts|screamed|chanted|chants|sang|sings"
)
# Cue verbs are lowercase: "States" in "United States" is no cue.
_CUE = re.compile(rf"\b(?:{_CUES})\b")
_ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)
# The speaker right after an inverted cue: `said Giles`, `said Kremlin spokesman Dmitry Peskov`.
_AFTER_CUE = re.compile(r"\s+(?P<phrase>[^,.;:!?“”\"\n]{1,80})")
_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
_GROUP_PRONOUNS = {"they", "it", "we", "i", "you", "who", "which"}
_DETERMINERS = {"a", "an", "the", "one", "another", "some", "two", "three", "several",
                "my", "his", "her", "their", "our", "its", "your"}  # fmt: skip
_LINKING = re.compile(
    r"^(?:\s|,|\d+|has|have|had|also|often|later|then|again|once|further|previously|earlier|"
    r"recently|"
    r"repeatedly|simply|only|just|would|will|could|might|may|did|does|is|was|\w+ly)*$"
)
_MAX_SPEAKER_WORDS = 9
# How far before a quote its cue may stand (characters).
_CUE_REACH = 300
# What ends a speaker phrase: a sentence's end (abbreviations like "Mr." and
# "(D-Mo.)" are no end) or another quote.
_PHRASE_BREAK = re.compile(r"[!?;“”\"]|(?<![A-Za-z])[a-z]+\.(?:\s+[A-Z]|$)")
_CLOSING_CUE = re.compile(
    rf",\s+(?P<subject>[^,“”\"]{{1,60}}?)\s+(?P<cue>{_CUES})(?:\s+[\w.-]+){{0,3}}\.$"
)
_STATEMENT_WORDS = 5
# "Dmitry Pskov, a spokesman for Russian President Vladimir Putin, said": the name
# before the apposition speaks.
_APPOSITION = re.compile(r"^\s*,\s*[^“”\"\n,]{1,100}(?:,[^“”\"\n,]{1,80})?,\s*$")
_REPORTED_SUBJECT = re.compile(
    r"\s+that\s+(?P<subject>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s+[a-z]+s\b"
)
_ROLE = re.compile(r"\b[Tt]he(?:\s+[\w-]+){1,3}")
_SENTENCE_BREAK = re.compile(r"[.!?][”\"’]?\s+(?=[A-Z“\"])")
_MARKS = re.compile(r"“|”|\"|''|‘|’")


@dataclass(frozen=True)
class Quote:
    """A quoted passage and who said it; offsets are into the article's text."""

    start: int
    end: int
    text: str
    speaker_text: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_name: str | None
    speaker_kind: str | None
    cue: str | None


@dataclass(frozen=True)
class _Speaker:
    start: int
    end: int
    text: str
    name: str | None
    kind: str | None

    def for_government(self) -> _Speaker:
        """A capital speaking (`Moscow warned`) speaks for its country's government."""
        country = lexicon().capitals.get(self.name or "") if self.kind == "place" else None
        if country is None:
            return self
        return _Speaker(self.start, self.end, self.text, country, "place")


def extract_quotes(text: str, mentions: list[Mention], people: People) -> list[Quote]:
    """Every quoted passage in `text`, attributed where the text says who spoke."""
    spans = _quote_spans(text)
    context = _Context(text, mentions, people)
    quotes: list[Quote] = []
    previous: tuple[int, _Speaker, str | None] | None = None
    for index, (start, end) in enumerate(spans):
        speaker, cue = _attribute(context, start, end)
        if speaker is None and index + 1 < len(spans):
            speaker, cue = _split_partner(context, end, spans[index + 1])
        if speaker is None and previous is not None:
            paragraph_gap = text.count("\n\n", previous[0], start)
            follows = context.follows_attribution(previous[0], start)
            if follows or (paragraph_gap <= 1 and context.stands_alone(start, end, previous[0])):
                speaker, cue = previous[1], previous[2]
        if speaker is None and context.stands_alone(start, end, None):
            speaker = context.subject_of_previous_paragraph(start)
        if speaker is not None:
            speaker = speaker.for_government()
        quotes.append(
            Quote(
                start,
                end,
                text[start:end],
                speaker.text if speaker else None,
                speaker.start if speaker else None,
                speaker.end if speaker else None,
                speaker.name if speaker else None,
                speaker.kind if speaker else None,
                cue,
            )
        )
        if speaker is not None and len(text[start:end].split()) >= _STATEMENT_WORDS:
            # Statements pass their speaker on; a fragment ("ungrounded") does not.
            previous = (end, speaker, cue)
        if speaker is not None and speaker.kind == "person" and speaker.name:
            context.last_speaker = speaker.name
            context.spoken.append((start, speaker.name))
    return quotes


def _quote_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    for paragraph in text.split("\n"):
        spans += _paragraph_spans(paragraph, position)
        position += len(paragraph) + 1
    return spans


def _paragraph_spans(paragraph: str, offset: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    open_kind = ""
    for match in _MARKS.finditer(paragraph):
        mark, at = match.group(), match.start()
        if mark in ("‘", "’"):
            if open_at is None and mark == "‘":
                open_at, open_kind = match.end(), "single"
            elif (
                open_at is not None
                and open_kind == "single"
                and mark == "’"
                and not _inside_word(paragraph, match)
            ):
                _add(spans, paragraph, offset, open_at, at, single=True)
                open_at = None
            continue
        if open_kind == "single":
            open_at = None  # a double mark inside an unclosed single quote: it was an apostrophe
        if mark == "“":
            if open_at is None:
                open_at, open_kind = match.end(), "double"
        elif mark == "”":
            if open_at is None:
                # No opening mark: the quote runs from the paragraph's start.
                start = len(paragraph) - len(paragraph.lstrip())
                _add(spans, paragraph, offset, start, at)
            else:
                _add(spans, paragraph, offset, open_at, at)
                open_at = None
        elif open_at is None:
            open_at, open_kind = match.end(), "straight"
        else:
            _add(spans, paragraph, offset, open_at, at)
            open_at = None
    if open_at is not None and open_kind != "single":
        _add(spans, paragraph, offset, open_at, len(paragraph.rstrip()))
    return spans


def _inside_word(paragraph: str, match: re.Match[str]) -> bool:
    after = paragraph[match.end() : match.end() + 1]
    before = paragraph[match.start() - 1 : match.start()]
    return after.isalpha() and before.isalpha()


def _add(
    spans: list[tuple[int, int]],
    paragraph: str,
    offset: int,
    start: int,
    end: int,
    *,
    single: bool = False,
) -> None:
    content = paragraph[start:end]
    if not content.strip():
        return
    if single and len(content.split()) < 2:
        return  # 'kitchen' is a word in scare quotes, not a quote
    spans.append((offset + start, offset + end))


# Cues by which a news outlet passes on what someone else said.
_REPORTING = {"reported", "reports", "according to", "said", "says"}


def _attribute(context: _Context, start: int, end: int) -> tuple[_Speaker | None, str | None]:
    """The speaker a cue names, after the quote or before it in its sentence.

    `Putin said that it was “…,” Sputnik reported`: an outlet reporting is the
    source, not the speaker, when a person speaks in the same sentence.
    """
    after = context.after(end)
    before = context.before(start)
    outlet_reporting = after is not None and after[0].kind == "org" and after[1] in _REPORTING
    if outlet_reporting and before is not None and before[0].kind == "person":
        return before
    found = after or before
    return found if found else (None, None)


def _split_partner(
    context: _Context, end: int, following: tuple[int, int]
) -> tuple[_Speaker | None, str | None]:
    """`“A,” … “B,” he said`: the first part takes the cue after the second when
    only punctuation or a few words stand between them (no cue of their own)."""
    between = context.text[end : following[0]]
    if len(between) > 60 or "\n" in between or _CUE.search(between):
        return None, None
    return context.after(following[1]) or (None, None)


class _Context:
    """The article's text and names, with the look-ups attribution needs."""

    def __init__(self, text: str, mentions: list[Mention], people: People) -> None:
        self.text = text
        self.mentions = mentions
        self.starts = [mention.start for mention in mentions]
        self.people = people
        # The person who spoke last, for `he said` after a run of their quotes.
        self.last_speaker: str | None = None
        # Where each person spoke, in text order.
        self.spoken: list[tuple[int, str]] = []
        self.sentence_starts = self._find_sentence_starts()

    # -- cues -------------------------------------------------------------------

    def after(self, end: int) -> tuple[_Speaker, str] | None:
        """A cue right after a quote: `,” Putin said` or `,” said Giles`."""
        window_end = self.text.find("\n", end)
        window_end = min(len(self.text) if window_end == -1 else window_end, end + 160)
        tail = self.text[end:window_end]
        lead = len(tail) - len(tail.lstrip(" ,.!?”\"'’—–―-\u00a0"))
        if any(dash in tail[:lead] for dash in "—―"):
            # `“…” ― Martha Aguilar`: a signature.
            signed = self._mentions_in(end + lead, end + lead + 2)
            if signed and signed[0].kind in ("person", "org"):
                m = signed[0]
                return _Speaker(m.start, m.end, m.text, m.name, m.kind), "—"
        according = _ACCORDING.match(tail, lead)
        if according:
            phrase = _AFTER_CUE.match(tail, according.end())
            if phrase:
                speaker = self.speaker(end + phrase.start("phrase"), end + phrase.end("phrase"))
                if speaker:
                    return speaker, "according to"
        cue = _CUE.search(tail, lead)
        if cue is None or _PHRASE_BREAK.search(tail, lead, cue.start()):
            return None
        if self.text[:end].rstrip().endswith((".", "!", "?")) and "," not in tail[:lead]:
            # `“… tolerated.” Putin said the …` opens a new sentence: only a short
            # `“….” Putin said.` attributes the quote before it.
            rest = tail[cue.end() :]
            if not re.match(r"^(?:\s+[\w’'.-]+){0,4}\s*[.,]", rest):
                return None
        if tail[lead : cue.start()].strip():
            # `,” the Russian leader said`
            if len(tail[lead : cue.start()].split()) > _MAX_SPEAKER_WORDS:
                # `Leonard E. Burman, director of …, said`: only a name and its apposition.
                named = self._mentions_in(end + lead, end + lead + 2)
                apposition = named and _APPOSITION.match(
                    self.text[named[0].end : end + cue.start()]
                )
                if not (named and apposition and named[0].kind == "person"):
                    return None
            # The subject next to the verb: `of the Clinton proposals, Mr. Holtz-Eakin said`.
            speaker = self._subject(end + lead, end + cue.start())
        else:
            # `,” said Giles`
            phrase = _AFTER_CUE.match(tail, cue.end())
            if phrase is None:
                return None
            speaker = self.speaker(end + phrase.start("phrase"), end + phrase.end("phrase"))
        return (speaker, cue.group().lower()) if speaker else None

    def before(self, start: int) -> tuple[_Speaker, str] | None:
        """A cue before a quote in its sentence: `Putin said, “…` or `The diplomat said:`."""
        # The end of a long sentence is enough: a cue names its speaker close by.
        sentence_start = max(self._sentence_start(start), start - _CUE_REACH)
        head = self.text[sentence_start:start]
        cues = list(_CUE.finditer(head))[-3:]
        if not cues and head.strip(" “\"'") == "" and start > 0:
            # The quote opens a sentence: `The diplomat said:` or `…, Schiff said.`
            # may end the one before.
            previous = self.text[:sentence_start].rstrip()
            if previous.endswith(":"):
                return self.before(len(previous))
            return self._closing_attribution(previous)
        for cue in reversed(cues):
            if cue.group().endswith("ing") and head[: cue.start()].rstrip().endswith(","):
                continue  # `Mook said as much …, arguing that “…”`: the subject of "said"
            clause = _REPORTED_SUBJECT.match(head, cue.end())
            if clause:
                # `the BBC states that Putin refuses to “stoop”`: Putin's word.
                subject = self._mention_ending_at(sentence_start + clause.end("subject"))
                if subject is not None and subject.kind == "person":
                    return _Speaker(
                        subject.start, subject.end, subject.text, subject.name, "person"
                    ), cue.group().lower()
            speaker = self._subject(sentence_start, sentence_start + cue.start())
            if speaker is not None:
                return speaker, cue.group().lower()
        return None

    def _closing_attribution(self, previous: str) -> tuple[_Speaker, str] | None:
        """`… over Syria, Schiff said.` (a paraphrase) attributes the quote after it."""
        if not previous.endswith(".") or previous.endswith(("”.", '".', "''.")):
            return None
        sentence_start = self._sentence_start(len(previous) - 1)
        tail = previous[sentence_start:]
        closing = _CLOSING_CUE.search(tail)
        if closing is None:
            return None
        start = sentence_start + closing.start("subject")
        speaker = self._subject(start, sentence_start + closing.start("cue"))
        return (speaker, closing.group("cue")) if speaker else None

    def _sentence_start(self, position: int) -> int:
        """Where the sentence holding `position` starts (sentences end at a paragraph
        too, and not inside quotation marks)."""
        return self.sentence_starts[bisect_right(self.sentence_starts, position) - 1]

    def _find_sentence_starts(self) -> list[int]:
        """Every sentence start, in one pass over the text."""
        text = self.text
        starts = [0]
        for paragraph in re.finditer(r"[^\n]+", text):
            start = paragraph.start()
            if start != starts[-1]:
                starts.append(start)
            opened = closed = straight = 0
            counted = start
            for match in _SENTENCE_BREAK.finditer(text, paragraph.start(), paragraph.end()):
                segment = text[counted : match.end()]
                opened += segment.count("“")
                closed += segment.count("”")
                straight += segment.count('"')
                counted = match.end()
                if opened <= closed and straight % 2 == 0:
                    starts.append(match.end())
                    opened = closed = straight = 0
        return starts

    def _subject(self, start: int, cue_start: int) -> _Speaker | None:
        """The speaker named just before a cue verb: the nearest name, pronoun or role."""
        before_cue = self.text[start:cue_start].rstrip()
        if before_cue.endswith(")") and "(" in before_cue:
            # `Rep. John Mica (R-Fla.) said`: the party tag is no subject.
            cue_start = start + before_cue.rindex("(")
        for mention in self._mentions_in(start, cue_start):
            if mention.kind == "person" and _APPOSITION.match(self.text[mention.end : cue_start]):
                return _Speaker(
                    mention.start, mention.end, mention.text, mention.name, mention.kind
                )
        words = list(re.finditer(r"[\w’'.-]+", self.text[start:cue_start]))
        # Walk back over auxiliaries and adverbs ("has", "also", "later") to the subject.
        index = len(words) - 1
        while index >= 0 and _LINKING.match(words[index].group().lower()):
            index -= 1
        if index < 0:
            return None
        if words[index].group().lower() in ("and", "but"):
            # `Moscow does not linger, and warned`: the sentence's subject speaks.
            opening = self._mentions_in(start, start + words[0].end() + 1)
            if opening:
                m = opening[0]
                return _Speaker(m.start, m.end, m.text, m.name, m.kind)
            return None
        head_end = start + words[index].end()
        subject = self._mention_ending_at(head_end)
        if subject is not None:
            return _Speaker(subject.start, subject.end, subject.text, subject.name, subject.kind)
        word = words[index].group()
        if word.lower() in _PRONOUNS or word.lower() in _GROUP_PRONOUNS:
            return self.speaker(start + words[index].start(), head_end)
        word_start = start + words[index].start()
        sentence_initial = self._sentence_start(word_start) == word_start
        if word[0].isupper() and not (sentence_initial and word.lower() in lexicon().common_words):
            # `Limbaugh continued:`, `," Backer says` name someone the lists do not know
            # (a capital mid-sentence is a name; at a sentence start only if no common word).
            first = index
            while first > 0 and words[first - 1].group()[0].isupper() and index - first < 3:
                first -= 1
            name_start = start + words[first].start()
            name = self.text[name_start:head_end]
            return _Speaker(name_start, head_end, name, name.strip(".,’'"), "person")
        # A role: "The diplomat", "the Russian leader", "my father", "Obama's strategist".
        first = index
        while first > 0 and index - first < 4 and not _opens_role(words[first].group()):
            first -= 1
        if _opens_role(words[first].group()):
            return self.speaker(start + words[first].start(), head_end)
        if first == 0 and index == 0 and word[0].isupper():
            # `Demonstrators said`: an unnamed group.
            return _Speaker(start + words[0].start(), head_end, word, None, None)
        return None

    def _mention_ending_at(self, end: int) -> Mention | None:
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

    def speaker(self, start: int, end: int) -> _Speaker | None:
        """The speaker named in `text[start:end]`."""
        phrase = self.text[start:end]
        stripped = phrase.strip(" ,")
        if not stripped:
            return None
        start += phrase.index(stripped)
        end = start + len(stripped)
        words = stripped.split()
        if len(words) > _MAX_SPEAKER_WORDS:
            return None
        first = words[0].lower()
        inside = [m for m in self._mentions_in(start, end) if m.kind in ("person", "org", "place")]
        if first in _PRONOUNS and len(words) == 1:
            person = self._pronoun_person(start, _PRONOUNS[first])
            return _Speaker(start, end, stripped, person, "person" if person else None)
        if first in _GROUP_PRONOUNS and len(words) == 1:
            return _Speaker(start, end, stripped, None, None)
        if first.endswith(("'s", "’s")) and len(words) > 1:
            return _Speaker(start, end, stripped, None, None)  # "Obama's former strategist"
        if first in _DETERMINERS:
            # "the spokesman for Putin" is not Putin; "the diplomat" is the last diplomat named.
            named = [
                m for m in inside if m.kind == "person" and not _after_preposition(self.text, m)
            ]
            if named:
                m = named[0]
                return _Speaker(m.start, m.end, m.text, m.name, m.kind)
            organisation = [m for m in inside if m.kind == "org" and m.start - start < 12]
            if organisation and "statement" in stripped.lower():
                m = organisation[0]
                return _Speaker(start, end, stripped, m.name, m.kind)
            person = self._role_holder(start, words)
            return _Speaker(start, end, stripped, person, "person" if person else None)
        for kind in ("person", "org", "place"):
            for m in inside:
                if m.kind == kind:
                    return _Speaker(m.start, m.end, m.text, m.name, m.kind)
        if stripped[0].isupper() and len(words) <= 4:
            return _Speaker(start, end, stripped, None, None)
        return None

    def _mentions_in(self, start: int, end: int) -> list[Mention]:
        index = bisect_left(self.starts, start)
        found = []
        while index < len(self.mentions) and self.mentions[index].start < end:
            found.append(self.mentions[index])
            index += 1
        return found

    def _pronoun_person(self, before: int, gender: str) -> str | None:
        """Who `he`/`she` is: the last speaker, if the gender fits; else the first
        fitting person of this sentence or the one before (the subject); else the
        last fitting person named."""
        fits = self._fits(gender)
        if self.last_speaker is not None and fits(self.last_speaker):
            return self.last_speaker
        sentence = self._sentence_start(before)
        previous = self._sentence_start(max(sentence - 2, 0)) if sentence > 0 else sentence
        for start in (sentence, previous):
            for mention in self._mentions_in(start, before):
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

    def _fits(self, gender: str) -> Callable[[str], bool]:
        def fits(name: str) -> bool:
            return self.people.genders.get(name, "?") in (gender, "?")

        return fits

    def _role_holder(self, before: int, words: list[str]) -> str | None:
        """The person whose titles share most words with the role (`the Russian leader`
        → the Russian president); the latest named among equals."""
        wanted = {word.lower().strip(",.") for word in words[1:]}
        if wanted & {"leader", "president", "head"}:
            wanted |= {"president", "prime", "leader", "chancellor", "king", "premier"}
        best: tuple[int, int] = (0, -1)
        holder = None
        for index in range(bisect_left(self.starts, before)):
            mention = self.mentions[index]
            if mention.kind != "person":
                continue
            shared = len(self.people.roles.get(mention.name, set()) & wanted)
            if shared and (shared, index) > best:
                best, holder = (shared, index), mention.name
        return holder

    # -- quotes with no cue -------------------------------------------------------

    def follows_attribution(self, previous_end: int, start: int) -> bool:
        """`“A,” he said. “B.”`: only the attribution of the quote before stands between."""
        between = self.text[previous_end:start]
        if "\n\n" in between or len(between) > 120:
            return False
        cue = _CUE.search(between)
        if cue is None:
            return False
        rest = between[cue.end() :]
        # The attribution ends the sentence; the quote opens the next one.
        return re.fullmatch(r"[^!?“”\"]{0,140}?[.,:]\s*[“\"]?\s*", rest) is not None

    def stands_alone(self, start: int, end: int, previous_end: int | None) -> bool:
        """A quote that is (nearly) its whole paragraph, or follows the last quote closely."""
        paragraph_start = self.text.rfind("\n", 0, start) + 1
        paragraph_end = self.text.find("\n", end)
        paragraph_end = len(self.text) if paragraph_end == -1 else paragraph_end
        outside = len(self.text[paragraph_start:paragraph_end]) - (end - start)
        if outside <= 6:
            return True
        return previous_end is not None and len(self.text[previous_end:start].strip(' ,.”"')) <= 3

    def subject_of_previous_paragraph(self, start: int) -> _Speaker | None:
        """Who the paragraph before is about: a role its last sentence names
        (`the Russian leader has been outspoken`), else the person it names most."""
        # The end of the paragraph before, past any blank lines.
        paragraph_start = len(self.text[: self.text.rfind("\n", 0, start) + 1].rstrip())
        if paragraph_start <= 0:
            return None
        last_sentence = self._sentence_start(paragraph_start)
        titles = lexicon().titles
        for role in _ROLE.finditer(self.text, last_sentence, paragraph_start):
            words = role.group().split()
            for length in range(2, len(words) + 1):
                if words[length - 1].lower() in titles:
                    phrase = " ".join(words[:length])
                    person = self._role_holder(role.start(), words[:length])
                    if person is not None:
                        end = role.start() + len(phrase)
                        return _Speaker(role.start(), end, phrase, person, "person")
        previous_start = self.text.rfind("\n\n", 0, paragraph_start - 1)
        previous = self._mentions_in(previous_start + 1, paragraph_start)
        people = Counter(m.name for m in previous if m.kind == "person")
        for at, name in self.spoken:
            if previous_start < at < paragraph_start and name in people:
                people[name] += 2  # who speaks in a paragraph is what it is about
        if not people:
            return None
        name = people.most_common(1)[0][0]
        last = [m for m in previous if m.name == name][-1]
        return _Speaker(last.start, last.end, last.text, last.name, last.kind)


def _opens_role(word: str) -> bool:
    return word.lower() in _DETERMINERS or word.endswith(("'s", "’s"))


def _after_preposition(text: str, mention: Mention) -> bool:
    before = text[max(0, mention.start - 12) : mention.start].split()
    return bool(before) and before[-1].lower() in {"for", "of", "to", "with", "from"}
