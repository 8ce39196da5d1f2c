"""The learned weights that rank a quote's candidate speakers, evaluated in pure Python.

`store/data/speaker_model.json` is written by `python -m store.training.speaker_model`
(scikit-learn, PolNeAR train only) and read here with the standard library: a
logistic regression over sparse binary features (a candidate's score is the
bias plus the weights of its features), the cue words learned from the
training attributions, and a pronoun resolver of the same shape. The training
also writes one model per cross-validation fold (tests/fixtures/, not shipped),
so that the evaluation scores each training article with a model that never
saw it.
"""

from __future__ import annotations

import functools
import json
import math
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

_Key = TypeVar("_Key", bound=tuple[object, ...])
# Feature groups kept before the memo starts again (a group is a few strings).
_MOST_MEMOS = 100_000

MODEL_FILE = Path(__file__).resolve().parent.parent / "data" / "speaker_model.json"


@dataclass(frozen=True)
class LinearModel:
    """A logistic regression over binary features named by strings."""

    bias: float
    weights: dict[str, float]
    memo: dict[tuple[object, ...], tuple[list[str], float]] = field(
        default_factory=dict, compare=False, repr=False
    )
    """Groups of features already weighed, by what made them, kept for the process:
    most candidates share their groups with others (see `weighed`)."""
    part_memo: dict[tuple[object, ...], tuple[list[str], list[float]]] = field(
        default_factory=dict, compare=False, repr=False
    )
    """Parts of groups already weighed (see `weights_of`)."""

    def weighed(self, key: _Key, make: Callable[[_Key], list[str]]) -> tuple[list[str], float]:
        """The features `make(key)` gives and the sum of their weights, made once per
        key (the key must say everything the features depend on)."""
        found = self.memo.get(key)
        if found is None:
            features = make(key)
            weights = self.weights
            found = (features, sum([weights[f] for f in features if f in weights]))
            if len(self.memo) > _MOST_MEMOS:
                self.memo.clear()
            self.memo[key] = found
        return found

    def weights_of(
        self, key: _Key, make: Callable[[_Key], list[str]]
    ) -> tuple[list[str], list[float]]:
        """The features `make(key)` gives and the weights of those the model has, in
        order, made once per key: half a group that `weighed_halves` sums, met more
        often than the group (the key must say everything the features depend on)."""
        found = self.part_memo.get(key)
        if found is None:
            features = make(key)
            weights = self.weights
            found = (features, [weights[f] for f in features if f in weights])
            if len(self.part_memo) > _MOST_MEMOS:
                self.part_memo.clear()
            self.part_memo[key] = found
        return found

    def weighed_halves(
        self,
        key: tuple[object, ...],
        first: tuple[list[str], list[float]],
        second: tuple[list[str], list[float]],
    ) -> tuple[list[str], float]:
        """The group of `key` made of two halves (from `weights_of`), as `weighed` gives
        it: the same features, and the same sum, added in the same order."""
        found = (first[0] + second[0], sum(first[1] + second[1]))
        if len(self.memo) > _MOST_MEMOS:
            self.memo.clear()
        self.memo[key] = found
        return found

    def score(self, features: Iterable[str]) -> float:
        weights = self.weights
        return self.bias + sum([weights[f] for f in features if f in weights])

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LinearModel:
        return cls(float(data["bias"]), {k: float(v) for k, v in data["weights"].items()})

    def to_json(self) -> dict[str, Any]:
        return {"bias": round(self.bias, 4), "weights": dict(sorted(self.weights.items()))}


@dataclass(frozen=True)
class SpeakerModel:
    """What attribution needs: the candidate ranker, the pronoun resolver, the
    learned cue words (word → how often it is a cue: `high`, `mid` or `low`) and the
    speech model: whether a quote gives words someone spoke at all (None: always)."""

    speakers: LinearModel
    pronouns: LinearModel
    cue_words: dict[str, str]
    speech: LinearModel | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SpeakerModel:
        speech = data.get("speech")
        return cls(
            LinearModel.from_json(data["speakers"]),
            LinearModel.from_json(data["pronouns"]),
            dict(data["cue_words"]),
            None if speech is None else LinearModel.from_json(speech),
        )

    def to_json(self) -> dict[str, Any]:
        found = {
            "speakers": self.speakers.to_json(),
            "pronouns": self.pronouns.to_json(),
            "cue_words": dict(sorted(self.cue_words.items())),
        }
        if self.speech is not None:
            found["speech"] = self.speech.to_json()
        return found


def probability(score: float) -> float:
    if score < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-score))


def fold_of(article_id: str, folds: int) -> int:
    """The cross-validation fold of an article, from its id alone (stable across runs)."""
    return zlib.crc32(article_id.encode("utf-8")) % folds


@functools.cache
def speaker_model() -> SpeakerModel:
    """The shipped model, loaded once per process."""
    return SpeakerModel.from_json(json.loads(MODEL_FILE.read_text(encoding="utf-8")))


def fold_models(path: Path) -> list[SpeakerModel]:
    """The models trained with one fold of PolNeAR train held out, fold by fold."""
    folds = json.loads(path.read_text(encoding="utf-8"))["folds"]
    return [SpeakerModel.from_json(fold) for fold in folds]
