"""Entity F1 on CoNLL-2003 dev, asserted at the level reached (needs ../shared/gold).

The gold file is development data beside the repository, not shipped with
nutgraf: where it is absent the test is skipped. `tests/bench/ner_eval.py`
prints the full figures.
"""

from __future__ import annotations

import pytest

from tests.bench.common import GOLD
from tests.bench.ner_eval import evaluate, f1

CONLL = GOLD / "conll2003_dev.jsonl"
# The level reached (exact span F1), less a little room for harmless changes.
REACHED = {"person": 0.87, "place": 0.84, "org": 0.65}


@pytest.mark.skipif(not CONLL.exists(), reason="needs ../shared/gold/conll2003_dev.jsonl")
def test_entity_f1_does_not_drop() -> None:
    totals, *_ = evaluate(CONLL)
    figures = {kind: round(f1(counts), 3) for kind, counts in totals.items()}
    assert all(figures[kind] >= level for kind, level in REACHED.items()), figures
