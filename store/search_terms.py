"""What a search query asks for, as a pattern to highlight its hits in article text."""

from __future__ import annotations

import re

_PHRASE = re.compile(r'"([^"]+)"')
# Excluded terms and column filters are not hits.
_EXCLUDED = re.compile(r'\bNOT\s+(?:"[^"]*"|\S+)|\b\w+:')
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}
_TERM = re.compile(r"[\w.'’-]+\*?")


def highlight_pattern(query: str) -> re.Pattern[str] | None:
    """A case-insensitive pattern matching the phrases and words of an FTS query.

    `sanction*` matches `sanctions`; `"white house"` matches the phrase;
    operators (AND, OR, NOT, NEAR) and column filters are left out.
    """
    parts: list[str] = []
    query = _EXCLUDED.sub(" ", query)
    for phrase in _PHRASE.findall(query):
        words = phrase.split()
        if words:
            parts.append(r"\s+".join(re.escape(word) for word in words))
    rest = _PHRASE.sub(" ", query)
    for term in _TERM.findall(rest):
        if term in _OPERATORS or term.endswith(":"):
            continue
        word = term.strip(".'’-")
        if term.endswith("*"):
            parts.append(re.escape(word.rstrip("*")) + r"\w*")
        elif word:
            parts.append(re.escape(word))
    if not parts:
        return None
    parts.sort(key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)
