"""The article list grouped by story: one row per story, keyset pages, counts and places."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from store import list_queries as q
from store.filters import ListFilter
from store.list_queries import ListOrder


@pytest.fixture
def told(db: Database) -> Database:
    """300 articles; every fifth of the first 200 in one of 20 stories (ties on dates)."""
    db.table("stories").insert_all(
        {"id": s, "article_count": 0, "source_count": 0} for s in range(1, 21)
    )
    rows = [
        {
            "id": n,
            "title": f"t{n % 7}",
            "text": "x",
            "date": None if n % 11 == 0 else f"2016-{n % 12 + 1:02d}-{n % 5 + 1:02d}",
            "source": None if n % 9 == 0 else f"s{n % 3}",
            "content_hash": str(n),
            "imported_at": "now",
            "story_id": n % 20 + 1 if n % 5 == 0 and n <= 200 else None,
        }
        for n in range(1, 301)
    ]
    db.table("articles").insert_all(rows)
    return db


def expected_rows(db: Database, order: ListOrder, descending: bool, where: ListFilter) -> list[int]:
    """The grouped list worked out in Python: every article in list order, a story
    kept at its first article."""
    condition, params = where.sql()
    direction = "DESC" if descending else "ASC"
    every = db.execute(
        f"SELECT id, story_id FROM articles WHERE {condition} "
        f"ORDER BY {order.value} {direction}, id {direction}",
        params,
    ).fetchall()
    seen: set[int] = set()
    listed = []
    for article_id, story_id in every:
        if story_id is None or story_id not in seen:
            listed.append(article_id)
            if story_id is not None:
                seen.add(story_id)
    return listed


@pytest.mark.parametrize("order", list(ListOrder))
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("where", [ListFilter(), ListFilter("s1"), ListFilter(None, "2016-06-01")])
@pytest.mark.parametrize(
    ("scan", "aggregate"),
    [(0, 10**9), (0, 0), (10**9, 0), (18, 0)],
    ids=["by-aggregate", "row-by-row", "scanned", "scanned-then-row-by-row"],
)
def test_grouped_pages_counts_and_places_agree(
    told: Database,
    order: ListOrder,
    descending: bool,
    where: ListFilter,
    scan: int,
    aggregate: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every way of reading the grouped list backwards gives the same rows (a scan of
    18 articles holds the 17 rows asked for in some places and not in others)."""
    monkeypatch.setattr(q, "BACKWARD_SCAN", scan)
    monkeypatch.setattr(q, "AGGREGATE_ROWS", aggregate)
    expected = expected_rows(told, order, descending, where)
    count = q.count_list(told, where, stories=True)
    assert count.rows == len(expected)
    assert count.articles == q.count_articles(told, where)
    # Keyset pages, forwards from the top and backwards from the end.
    page = q.list_articles(told, order, descending=descending, limit=17, where=where, stories=True)
    walked = list(page)
    while page:
        page = q.list_articles(
            told,
            order,
            after=walked[-1],
            descending=descending,
            limit=17,
            where=where,
            stories=True,
        )
        walked += page
    assert [row.id for row in walked] == expected
    last = q.last_articles(told, order, descending=descending, limit=17, where=where, stories=True)
    assert [row.id for row in last] == expected[-17:]
    before = q.list_articles(
        told, order, before=last[0], descending=descending, limit=17, where=where, stories=True
    )
    assert [row.id for row in before] == expected[-34:-17]
    # Each row's place, and the story sizes the rows carry.
    for place, row in enumerate(walked):
        assert (
            q.article_position(told, order, row, descending=descending, where=where, stories=True)
            == place
        )
        if row.story_id is not None:
            members = q.story_members(told, row.story_id, order, descending=descending, where=where)
            assert members[0].id == row.id and row.story_size == len(members)
    # A story's other articles are left out of the grouped list: they have no place.
    condition, params = where.sql()
    listed = {n for (n,) in told.execute(f"SELECT id FROM articles WHERE {condition}", params)}
    folded = sorted(listed - set(expected))
    assert folded
    for article_id in folded:
        member = q.article_row(told, order, article_id)
        assert member is not None and member.story_id is not None
        assert (
            q.article_position(
                told, order, member, descending=descending, where=where, stories=True
            )
            is None
        )
