"""Where the sentences of an article start: at a paragraph, and after a stop that ends
no title or initial and stands outside quotation marks."""

from __future__ import annotations

import re

# A sentence ends at . ! or ? before a capital, but not after a title or an
# initial: `Mr. Trump`, `Gov. Earl Ray Tomblin`, `Laurence H. Tribe`. (The titles are
# grouped by length, one look behind for each: a look behind has a fixed width, and each
# is tried at every stop.)
_BREAK = re.compile(
    r"[.!?](?<!\b(?:Mr|Ms|Dr|Lt|St)\.)(?<!\b(?:Mrs|Gov|Sen|Rep|Gen|Col|Sgt|Rev)\.)"
    r"(?<!\bProf\.)(?<!\b(?:Govs|Sens|Reps|Gens|Capt)\.)(?<!\b[A-Z]\.)[”\"’]?\s+(?=[A-Z“\"])"
)
_PARAGRAPH = re.compile(r"[^\n]+")


def sentence_starts(text: str) -> list[int]:
    """Every sentence start, in one pass over the text."""
    starts = [0]
    for paragraph in _PARAGRAPH.finditer(text):
        start, end = paragraph.span()
        if start != starts[-1]:
            starts.append(start)
        line = paragraph.group()
        if not ("“" in line or "”" in line or '"' in line):
            # No quotation marks: every break ends a sentence.
            starts += [match.end() for match in _BREAK.finditer(text, start, end)]
            continue
        opened = closed = straight = 0
        counted = start
        for match in _BREAK.finditer(text, start, end):
            segment = text[counted : match.end()]
            opened += segment.count("“")
            closed += segment.count("”")
            straight += segment.count('"')
            counted = match.end()
            if opened <= closed and straight % 2 == 0:
                starts.append(match.end())
                opened = closed = straight = 0
    return starts
