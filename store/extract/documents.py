"""Who a document that speaks stands for: `the report said` after `Oxfam says in a
report`, `a World Bank report` or `a report by Human Rights Watch` is Oxfam's, the World
Bank's, Human Rights Watch's. The speaker's words stay (`the report`); the issuer is whom
they name. A document whose issuer the article does not name before it names no one."""

from __future__ import annotations

import re
from bisect import bisect_left

from store.extract.entities import Mention
from store.extract.pronouns import SPEAKS

# Nouns that head a phrase standing for a document that speaks (`the report`, `the
# statement`); not `the paper` (a newspaper as often), nor `the campaign` (a role).
DOCUMENT_HEADS = frozenset(
    {"report", "statement", "letter", "study", "survey", "memo", "email", "document",
     "filing", "complaint", "lawsuit", "suit", "release", "ruling", "indictment",
     "editorial", "analysis", "review", "audit", "assessment"}
)  # fmt: skip
# How far back the document's first mention is looked for (characters).
_REACH = 1200
# What may stand between an issuer and the document it qualifies: `a World Bank report`,
# `Oxfam's latest report`, `the CBO's 2016 report`, `An IAAF statement`.
_QUALIFIER = re.compile(r"(?:['’]s)?(?:\s+(?:new|latest|recent|annual|own|\d{4}))*\s+$")
# What follows a document before its issuer: `a report by Human Rights Watch`, `a
# statement from the Kremlin`, `a letter signed by …`.
_BY = re.compile(
    r"\s+(?:(?:issued|released|published|written|authored|signed|sent|commissioned)\s+)?"
    r"(?:by|from)\s+(?:(?:the|[a-z]+)\s+)?"
)
# What stands between a document and its issuer named after it: `In a statement, the
# RSPCA said`.
_THEN = re.compile(r",?\s+(?:the\s+)?")
# How far the issuer may stand before the document (characters): `the Boston Police
# Department issued a statement`, `Steve Grammas, sent a letter`.
_MOST_BETWEEN = 40
# What a sentence's subject does with the document: `Oxfam says in a report`, `the Russian
# Embassy issued a statement`, `Steve Grammas sent a letter`.
_ISSUES = re.compile(
    r"\b(?:issued|released|published|sent|wrote|posted|tweeted|filed|signed|put out|"
    r"says in|said in|say in|warned in|argued in|added in)\b"
)


def document_issuer(
    text: str, mentions: list[Mention], start: int, words: list[str]
) -> Mention | None:
    """The person or organisation that issued the document `the <…> report` at `start`
    speaks for: named in the document's first mention before it, as what qualifies it
    (`a World Bank report`), after it (`a report by Human Rights Watch`) or as the one
    who issued it in the same sentence (`Oxfam says in a report`)."""
    if not 2 <= len(words) <= 3 or words[0].lower() != "the":
        return None
    head = words[-1].lower().strip(",.’'")
    if head not in DOCUMENT_HEADS:
        return None
    earlier = _earlier_mention(text, head, start)
    if earlier is None:
        return None
    at, end = earlier
    index = bisect_left(mentions, at, key=lambda mention: mention.start)
    issuers = [m for m in mentions[max(index - 8, 0) : index + 4] if m.kind in ("person", "org")]
    for mention in reversed(issuers):
        if mention.end <= at and _QUALIFIER.fullmatch(text, mention.end, at):
            return mention
    # `a report by Human Rights Watch`, `a study authored by investor Wilbur Ross`; `In a
    # statement, the RSPCA said`.
    by, then = _BY.match(text, end), _THEN.match(text, end)
    for mention in issuers:
        if by and mention.start == by.end():
            return mention
        if then and mention.start == then.end() and SPEAKS.match(text, mention.end):
            return mention
    before = [m for m in issuers if m.end <= at]
    if before:
        # The nearest name before it, a few words back: `Oxfam says in a report`.
        between = text[before[-1].end : at]
        if len(between) <= _MOST_BETWEEN and _ISSUES.search(between):
            return before[-1]
    return None


def _earlier_mention(text: str, head: str, start: int) -> tuple[int, int] | None:
    """Where the document's noun was last written before `start`, within reach."""
    pattern = re.compile(rf"\b{head}\b", re.IGNORECASE)
    found = None
    for match in pattern.finditer(text, max(start - _REACH, 0), start):
        found = match.span()
    return found
