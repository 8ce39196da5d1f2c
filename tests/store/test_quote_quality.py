"""Quote detection and attribution on PolNeAR dev and train (cross-validated), asserted
at the level reached.

Needs ../shared/gold/polnear_dev.jsonl (development data beside the repository,
not shipped): skipped where it is absent. `tests/bench/quote_eval.py` prints
the full figures.
"""

from __future__ import annotations

import pytest

from store.extract.speaker_model import speaker_model
from store.training.pronoun_model import GAP, gap_accuracy
from tests.bench.common import GOLD
from tests.bench.quote_eval import evaluate, load, resolved_names

POLNEAR = GOLD / "polnear_dev.jsonl"


@pytest.mark.skipif(not POLNEAR.exists(), reason="needs ../shared/gold/polnear_dev.jsonl")
def test_quote_figures_do_not_drop() -> None:
    f = evaluate(POLNEAR, "dev")
    reached = {
        "recall": 0.98,
        "precision": 0.89,
        "loose_recall": 0.99,
        "loose_precision": 0.90,
        # Under SPEAKER_FLOOR no speaker is named: fewer right spans (0.913 before),
        # far fewer wrong names (named_right 0.82 before). 0.900 to 0.902 since, then
        # 0.899 with the name model retrained on wider names (train unchanged, 0.889).
        # 0.893 with the speech model (a speaker for words no one is said to speak
        # withdrawn; named_right 0.855 before it).
        "speaker": 0.89,
        "fragment_speaker": 0.92,
        "named_right": 0.87,
    }
    dropped = {name: f[name] for name, level in reached.items() if f[name] < level}
    assert not dropped, dropped


@pytest.mark.skipif(not POLNEAR.exists(), reason="needs ../shared/gold/polnear_dev.jsonl")
def test_cross_validated_train_figures_do_not_drop() -> None:
    """Each training article scored by the fold model that did not see it."""
    f = evaluate(POLNEAR, "train")
    reached = {
        "recall": 0.99,
        "precision": 0.89,
        "speaker": 0.88,
        "fragment_speaker": 0.92,
        "named_right": 0.86,
    }
    dropped = {name: f[name] for name, level in reached.items() if f[name] < level}
    assert not dropped, dropped


@pytest.mark.skipif(not POLNEAR.exists(), reason="needs ../shared/gold/polnear_dev.jsonl")
def test_pronoun_and_role_sources_resolve_to_their_person() -> None:
    """tests/fixtures/polnear_dev_pronoun_sources.json, annotated by hand."""
    right, annotated = resolved_names(load(POLNEAR, "dev"), "dev")
    # 75 before the speech model: `the Times` (the New York Times) now falls under
    # SPEAKER_FLOOR, among 299 fewer wrong names on train. 71 since the ranker was
    # retrained with `follows` fixed: in one article `Ashton` (of Ashton, Md., typed a
    # person) now wins over Donna Sampson Rawlings as the subject of `said`, and her
    # three `she`s follow (train unchanged, 105/150). 72 since a title before a name
    # no longer hides the sentence's subject (`Shadow foreign secretary Michael Ancram`).
    assert (right, annotated) >= (72, 100)


@pytest.mark.skipif(not POLNEAR.exists(), reason="needs ../shared/gold/polnear_dev.jsonl")
def test_train_pronoun_and_role_sources_resolve_to_their_person() -> None:
    """tests/fixtures/polnear_train_pronoun_sources.json, annotated by hand; each article
    read by the fold model that did not train on it."""
    right, annotated = resolved_names(load(POLNEAR, "train"), "train")
    # 105 before a name that titles the subject was read past (`Clinton campaign Chairman
    # John Podesta`) and `he` looked a sentence back past `The Murdoch outlets`; 108
    # before `who` reached past a short phrase (`Santilli on camera, who`); 109 before
    # the person a sentence says spoke stood for the `he` after it (`…, Lord Butler said`).
    # 110 then; 109 since a fold model retrained with session 40's typing ranks `Congress`
    # (named in the sentence) over `Sanders` for a scare quote, a near tie.
    assert (right, annotated) >= (109, 150)


@pytest.mark.skipif(not GAP.exists(), reason="needs ../shared/gold/gap/")
def test_pronoun_resolver_on_gap_test() -> None:
    """GAP test (Wikipedia passages the resolver never trained on): the share of
    pronouns, among those whose antecedent extraction finds, resolved right."""
    share, count = gap_accuracy(speaker_model().pronouns)
    assert count > 1200
    # 0.605 before the features of a sentence's subject (`opens`, and `opens|sd1`: the
    # subject of the sentence before) and of a name after `the`.
    assert share >= 0.635
