"""Searching from the keyboard: as you type, misspelt names, hostile input, the palette."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database
from textual import events

from tests.tui.pilot import SIZE, parts, settle, type_search
from tui.app import make_app
from tui.dialogs.who_said_what import WhoSaidWhat
from tui.screens.entity_screen import EntityScreen
from tui.widgets.search_bar import SearchBar


async def test_search_as_you_type_and_step_through_hits(seeded_db: Database, db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles, reader = parts(app)
        await type_search(pilot, "sanctions")
        assert articles.search_query == "sanctions"
        # Seeds 000, 001, 003 and 004 say "sanctions"; the first three tell one story.
        assert articles.articles_total == 4 and articles.total == 2
        await pilot.press("enter")
        await settle(pilot)
        assert reader.article is not None
        assert len(reader.hits) >= 1
        assert all(reader.article.text[s:e].lower() == "sanctions" for s, e in reader.hits)
        await pilot.press("enter", "n")
        await settle(pilot)
        # The next hit, or past the last one the next article's first.
        assert reader.current_hit == (1 if len(reader.hits) > 1 else 0)
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert articles.search_query is None and articles.total == 5
        assert reader.hits == []


async def test_a_search_typed_fast_reaches_the_bar_whole(
    seeded_db: Database, db_path: Path
) -> None:
    """`/lavrov` arriving in one read, as from a fast typist or a paste: the keys after
    `/` go to the bar it opens, not to the list; a `/` in the bar is a slash."""
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        keys = [("slash", "/"), *((c, c) for c in "lav"), ("slash", "/"), ("r", "r")]
        for key, character in keys:
            app.post_message(events.Key(key, character))  # no wait between keys
        await pilot.pause(0.3)
        assert app.screen.query_one(SearchBar).value == "lav/r"


async def test_any_search_input_is_safe(seeded_db: Database, db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles, _ = parts(app)
        for query in ['"', "AND(", "U.S.", "NEAR(", "*", "title:", "'; DROP TABLE articles; --"]:
            await pilot.press("slash")
            app.screen.query_one("#search").value = query  # type: ignore[attr-defined]
            await pilot.pause(0.3)
            await settle(pilot)
            # One character is too little to search: the list stays on the corpus.
            assert articles.search_query == (query if len(query) > 1 else None)
        assert not any(n.severity == "error" for n in app._notifications)
        assert Database(db_path).execute("SELECT count(*) FROM articles").fetchone() == (5,)


async def test_search_finds_misspelt_names(seeded_db: Database, db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles, _ = parts(app)
        await type_search(pilot, "zakharva")
        # No article contains "zakharva"; the two naming Maria Zakharova are found.
        assert articles.articles_total == 2
        await pilot.press("escape", "escape")
        await type_search(pilot, "pskov")
        # "Pskov" is written in one seed; the entity (also written Peskov) is in two.
        assert articles.articles_total == 2


async def test_command_palette_finds_entities_articles_and_actions(
    seeded_db: Database, db_path: Path
) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"zakharova")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen)
        assert app.screen.profile is not None
        assert app.screen.profile.entity.name == "Maria Zakharova"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+p", *"who said")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, WhoSaidWhat)
