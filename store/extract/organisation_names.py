"""An article's name for each organisation name: the listed name, the full name of an
abbreviation or of a first word used alone."""

from __future__ import annotations

from itertools import pairwise

from store.extract.candidates import Candidate
from store.extract.lexicon import Lexicon


def organisation_names(
    candidates: list[Candidate], people: set[str], words: Lexicon
) -> dict[str, str]:
    """The article's name for each organisation name: the listed name for another name
    of it (`ISIS` → `Islamic State`); the full name for an abbreviation it defines, whose
    letters are its initials (`the Public Service Association (PSA)`); and the full
    name for its first word alone (`Fox` → `Fox News`), when one name of the article's
    opens with it (see `_first_word_of`) and no person of the article's has it as a
    surname (`Obama` is not the `Obama Administration`)."""
    names = dict(words.organisations)
    longer: dict[str, set[str]] = {}
    for candidate, following in pairwise([*candidates, None]):
        if candidate is None or candidate.kind != "org" or len(candidate.name_tokens) < 2:
            continue
        name = " ".join(candidate.name_tokens)
        longer.setdefault(candidate.name_tokens[0], set()).add(name)
        if (
            following is not None
            and candidate.after == "("
            and following.before == "("
            and following.after == ")"
            and following.tokens
            and following.tokens[0].index == candidate.tokens[-1].index + 2
            and len(following.name_tokens) == 1
            and following.name_tokens[0] == _initials(candidate.name_tokens)
        ):
            names[following.name_tokens[0]] = names.get(name, name)
    # An abbreviation the article does not define stands for the one name of the
    # article's whose initials it is (`SEC` for the Securities and Exchange Commission).
    by_initials: dict[str, set[str]] = {}
    for long_name in set().union(*longer.values()):
        by_initials.setdefault(_initials(long_name.split()), set()).add(long_name)
    for candidate in candidates:
        short = candidate.name_tokens[0] if len(candidate.name_tokens) == 1 else ""
        found = by_initials.get(short, set()) if short.isupper() and len(short) >= 3 else set()
        if candidate.kind == "org" and short not in names and len(found) == 1:
            (long_name,) = found
            names[short] = names.get(long_name, long_name)
    for first, full in longer.items():
        if (
            len(full) == 1
            and first not in people
            and _first_word_of(first, next(iter(full)), words)
        ):
            (name,) = full
            names[first] = names.get(name, name)
    return names


def _initials(names: list[str]) -> str:
    """The capitals opening a name's words (`Islamic State of Iraq and the Levant` →
    `ISIL`)."""
    return "".join(word[0] for word in names if word[:1].isupper())


def _first_word_of(first: str, name: str, words: Lexicon) -> bool:
    """Whether an organisation's first word alone stands for its whole name: not an
    abbreviation, a place, an organisation word or an ordinary one (`Senate`, `House`
    are bodies of their own), nor one the lists know unless they know the whole name
    too (`Fox` → `Fox News`, not `Google` → `Google Plus`); and the name holds no title
    (`Senate Majority Leader`)."""
    known = first not in words.organisations or name in words.organisations
    plain = not (
        first.isupper()
        or first in words.places
        or first in words.org_cues
        or first.lower() in words.lowercase_words
    )
    untitled = not any(word.lower() in words.titles for word in name.split()[1:])
    return known and plain and untitled
