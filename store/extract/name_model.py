"""The typing model: person, organisation, place or no entity for the names the rules find.

A multinomial logistic regression over `name_features`, trained on CoNLL-2003
train by `python -m store.training.name_model` and scored here in pure
Python from `store/data/name_model.json`. The rules it trusts more than
itself (chosen by cross-validation on train) keep their word; every other
candidate takes the model's kind, mixed with the kinds of the same name's
other uses in the article (one name, one kind, unless its own context is
clear).
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import repeat
from operator import truediv
from pathlib import Path
from typing import Any

from store.extract.candidates import Candidate
from store.extract.lexicon import DATA, Lexicon
from store.extract.name_features import (
    Context,
    ContextKey,
    article_evidence,
    context_of,
    group_features,
    name_features,
)
from store.extract.tokens import Tokens

MODEL_FILE = DATA / "name_model.json"
# A word the rules know nothing of, used once, opening a sentence: any word can stand
# there, so the model must be this sure it is a name.
LONE_OPENER_CONFIDENCE = 0.75
KINDS = ("none", "person", "org", "place", "misc")
"""The model's classes; `misc` (events, nationalities, works) is no entity here."""
_KINDS_KEPT = frozenset(("person", "org", "place"))


@dataclass(frozen=True)
class NameModel:
    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    consistency: float
    """How much the article's other uses of a name weigh against this use (0 to 1)."""
    trusted_rules: frozenset[str]
    """Rules whose kind stands: they were right more often than the model."""
    feature_odds: dict[str, tuple[float, ...]] = field(init=False, compare=False, repr=False)
    """The odds of each feature: the exponentials of its weights."""
    bias_odds: tuple[float, ...] = field(init=False, compare=False, repr=False)
    name_odds: dict[tuple[tuple[str, ...], str, str | None], list[float]] = field(
        default_factory=dict, compare=False, repr=False
    )
    """The odds of a name's own features (`name_features.name_features`) and the bias, by
    the name, its rule and kind: names recur within and across articles. Odds are the
    exponentials of weights, class by class, and multiply as weights add: a candidate's
    probabilities are the product of its odds, normalised (the softmax of its score)."""
    group_odds: dict[ContextKey, list[float]] = field(
        default_factory=dict, compare=False, repr=False
    )
    """The odds of a group of context features, by its key (`name_features.context_of`):
    the same words stand around many names."""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NameModel:
        return cls(
            classes=tuple(data["classes"]),
            bias=tuple(data["bias"]),
            weights={name: tuple(values) for name, values in data["weights"].items()},
            consistency=float(data["consistency"]),
            trusted_rules=frozenset(data["trusted_rules"]),
        )

    def __post_init__(self) -> None:
        # The odds of each feature, and of none (the bias), computed once. The weights are
        # small (|w| < 4, a few dozen features a candidate): a product of odds stays far
        # from a float's limits, with no largest score taken off first as a softmax does.
        odds = {name: tuple(map(math.exp, row)) for name, row in self.weights.items()}
        object.__setattr__(self, "feature_odds", odds)
        object.__setattr__(self, "bias_odds", tuple(map(math.exp, self.bias)))

    def _odds(self, start: Sequence[float], names: Sequence[str]) -> list[float]:
        """The odds of `start` and of the features `names`, class by class."""
        rows = list(filter(None, map(self.feature_odds.get, names)))  # a row is never empty
        # Multiplying columns with zip and prod keeps the loop in C.
        return list(map(math.prod, zip(start, *rows, strict=True)))

    def probabilities(self, candidate: Candidate, context: Context, words: Lexicon) -> list[float]:
        """The probabilities of a candidate in its context: the product of the odds of its
        name's own features, of its context's groups (each found once) and features."""
        key = (tuple(candidate.name_tokens), candidate.rule, candidate.kind)
        odds = self.name_odds.get(key)
        if odds is None:
            if len(self.name_odds) > _MOST_NAMES:
                self.name_odds.clear()
            own = name_features(candidate.name_tokens, candidate.rule, candidate.kind, words)
            odds = self.name_odds[key] = self._odds(self.bias_odds, own)
        groups = list(map(self.group_odds.get, context.groups))
        if None in groups:
            groups = [
                found or self._group_odds(group)
                for found, group in zip(groups, context.groups, strict=True)
            ]
        rows = filter(None, map(self.feature_odds.get, context.features))
        products = list(map(math.prod, zip(odds, *groups, *rows, strict=True)))
        return list(map(truediv, products, repeat(sum(products))))

    def _group_odds(self, group: ContextKey) -> list[float]:
        if len(self.group_odds) > _MOST_GROUPS:
            self.group_odds.clear()
        ones = [1.0] * len(self.bias)
        found = self.group_odds[group] = self._odds(ones, group_features(group))
        return found


# Names, and groups of context features, whose odds are kept (a few MB each) before
# the cache starts again.
_MOST_NAMES = 100_000
_MOST_GROUPS = 200_000

_chosen: list[NameModel | None] = []


@functools.cache
def _shipped() -> NameModel | None:
    if not MODEL_FILE.exists():
        return None  # before the first `make model`: the rules alone
    return NameModel.from_json(json.loads(MODEL_FILE.read_text(encoding="utf-8")))


def load_model(path: Path) -> NameModel:
    return NameModel.from_json(json.loads(path.read_text(encoding="utf-8")))


def use_model(model: NameModel | None) -> None:
    """Type names with `model` in this process from now on (None: the shipped one).
    For cross-validation: each fold is scored by the model that did not see it."""
    _chosen[:] = [] if model is None else [model]


def name_model() -> NameModel | None:
    return _chosen[0] if _chosen else _shipped()


def type_names(candidates: list[Candidate], tokens: Tokens, words: Lexicon) -> None:
    """Set each candidate's kind by the model, where the rules are not trusted."""
    model = name_model()
    if model is None:
        return
    evidence = article_evidence(candidates)
    uses_of: dict[str, list[tuple[Candidate, list[float]]]] = {}
    for candidate in candidates:
        if not candidate.name_tokens or candidate.rule in model.trusted_rules:
            continue
        context = context_of(candidate, tokens, evidence)
        probabilities = model.probabilities(candidate, context, words)
        name = " ".join(candidate.name_tokens)
        uses = uses_of.get(name)
        if uses is None:
            uses_of[name] = [(candidate, probabilities)]
        else:
            uses.append((candidate, probabilities))
    mix = model.consistency
    keep = 1 - mix
    for uses in uses_of.values():
        if len(uses) == 1:
            # A name used once: its own probabilities are the name's, and mixing them
            # changes nothing.
            _decide(model, *uses[0], count=1.0, org_cues=words.org_cues)
            continue
        total = list(map(sum, zip(*(probabilities for _, probabilities in uses), strict=True)))
        count = sum(total)
        for candidate, probabilities in uses:
            mixed = [
                keep * own + mix * whole / count
                for own, whole in zip(probabilities, total, strict=True)
            ]
            _decide(model, candidate, mixed, count, words.org_cues)


def _decide(
    model: NameModel,
    candidate: Candidate,
    probabilities: list[float],
    count: float,
    org_cues: frozenset[str],
) -> None:
    """Set a candidate's kind from its probabilities (`count`: about how many uses its
    name has in the article)."""
    if len(candidate.name_tokens) == 1 and candidate.name_tokens[0] in org_cues:
        # An organisation word alone ("Radio", "Council") names no one.
        probabilities = [
            0.0 if kind == "person" else p
            for kind, p in zip(model.classes, probabilities, strict=True)
        ]
    best = max(probabilities)
    kind = model.classes[probabilities.index(best)]
    if count < 1.5 and best < LONE_OPENER_CONFIDENCE and _lone_opener(candidate):
        kind = "none"  # "Filler number 3 …": any word opens a sentence; a name recurs
    candidate.kind = kind if kind in _KINDS_KEPT else None


def _lone_opener(candidate: Candidate) -> bool:
    """One word the rules know nothing of, opening a sentence of prose."""
    first = candidate.tokens[0]
    prose = not first.table and not first.headline
    return (
        len(candidate.tokens) == 1 and first.sentence_start and prose and candidate.rule == "none"
    )
