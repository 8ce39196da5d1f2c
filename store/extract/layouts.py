"""Who a quote's layout names, with no cue word: the name signing it after a dash, or
the name labelling it before a colon (lists, transcripts, fact checks). The cue rules
(`cue_rules.py`) propose them with the rest."""

from __future__ import annotations

import re

from store.extract.entities import Mention
from store.extract.speakers import ArticleNames, Speaker

# A signature's name (`— Rock Legend Gene Simmons`): how far after the dash it may
# start (characters), and the capitalised words that may stand before it.
_SIGNATURE_REACH = 40
_SIGNATURE_EPITHET_WORDS = 3
# The dashes that open a signature: after a quote on its line (a hyphen only as a word of
# its own), or opening the line after the quote's paragraph.
_SIGNATURE_DASHES = ("—", "―", " - ", " – ")
_SIGNATURE_LINE = re.compile(r"\n\s*[-–—―] ?(?=[A-Z])")


def signature_after(names: ArticleNames, end: int, tail: str, lead: int) -> Mention | None:
    """Who signs the quote ending at `end` (`tail` is the rest of its line, `lead` the
    length of the marks opening it): `“…” ― Martha Aguilar`, `"…" - Clinton`, or a line
    of its own after a quote that ends its paragraph (`\\n\\n- Bernie Sanders.`)."""
    if any(dash in tail[:lead] for dash in _SIGNATURE_DASHES):
        return _signature(names, end + lead)
    if tail[lead:].strip():
        return None
    line = _SIGNATURE_LINE.match(names.text, end + len(tail))
    return _signature(names, line.end()) if line else None


def _signature(names: ArticleNames, start: int) -> Mention | None:
    """The person or organisation that signs a quote, named right after the dash ending
    at `start`, behind at most a few capitalised words (`— Rock Legend Gene Simmons`)."""
    named = names.mentions_in(start, start + _SIGNATURE_REACH)
    if not named or named[0].kind not in ("person", "org"):
        return None
    epithet = names.text[start : named[0].start].split()
    if len(epithet) > _SIGNATURE_EPITHET_WORDS or not all(w[:1].isupper() for w in epithet):
        return None
    return named[0]


def speaker_label(names: ArticleNames, sentence_start: int, head: str) -> Speaker | None:
    """`Republican pollster Daron Shaw: “…”`, `Stone:` before a quote's paragraph: a
    person named right before a colon opening the quote labels it as theirs. `head` is
    the quote's sentence up to the quote, from `sentence_start`; the caller asks only
    where no cue word comes first (`He told Mr Farage: “…”` is no label)."""
    labelled = head.rstrip(" “\"'\n")
    if not labelled.endswith(":"):
        return None
    named = names.mention_ending_at(sentence_start + len(labelled) - 1)
    if named is None or named.kind != "person":
        return None
    return Speaker(named.start, named.end, named.text, named.name, "person")
