"""Reading a query's rows in one step of SQLite.

The browser reads in worker threads while its own thread runs Python (drawing,
or loading Textual at start-up). Row by row, a reader thread gives up the GIL
for every step of SQLite and waits to take it back: up to the switch interval
(5 ms) each time when the other thread is busy. The list's first page (200 rows
and their stories' sizes) took 1.5 s that way beside a busy thread, instead of
40 ms. Built into one JSON array by SQLite, the rows come back in one step.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from store.database import Reader


def all_rows(db: Reader, sql: str, params: Sequence[Any], columns: Sequence[str]) -> list[Any]:
    """The rows of `sql`, in its order, as lists: `columns` names its result columns.
    Their values are text, integers, NULL, or finite REAL to 15 significant digits
    (a BLOB cannot be read this way).

    The outer query has one source and no ORDER BY: SQLite neither flattens the
    query into it nor drops its ORDER BY, and feeds the rows to the aggregate in that
    order (tests/store/test_one_step.py holds it to that)."""
    # In brackets, a name is only ever a column's (in double quotes, a name no column
    # has would be read as a string).
    names = ", ".join(f"[{name}]" for name in columns)
    (found,) = db.execute(
        f"SELECT json_group_array(json_array({names})) FROM ({sql})", params
    ).fetchone()
    return json.loads(found)  # type: ignore[no-any-return]
