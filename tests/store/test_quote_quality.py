"""Quote detection and attribution on PolNeAR dev, asserted at the level reached.

Needs ../shared/gold/polnear_dev.jsonl (development data beside the repository,
not shipped): skipped where it is absent. `tests/bench/quote_eval.py` prints
the full figures.
"""

from __future__ import annotations

import pytest

from tests.bench.common import GOLD
from tests.bench.quote_eval import evaluate

POLNEAR = GOLD / "polnear_dev.jsonl"


@pytest.mark.skipif(not POLNEAR.exists(), reason="needs ../shared/gold/polnear_dev.jsonl")
def test_quote_figures_do_not_drop() -> None:
    c = evaluate(POLNEAR, "dev")
    found = c["loose_hit"] / c["gold"]
    precise = c["loose_precise"] / c["predicted"]
    speaker = c["speaker"] / c["sourced"]
    assert found >= 0.99 and precise >= 0.90 and speaker >= 0.85, c
