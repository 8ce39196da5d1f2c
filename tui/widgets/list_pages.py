"""What the article list reads in its workers: windows of rows, counts, an article's place."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass

from store import list_queries as q
from store.database import Reader
from store.filters import ListFilter
from store.list_queries import ListCount, ListOrder
from store.models import ArticleRow

PAGE = 200
# The list's first read holds less: what a tall terminal shows and the quarter page the
# list reads around it (`PagedList._request_visible_rows`), at half the cost of a page
# (20 ms instead of 40 at a million articles grouped by story).
FIRST_PAGE = 100


@dataclass(frozen=True)
class ListShape:
    """Which rows the list holds, in which order: every article, or one row per story."""

    order: ListOrder
    descending: bool
    where: ListFilter
    stories: bool


@dataclass(frozen=True)
class WindowPlan:
    """Which rows to fetch for list position `index`."""

    index: int
    after: ArticleRow | None = None
    before: ArticleRow | None = None
    limit: int = PAGE
    from_end: bool = False


def plan(index: int, held: Callable[[int], ArticleRow | None], total: int) -> WindowPlan:
    """How to fetch the page holding base place `index`: from a held neighbour (`held`
    gives the row at a place, if held) when there is one."""
    if (previous := held(index - 1)) is not None:
        return WindowPlan(index, after=previous)
    for ahead in range(index + 1, min(index + PAGE, total)):
        if (known := held(ahead)) is not None:
            return WindowPlan(index, before=known, limit=ahead - index)
    if index > 0 and index >= total - PAGE:
        return WindowPlan(index, from_end=True)
    return WindowPlan(index)


@dataclass(frozen=True)
class Window:
    """Rows of the list from base place `start`."""

    start: int
    rows: list[ArticleRow]


@dataclass(frozen=True)
class OpenedStory:
    """A story opened to show an article it folds: its row's place and other articles."""

    base: int
    members: list[ArticleRow]


@dataclass(frozen=True)
class FirstRead:
    """What the list reads first: its length, whether it has dates, its first page."""

    shape: ListShape
    counted: ListCount
    dated: bool
    window: Window


def count(db: Reader, shape: ListShape) -> ListCount:
    return q.count_list(db, shape.where, stories=shape.stories)


def first_read(db: Reader, shape: ListShape) -> FirstRead:
    counted = count(db, shape)
    window = read_window(db, shape, WindowPlan(0, limit=FIRST_PAGE), counted.rows)
    return FirstRead(shape, counted, q.has_dates(db), window)


def read_ahead(
    ahead: Future[FirstRead] | None, shape: ListShape, *, wait: bool
) -> FirstRead | None:
    """The first read done ahead (while Textual loaded), if it is of this shape and
    succeeded; None (read it again) otherwise, or when not done and not to `wait`."""
    if ahead is None or not (wait or ahead.done()) or ahead.exception() is not None:
        return None
    first = ahead.result()
    return first if first.shape == shape else None


def read_window(db: Reader, shape: ListShape, plan: WindowPlan, total: int) -> Window:
    """The rows `plan` asks for: paged from a known neighbour, the last page, the
    first, or (a scrollbar drag) from a position."""
    order, descending, where, stories = shape.order, shape.descending, shape.where, shape.stories
    if plan.before is not None or plan.after is not None:
        rows = q.list_articles(
            db,
            order,
            after=plan.after,
            before=plan.before,
            descending=descending,
            limit=plan.limit,
            where=where,
            stories=stories,
        )
        return Window(
            plan.index if plan.before is None else plan.index + plan.limit - len(rows), rows
        )
    if plan.from_end:
        return last_page(db, shape, total)
    if plan.index == 0:
        rows = q.list_articles(
            db, order, descending=descending, limit=plan.limit, where=where, stories=stories
        )
        return Window(0, rows)
    rows = q.articles_at(
        db, order, plan.index, descending=descending, limit=PAGE, where=where, stories=stories
    )
    return Window(plan.index, rows)


def last_page(db: Reader, shape: ListShape, total: int) -> Window:
    rows = q.last_articles(
        db,
        shape.order,
        descending=shape.descending,
        limit=PAGE,
        where=shape.where,
        stories=shape.stories,
    )
    return Window(total - len(rows), rows)


def story_members(db: Reader, shape: ListShape, row: ArticleRow) -> list[ArticleRow]:
    """The other articles of the story `row` stands for, in list order."""
    if row.story_id is None:
        return []
    members = q.story_members(
        db, row.story_id, shape.order, descending=shape.descending, where=shape.where
    )
    return [member for member in members if member.id != row.id]


def locate(db: Reader, shape: ListShape, article_id: int) -> tuple[Window, OpenedStory | None]:
    """The rows around an article (empty when the list leaves it out); an article
    folded in a story comes with the story opened around it."""
    order, descending, where, stories = shape.order, shape.descending, shape.where, shape.stories
    row = q.article_row(db, order, article_id)
    if row is None:
        return Window(0, []), None
    index = q.article_position(db, order, row, descending=descending, where=where, stories=stories)
    opened: OpenedStory | None = None
    if index is None and stories and row.story_id is not None:
        members = q.story_members(db, row.story_id, order, descending=descending, where=where)
        if any(member.id == article_id for member in members):
            lead = members[0]
            index = q.article_position(
                db, order, lead, descending=descending, where=where, stories=True
            )
            row = lead
            opened = None if index is None else OpenedStory(index, members[1:])
    if index is None:
        return Window(0, []), None
    half = PAGE // 2
    before = q.list_articles(
        db, order, before=row, descending=descending, limit=half, where=where, stories=stories
    )
    after = q.list_articles(
        db, order, after=row, descending=descending, limit=half, where=where, stories=stories
    )
    if stories:
        (row,) = q.with_story_sizes(db, [row], where)
    return Window(index - len(before), [*before, row, *after]), opened
