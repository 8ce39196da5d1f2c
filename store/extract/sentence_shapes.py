"""What stands around a sentence's subject: the opening phrase before it, the words
between it and its verb, the verb after it, and subjects that name no one."""

from __future__ import annotations

import re

# What follows a sentence's subject when a verb does: a lowercase word that
# does not carry the subject on (`of`, `and`, `’s`).
VERB_AFTER_SUBJECT = re.compile(
    r"\s+(?!(?:of|and|or|for|in|on|at|to|with|from|by|as|who|which|that)\b)[a-z]+\b"
)
# What opens a sentence before its subject: quotation marks, and a phrase such
# as `At Monday’s debate,`, `Speaking to students this week,` or `Asked about it,`.
SENTENCE_OPENING = re.compile(
    r"[\s“”\"'‘’(]*(?:(?:[A-Z][a-z]*ing|[A-Z][a-z]+ed|In|At|On|During|After|Before|Following|Earlier|Later|"
    r"Last|This|Meanwhile|Instead|However|Still|Yet|Now|Then)\b[^,\n]{0,80},[”\"]?\s+)?"
)
# What may stand between a name and its verb: `, a spokesman,`, `(D-Nev.)`,
# `of West Virginia`, `on Thursday`.
AFTER_NAME = re.compile(
    r"(?:\s*,[^,“”\"]{1,160},|\s*\([^()]{1,30}\)|\s+(?:of|in)\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}"
    r"|\s+(?:on|last|this)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)+"
)
# Words that say what stands before a name is no title (`Trump attacked Clinton`).
NOT_TITLE = {
    "of", "in", "on", "at", "for", "with", "from", "by", "as", "to", "and", "or", "but",
    "that", "which", "who", "when", "while", "after", "before", "said", "says", "told",
}  # fmt: skip
# Someone unnamed opening a sentence: `But a spokesman`, `One senior official`, `A
# Department for Education and Skills spokeswoman`.
UNNAMED_SUBJECT = re.compile(
    r"[\s“”\"'‘’(]*(?:(?:But|And|However|Meanwhile),?\s+(?=a|one)|(?=A|One))"
    r"(?P<subject>(?:[Aa]n?|[Oo]ne)\s+(?:[\w-]+\s+){0,5}?"
    r"(?P<title>(?!(?:for|of|and|the|at|on|in|to)\b)[a-z][\w-]+)\b)"
)
# A role opening a sentence: `The Republican presidential nominee`.
ROLE_SUBJECT = re.compile(r"The(?:\s+[A-Z]?[\w-]+){0,3}?\s+(?P<title>[a-z][\w-]+)(?=\s+[a-z])")
