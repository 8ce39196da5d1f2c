"""Issue 15 in the browser: a story folded into one list row, the reader's "also told
by" and `a`, a quote carried elsewhere marked in the reader and `v`'s statement view."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sqlite_utils import Database
from textual.widgets import OptionList, Static

from store.corpus import Corpus
from store.models import ArticleMeta, QuoteRow
from store.statement_queries import find_statements, statement
from tests.conftest import add_bill_clinton
from tests.tui.pilot import parts, search_for, settle
from tests.tui.test_navigation import WIDE, read_on, until
from tui.app import make_app
from tui.dialogs.statement_dialog import StatementDialog, variant_label
from tui.dialogs.who_said_what import Found, WhoSaidWhat, found_line
from tui.history import ArticlePlace
from tui.layout import HeaderLine, also_told
from tui.screens.entity_screen import EntityScreen
from tui.screens.main_screen import MainScreen
from tui.widgets.list_rows import story_mark
from tui.word_diff import plain_diff, word_diff


def shared_statement(db_path: Path) -> tuple[int, list[QuoteRow]]:
    """The seeds' Putin statement quoted in two articles, with its variants."""
    with Corpus(db_path).read() as db:
        (statement_id,) = db.execute(
            "SELECT id FROM statements WHERE article_count > 1 ORDER BY id LIMIT 1"
        ).fetchone()
        found = statement(db, statement_id)
    assert found is not None
    return statement_id, found.variants


async def test_a_story_is_one_row_that_opens_and_folds(seeded_db: Database, db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        articles, reader = parts(app)
        assert (articles.total, articles.articles_total) == (3, 5)
        folded = [articles.row_at(n) for n in range(articles.total)]
        story = next(n for n, row in enumerate(folded) if row is not None and row.folds_story)
        row = folded[story]
        assert row is not None and row.story_size == 3
        assert story_mark(row, member=False, opened=False) == "⊞ 3 "
        assert "3 rows" in str(articles.border_title)
        articles.cursor = story
        await pilot.press("o")
        await settle(pilot)
        assert articles.total == 5
        members = [articles.row_at(story + 1), articles.row_at(story + 2)]
        assert all(m is not None and m.story_id == row.story_id for m in members)
        assert articles.place_of(story + 1).member == 0
        # The cursor on one of the story's other articles: the reader follows it.
        await pilot.press("j")
        await settle(pilot)
        assert reader.article is not None and reader.article.id == members[0].id  # type: ignore[union-attr]
        await pilot.press("o")  # folds again, from one of its articles
        await settle(pilot)
        assert articles.total == 3 and articles.cursor == story
        await pilot.press("O")  # every article on its own row
        await settle(pilot)
        assert articles.total == 5 and not articles.stories
        assert all(articles.row_at(n) is not None for n in range(5))


async def test_the_reader_says_who_else_told_the_story_and_a_steps_through(
    seeded_db: Database, db_path: Path
) -> None:
    app = make_app(db_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        articles, reader = parts(app)
        story = next(
            n for n in range(articles.total) if (row := articles.row_at(n)) and row.folds_story
        )
        articles.cursor = story
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert reader.article is not None and len(reader.article.story) == 2
        header = " ".join(line.text for line in reader._lines if isinstance(line, HeaderLine))
        assert "Also told in 2 other articles (a steps through them)" in header
        seen = {reader.article.id}
        for _ in range(3):
            await pilot.press("a")
            await settle(pilot)
            assert reader.article is not None
            seen.add(reader.article.id)
        # Round the story and back where it started; the list follows into the story.
        assert len(seen) == 3
        assert articles.highlighted is not None
        assert articles.highlighted.id == reader.article.id


async def test_search_hits_fold_by_story_and_open_like_the_list(
    seeded_db: Database, db_path: Path
) -> None:
    """At a million articles a wire story's copies would fill the hits: one row per story."""
    app = make_app(db_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        articles, reader = parts(app)
        await search_for(pilot, "sanctions")
        # Seeds 000, 001 and 003 (one story) and 004 say "sanctions".
        assert (articles.total, articles.articles_total) == (2, 4)
        assert "4 hits (2 rows)" in str(articles.border_title)
        story = next(
            n for n in range(articles.total) if (row := articles.row_at(n)) and row.folds_story
        )
        lead = articles.row_at(story)
        assert lead is not None and lead.story_size == 3
        articles.cursor = story
        await pilot.press("o")
        await settle(pilot)
        assert articles.total == 4
        members = [articles.row_at(story + 1), articles.row_at(story + 2)]
        assert {m.story_id for m in members if m is not None} == {lead.story_id}
        await pilot.press("o")
        await settle(pilot)
        assert articles.total == 2
        # `a` in the reader to another article of the story: the list opens it there.
        articles.cursor = story
        await settle(pilot)
        await pilot.press("enter", "a")
        await settle(pilot)
        assert reader.article is not None and reader.article.id != lead.id
        assert articles.total == 4 and not articles.astray
        assert articles.highlighted is not None and articles.highlighted.id == reader.article.id
        # Every hit on its own row, and back.
        await pilot.press("escape", "O")
        await settle(pilot)
        assert (articles.total, articles.articles_total) == (4, 4)
        assert articles.highlighted is not None and articles.highlighted.id == reader.article.id
        await pilot.press("O")
        await settle(pilot)
        assert articles.total == 2


async def test_v_shows_every_variant_with_its_diff_and_enter_opens_one(
    seeded_db: Database, db_path: Path
) -> None:
    statement_id, variants = shared_statement(db_path)
    first, other = variants[0], variants[1]
    app = make_app(db_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        _, reader = parts(app)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.open_article(ArticlePlace(first.article_id))
        await settle(pilot)
        assert reader.article is not None and reader.article.id == first.article_id
        reader.focus()
        for _ in range(len(reader.article.quotes)):
            await pilot.press("apostrophe")
            if (quote := reader.current_quote) is not None and quote.statement_id == statement_id:
                break
        assert str(reader.border_subtitle).startswith("+1 article (v) · said by ")
        await pilot.press("v")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, StatementDialog)
        await until(pilot, lambda: dialog.statement is not None)
        assert dialog.statement is not None
        assert [q.id for q in dialog.statement.variants] == [first.id, other.id]
        shown = dialog.query_one("#statement-variants", OptionList)
        assert shown.option_count == 2
        first_label = variant_label(dialog.statement, 0, first).plain
        other_label = variant_label(dialog.statement, 1, other).plain
        assert "★ first seen" in first_label and "first seen" not in other_label
        # The diff reads without colour: the words left out and added are marked.
        assert "[-policy which-]" in other_label and "[+policies carried out by+]" in other_label
        assert "quoted in 2 articles" in str(dialog.query_one("#statement-facts", Static).content)
        await pilot.press("j", "enter")
        await settle(pilot)
        assert app.screen is not dialog
        assert reader.article is not None and reader.article.id == other.article_id
        assert reader.current_quote is not None and reader.current_quote.start == other.start


def test_a_word_diff_marks_left_out_added_and_changed_words() -> None:
    first = "built on the basis of the policy which the administration will carry out."
    other = "built on the basis of the policies carried out by the administration,"
    assert plain_diff(word_diff(first, other)) == (
        "built on the basis of the [-policy which-] [+policies carried out by+] "
        "the administration, [-will carry out.-]"
    )
    # Case and edge punctuation are not changes.
    assert plain_diff(word_diff("Ready.", "ready")) == "ready"
    # Data is shown escaped: a control character never reaches the terminal.
    assert "\x1b" not in variant_label_plain("\x1b[2J words", "words")


def variant_label_plain(first: str, other: str) -> str:
    from tui.word_diff import diff_content

    return diff_content(word_diff(first, other)).plain


async def test_who_said_what_asks_which_clinton_then_lists_statements(
    seeded_db: Database, db_path: Path
) -> None:
    add_bill_clinton(db_path)
    app = make_app(db_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("w", *"clinton")
        await pilot.pause(0.3)
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, WhoSaidWhat)
        # Never one picked silently: both, with their quotes, to choose from.
        assert {p.name for p in dialog.people} == {"Bill Clinton", "Hillary Clinton"}
        assert not dialog.found
        shown = str(dialog.query_one("#who-count", Static).content)
        assert "names 2 people: choose one" in shown
        bill = next(n for n, p in enumerate(dialog.people) if p.name == "Bill Clinton")
        await pilot.press("enter")  # to the list
        dialog.query_one("#who-quotes", OptionList).highlighted = bill
        await pilot.press("enter")
        await pilot.pause(0.3)
        await settle(pilot)
        assert dialog.chosen is not None and dialog.chosen.name == "Bill Clinton"
        assert not dialog.people and len(dialog.found) == 1
        assert "Bill Clinton: 1 statement, 1 quote" in str(
            dialog.query_one("#who-count", Static).content
        )


async def test_who_said_what_lists_a_statement_once_and_o_shows_its_articles(
    seeded_db: Database, db_path: Path
) -> None:
    statement_id, variants = shared_statement(db_path)
    app = make_app(db_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("w", *"putin", "tab", *"restoration")
        await pilot.pause(0.3)
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, WhoSaidWhat)
        (row,) = [r for r in dialog.found if r.id == statement_id]
        assert [q.id for q in row.variants] == [q.id for q in variants]
        results = dialog.query_one("#who-quotes", OptionList)
        await pilot.press("enter")  # to the list
        results.highlighted = dialog.found.index(row)
        lines = results.option_count
        assert "⊞ 2 articles" in str(results.get_option_at_index(results.highlighted).prompt)
        await pilot.press("o")
        assert results.option_count == lines + 2
        assert dialog.entries[results.highlighted + 2].variant == variants[1]
        await pilot.press("j", "j", "enter")
        await settle(pilot)
        _, reader = parts(app)
        assert reader.article is not None and reader.article.id == variants[1].article_id
        assert reader.current_quote is not None
        assert reader.current_quote.start == variants[1].start


async def test_the_profile_lists_repeated_statements_and_their_first_outlet(
    seeded_db: Database, db_path: Path
) -> None:
    statement_id, variants = shared_statement(db_path)
    app = make_app(db_path)
    async with app.run_test(size=WIDE) as pilot:
        await read_on(pilot, "Vladimir Putin", "enter")
        profile = app.screen
        assert isinstance(profile, EntityScreen)
        await settle(pilot)
        assert [row.id for row in profile.statements] == [statement_id]
        shown = profile.query_one("#profile-statements", OptionList)
        assert shown.display and shown.option_count == 1
        line = str(shown.get_option_at_index(0).prompt)
        assert "Further steps towards the restoration" in line
        assert "2 articles · first: undated" in line
        await pilot.press("tab", "tab")
        assert profile.focused is shown
        await pilot.press("enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, StatementDialog)
        await until(pilot, lambda: dialog.statement is not None)
        await pilot.press("enter")  # the first seen
        await settle(pilot)
        _, reader = parts(app)
        assert reader.article is not None and reader.article.id == variants[0].article_id
        assert reader.current_quote is not None
        assert reader.current_quote.start == variants[0].start


async def test_an_unsure_speaker_is_shown_as_uncertain(seeded_db: Database, db_path: Path) -> None:
    with Corpus(db_path).read() as db:
        article_id, start = db.execute(
            "SELECT article_id, start FROM quotes WHERE confidence < 0.5 "
            "AND speaker_entity_id IS NOT NULL ORDER BY id LIMIT 1"
        ).fetchone()
    app = make_app(db_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.open_article(ArticlePlace(article_id, quote_start=start))
        await settle(pilot)
        _, reader = parts(app)
        quote = reader.current_quote
        assert quote is not None and quote.uncertain
        subtitle = str(reader.border_subtitle)
        # The figure before how it was found: a narrow border cuts the end.
        assert f"said by {quote.speaker}? (uncertain, {quote.confidence:.0%}: " in subtitle


async def test_a_speaker_with_markup_in_the_name_is_shown_as_written(
    seeded_db: Database, db_path: Path
) -> None:
    statement_id, variants = shared_statement(db_path)
    with Database(db_path) as db:
        db.execute(
            "UPDATE entities SET name = '[b]Evil[/b] ' || name WHERE id = "
            "(SELECT speaker_entity_id FROM quotes WHERE id = ?)",
            [variants[0].id],
        )
        db.conn.commit()
    app = make_app(db_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.open_article(ArticlePlace(variants[0].article_id, quote_start=variants[0].start))
        await settle(pilot)
        _, reader = parts(app)
        assert reader.current_quote is not None
        assert reader.current_quote.statement_id == statement_id
        subtitle = reader._border_subtitle
        assert subtitle is not None and "said by [b]Evil[/b] " in subtitle.plain


def test_also_told_names_the_outlets_once_each() -> None:
    story = [
        ArticleMeta(1, "a", "2016-12-30", "Reuters", None),
        ArticleMeta(2, "b", "2016-12-30", "BBC", None),
        ArticleMeta(3, "c", "2016-12-31", "BBC", None),
        ArticleMeta(4, "d", None, None, None),
        ArticleMeta(5, "e", None, "\x1b]52;c;x\x07Evil", None),
    ]
    assert also_told(story) == (
        "Also told by: Reuters, BBC ×2, ␛]52;c;x␇Evil, 1 other article (a steps through them)"
    )
    assert also_told(story[3:4]) == "Also told in 1 other article (a steps through them)"


def test_the_count_line_says_when_the_list_is_cut_or_a_copy_is_another_s(
    seeded_db: Database,
) -> None:
    (putin,) = seeded_db.execute("SELECT id FROM entities WHERE name = 'Vladimir Putin'").fetchone()
    rows = find_statements(seeded_db, speaker_ids=[putin])
    quotes = sum(len(row.variants) for row in rows)
    (credited,) = seeded_db.execute(
        "SELECT count(*) FROM quotes WHERE speaker_entity_id = ?", [putin]
    ).fetchone()
    assert credited == quotes  # every copy of the seeds' Putin statements is his
    whole = f"{len(rows)} statements, {quotes} quotes"
    assert found_line(Found([], rows, len(rows), [putin])) == whole
    assert found_line(Found([], rows[:2], len(rows), [putin])).startswith(
        f"the newest 2 of {len(rows)} statements"
    )
    # One copy credited to someone else where it appeared (an unsure speaker's guess).
    first = rows[0]
    other = replace(first.variants[0], speaker_entity_id=putin + 1000)
    moved = [replace(first, variants=[other, *first.variants[1:]]), *rows[1:]]
    assert found_line(Found([], moved, len(rows), [putin])) == (
        whole + " (1 credited to another speaker where it appeared)"
    )
    assert found_line(Found([], moved, len(rows), None)) == whole  # no speaker searched
