"""Issue 14's features in the browser: copy with citation, filter, export, status line,
remembering, bookmarks and notes."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from sqlite_utils import Database
from textual import events
from textual.geometry import Offset
from textual.selection import Selection
from textual.widgets import Input, OptionList, Static

from store.database import open_database
from store.importer import import_paths
from tests.tui.pilot import parts, settle
from tests.tui.test_navigation import read_on, until
from tui.app import NutgrafApp, make_app
from tui.dialogs.bookmarks_dialog import BookmarksDialog
from tui.dialogs.export_dialog import ExportDialog
from tui.dialogs.filter_dialog import FilterDialog
from tui.screens.entity_screen import EntityScreen
from tui.widgets.status_line import StatusLine, StatusText

WIDE = (120, 34)
WIRE = [
    {
        "id": f"w{n}",
        "title": f"Wire story {n}",
        "text": f"Dmitry Peskov told reporters: “Statement number {n} on sanctions.”",
        "date": f"2016-0{n}-01",
        "source": "Wire",
        "url": f"https://wire.example/{n}",
    }
    for n in range(1, 4)
]


@pytest.fixture
def sourced_db(seeded_db: Database, tmp_path: Path) -> Database:
    """The seeds (no source) and three Wire articles with dates and urls."""
    file = tmp_path / "wire.jsonl"
    file.write_text("".join(json.dumps(record) + "\n" for record in WIRE), encoding="utf-8")
    import_paths(seeded_db, [str(file)])
    return seeded_db


def status(app: NutgrafApp) -> str:
    return str(app.screen.query_one(StatusLine).query_one(StatusText).text)


async def test_y_copies_the_speakers_quote_with_its_citation(
    seeded_db: Database, db_path: Path
) -> None:
    app = make_app(db_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        _, reader = parts(app)
        await pilot.press("enter", "y")
        assert reader.article is not None and reader.article.title is not None
        assert app.clipboard.startswith(reader.article.title) and "2024-11-07" in app.clipboard
        # A name cursor on a quote's speaker makes that quote the one to cite.
        await pilot.press("apostrophe")
        quote = reader.current_quote
        assert quote is not None
        await pilot.press("y")
        # (An unsure speaker is cited as such.)
        hedge = " (attribution uncertain)" if quote.uncertain else ""
        assert app.clipboard.startswith("“") and f"— {quote.speaker}{hedge}, " in app.clipboard
        assert app.clipboard.endswith(f"{reader.article.title}, 2024-11-07")
        assert any(n.title == "copied" for n in app._notifications)
        assert "quote 1 of" in status(app)


async def test_Y_copies_the_url_and_selection_copies_text(
    sourced_db: Database, db_path: Path
) -> None:
    app = make_app(db_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        _, reader = parts(app)
        while reader.article is None or reader.article.url is None:
            await pilot.press("j")
            await settle(pilot)
        await pilot.press("Y")
        assert app.clipboard == reader.article.url
        # Text selected with the mouse goes to the clipboard when the selection ends.
        app.screen.selections = {reader: Selection(Offset(0, 0), Offset(4, 0))}
        app.screen.post_message(events.TextSelected())
        await pilot.pause()
        assert app.clipboard == (reader.article.title or "")[:4]


async def test_f_filters_by_source_and_dates_and_esc_clears(
    sourced_db: Database, db_path: Path
) -> None:
    app = make_app(db_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        articles, reader = parts(app)
        assert articles.articles_total == 8
        await pilot.press("f")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FilterDialog)
        sources = dialog.query_one("#filter-sources", OptionList)
        await until(pilot, lambda: sources.option_count > 1)
        wire = 1 + [s.source for s in dialog.sources].index("Wire")
        sources.highlighted = wire
        await pilot.press("tab", *"2016-02", "enter")
        await settle(pilot)
        assert articles.total == 2  # Wire, from February 2016
        assert "Wire" in str(articles.border_title) and "2016-02-01" in str(articles.border_title)
        assert "filter Wire" in status(app)
        assert reader.article is not None and reader.article.source == "Wire"
        assert articles.highlighted is not None and articles.highlighted.id == reader.article.id
        # A search within the filter.
        await pilot.press("slash", *"sanctions", "enter")
        await pilot.pause(0.3)
        await settle(pilot)
        assert articles.search_query == "sanctions" and articles.total == 2
        await pilot.press("escape")  # out of the search, the filter stays
        await settle(pilot)
        assert articles.search_query is None and articles.total == 2
        await pilot.press("escape")  # then the filter goes
        await settle(pilot)
        assert articles.articles_total == 8 and not articles.where.active


async def test_a_bad_date_is_said_in_the_form(sourced_db: Database, db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("tab", *"March", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FilterDialog)
        hint = str(app.screen.query_one("#filter-hint", Static).content)
        assert "'March' is not a date" in hint


async def test_ctrl_s_exports_the_hits_the_profile_and_who_said_what(
    sourced_db: Database, db_path: Path, tmp_path: Path
) -> None:
    app = make_app(db_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"sanctions", "enter")
        await pilot.pause(0.3)
        await settle(pilot)
        articles, _ = parts(app)
        hits = articles.articles_total  # every hit, those folded into a story's row too
        target = tmp_path / "hits.csv"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        await until(pilot, target.exists)
        rows = list(csv.DictReader(target.open(encoding="utf-8")))
        assert len(rows) == hits and {"id", "title", "date", "source", "url", "citation"} <= set(
            rows[0]
        )
        # The profile's articles, as JSON Lines.
        await pilot.press("escape", "escape")
        await read_on(pilot, "Vladimir Putin", "enter")
        assert isinstance(app.screen, EntityScreen) and app.screen.profile is not None
        named = len(app.screen.profile.articles)
        target = tmp_path / "putin.json"
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await until(pilot, target.exists)
        assert len(target.read_text(encoding="utf-8").splitlines()) == named
        # Who said what, as Markdown.
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("w", *"peskov")
        await pilot.pause(0.3)
        await settle(pilot)
        target = tmp_path / "peskov.md"
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await until(pilot, target.exists)
        table = target.read_text(encoding="utf-8").splitlines()
        assert table[0].startswith("| id |") and any("Wire story" in line for line in table)


async def test_export_asks_before_replacing_a_file(
    seeded_db: Database, db_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "list.txt"
    app = make_app(db_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one(Input).value = str(target)
        await pilot.press("enter")
        assert app.screen is dialog  # .txt is no format
        target = target.with_suffix(".md")
        target.write_text("mine")
        dialog.query_one(Input).value = str(target)
        await pilot.press("enter")
        assert app.screen is dialog and target.read_text() == "mine"
        await pilot.press("enter")
        await settle(pilot)
        await until(pilot, lambda: target.read_text() != "mine")
        assert target.read_text().startswith("| id | title |")


async def test_the_browser_opens_where_it_was_left(sourced_db: Database, db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        articles, reader = parts(app)
        await pilot.press("O")  # every article on its own row
        await settle(pilot)
        await pilot.press("s", "j", "j", "j", "e")  # by title, fourth article, no sidebar
        await settle(pilot)
        left_on = reader.article
        assert left_on is not None and articles.cursor == 3
        await pilot.press("q", "y")
        await pilot.pause()
    assert app.return_code == 0
    again = make_app(db_path)
    async with again.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await settle(pilot)
        articles, reader = parts(again)
        assert reader.article is not None and reader.article.id == left_on.id
        assert articles.sort_description == "title ↑" and not articles.stories
        assert articles.cursor == 3 and articles.highlighted is not None
        assert articles.highlighted.id == left_on.id
        assert not again.screen.query_one("#entities").display


async def test_b_stars_and_B_lists_with_notes(seeded_db: Database, db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        _, reader = parts(app)
        await pilot.press("enter", "apostrophe", "b")
        await settle(pilot)
        assert reader.article is not None and reader.current_quote is not None
        quote, article_id = reader.current_quote, reader.article.id
        assert "★" in status(app)
        await pilot.press("escape", "j", "b")  # the next article itself
        await settle(pilot)
        await pilot.press("B")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, BookmarksDialog)
        await until(pilot, lambda: len(dialog.bookmarks) == 2)
        await pilot.press("j", "a", *"verify", "enter")
        await settle(pilot)
        await until(pilot, lambda: any(mark.note == "verify" for mark in dialog.bookmarks))
        starred_quote = next(mark for mark in dialog.bookmarks if mark.quote_start is not None)
        assert starred_quote.quote_start == quote.start and starred_quote.note == "verify"
        await pilot.press("enter")
        await settle(pilot)
        assert reader.article is not None and reader.article.id == article_id
        assert reader.current_quote is not None and reader.current_quote.start == quote.start


async def test_an_undated_corpus_has_no_date_column(db_path: Path, tmp_path: Path) -> None:
    file = tmp_path / "undated.jsonl"
    records = [{"title": f"Undated {n}", "text": "Words.", "source": "Blog"} for n in range(3)]
    file.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    import_paths(open_database(db_path), [str(file)])
    app = make_app(db_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        articles, _ = parts(app)
        assert not articles.columns.dates
        first = "".join(segment.text for segment in articles.render_line(0))
        assert first.startswith("Undated")
