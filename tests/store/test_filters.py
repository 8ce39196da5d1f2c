"""The list's filter (source, dates): bounds, keyset paging and an article's place."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from store import queries
from store.filters import FilterError, ListFilter, date_bound
from store.queries import ListOrder


def test_date_bounds_close_the_period() -> None:
    assert date_bound("2016", upper=False) == "2016-01-01"
    assert date_bound("2016", upper=True) == "2016-12-31"
    assert date_bound("2016-02", upper=True) == "2016-02-31"
    assert date_bound(" 2016-02-03 ", upper=True) == "2016-02-03"
    assert date_bound("", upper=False) is None
    for bad in ("March", "16", "2016-2", "2016/02/03"):
        with pytest.raises(FilterError):
            date_bound(bad, upper=False)


@pytest.fixture
def news(db: Database) -> Database:
    rows = [
        {
            "id": n,
            "title": f"t{n % 7}",
            "text": "x",
            "date": None if n % 10 == 0 else f"2016-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
            "source": None if n % 9 == 0 else f"s{n % 3}",
            "content_hash": str(n),
            "imported_at": "now",
        }
        for n in range(1, 501)
    ]
    db.table("articles").insert_all(rows)
    return db


@pytest.mark.parametrize("order", list(ListOrder))
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize(
    "where",
    [
        ListFilter(),
        ListFilter("s1"),
        ListFilter("", "2016-03-01"),
        ListFilter(None, None, "2016-06"),
    ],
)
def test_keyset_pages_walk_the_filtered_list(
    news: Database, order: ListOrder, descending: bool, where: ListFilter
) -> None:
    if where.date_to is not None:
        where = ListFilter(where.source, where.date_from, date_bound(where.date_to, upper=True))
    condition, params = where.sql()
    expected = [
        row[0]
        for row in news.execute(
            f"SELECT id FROM articles WHERE {condition} ORDER BY {order.value} "
            f"{'DESC' if descending else 'ASC'}, id {'DESC' if descending else 'ASC'}",
            params,
        )
    ]
    assert queries.count_articles(news, where) == len(expected) > 0
    walked: list[int] = []
    page = queries.list_articles(news, order, descending=descending, limit=37, where=where)
    while page:
        walked += [row.id for row in page]
        page = queries.list_articles(
            news, order, after=page[-1], descending=descending, limit=37, where=where
        )
    assert walked == expected
    # Backwards from the end, and every article's place.
    last = queries.last_articles(news, order, descending=descending, limit=5, where=where)
    assert [row.id for row in last] == expected[-5:]
    before = queries.list_articles(
        news, order, before=last[0], descending=descending, limit=3, where=where
    )
    assert [row.id for row in before] == expected[-8:-5]
    for index in (0, len(expected) // 2, len(expected) - 1):
        row = queries.article_row(news, order, expected[index])
        assert row is not None
        place = queries.article_position(news, order, row, descending=descending, where=where)
        assert place == index


def test_an_article_outside_the_filter_has_no_place(news: Database) -> None:
    row = queries.article_row(news, ListOrder.DATE, 9)  # no source
    assert row is not None
    where = ListFilter("s1")
    assert queries.article_position(news, ListOrder.DATE, row, descending=True, where=where) is None


def test_sources_and_dates_are_listed(news: Database) -> None:
    sources = {s.source: s.articles for s in queries.list_sources(news)}
    assert set(sources) == {None, "s0", "s1", "s2"} and sum(sources.values()) == 500
    assert queries.has_dates(news)
    news.execute("UPDATE articles SET date = NULL")
    assert not queries.has_dates(news)


def test_a_filter_describes_itself() -> None:
    assert ListFilter().describe() == "" and not ListFilter().active
    assert ListFilter("BBC", "2016-01-01", None).describe() == "BBC · 2016-01-01 – …"
    assert ListFilter("").describe() == "(no source)"
