"""What the typing model sees of a candidate name: its words and their shape, the word
lists that know them, the words around it, its line, and the article's other uses of it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from store.extract.candidates import Candidate
from store.extract.lexicon import Lexicon
from store.extract.tokens import NUMBER, Tokens

_SHAPES = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "X" * 26 + "x" * 26 + "d" * 10,
)


@dataclass
class ArticleEvidence:
    """What the rules said of each name across the article (features of every use)."""

    kinds: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Name → the rules' kinds for its uses (`-` for none), sorted."""
    person_parts: dict[str, str] = field(default_factory=dict)
    """First and last words of the names of several words the rules call people → where
    the word stands in them (`last` wins over `first`) and whether the rules knew the name
    for a person's (`known`) or only guessed from unknown words (`unknown`)."""
    tables_bucket: int = 0
    """The share of the article's candidates on results-table lines, in quarters (0 to 4)."""


def article_evidence(candidates: list[Candidate]) -> ArticleEvidence:
    evidence = ArticleEvidence()
    kinds: dict[str, set[str]] = defaultdict(set)
    in_tables = 0
    for candidate in candidates:
        if not candidate.name_tokens:
            continue
        name = " ".join(candidate.name_tokens)
        kinds[name].add(candidate.kind or "-")
        if candidate.kind == "person" and len(candidate.name_tokens) >= 2:
            how = "unknown" if candidate.rule == "unknown words" else "known"
            parts = evidence.person_parts
            first, last = candidate.name_tokens[0], candidate.name_tokens[-1]
            if not parts.get(first, "").startswith("last"):
                parts[first] = f"first&{how}"
            if parts.get(last) != "last&known":
                parts[last] = f"last&{how}"
        in_tables += candidate.tokens[0].table
    evidence.kinds = {name: tuple(sorted(found)) for name, found in kinds.items()}
    evidence.tables_bucket = round(in_tables / len(candidates) * 4) if candidates else 0
    return evidence


def shape(word: str) -> str:
    """Capitals, small letters and digits as X, x and d, runs collapsed: `McCain` → `XxXx`."""
    mapped = word.translate(_SHAPES)
    return "".join(char for i, char in enumerate(mapped) if i == 0 or char != mapped[i - 1])


def _context(tokens: Tokens, index: int) -> str:
    if index < 0 or index >= len(tokens.words):
        return "^"
    word = tokens.words[index]
    found = _CONTEXTS.get(word)
    if found is None:
        # Curly and straight apostrophes alike: CoNLL, the training text, has only straight
        # ones.
        found = "0" if NUMBER.fullmatch(word) else word.lower().replace("’", "'")
        if len(_CONTEXTS) > _MOST_WORDS:
            _CONTEXTS.clear()
        _CONTEXTS[word] = found
    return found


# A word as the context of a name, by the word, kept for the process (words recur), up
# to _MOST_WORDS of them (a few MB) before the cache starts again.
_CONTEXTS: dict[str, str] = {}
_MOST_WORDS = 200_000


def features(
    candidate: Candidate, tokens: Tokens, evidence: ArticleEvidence, words: Lexicon
) -> list[str]:
    """The features of one candidate with its name tokens decided (see `classify`)."""
    return name_features(candidate.name_tokens, candidate.rule, candidate.kind, words) + (
        context_features(candidate, tokens, evidence)
    )


def name_features(names: list[str], rule: str, kind: str | None, words: Lexicon) -> list[str]:
    """The features of the name itself and the rule that typed it: the same for every use
    of it, in every article (the typing model scores them once)."""
    name = " ".join(names)
    found = [
        f"rule={rule}",
        f"kind={kind or '-'}",
        f"name={name.lower()}",
        f"words={min(len(names), 4)}",
        f"shape={' '.join(shape(word) for word in names[:3])}",
        f"first={names[0].lower()}",
        f"last={names[-1].lower()}",
        f"suffix={names[-1][-3:].lower()}",
    ]
    # An inner initial (`George W. Bush`) is in the shape; its letter says nothing.
    found += [f"word={word.lower()}" for word in names[1:-1] if not _initial(word)]
    place = words.place_kinds.get(name)
    if place:
        found.append(f"place={place}")
    if name in words.organisations:
        found.append("organisation")
    if name in words.companies:
        found.append("company")
    if names[-1] in words.org_cues:
        found.append("org cue")
    if names[-1] in words.surnames:
        found.append(f"surname&words={min(len(names), 3)}")
    first_place = words.place_kinds.get(names[0])
    if first_place and len(names) > 1:
        found.append(f"first place={first_place}")
    inner_common = sum(word.lower() in words.common_words for word in names[1:])
    if inner_common:
        found.append(f"common inside={min(inner_common, 2)}")
    if names[0] in words.given_names:
        found.append(f"given={words.given_names[names[0]]}")
    if names[0].lower() in words.common_words:
        found.append("common first")
    if names[0] in words.demonyms:
        found.append("demonym")
    return found


def _initial(word: str) -> bool:
    return len(word) == 2 and word[1] == "." and word[0].isalpha()


ContextKey = tuple[Any, ...]
"""A group of the features of one use of a name, as the group's name and what its
features depend on (`group_features` makes them)."""


class Context(NamedTuple):
    """The features of one use of a name, as the typing model reads them: the groups that
    recur (`, Trump said`: the model weighs each once) and the features that seldom do."""

    groups: list[ContextKey]
    features: list[str]


def context_of(candidate: Candidate, tokens: Tokens, evidence: ArticleEvidence) -> Context:
    """This use of the name: its line, the words before and after it, its title and the
    article's other uses of it."""
    names = candidate.name_tokens
    first, last = candidate.tokens[0], candidate.tokens[-1]
    rule = candidate.kind or "-"
    line = "table" if first.table else first.headline or "prose"
    if first.line_start and tokens.alone_on_line(first.index, last.index):
        line += " alone"  # a heading, a byline, a name in a list
    b1, b2 = _context(tokens, first.index - 1), _context(tokens, first.index - 2)
    a1, a2 = _context(tokens, last.index + 1), _context(tokens, last.index + 2)
    if last.text != tokens.words[last.index]:
        # A possessive trimmed off the name ("Trump’s"): CoNLL writes it apart ("Trump 's").
        a1, a2 = "'s", a1
    name = " ".join(names)
    part = evidence.person_parts.get(name, "") if len(names) == 1 else ""
    title = candidate.title.lower() if candidate.title else ""
    groups = [
        ("line", line, rule, evidence.tables_bucket, first.sentence_start),
        ("before", b1, rule),
        ("after", a1, rule, first.line_start),
        ("use", rule, title, part, evidence.kinds.get(name, ())),
    ]
    return Context(groups, [f"b2={b2}", f"a2={a2}", f"b1&a1={b1}&{a1}"])


def group_features(key: ContextKey) -> list[str]:
    """The features of one group of `context_of`."""
    return _GROUPS[key[0]](*key[1:])


def context_features(candidate: Candidate, tokens: Tokens, evidence: ArticleEvidence) -> list[str]:
    """The features of this use of the name, all of them."""
    groups, features = context_of(candidate, tokens, evidence)
    return [feature for key in groups for feature in group_features(key)] + features


def _line_features(line: str, rule: str, tables: int, opens: bool) -> list[str]:
    found = [f"line={line}", f"line&kind={line}&{rule}", f"tables={tables}&{rule}"]
    if opens:
        found.append(f"opens&kind={rule}")
    return found


def _before_features(b1: str, rule: str) -> list[str]:
    return [f"b1={b1}", f"b1&kind={b1}&{rule}"]


def _after_features(a1: str, rule: str, line_start: bool) -> list[str]:
    found = [f"a1={a1}", f"a1&kind={a1}&{rule}"]
    if line_start:
        found.append(f"line start&a1={a1}")
    return found


def _use_features(rule: str, title: str, part: str, elsewhere: tuple[str, ...]) -> list[str]:
    found = [f"elsewhere={other}" for other in elsewhere]
    if title:
        found.append(f"title={title}")
    if part:
        found += [f"part of a person&kind={rule}", f"part of a person={part}"]
    return found


_GROUPS: dict[str, Callable[..., list[str]]] = {
    "line": _line_features,
    "before": _before_features,
    "after": _after_features,
    "use": _use_features,
}
