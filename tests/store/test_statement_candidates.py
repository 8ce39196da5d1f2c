"""The statements a quote is compared with, found by fingerprint and speaker: exactly
those that share a fingerprint with it and that its speaker lets it be compared with."""

from __future__ import annotations

import random
from dataclasses import dataclass

from store.statement_candidates import Candidates, eligible


@dataclass
class Statement:
    id: int
    speaker: int | None
    confidence: float


SPEAKERS = (None, 1, 2)
CONFIDENCES = (0.2, 0.5, 0.9)


def every_candidate(
    by_print: dict[int, set[int]],
    statements: dict[int, Statement],
    prints: list[int],
    speaker: int | None,
    confidence: float,
) -> list[int]:
    """Every statement sharing a fingerprint, each asked whether it may be compared."""
    sharing = set().union(*(by_print.get(p, set()) for p in prints))
    return sorted(i for i in sharing if eligible(speaker, confidence, statements[i]) is not None)


def test_candidates_are_the_statements_a_quote_may_be_compared_with() -> None:
    rng = random.Random(15)
    statements = {
        i: Statement(i, rng.choice(SPEAKERS), rng.choice(CONFIDENCES)) for i in range(1, 200)
    }
    by_print = {p: set(rng.sample(sorted(statements), rng.randint(0, 40))) for p in range(30)}
    candidates = Candidates({p: set(ids) for p, ids in by_print.items()}, statements.values())
    for step in range(300):
        prints = rng.sample(range(35), 4)  # some fingerprints no statement has
        speaker, confidence = rng.choice(SPEAKERS), rng.choice(CONFIDENCES)
        assert candidates.of(prints, speaker, confidence) == every_candidate(
            by_print, statements, prints, speaker, confidence
        )
        # Statements change speaker, and new ones come, as quotes join them.
        statement = statements[rng.choice(sorted(statements))]
        was = statement.speaker, statement.confidence
        statement.speaker, statement.confidence = rng.choice(SPEAKERS), rng.choice(CONFIDENCES)
        candidates.refile(statement, *was)
        new = Statement(1000 + step, rng.choice(SPEAKERS), rng.choice(CONFIDENCES))
        statements[new.id] = new
        candidates.file(new)
        for hashed in prints:
            assert candidates.add(hashed, new)
            by_print.setdefault(hashed, set()).add(new.id)
        assert not candidates.add(prints[0], new)
