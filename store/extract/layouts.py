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
_SIGNATURE_LINE = re.compile(r"\n\s*[-–—―] ?(?=[A-Z])")
# Words that open a credit or a link, not an epithet: `— By John Smith`, `- Photo:`.
_NO_EPITHET = frozenset({"by", "photo", "photos", "related", "via", "credit", "source", "read"})
# A clause going on after a name: a lowercase word (`responded`, `supporters`).
_CLAUSE_AFTER = re.compile(r"[ \t]+[a-z]")
# Words before a labelling name that make it an object (`A message to Putin:`, `Dear Mr
# Trump:`, `unloaded on Trump:`); not `of`, `for`, `with`, which titles hold (`Secretary of
# State John Kerry:`; barring them lost right speakers on PolNeAR train).
_NOT_LABEL_LEAD = frozenset({"to", "dear", "re", "about", "asked", "than", "against", "on"})


def signature_after(names: ArticleNames, end: int, tail: str, lead: int) -> Mention | None:
    """Who signs the quote ending at `end` (`tail` is the rest of its line, `lead` the
    length of the marks opening it): `“…” ― Martha Aguilar`, `"…" - Clinton`, or a line
    of its own after a quote that ends its paragraph (`\\n\\n- Bernie Sanders.`)."""
    opening = tail[:lead]
    if "—" in opening or "―" in opening:
        return _signature(names, end + lead)
    if " - " in opening or " – " in opening:
        return _signature(names, end + lead, alone=True)
    if tail[lead:].strip():
        return None
    line = _SIGNATURE_LINE.match(names.text, end + len(tail))
    return _signature(names, line.end(), alone=True) if line else None


def _signature(names: ArticleNames, start: int, *, alone: bool = False) -> Mention | None:
    """The person or organisation that signs a quote, named right after the dash ending
    at `start`, behind at most a few capitalised words (`— Rock Legend Gene Simmons`),
    none a label (`Photo:`, `By`); never a possessive (`- Clinton's aides agreed`).
    After a hyphen or a line's dash (`alone`), a clause going on after the name (`- Jeb
    Bush responded…`, a list's `- Sanders wins Michigan`) is no signature either."""
    text = names.text
    named = names.mentions_in(start, start + _SIGNATURE_REACH)
    if not named or named[0].kind not in ("person", "org"):
        return None
    name = named[0]
    epithet = text[start : name.start].split()
    if len(epithet) > _SIGNATURE_EPITHET_WORDS or not all(
        word[:1].isupper() and not word.endswith(":") and word.lower() not in _NO_EPITHET
        for word in epithet
    ):
        return None
    if text.startswith(("'s", "’s"), name.end):
        return None
    if alone and _CLAUSE_AFTER.match(text, name.end):
        return None
    return name


def speaker_label(names: ArticleNames, sentence_start: int, head: str) -> Speaker | None:
    """`Republican pollster Daron Shaw: “…”`, `Stone:` before a quote's paragraph: a
    person named right before a colon opening the quote, behind no word that makes them
    an object (`A message to Vladimir Putin:`), labels it as theirs. `head` is
    the quote's sentence up to the quote, from `sentence_start`; the caller asks only
    where no cue word comes first (`He told Mr Farage: “…”` is no label)."""
    labelled = head.rstrip(" “\"'\n")
    if not labelled.endswith(":"):
        return None
    named = names.mention_ending_at(sentence_start + len(labelled) - 1)
    if named is None or named.kind != "person":
        return None
    lead = [
        word.strip(",.:;-–—―\"“”'").lower() for word in head[: named.start - sentence_start].split()
    ]
    if _NOT_LABEL_LEAD.intersection(lead):
        return None
    return Speaker(named.start, named.end, named.text, named.name, "person")
