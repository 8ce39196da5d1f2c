"""Issue 14's bugs 5 to 8: footer and help on every screen, 80 columns, the profile's
sparkline, the url, the palette, 16 colours, and the main screen's plumbing."""

from __future__ import annotations

import gc
import json
import threading
import traceback
from pathlib import Path

import pytest
from rich.color import ColorSystem
from sqlite_utils import Database
from textual.dom import DOMNode
from textual.widgets import Footer, Static
from textual.widgets._footer import FooterKey

from store.database import open_database
from store.importer import import_paths
from tests.tui.pilot import parts, settle
from tests.tui.test_navigation import read_on, tab_to, until
from tui.app import few_colours, make_app
from tui.dialogs.help_dialog import HelpDialog, HelpScroll
from tui.layout import HeaderLine
from tui.screens.entity_screen import EntityScreen
from tui.screens.main_screen import MainScreen
from tui.widgets.entity_sidebar import EntitySidebar
from tui.widgets.search_bar import SearchBar
from tui.widgets.status_line import StatusLine


def footer_keys(footer: Footer) -> dict[str, FooterKey]:
    return {key.key: key for key in footer.query(FooterKey)}


async def test_the_readers_footer_fits_at_120_columns(seeded_db: Database, db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.pause(0.2)
        keys = footer_keys(app.screen.query_one(Footer))
        # The reader's own keys first, then the screen's; all of them on the screen.
        shown = list(keys)
        assert shown[:2] == ["tab", "n"]
        for key in ("w", "slash", "y"):
            assert key in keys and keys[key].region.right <= 120
        # `?` is always on the status line, whatever the footer has room for.
        assert "? keys" in str(app.screen.query_one("#status-keys", Static).content)


@pytest.mark.parametrize("corpus", ["seeds", "empty"])
async def test_the_footer_comes_once_the_list_has_painted(
    seeded_db: Database, db_path: Path, tmp_path: Path, corpus: str
) -> None:
    """Mounted after the first rows (or the count of none), once, with the list's keys;
    the search bar too, hidden above the status line; and garbage is collected again."""
    if corpus == "empty":
        db_path = tmp_path / "empty.db"
        open_database(db_path).close()
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.pause(0.2)
        (footer,) = app.screen.query(Footer)
        assert "slash" in footer_keys(footer)
        (bar,) = app.screen.query(SearchBar)
        assert not bar.display
        assert app.screen.children.index(bar) + 1 == app.screen.children.index(
            app.screen.query_one(StatusLine)
        )
        assert gc.isenabled()
        await pilot.press("j", "k")
        await settle(pilot)
        assert len(app.screen.query(Footer)) == 1
        assert len(app.screen.query(SearchBar)) == 1


async def test_tab_moves_between_panes(seeded_db: Database, db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        articles, reader = parts(app)
        await pilot.press("tab")
        assert reader.has_focus  # in the reader, tab then steps names
        await pilot.press("escape", "shift+tab")
        assert app.screen.query_one(EntitySidebar).has_focus
        await pilot.press("escape")
        assert articles.has_focus


async def test_every_screen_has_its_own_help(seeded_db: Database, db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        help_dialog = app.screen
        assert isinstance(help_dialog, HelpDialog)
        assert next(iter(help_dialog.sections)) == "Main screen"
        # Longer than the screen: the border says there is more.
        await pilot.pause(0.1)
        assert "more below" in str(help_dialog.query_one(HelpScroll).border_subtitle)
        await pilot.press("escape", "w")
        await pilot.pause()
        await pilot.press("f1")  # the speaker box has the focus: `?` would be typed
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        assert next(iter(app.screen.sections)) == "Who said what"
        assert app.screen.title_text == "Who said what"  # not the class's name
        await pilot.press("escape", "escape")
        await read_on(pilot, "Vladimir Putin", "enter")
        assert isinstance(app.screen, EntityScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        assert next(iter(app.screen.sections)) == "Profile"


async def test_the_sidebar_takes_the_lists_place_at_80_columns(
    seeded_db: Database, db_path: Path
) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        articles, reader = parts(app)
        sidebar = app.screen.query_one(EntitySidebar)
        assert not sidebar.display and articles.display
        width = reader.size.width
        await pilot.press("e")
        await pilot.pause()
        assert sidebar.display and not articles.display
        assert sidebar.has_focus
        assert reader.size.width >= width - 5  # not squashed to 14 columns
        await pilot.press("escape")
        await pilot.pause()
        assert not sidebar.display and articles.display and articles.has_focus


async def test_one_month_of_mentions_is_said_not_drawn_empty(
    seeded_db: Database, db_path: Path
) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(120, 34)) as pilot:
        await read_on(pilot, "Vladimir Putin", "enter")
        label = str(app.screen.query_one("#profile-months-label", Static).content)
        assert label.startswith("all ") and "dated mentions in 2024-11" in label


async def test_the_url_is_shown_whole_and_linked(db_path: Path, tmp_path: Path) -> None:
    url = "https://example.org/news/" + "a-very-long-slug-" * 12 + "end"
    record = {"title": "Linked", "text": "Putin said “yes.”", "url": url, "source": "Wire"}
    file = tmp_path / "linked.jsonl"
    file.write_text(json.dumps(record) + "\n")
    import_paths(open_database(db_path), [str(file)])
    app = make_app(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        _, reader = parts(app)
        pieces = [line for line in reader._lines if isinstance(line, HeaderLine)]
        urls = [line for line in pieces if line.role == "url"]
        assert len(urls) > 1 and "".join(line.text for line in urls) == url
        assert all(line.link == url for line in urls)
        drawn = reader.render_line(len(pieces) - len(urls) + 1)
        assert any(segment.style and segment.style.link == url for segment in drawn)


async def test_the_palette_lists_keys_once(seeded_db: Database, db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Keys" not in titles  # nutgraf's ActionProvider has the one "Keys"
        assert "Theme" in titles


def test_sixteen_colours_are_told_apart() -> None:
    assert few_colours(ColorSystem.STANDARD.name.lower(), headless=False)
    assert not few_colours("truecolor", headless=False)
    assert not few_colours("256", headless=False)
    assert not few_colours("standard", headless=True)  # the tests' terminal


async def test_sixteen_colours_draw_focus_without_red(seeded_db: Database, db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.add_class("-few-colours")
        await pilot.pause()
        articles, _ = parts(app)
        cursor = articles.get_component_rich_style("article-list--cursor")
        assert cursor.reverse
        # The focused border in the foreground colour, never the accent.
        border = articles.styles.border_top[1]
        assert border == app.screen.query_one(Footer).styles.color or border.brightness > 0.8


async def test_entity_names_load_without_a_search(seeded_db: Database, db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.entity_names is not None


async def test_workers_never_query_the_dom(
    seeded_db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from_threads: list[str] = []
    query_one = DOMNode.query_one

    def watched(self: DOMNode, *args: object, **kwargs: object) -> object:
        if threading.current_thread() is not threading.main_thread():
            from_threads.append("".join(traceback.format_stack(limit=3)))
        return query_one(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(DOMNode, "query_one", watched)
    app = make_app(db_path)
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        _, reader = parts(app)
        await pilot.press("j", "k", "enter")
        await settle(pilot)
        await tab_to(pilot, reader, "Vladimir Putin")
        await pilot.press("left_curly_bracket")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape", "w", *"putin")
        await pilot.pause(0.3)
        await settle(pilot)
        await pilot.press("escape", "slash", *"sanctions")
        await pilot.pause(0.3)
        await settle(pilot)
    assert from_threads == []


async def test_a_failing_wrap_is_reported_not_fatal(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.widgets.article_view as reader_module

    text = "\n\n".join(f"{n} Putin said the talks would go on. " * 20 for n in range(2000))
    file = tmp_path / "huge.jsonl"
    file.write_text(json.dumps({"title": "Huge", "text": text}) + "\n")
    import_paths(open_database(db_path), [str(file)])
    wrap = reader_module.wrap_text  # type: ignore[attr-defined]

    def failing(*args: object, **kwargs: object) -> object:
        if threading.current_thread() is not threading.main_thread():
            raise MemoryError("no room to wrap")
        return wrap(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reader_module, "wrap_text", failing)
    app = make_app(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        # No `settle`: waiting on workers re-raises the failed one's error, which is
        # the test's point; the app itself must only say it.

        def reported() -> bool:
            return any("no room to wrap" in str(n.message) for n in app._notifications)

        await until(pilot, reported)
        _, reader = parts(app)
        assert reader.article is not None and app.is_running
        assert reported()
