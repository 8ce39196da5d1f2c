"""The article list's reads: keyset pages, counts and places, every article or one row per story.

Grouped by story, a story is listed once, as its first article in the list's
order (among those the filter lets through): the newest when the list is by
date, newest first. Its other articles are hidden from the pages and come back
with `story_members`. Counting and placing rows stay index reads: a story row
comes before an article exactly when one of its articles does, so the rows
before an article are the lone articles before it plus the distinct stories
before it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

from store.database import Reader
from store.filters import NO_FILTER, ListFilter
from store.models import ArticleRow
from store.one_step import all_rows

# Untitled articles are listed by the start of their text.
UNTITLED_PREVIEW = 100


class ListOrder(Enum):
    """Orders of the article list; each has an index on (expression, id)."""

    DATE = "ifnull(date, '')"
    TITLE = "ifnull(title, '')"
    SOURCE = "ifnull(source, '')"

    def of(self, table: str) -> str:
        """The order's key on the columns of `table` (an alias in a subquery)."""
        return self.value.replace("(", f"({table}.", 1)


# How many articles back the grouped list is first read row by row (`_scanned_backwards`),
# and, in orders other than date, up to how many articles it is then read by story.
BACKWARD_SCAN = 2_000
AGGREGATE_ROWS = 200_000


@dataclass(frozen=True)
class ListCount:
    rows: int
    """Rows of the list: articles, or lone articles and stories when grouped."""
    articles: int


# The names of an `ArticleRow`'s columns in a query (none a column of `articles`).
ROW_NAMES = ("row_id", "row_title", "row_titled", "row_date", "row_source", "row_key", "row_story")


def row_columns(order: ListOrder) -> str:
    """The columns of an `ArticleRow`, selected from `articles` (alone or joined)."""
    columns = (
        "articles.id", f"coalesce(title, substr(text, 1, {UNTITLED_PREVIEW}))",
        "title IS NOT NULL", "date", "source", order.of("articles"), "articles.story_id",
    )  # fmt: skip
    return ", ".join(f"{column} AS {name}" for column, name in zip(columns, ROW_NAMES, strict=True))


def article_rows(db: Reader, sql: str, params: list[object]) -> list[ArticleRow]:
    """The rows of `sql`, which selects `row_columns`, read in one step (`all_rows`)."""
    return [
        ArticleRow(id, " ".join(title.split()), bool(titled), date, source, key, story_id)
        for id, title, titled, date, source, key, story_id in all_rows(db, sql, params, ROW_NAMES)
    ]


def _beyond(order: ListOrder, ascending: bool) -> str:
    """Rows past a (key, id) in list order; parameters key, key, id.

    The row value alone is not used as an index range by SQLite: the key's own
    bound, redundant, makes a page deep in the list an index seek, not a scan
    from the top (0.4 ms instead of 30 at 300,000 rows).
    """
    sign = ">" if ascending else "<"
    return f"{order.value} {sign}= ? AND ({order.value}, id) {sign} (?, ?)"


def _listed(
    order: ListOrder, descending: bool, where: ListFilter, stories: bool
) -> tuple[str, list[object]]:
    """The condition a row of the list meets: `where`, and grouped by story, being
    its story's first article in list order among those `where` lets through."""
    condition, params = where.sql()
    if not stories:
        return condition, params
    member, member_params = where.sql("member")
    # Another article of the story comes first in list order. The key's own bound,
    # redundant, lets an index on (story_id, key, id) seek it (see `_beyond`).
    sign = ">" if descending else "<"
    first = (
        "(articles.story_id IS NULL OR NOT EXISTS (SELECT 1 FROM articles AS member "
        f"WHERE member.story_id = articles.story_id AND {member} "
        f"AND {order.of('member')} {sign}= {order.of('articles')} "
        f"AND ({order.of('member')}, member.id) {sign} ({order.of('articles')}, articles.id)))"
    )
    return f"{condition} AND {first}", [*params, *member_params]


def with_story_sizes(db: Reader, rows: list[ArticleRow], where: ListFilter) -> list[ArticleRow]:
    """`rows` with how many articles of the list (`where`) tell each one's story."""
    stories = sorted({row.story_id for row in rows if row.story_id is not None})
    if not stories:
        return rows
    condition, params = where.sql()
    marks = ",".join("?" * len(stories))
    sql = (
        f"SELECT story_id, count(*) AS size FROM articles WHERE story_id IN ({marks}) "
        f"AND {condition} GROUP BY story_id"
    )
    sizes = dict(all_rows(db, sql, [*stories, *params], ("story_id", "size")))
    return [
        replace(row, story_size=sizes.get(row.story_id, 0)) if row.story_id is not None else row
        for row in rows
    ]


def count_articles(db: Reader, where: ListFilter = NO_FILTER) -> int:
    condition, params = where.sql()
    return int(db.execute(f"SELECT count(*) FROM articles WHERE {condition}", params).fetchone()[0])


def count_list(db: Reader, where: ListFilter = NO_FILTER, *, stories: bool = False) -> ListCount:
    """The list's rows and articles. Grouped: the lone articles (from the story index),
    and the stories with an article the filter lets through, each probed in the story
    index (10 ms at a million articles, where counting the distinct stories of a
    million index entries took 36)."""
    articles = count_articles(db, where)
    if not stories:
        return ListCount(articles, articles)
    condition, params = where.sql()
    (alone,) = db.execute(
        f"SELECT count(*) FROM articles WHERE story_id IS NULL AND {condition}", params
    ).fetchone()
    told = 0
    if articles > alone:
        (told,) = db.execute(
            "SELECT count(*) FROM stories WHERE EXISTS (SELECT 1 FROM articles "
            f"WHERE articles.story_id = stories.id AND {condition})",
            params,
        ).fetchone()
    return ListCount(int(alone) + int(told), articles)


def has_dates(db: Reader) -> bool:
    """Whether any article is dated (read from the date index: instant at any size)."""
    latest = db.execute("SELECT max(ifnull(date, '')) FROM articles").fetchone()[0]
    return bool(latest)


def list_articles(
    db: Reader,
    order: ListOrder,
    *,
    after: ArticleRow | None = None,
    before: ArticleRow | None = None,
    descending: bool = False,
    limit: int = 200,
    where: ListFilter = NO_FILTER,
    stories: bool = False,
) -> list[ArticleRow]:
    """A window of the article list by keyset: the rows right after `after`,
    or right before `before`, or the first (or, with neither and `before`
    semantics, use `last_articles`) rows, among those `where` lets through;
    with `stories`, one row per story. Rows come in list order."""
    forward = before is None
    ascending = forward != descending
    anchor = after if forward else before
    beyond, beyond_params = (
        ("1", [])
        if anchor is None
        else (_beyond(order, ascending), [anchor.key, anchor.key, anchor.id])
    )
    if stories and not forward:
        read = _BackwardRead(order, descending, where, beyond, beyond_params, limit)
        rows = _grouped_backwards(db, read)
        if rows is not None:
            return rows[::-1]
    condition, params = _listed(order, descending, where, stories)
    condition, params = f"{condition} AND {beyond}", [*params, *beyond_params]
    rows = _window(db, order, condition, params, ascending, limit, 0, where, stories)
    return rows if forward else rows[::-1]


def last_articles(
    db: Reader,
    order: ListOrder,
    *,
    descending: bool,
    limit: int,
    where: ListFilter = NO_FILTER,
    stories: bool = False,
) -> list[ArticleRow]:
    """The last `limit` rows of the list, in list order (for jumping to the end)."""
    if stories:
        rows = _grouped_backwards(db, _BackwardRead(order, descending, where, "1", [], limit))
        if rows is not None:
            return rows[::-1]
    condition, params = _listed(order, descending, where, stories)
    # Read from the end backwards, then put in list order.
    return _window(db, order, condition, params, descending, limit, 0, where, stories)[::-1]


@dataclass(frozen=True)
class _BackwardRead:
    """Up to `limit` rows of the grouped list meeting `beyond` (a bound on key and id,
    see `_beyond`, with its parameters), read against list order."""

    order: ListOrder
    descending: bool
    where: ListFilter
    beyond: str
    beyond_params: list[object]
    limit: int


def _grouped_backwards(db: Reader, read: _BackwardRead) -> list[ArticleRow] | None:
    """The rows of `read`, the quickest way that reads them: the last articles row by
    row when they hold the rows (a dated corpus: each story's articles lie close),
    else by story (by date, or up to AGGREGATE_ROWS); None when neither does (read
    row after row from the whole list)."""
    rows = _scanned_backwards(db, read)
    # By date, each story's first article is one seek on the story index at any size
    # (a million articles: 0.1-0.8 s, where row after row took 3.6 s); other orders
    # have no such index, and the aggregate pays off only on smaller lists.
    if rows is None and (read.order is ListOrder.DATE or _aggregate_backwards(db, read.where)):
        rows = _stories_backwards(db, read)
    return rows


def _scanned_backwards(db: Reader, read: _BackwardRead) -> list[ArticleRow] | None:
    """The rows, from the BACKWARD_SCAN articles against list order (milliseconds), when
    those hold `limit` rows or are all the articles there are; else None. A row is a
    story's first article, so which of the scanned articles are rows does not depend on
    the articles not scanned."""
    order, descending, where, limit = read.order, read.descending, read.where, read.limit
    listed, listed_params = _listed(order, descending, where, True)
    condition, params = where.sql()
    direction = "ASC" if descending else "DESC"
    ordered = f"ORDER BY {order.value} {direction}, id {direction}"
    scanned = f"SELECT id FROM articles WHERE {condition} AND {read.beyond} {ordered} LIMIT ?"
    scan_params = [*params, *read.beyond_params, BACKWARD_SCAN]
    sql = (
        f"SELECT {row_columns(order)} FROM articles WHERE id IN ({scanned}) AND {listed} "
        f"{ordered} LIMIT ?"
    )
    rows = article_rows(db, sql, [*scan_params, *listed_params, limit])
    if len(rows) < limit:
        (seen,) = db.execute(f"SELECT count(*) FROM ({scanned})", scan_params).fetchone()
        if seen >= BACKWARD_SCAN:
            return None  # stories whose first articles lie further back
    return with_story_sizes(db, rows, where)


def _aggregate_backwards(db: Reader, where: ListFilter) -> bool:
    """Whether to read the grouped list backwards by story (`_stories_backwards`): in
    an order with no story index, a few hundred milliseconds up to AGGREGATE_ROWS,
    while testing row after row costs seconds at worst (a filtered million of undated
    copies: 4.7 s) and milliseconds at best (a whole dated corpus)."""
    return count_articles(db, where) <= AGGREGATE_ROWS


def _stories_backwards(db: Reader, read: _BackwardRead) -> list[ArticleRow]:
    """The rows of `read` (from the end, or up from a row). Read against list order,
    a story's first article comes after all its others, so testing row after row
    (as forwards) would pass every copy of every story first: seconds for undated
    wire copies at a million articles. Each story's first article is sought instead
    on the story's index, for every story `where` lets through, beside the lone
    articles read on the order's index (a seek per story: a fifth of the time of an
    aggregate building a sortable string of every article's key and id)."""
    order, descending, where, beyond, limit = (
        read.order,
        read.descending,
        read.where,
        read.beyond,
        read.limit,
    )
    condition, params = where.sql()
    member, member_params = where.sql("member")
    key = order.value
    first_direction = "DESC" if descending else "ASC"
    direction = "ASC" if descending else "DESC"
    firsts = (
        f"SELECT (SELECT member.id FROM articles AS member WHERE member.story_id = told.story_id "
        f"AND {member} ORDER BY {order.of('member')} {first_direction}, "
        f"member.id {first_direction} LIMIT 1) "
        f"FROM (SELECT DISTINCT story_id FROM articles WHERE story_id IS NOT NULL "
        f"AND {condition}) AS told"
    )
    columns = row_columns(order)
    sql = (
        f"SELECT * FROM (SELECT {columns} FROM articles WHERE id IN ({firsts}) "
        f"AND {beyond} ORDER BY {key} {direction}, id {direction} LIMIT ?) "
        f"UNION ALL SELECT * FROM (SELECT {columns} FROM articles WHERE story_id IS NULL "
        f"AND {condition} AND {beyond} ORDER BY {key} {direction}, id {direction} LIMIT ?) "
        f"ORDER BY 6 {direction}, 1 {direction} LIMIT ?"
    )
    beyond_params = read.beyond_params
    bound = [*member_params, *params, *beyond_params, limit, *params, *beyond_params, limit, limit]
    return with_story_sizes(db, article_rows(db, sql, bound), where)


def articles_at(
    db: Reader,
    order: ListOrder,
    position: int,
    *,
    descending: bool,
    limit: int,
    where: ListFilter = NO_FILTER,
    stories: bool = False,
) -> list[ArticleRow]:
    """Rows from a position in the list. Only for jumps into the middle (a
    scrollbar drag), where no neighbouring row is known to page from."""
    condition, params = _listed(order, descending, where, stories)
    return _window(db, order, condition, params, not descending, limit, position, where, stories)


def _window(
    db: Reader,
    order: ListOrder,
    condition: str,
    params: list[object],
    ascending: bool,
    limit: int,
    offset: int,
    where: ListFilter,
    stories: bool,
) -> list[ArticleRow]:
    """Up to `limit` rows meeting `condition`, `offset` rows in, in key order
    (`ascending` or not), each with its story's size when grouped."""
    direction = "ASC" if ascending else "DESC"
    sql = (
        f"SELECT {row_columns(order)} FROM articles WHERE {condition} "
        f"ORDER BY {order.value} {direction}, id {direction} LIMIT ? OFFSET ?"
    )
    rows = article_rows(db, sql, [*params, limit, offset])
    return with_story_sizes(db, rows, where) if stories else rows


def article_row(db: Reader, order: ListOrder, article_id: int) -> ArticleRow | None:
    """One article as a line of the list in `order` (its key included)."""
    rows = article_rows(db, f"SELECT {row_columns(order)} FROM articles WHERE id = ?", [article_id])
    return rows[0] if rows else None


def article_position(
    db: Reader,
    order: ListOrder,
    row: ArticleRow,
    *,
    descending: bool,
    where: ListFilter = NO_FILTER,
    stories: bool = False,
) -> int | None:
    """Where `row` stands in the list (0 first), or None when the list leaves it
    out (`where`, or a story listed by another of its articles).

    A count of the rows before it, on the order's index: milliseconds at 100,000
    articles, for the list to follow an article opened from elsewhere.
    """
    condition, params = _listed(order, descending, where, stories)
    inside = db.execute(
        f"SELECT count(*) FROM articles WHERE id = ? AND {condition}", [row.id, *params]
    ).fetchone()[0]
    if not inside:
        return None
    condition, params = where.sql()
    counted = "sum(story_id IS NULL) + count(DISTINCT story_id)" if stories else "count(*)"
    before = db.execute(
        f"SELECT {counted} FROM articles WHERE {condition} AND {_beyond(order, descending)}",
        [*params, row.key, row.key, row.id],
    ).fetchone()[0]
    return int(before or 0)


def story_members(
    db: Reader,
    story_id: int,
    order: ListOrder,
    *,
    descending: bool,
    where: ListFilter = NO_FILTER,
) -> list[ArticleRow]:
    """The articles of a story the list (`where`) holds, in list order: the first
    is the one the grouped list shows, the others are what expanding it shows."""
    condition, params = where.sql()
    direction = "DESC" if descending else "ASC"
    rows = article_rows(
        db,
        f"SELECT {row_columns(order)} FROM articles WHERE story_id = ? AND {condition} "
        f"ORDER BY {order.value} {direction}, id {direction}",
        [story_id, *params],
    )
    return [replace(row, story_size=len(rows)) for row in rows]
