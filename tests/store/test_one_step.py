"""Rows read in one step of SQLite come in the query's order, with their values."""

from __future__ import annotations

import math
import random
import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from store.one_step import all_rows

VALUES = st.one_of(
    st.none(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    # SQLite's JSON writes a REAL to 15 significant digits (quotes' confidences have 3).
    st.floats(allow_nan=False, allow_infinity=False)
    .map(lambda x: float(f"{x:.15g}"))
    .filter(math.isfinite),
    st.text(),
)


def _table(rows: list[tuple[int, object, object]]) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, key, value)")
    db.execute("CREATE INDEX t_key ON t (key)")
    db.executemany("INSERT INTO t VALUES (?, ?, ?)", rows)
    return db


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(VALUES, VALUES), max_size=60), st.randoms())
def test_rows_and_order_are_the_query_s(
    pairs: list[tuple[object, object]], shuffle: random.Random
) -> None:
    rows = [(i, key, value) for i, (key, value) in enumerate(pairs, 1)]
    shuffle.shuffle(rows)  # stored in no particular order
    db = _table(rows)
    for sql in (
        "SELECT id, key, value FROM t ORDER BY key DESC, id",
        "SELECT id, key, value FROM t WHERE id % 2 = 0 ORDER BY key, id DESC LIMIT 20",
        "SELECT key, count(*) AS n FROM t GROUP BY key ORDER BY n DESC, key",
    ):
        columns = ("key", "n") if "count" in sql else ("id", "key", "value")
        expected = [list(row) for row in db.execute(sql)]
        assert all_rows(db, sql, [], columns) == expected


def test_no_rows() -> None:
    assert all_rows(_table([]), "SELECT id FROM t", [], ("id",)) == []
