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
from operator import add, sub
from pathlib import Path
from typing import Any

from store.extract.candidates import Candidate
from store.extract.lexicon import DATA, Lexicon
from store.extract.name_features import article_evidence, context_features, name_features
from store.extract.tokens import Tokens

MODEL_FILE = DATA / "name_model.json"
# A word the rules know nothing of, used once, opening a sentence: any word can stand
# there, so the model must be this sure it is a name.
LONE_OPENER_CONFIDENCE = 0.75
KINDS = ("none", "person", "org", "place", "misc")
"""The model's classes; `misc` (events, nationalities, works) is no entity here."""


@dataclass(frozen=True)
class NameModel:
    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    consistency: float
    """How much the article's other uses of a name weigh against this use (0 to 1)."""
    trusted_rules: frozenset[str]
    """Rules whose kind stands: they were right more often than the model."""
    name_scores: dict[tuple[tuple[str, ...], str, str | None], list[float]] = field(
        default_factory=dict, compare=False, repr=False
    )
    """The scores of a name's own features (`name_features.name_features`), by the name, its
    rule and kind: names recur within and across articles."""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NameModel:
        return cls(
            classes=tuple(data["classes"]),
            bias=tuple(data["bias"]),
            weights={name: tuple(values) for name, values in data["weights"].items()},
            consistency=float(data["consistency"]),
            trusted_rules=frozenset(data["trusted_rules"]),
        )

    def _scores(self, start: Sequence[float], names: Sequence[str]) -> list[float]:
        weights = self.weights
        rows = list(filter(None, map(weights.get, names)))  # a row is a non-empty tuple
        # Summing columns with zip and sum keeps the loop in C: this runs per candidate.
        return list(map(sum, zip(start, *rows, strict=True)))

    def probabilities(
        self, candidate: Candidate, context: Sequence[str], words: Lexicon
    ) -> list[float]:
        """The probabilities of a candidate whose context features are `context` (its name's
        own features are scored once per name)."""
        key = (tuple(candidate.name_tokens), candidate.rule, candidate.kind)
        scores = self.name_scores.get(key)
        if scores is None:
            if len(self.name_scores) > _MOST_NAMES:
                self.name_scores.clear()
            own = name_features(candidate.name_tokens, candidate.rule, candidate.kind, words)
            scores = self.name_scores[key] = self._scores(self.bias, own)
        return self._softmax(self._scores(scores, context))

    @staticmethod
    def _softmax(scores: list[float]) -> list[float]:
        top = max(scores)
        exps = list(map(math.exp, map(sub, scores, repeat(top))))
        total = sum(exps)
        return [value / total for value in exps]


# Names whose scores are kept (a few MB) before the cache starts again.
_MOST_NAMES = 100_000

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
    scored: list[tuple[Candidate, list[float], list[float]]] = []
    by_name: dict[str, list[float]] = {}
    for candidate in candidates:
        if not candidate.name_tokens or candidate.rule in model.trusted_rules:
            continue
        context = context_features(candidate, tokens, evidence)
        probabilities = model.probabilities(candidate, context, words)
        name = " ".join(candidate.name_tokens)
        total = by_name.get(name)
        if total is None:
            total = by_name[name] = [0.0] * len(probabilities)
        # Added in place, the same sums in the same order: `scored` holds this list.
        total[:] = map(add, total, probabilities)
        scored.append((candidate, probabilities, total))
    mix = model.consistency
    for candidate, probabilities, total in scored:
        uses = sum(total)
        mixed = [
            (1 - mix) * own + mix * whole / uses
            for own, whole in zip(probabilities, total, strict=True)
        ]
        kind = model.classes[mixed.index(max(mixed))]
        if _lone_opener(candidate) and uses < 1.5 and max(mixed) < LONE_OPENER_CONFIDENCE:
            kind = "none"  # "Filler number 3 …": any word opens a sentence; a name recurs
        candidate.kind = kind if kind in ("person", "org", "place") else None


def _lone_opener(candidate: Candidate) -> bool:
    """One word the rules know nothing of, opening a sentence of prose."""
    first = candidate.tokens[0]
    prose = not first.table and not first.headline
    return (
        len(candidate.tokens) == 1 and first.sentence_start and prose and candidate.rule == "none"
    )
