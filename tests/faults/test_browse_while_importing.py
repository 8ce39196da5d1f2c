"""The browser keeps answering keys while an import writes to its database.

How fast it answers is measured by tests/bench/import_latency_bench.py: tests
assert behaviour, benches measure time.
"""

from __future__ import annotations

from pathlib import Path

from store.database import open_database
from tests.faults.test_interrupted_import import ARTICLES, make_corpus, start_import
from tests.tui.test_browser import SIZE, parts, settle
from tui.app import make_app


async def test_browsing_during_an_import_then_refresh(tmp_path: Path) -> None:
    corpus, db_path = tmp_path / "corpus.jsonl", tmp_path / "corpus.db"
    make_corpus(corpus)
    open_database(db_path).close()
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles, reader = parts(app)
        assert articles.total == 0
        process = start_import(corpus, db_path)
        totals = []
        while process.poll() is None:
            await pilot.press("r", "j", "k")
            await pilot.pause()
            totals.append(articles.articles_total)  # articles, not rows: stories fold
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
