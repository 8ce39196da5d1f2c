"""Walk the browser with the keyboard on the seeds, asserting what each key did."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlite_utils import Database
from textual.binding import Binding
from textual.widgets import OptionList

from store.database import open_database
from store.importer import import_paths
from tests.tui.pilot import SIZE, parts, settle
from tui.app import make_app
from tui.dialogs.help_dialog import HelpDialog
from tui.dialogs.who_said_what import WhoSaidWhat
from tui.layout import FoldLine, TextLine
from tui.screens.entity_screen import EntityScreen
from tui.widgets.article_list import ArticleList


async def test_opens_on_the_newest_article(seeded_db: Database, db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles, reader = parts(app)
        # Seeds 000, 001 and 003 tell one story: one row for them, two lone articles.
        assert articles.articles_total == 5 and articles.total == 3
        assert articles.has_focus
        assert reader.article is not None
        assert reader.article.date == "2024-11-07"  # newest first


async def test_cursor_moves_and_the_reader_follows(seeded_db: Database, db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles, reader = parts(app)
        first = reader.article
        await pilot.press("j")
        await settle(pilot)
        assert articles.cursor == 1
        assert reader.article is not None and reader.article != first
        await pilot.press("G")
        await settle(pilot)
        assert articles.cursor == articles.total - 1 == 2
        await pilot.press("g", "enter")
        await settle(pilot)
        assert articles.cursor == 0 and reader.has_focus
        await pilot.press("escape")
        assert articles.has_focus


async def test_a_cursor_move_repaints_two_rows_not_the_list(
    seeded_db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list's rows are drawn again only where the cursor left and arrived, also
    once the reader has shown the article (its title must not repaint the list)."""
    drawn: list[int] = []
    render_line = ArticleList.render_line

    def counted(self: ArticleList, y: int):  # type: ignore[no-untyped-def]
        drawn.append(y)
        return render_line(self, y)

    monkeypatch.setattr(ArticleList, "render_line", counted)
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles, reader = parts(app)
        drawn.clear()
        await pilot.press("j")
        await settle(pilot)
        row = articles.highlighted
        assert reader.article is not None and row is not None and reader.article.id == row.id
        assert sorted(set(drawn)) == [0, 1]


async def test_sort_by_title(seeded_db: Database, db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles, _ = parts(app)
        await pilot.press("s")
        await settle(pilot)
        assert articles.sort_description == "title ↑"
        assert articles.highlighted is not None
        # The untitled article (listed by its first words) sorts first.
        assert articles.highlighted.titled is False


async def test_repeated_passage_folds_and_unfolds(seeded_db: Database, db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles, reader = parts(app)
        await pilot.press("O")  # every article on its own row
        await settle(pilot)
        assert articles.total == 5
        for _ in range(articles.total):
            assert reader.article is not None
            if reader.article.path and "001_" in reader.article.path:
                break
            await pilot.press("j")
            await settle(pilot)
        folds = [line for line in reader._lines if isinstance(line, FoldLine)]
        assert len(folds) == 1 and folds[0].words > 200
        await pilot.press("enter", "z")
        assert not any(isinstance(line, FoldLine) for line in reader._lines)


async def test_help_lists_the_real_bindings(seeded_db: Database, db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        described = [
            binding.description
            for bindings in app.screen.sections.values()
            for binding in bindings
            if isinstance(binding, Binding)
        ]
        for description in ("Search", "Next", "Sort", "Quit", "Fold repeats", "Keys"):
            assert description in described
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpDialog)


async def test_hostile_text_is_shown_not_obeyed(db_path: Path, tmp_path: Path) -> None:
    hostile = {
        "title": "[@click=app.quit]x[/] \x1b]52;c;ZXZpbA==\x07 [bold red]loud",
        "text": "Clear \x1b[2J screen, ring \x07, C1 \x9b31m, link \x1b]8;;http://evil\x1b\\here"
        "\x1b]8;;\x1b\\, bidi \u202eevil\u202c, [link=http://x]click[/link].",
    }
    file = tmp_path / "hostile.jsonl"
    file.write_text(json.dumps(hostile) + "\n")
    import_paths(open_database(db_path), [str(file)])
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles, reader = parts(app)
        await pilot.press("enter")
        await pilot.click("#articles")
        await settle(pilot)
        assert app.is_running
        drawn = "".join(
            segment.text
            for widget in (articles, reader)
            for y in range(widget.size.height)
            for segment in widget.render_line(y)
        )
        assert "[@click=app.quit]x[/]" in drawn
        assert "[link=http://x]click[/link]" in drawn
        assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in drawn)
        assert "\u202e" not in drawn and "␛[2J" in drawn


async def test_wrapped_lines_fit_the_reader(seeded_db: Database, db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        _, reader = parts(app)
        assert reader.article is not None
        text = reader.article.text
        visible_width = reader.scrollable_content_region.width
        widths = [
            len(text[line.start : line.end].rstrip())
            for line in reader._lines
            if isinstance(line, TextLine)
        ]
        assert max(widths) <= visible_width
        assert max(widths) >= visible_width - 12  # and use the room there is


async def test_a_click_moves_the_cursor(seeded_db: Database, db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles, _ = parts(app)
        await pilot.click("#articles", offset=(5, 3))
        await settle(pilot)
        assert articles.cursor == 2  # row 3 of the widget, under its top border


async def test_follow_putin_through_the_corpus_and_back(seeded_db: Database, db_path: Path) -> None:
    """The signature walk: article → Putin → next article → profile → article → back."""
    app = make_app(db_path)
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        _, reader = parts(app)
        await pilot.press("enter")
        await settle(pilot)
        start = reader.article
        assert start is not None and reader.has_focus
        # Tab to the first name that is Putin's.
        for _ in range(len(reader.mentions)):
            await pilot.press("tab")
            if reader.mentions[reader.focused_mention or 0].name == "Vladimir Putin":
                break
        putin = reader.focused_entity
        assert putin is not None
        first = reader.focused_mention
        await pilot.press("n")
        assert reader.focused_mention != first and reader.focused_entity == putin
        sidebar = app.screen.query_one("#entities", OptionList)
        assert sidebar.highlighted_option is not None
        assert sidebar.highlighted_option.id == str(putin)
        # The newest article has no later one; { lands on Putin in the one before.
        await pilot.press("right_curly_bracket")
        await settle(pilot)
        assert reader.article == start
        assert any("No later article" in str(n.message) for n in app._notifications)
        await pilot.press("left_curly_bracket")
        await settle(pilot)
        assert reader.article is not None and reader.article.id != start.id
        assert reader.focused_entity == putin
        second = reader.article.id
        # Enter opens his profile; Enter on its first article opens that article.
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen)
        assert app.screen.profile is not None
        assert app.screen.profile.entity.name == "Vladimir Putin"
        assert app.screen.profile.entity.articles == 5
        await pilot.press("down", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, EntityScreen)
        assert reader.focused_entity == putin
        # Backspace walks the chain back: his profile, then the article we came from.
        await pilot.press("backspace")
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, EntityScreen)
        assert reader.article is not None and reader.article.id == second
        await pilot.press("backspace")
        await settle(pilot)
        assert reader.article is not None and reader.article.id == start.id
        assert reader.focused_entity == putin


async def test_who_said_what_opens_the_article_at_the_quote(
    seeded_db: Database, db_path: Path
) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        _, reader = parts(app)
        await pilot.press("w", *"putin")
        await pilot.pause(0.3)
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, WhoSaidWhat)
        assert len(dialog.found) >= 10
        assert {row.speaker for row in dialog.found} == {"Vladimir Putin"}
        chosen = dialog.found[0].first_seen
        assert chosen is not None
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, WhoSaidWhat)
        assert reader.article is not None and reader.article.id == chosen.article_id
        assert reader.focused_quote is not None
        assert reader.article.quotes[reader.focused_quote].start == chosen.start
        assert "Vladimir Putin" in str(reader.border_subtitle)


async def test_stepping_through_quotes_names_the_speaker(
    seeded_db: Database, db_path: Path
) -> None:
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        _, reader = parts(app)
        await pilot.press("enter", "apostrophe")
        assert reader.focused_quote == 0
        assert reader.article is not None
        first = reader.article.quotes[0]
        # (An uncertain speaker is followed by `? (uncertain, …)`.)
        assert str(reader.border_subtitle).startswith(f"said by {first.speaker or 'nobody named'}")
        await pilot.press("apostrophe")
        assert reader.focused_quote == 1
        await pilot.press("quotation_mark")
        assert reader.focused_quote == 0


async def test_a_read_only_database_opens_with_a_notice(
    seeded_db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    seeded_db.close()
    # Tests may run as root, who can write anything: ask as a user who cannot.
    monkeypatch.setattr(os, "access", lambda path, mode: mode != os.W_OK)
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles, reader = parts(app)
        assert app.corpus.readonly
        assert articles.articles_total == 5 and reader.article is not None
        assert any("Read-only" in str(n.message) for n in app._notifications)


async def test_a_huge_article_shows_at_once_then_wraps_whole(db_path: Path, tmp_path: Path) -> None:
    paragraph = "Putin said the sanctions were unfair and would be answered. " * 20
    text = "\n\n".join(f"{n} {paragraph}" for n in range(4000))  # about 5 MB
    file = tmp_path / "huge.jsonl"
    file.write_text(json.dumps({"title": "Huge", "text": text}) + "\n")
    import_paths(open_database(db_path), [str(file)])
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        _, reader = parts(app)
        while reader.article is None:
            await pilot.pause(0.01)
        first = reader.virtual_size.height
        await pilot.press("j")  # keys are answered while the rest is wrapped
        await settle(pilot)
        whole = reader.virtual_size.height
        assert 0 < first < whole
        assert whole > 4000 * 2  # every paragraph, at least a line and a blank each
        await pilot.press("G")
        await pilot.pause()
        last = reader._lines[-1]
        assert isinstance(last, TextLine) and last.end == len(text)
