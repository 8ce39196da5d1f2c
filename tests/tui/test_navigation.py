"""Issue 14's bugs 1 to 4: the list follows the reader; the profile's cursor and keys;
`n` across the hit articles; quitting is never one key away from reading."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database
from textual.pilot import Pilot
from textual.widgets import OptionList

from tests.tui.pilot import parts, search_for, settle
from tui.app import NutgrafApp, make_app
from tui.dialogs.quit_dialog import QuitDialog
from tui.dialogs.who_said_what import WhoSaidWhat
from tui.history import ArticlePlace
from tui.screens.entity_screen import EntityScreen
from tui.screens.main_screen import MainScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.reader import Reader
from tui.widgets.status_line import StatusLine, StatusText

WIDE = (120, 34)


def in_step(articles: ArticleList, reader: Reader) -> bool:
    """The list's cursor is on the article the reader shows."""
    row = articles.highlighted
    return (
        row is not None
        and reader.article is not None
        and row.id == reader.article.id
        and not articles.astray
    )


async def tab_to(pilot: Pilot[None], reader: Reader, name: str) -> None:
    for _ in range(len(reader.mentions)):
        await pilot.press("tab")
        if reader.mentions[reader.focused_mention or 0].name == name:
            return
    raise AssertionError(f"{name} is not named in the article")


async def until(pilot: Pilot[None], condition: Callable[[], bool], *, rounds: int = 200) -> None:
    """Wait for something a worker does, a bounded number of times (never a timing assertion)."""
    for _ in range(rounds):
        if condition():
            return
        await pilot.pause(0.05)


async def read_on(pilot: Pilot[None], name: str, *keys: str) -> None:
    """Open the first article, put the name cursor on `name`, then press `keys`."""
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    await tab_to(pilot, pilot.app.screen.query_one(Reader), name)
    if keys:
        await pilot.press(*keys)
        await settle(pilot)


async def test_the_list_follows_the_neighbour_key(seeded_db: Database, db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=WIDE) as pilot:
        await read_on(pilot, "Vladimir Putin", "left_curly_bracket")
        articles, reader = parts(app)
        assert articles.cursor != 0
        assert in_step(articles, reader)
        # Back in the list, j moves on from the article that was read.
        where = articles.cursor
        await pilot.press("escape", "j")
        await settle(pilot)
        assert articles.cursor == where + 1 and in_step(articles, reader)


async def test_the_list_follows_the_profile_and_who_said_what(
    seeded_db: Database, db_path: Path
) -> None:
    app = make_app(db_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        articles, reader = parts(app)
        await read_on(pilot, "Vladimir Putin", "enter")
        assert isinstance(app.screen, EntityScreen)
        await pilot.press("j", "j", "enter")
        await settle(pilot)
        assert reader.article is not None and in_step(articles, reader)
        assert articles.cursor != 0
        await pilot.press("w", *"zakharova")
        await pilot.pause(0.3)
        await settle(pilot)
        assert isinstance(app.screen, WhoSaidWhat) and app.screen.found
        chosen = app.screen.found[-1].first_seen
        assert chosen is not None
        await pilot.press("enter", "end", "enter")
        await settle(pilot)
        assert reader.article is not None and reader.article.id == chosen.article_id
        assert in_step(articles, reader)


async def test_the_list_follows_into_a_filtered_or_searched_list(
    seeded_db: Database, db_path: Path
) -> None:
    """An article a search leaves out: the list says it is astray, not a wrong row."""
    app = make_app(db_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        articles, reader = parts(app)
        await search_for(pilot, "zakharova")
        assert articles.articles_total == 2
        screen = app.screen
        hits = set(articles.listed_ids())
        outside = next(i for i in range(1, 6) if i not in hits)
        assert isinstance(screen, MainScreen)
        screen.open_article(ArticlePlace(outside))
        await settle(pilot)
        assert reader.article is not None and reader.article.id == outside
        assert articles.astray
        await pilot.press("escape", "escape")  # to the list, then out of the search
        await settle(pilot)
        assert articles.search_query is None and in_step(articles, reader)


async def test_the_profile_has_a_cursor_keys_and_keeps_them(
    seeded_db: Database, db_path: Path
) -> None:
    app = make_app(db_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        _, reader = parts(app)
        await read_on(pilot, "Vladimir Putin", "enter")
        profile = app.screen
        assert isinstance(profile, EntityScreen)
        listed = profile.query_one("#profile-articles", OptionList)
        assert listed.has_focus and listed.highlighted == 0
        await pilot.press("j", "j")
        assert listed.highlighted == 2
        await pilot.press("k")
        assert listed.highlighted == 1
        keys = {b.binding.description for b in profile.active_bindings.values() if b.binding.show}
        assert {"Open", "Other list", "Back", "Copy citation", "Export articles"} <= keys
        assert profile.profile is not None
        opened = profile.profile.articles[1].id
        await pilot.press("enter")
        await settle(pilot)
        assert reader.article is not None and reader.article.id == opened
        # Backspace: the profile again, its cursor where it was.
        await pilot.press("backspace")
        await settle(pilot)
        again = app.screen
        assert isinstance(again, EntityScreen) and again is not profile
        assert again.query_one("#profile-articles", OptionList).highlighted == 1
        # tab to the companions; Enter opens one's profile.
        await pilot.press("tab")
        companions = again.query_one("#profile-companions", OptionList)
        assert companions.has_focus and companions.highlighted == 0
        assert again.profile is not None
        first = again.profile.companions[0]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen)
        assert app.screen.entity_id == first.entity_id


async def test_n_goes_on_to_the_next_hit_article(seeded_db: Database, db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        articles, reader = parts(app)
        await pilot.press("slash", *"sanctions", "enter")
        await pilot.pause(0.3)
        await settle(pilot)
        assert articles.total >= 2
        await pilot.press("enter")
        await settle(pilot)
        first = reader.article
        assert first is not None and reader.current_hit == 0
        for _ in range(len(reader.hits) - 1):
            await pilot.press("n")
        assert reader.current_hit == len(reader.hits) - 1
        await pilot.press("n")
        await settle(pilot)
        assert reader.article is not None and reader.article.id != first.id
        assert reader.current_hit == 0 and reader.has_focus
        assert articles.cursor == 1 and in_step(articles, reader)
        status = str(app.screen.query_one(StatusText).text)
        assert (
            f"article 2 of {articles.total}" in status and f"hit 1 of {len(reader.hits)}" in status
        )
        # N before the first hit: back to the previous article, at its last hit.
        await pilot.press("N")
        await settle(pilot)
        assert reader.article is not None and reader.article.id == first.id
        assert reader.current_hit == len(reader.hits) - 1
        assert articles.cursor == 0


async def test_q_asks_before_quitting_and_quotes_have_their_own_keys(
    seeded_db: Database, db_path: Path
) -> None:
    app = make_app(db_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        _, reader = parts(app)
        await pilot.press("enter", "apostrophe", "apostrophe")
        assert reader.focused_quote == 1
        # One esc too many, then q: a question, not the end.
        await pilot.press("escape", "escape", "q")
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog) and app.is_running
        await pilot.press("n")
        await pilot.pause()
        assert not isinstance(app.screen, QuitDialog) and app.is_running
        # In the reader too, q asks (it is never "next quote").
        await pilot.press("enter", "q")
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        await pilot.press("escape")
        assert reader.focused_quote == 1
        assert app.return_code is None
        await pilot.press("q", "q")  # q twice: asked, and answered
        await pilot.pause()
        assert app.return_code == 0


async def test_ctrl_q_quits_at_once(seeded_db: Database, db_path: Path) -> None:
    app: NutgrafApp = make_app(db_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_code == 0


async def test_the_status_line_says_where_a_folded_article_was_found(
    seeded_db: Database, db_path: Path
) -> None:
    """An article opened from elsewhere inside a folded story: once the list has found
    and opened its story, the status line counts from that row (not the row before)."""
    app = make_app(db_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        articles, reader = parts(app)
        listed = set(articles.listed_ids())
        folded = next(i for i in range(1, 6) if i not in listed)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.open_article(ArticlePlace(folded))
        await settle(pilot)
        assert in_step(articles, reader)
        shown = screen.query_one(StatusLine).shown
        assert shown is not None and shown.position == articles.cursor + 1 > 1
