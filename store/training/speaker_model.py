"""Training the speaker model on PolNeAR train: `python -m store.training.speaker_model`.

Reads ../shared/gold/polnear_dev.jsonl and uses the `train` split only:
- the cue words: how often each word of the text is part of a gold cue;
- the candidate ranker: each quote that matches a gold direct attribution with
  a source gives its candidates, labelled by whether they overlap the source;
  decoding runs in text order (a quote's speaker is a candidate of the next
  quote), so training decodes with the previous round's model, starting from
  weights that rank the rules in the order the hand-written cascade used;
- the speech model: each quote given a speaker, labelled by whether it matches a
  gold direct attribution with a source (else its words are no one's: a title, a
  scare quote), from `speech_evidence`;
- the pronoun resolver (`store.training.pronoun_model`).
Settings are chosen by cross-validation by article inside train; the figures
for train (each fold scored by the model trained without it) and dev are
printed side by side. Writes store/data/speaker_model.json and the fold models
to tests/fixtures/speaker_model_folds.json. Fixed seed; the same data gives the
same files.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from store.extract.entities import Mention, People, extract_entities
from store.extract.quotes import attribute
from store.extract.speaker_model import MODEL_FILE, LinearModel, SpeakerModel, fold_of
from store.extract.speaker_scores import speech_evidence
from store.training.linear import fit_linear
from store.training.pronoun_model import train_pronoun_model

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT.parent / "shared" / "gold"
FOLDS_FILE = ROOT / "tests" / "fixtures" / "speaker_model_folds.json"
FOLDS = 5
ROUNDS = 2
# The regularisation strength, chosen by cross-validation inside train (--choose).
C = 1.0

Article = dict[str, Any]
Example = tuple[list[str], bool]

_WORDS = re.compile(r"[a-z]+")
# Weights of round 0: the order in which the hand-written cascade tried its rules.
_RULE_ORDER = ["after", "after_other_clause", "before", "split", "reported", "follows",
               "continues", "paragraph", "subject", "previous_subject"]  # fmt: skip


def load(split: str) -> list[Article]:
    lines = (GOLD / "polnear_dev.jsonl").read_text(encoding="utf-8").splitlines()
    return [a for a in map(json.loads, lines) if a["split"] == split]


def learn_cue_words(articles: list[Article]) -> dict[str, str]:
    """Each word's share of its occurrences that stand in a gold cue, in three classes."""
    in_cues: Counter[str] = Counter()
    everywhere: Counter[str] = Counter()
    for article in articles:
        everywhere.update(_WORDS.findall(article["text"].lower()))
        for attribution in article["attributions"]:
            for start, end in attribution["cue"]:
                in_cues.update(_WORDS.findall(article["text"][start:end].lower()))
    classes = {}
    for word, count in in_cues.items():
        share = count / max(everywhere[word], count)
        if count >= 3 and share >= 0.1:
            classes[word] = "high" if share >= 0.5 else "mid" if share >= 0.25 else "low"
    return classes


def rules_model(cue_words: dict[str, str]) -> SpeakerModel:
    weights = {f"r={rule}": float(len(_RULE_ORDER) - i) for i, rule in enumerate(_RULE_ORDER)}
    return SpeakerModel(LinearModel(-5.0, weights), LinearModel(0.0, {}), cue_words)


def matched_sources(article: Article, start: int, end: int) -> list[tuple[int, int]] | None:
    """The gold source of the direct attribution the quote `[start, end)` matches
    (quote_eval's rule: it covers half of a quoted part), or None."""
    from tests.bench.quote_eval import _covers_half, quoted_parts

    for attribution in article["attributions"]:
        if not attribution["direct"] or not attribution["source"]:
            continue
        parts = [p for f in attribution["content"] for p in quoted_parts(article["text"], f)]
        if _covers_half((start, end), parts):
            return [tuple(s) for s in attribution["source"]]
    return None


_ENTITIES: dict[str, tuple[list[Mention], People]] = {}


def entities(article: Article) -> tuple[list[Mention], People]:
    """The article's names, extracted once per run (every fold and round reads them)."""
    if article["id"] not in _ENTITIES:
        _ENTITIES[article["id"]] = extract_entities(article["text"])
    return _ENTITIES[article["id"]]


def decoded(articles: list[Article], model: SpeakerModel) -> Iterator[tuple[list[Example], bool]]:
    """For each quote that matches a sourced gold attribution: its candidates'
    features and labels, and whether the model's choice was right."""
    for article in articles:
        text = article["text"]
        mentions, people = entities(article)
        for found in attribute(text, mentions, people, model, exhaustive=True):
            sources = matched_sources(article, found.start, found.end)
            if sources is None:
                continue
            examples = []
            for candidate in found.candidates:
                s = candidate.speaker
                right = any(s.start < end and start < s.end for start, end in sources)
                examples.append((candidate.features, right))
            chosen = found.chosen
            right = chosen is not None and any(
                chosen.speaker.start < end and start < chosen.speaker.end for start, end in sources
            )
            yield examples, right


def speech_examples(articles: list[Article], model: SpeakerModel) -> Iterator[Example]:
    """For each quote given a speaker: what the speech model weighs, and whether the
    quote matches a sourced gold attribution (words someone is said to speak)."""
    for article in articles:
        text = article["text"]
        mentions, people = entities(article)
        for found in attribute(text, mentions, people, model, exhaustive=True):
            if found.chosen is not None:
                spoken = matched_sources(article, found.start, found.end) is not None
                yield speech_evidence(text, found.start, found.end, found.chosen), spoken


def train(articles: list[Article], c: float = C) -> SpeakerModel:
    cue_words = learn_cue_words(articles)
    model = rules_model(cue_words)
    for _ in range(ROUNDS):
        examples = [e for quote, _ in decoded(articles, model) for e in quote]
        fitted = fit_linear([f for f, _ in examples], [label for _, label in examples], c)
        model = SpeakerModel(fitted, model.pronouns, cue_words)
    spoken = list(speech_examples(articles, model))
    speech = fit_linear([f for f, _ in spoken], [label for _, label in spoken], c)
    return SpeakerModel(model.speakers, train_pronoun_model(articles), cue_words, speech)


def accuracy(articles: list[Article], model: SpeakerModel) -> tuple[float, int]:
    results = [right for _, right in decoded(articles, model)]
    return sum(results) / max(len(results), 1), len(results)


def cross_validate(articles: list[Article], c: float) -> tuple[float, list[SpeakerModel]]:
    """Train accuracy with each fold scored by a model trained on the others."""
    right = total = 0
    models = []
    for fold in range(FOLDS):
        held_out = [a for a in articles if fold_of(a["id"], FOLDS) == fold]
        model = train([a for a in articles if fold_of(a["id"], FOLDS) != fold], c)
        share, count = accuracy(held_out, model)
        right += round(share * count)
        total += count
        models.append(model)
    return right / total, models


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--choose", action="store_true", help="cross-validate C inside train")
    args = parser.parse_args()
    articles, dev = load("train"), load("dev")
    if args.choose:
        for c in (0.03, 0.1, 0.3, 1.0, 3.0):
            share, _ = cross_validate(articles, c)
            print(f"C={c}: train (cross-validated) {share:.3f}", flush=True)
        return
    share, folds = cross_validate(articles, C)
    model = train(articles)
    print(f"speaker accuracy on matched quotes: train (cross-validated) {share:.3f},"
          f" dev {accuracy(dev, model)[0]:.3f}")  # fmt: skip
    MODEL_FILE.write_text(json.dumps(model.to_json(), indent=0) + "\n", encoding="utf-8")
    FOLDS_FILE.write_text(
        json.dumps({"folds": [m.to_json() for m in folds]}, indent=0) + "\n", encoding="utf-8"
    )
    print(f"wrote {MODEL_FILE.relative_to(ROOT)} and {FOLDS_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
