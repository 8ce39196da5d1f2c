"""The articles that quote a new article's statements, read a statement at a time from
its newest down: the same as reading every quote of them."""

from __future__ import annotations

from collections import defaultdict

from sqlite_utils import Database

from store.story_quoting import QUOTING_CANDIDATES, quoting_articles


def every_quote_read(db: Database, article_ids: list[int]) -> dict[int, set[int]]:
    """The newest QUOTING_CANDIDATES earlier articles that share a statement, from all
    the quotes of each statement (as the link was first written)."""
    found: dict[int, set[int]] = defaultdict(set)
    marks = ",".join("?" * len(article_ids))
    for mine, other in db.execute(
        "SELECT DISTINCT mine.article_id, other.article_id FROM quotes AS mine "
        "JOIN quotes AS other ON other.statement_id = mine.statement_id "
        f"AND other.article_id < mine.article_id WHERE mine.article_id IN ({marks}) "
        "ORDER BY mine.article_id, other.article_id DESC",
        article_ids,
    ):
        if len(found[mine]) < QUOTING_CANDIDATES:
            found[mine].add(other)
    return dict(found)


def quoted(db: Database, quotes: list[tuple[int, int]]) -> None:
    """Articles quoting statements, as (article id, statement id)."""
    for statement_id in sorted({s for _, s in quotes}):
        db.execute(
            "INSERT OR IGNORE INTO statements (id, text) VALUES (?, 'words')", [statement_id]
        )
    for article_id in sorted({a for a, _ in quotes}):
        db.execute(
            "INSERT OR IGNORE INTO articles (id, text, content_hash, imported_at) "
            "VALUES (?, '', ?, '')",
            [article_id, str(article_id)],
        )
    db.conn.executemany(
        "INSERT INTO quotes (article_id, start, text, statement_id) VALUES (?, 0, 'words', ?)",
        quotes,
    )


def test_a_statement_quoted_by_many_links_to_its_newest_quoting_articles(db: Database) -> None:
    # Statement 1 quoted by articles 1-120 (twice by some), statement 2 by every third.
    quoted(db, [(a, 1) for a in range(1, 121)] + [(a, 1) for a in range(1, 121, 7)])
    quoted(db, [(a, 2) for a in range(3, 121, 3)])
    batch = [117, 118, 119, 120]
    found = quoting_articles(db, batch)
    assert found[120] == set(range(120 - QUOTING_CANDIDATES, 120))
    assert found == every_quote_read(db, batch)


def test_an_article_updated_in_place_finds_the_articles_before_it(db: Database) -> None:
    """An article imported again keeps its id, older than the rest of its batch: the
    newest articles read for the batch do not reach below it."""
    quoted(db, [(a, 1) for a in range(1, 121)] + [(a, 2) for a in (5, 40, 60, 119)])
    batch = [10, 60, 119, 120]
    found = quoting_articles(db, batch)
    assert found[10] == set(range(1, 10))
    assert found[60] == set(range(60 - QUOTING_CANDIDATES, 60))
    assert found == every_quote_read(db, batch)
