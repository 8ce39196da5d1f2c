"""How a quote follows the one before: after its attribution (`“A,” he said. “B.”`),
as the next paragraph of the same quotation, alone in its paragraph, or after a
paragraph about someone. `CueRules` (cue_rules.py) builds on these."""

from __future__ import annotations

import re
from collections import Counter

from store.extract.cue_subjects import CueSubjects
from store.extract.cue_verbs import CUE
from store.extract.epithets import role_holder
from store.extract.lexicon import lexicon
from store.extract.speakers import Speaker

# After the cue between two quotes: the attribution ends the sentence.
_ENDS_ATTRIBUTION = re.compile(r"[^!?“”\"]{0,140}?[.,:]\s*[“\"]?\s*")
_ROLE = re.compile(r"\b[Tt]he(?:\s+[\w-]+){1,3}")


def content_end(text: str, end: int) -> int:
    """Where the text before `end` ends, trailing spaces aside."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


class QuoteContinuity(CueSubjects):
    """Where a quote stands to the quote before it and to the paragraph before."""

    def follows_attribution(self, previous_end: int, start: int) -> bool:
        """`“A,” he said. “B.”`: only the attribution of the quote before stands between."""
        between = self.text[previous_end:start]
        if "\n\n" in between or len(between) > 120:
            return False
        cue = CUE.search(between)
        if cue is None:
            return False
        rest = between[cue.end() :]
        if CUE.search(rest) or rest.rstrip(' “"').endswith(":"):
            # `…,” he said. Oaten said: “B`, `“A.” Emma Pike said: “B`: the cue between
            # introduces this quote; it is no attribution of the one before.
            return False
        # The attribution ends the sentence; the quote opens the next one.
        return _ENDS_ATTRIBUTION.fullmatch(rest) is not None

    def runs_on(self, previous_end: int, start: int) -> bool:
        """`“A …¶“B …”`: the quote before ran to the end of its paragraph with no closing
        mark, and this one opens the next paragraph: the same quotation, one paragraph
        on (the convention for quoting several paragraphs)."""
        head, newline, tail = self.text[previous_end:start].partition("\n")
        return bool(newline) and not head.strip() and tail.strip() in ("“", '"')

    def runs_on_joined(self, previous_end: int, start: int) -> bool:
        """`“A … “B …”` on one line: the same convention in a text whose paragraphs were
        joined (nothing but this quote's opening mark after the quote before)."""
        between = self.text[previous_end:start]
        return "\n" not in between and between.strip() in ("“", '"')

    def stands_alone(self, start: int, end: int, previous_end: int | None) -> bool:
        """A quote that is (nearly) its whole paragraph, or follows the last quote closely."""
        paragraph_start = self.text.rfind("\n", 0, start) + 1
        paragraph_end = self.text.find("\n", end)
        paragraph_end = len(self.text) if paragraph_end == -1 else paragraph_end
        outside = paragraph_end - paragraph_start - (end - start)
        if outside <= 6:
            return True
        return previous_end is not None and len(self.text[previous_end:start].strip(' ,.”"')) <= 3

    def subject_of_previous_paragraph(self, start: int) -> Speaker | None:
        """Who the paragraph before is about: a role its last sentence names
        (`the Russian leader has been outspoken`), else the person it names most."""
        # The end of the paragraph before, past any blank lines.
        paragraph_start = content_end(self.text, self.text.rfind("\n", 0, start) + 1)
        if paragraph_start <= 0:
            return None
        last_sentence = self.sentence_start(paragraph_start)
        titles = lexicon().titles
        for role in _ROLE.finditer(self.text, last_sentence, paragraph_start):
            words = role.group().split()
            for length in range(2, len(words) + 1):
                if words[length - 1].lower() in titles:
                    phrase = " ".join(words[:length])
                    person = role_holder(self, role.start(), words[:length])
                    if person is not None:
                        end = role.start() + len(phrase)
                        return Speaker(role.start(), end, phrase, person, "person")
        previous_start = self.text.rfind("\n\n", 0, paragraph_start - 1)
        previous = self.mentions_in(previous_start + 1, paragraph_start)
        people = Counter(m.name for m in previous if m.kind == "person")
        for at, name in self.spoken:
            if previous_start < at < paragraph_start and name in people:
                people[name] += 2  # who speaks in a paragraph is what it is about
        if not people:
            return None
        name = people.most_common(1)[0][0]
        last = [m for m in previous if m.name == name][-1]
        return Speaker(last.start, last.end, last.text, last.name, last.kind)
