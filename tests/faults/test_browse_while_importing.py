"""The browser keeps answering keys while an import writes to its database.

How fast it answers is measured by tests/bench/import_latency_bench.py: tests
assert behaviour, benches measure time.
"""

from __future__ import annotations

from pathlib import Path

from store.database import open_database
from store.importer import BATCH_SIZE
from tests.faults.test_interrupted_import import FIRST_PART, feed, make_corpus, start_fed_import
from tests.tui.pilot import SIZE, parts, settle
from tui.app import make_app

ARTICLES = 4 * BATCH_SIZE


async def test_browsing_during_an_import_then_refresh(tmp_path: Path) -> None:
    corpus, db_path = tmp_path / "corpus.jsonl", tmp_path / "corpus.db"
    make_corpus(corpus, ARTICLES)
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    open_database(db_path).close()
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles, reader = parts(app)
        assert articles.total == 0
        process = start_fed_import(db_path)
        feed(process, lines[:FIRST_PART])
        totals = [0]
        # Browsing while the first part is written, then while the rest comes.
        while process.poll() is None and totals[-1] == 0:
            await pilot.press("r", "j", "k")
            await pilot.pause()
            totals.append(articles.articles_total)  # articles, not rows: stories fold
        feed(process, lines[FIRST_PART:], last=True)
        while process.poll() is None:
            await pilot.press("r", "j", "k")
            await pilot.pause()
            totals.append(articles.articles_total)
        assert process.returncode == 0, process.stderr.read() if process.stderr else ""
        # Refreshing mid-import showed the articles stored so far, never fewer.
        assert totals == sorted(totals), totals
        assert any(0 < total < ARTICLES for total in totals), totals
        await pilot.press("r")
        await settle(pilot)
        assert articles.articles_total == ARTICLES
        assert not any(n.severity == "error" for n in app._notifications)
        await pilot.press("enter")
        await settle(pilot)
        assert reader.article is not None
