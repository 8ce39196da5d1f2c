"""Exporting from any screen: ask for a path, then read and write in a thread worker."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from textual.screen import Screen

from store import queries
from store.corpus import Corpus
from store.database import Reader
from store.export import ExportFormat, Record, article_records, write_records
from tui.dialogs.export_dialog import ExportDialog
from tui.safe_text import terminal_json, visible, visible_lines
from tui.widgets.article_list import ArticleList

# Rows of the article list exported at most (a search's hits are all exported).
EXPORT_LIMIT = 100_000

# Reads the records to export (in the worker, from the corpus).
RecordsReader = Callable[[Reader], Sequence[Record]]


def suggested_path(directory: Path, name: str) -> Path:
    """`DIR/nutgraf-NAME-YYYY-MM-DD.csv`, NAME made safe for a file name."""
    safe = "".join(char if char.isalnum() else "-" for char in name.lower()).strip("-")
    return directory / f"nutgraf-{safe or 'export'}-{date.today().isoformat()}.csv"


def export(screen: Screen[Any], corpus: Corpus, what: str, name: str, read: RecordsReader) -> None:
    """Ask where, then write what `read` returns there; a notification says how it went."""
    directory = getattr(screen.app, "export_dir", Path.cwd())

    def chosen(path: Path | None) -> None:
        if path is not None:
            screen.run_worker(
                partial(_write, screen, corpus, path, read),
                thread=True,
                group="export",
                exit_on_error=False,
            )

    screen.app.push_screen(ExportDialog(what, suggested_path(directory, name)), chosen)


def _write(screen: Screen[Any], corpus: Corpus, path: Path, read: RecordsReader) -> None:
    fmt = ExportFormat.of_path(path) or ExportFormat.CSV
    with corpus.read() as db:
        records = read(db)
    out = io.StringIO()
    # Exact data, but nothing in the file can drive the terminal it is `cat` to.
    write_records(out, records, fmt, dumps=terminal_json)
    try:
        path.write_text(visible_lines(out.getvalue()), encoding="utf-8")
    except OSError as error:
        message = visible(f"{path}: {error.strerror or error}")
        screen.app.call_from_thread(
            screen.notify, message, title="Not exported", severity="error", markup=False
        )
        return
    message = visible(f"{len(records):,} rows to {path}")
    screen.app.call_from_thread(screen.notify, message, title="Exported", markup=False)


def export_list(screen: Screen[Any], corpus: Corpus, articles: ArticleList) -> None:
    """Export the list as it is: the hits of the search, else the (filtered) articles."""
    if articles.search_query is not None:
        ids = articles.listed_ids()
        what, name = f"the {len(ids):,} hits", f"search {articles.search_query}"

        def read(db: Reader) -> list[Record]:
            return article_records(queries.article_meta(db, ids))
    else:
        order, descending, where = articles.order, articles.descending, articles.where
        what = f"the list ({min(articles.total, EXPORT_LIMIT):,} articles)"
        name = f"articles {where.describe()}"

        def read(db: Reader) -> list[Record]:
            rows = queries.list_articles(
                db, order, descending=descending, limit=EXPORT_LIMIT, where=where
            )
            return article_records(queries.article_meta(db, [row.id for row in rows]))

    export(screen, corpus, what, name, read)
