"""What the browser reads before Textual has loaded: the corpus, the user's config, where
they were, and the list's first page, read in a thread meanwhile.

The command line starts the opening (`read_ahead`) before it imports the app, so the
list's count and first page are read while Textual loads (their queries leave the GIL
free); `make_app` takes it (`open_browser`) and the first frame drawn holds the rows.
"""

from __future__ import annotations

import gc
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from store.corpus import Corpus
from tui.config import Config, ConfigError, load_config
from tui.state import BrowserState, load_state
from tui.widgets.list_pages import FirstRead, ListShape, first_read


@dataclass
class Opening:
    corpus: Corpus
    config: Config
    remembered: BrowserState
    """Where the browser was on this corpus (the defaults when not remembered)."""
    problems: list[str]
    """What the user should be told once the app shows (a config that cannot be used)."""
    first_rows: Future[FirstRead]


# The opening `read_ahead` started, by database path, until the app takes it.
_started: dict[Path, Opening] = {}


def browse(db_path: Path) -> None:
    """Open the browser on `db_path`, a database that opens (`store.database.open_reader`):
    its list's first page is read while Textual loads."""
    # No collections while Textual and the app load: what they make is not garbage.
    # run_app freezes it and turns collection back on before the app runs.
    gc.disable()
    try:
        read_ahead(db_path)
        from tui.app import run_app  # Textual loads only when the browser opens.

        run_app(db_path)
    finally:
        gc.enable()


def read_ahead(db_path: str | Path) -> None:
    """Start opening the browser on `db_path`: the list's first page is read in a thread."""
    _started[Path(db_path)] = _open(db_path)


def open_browser(db_path: str | Path) -> Opening:
    """The opening `read_ahead` started on `db_path`, else one started now.

    Raises:
        StoreError: the database cannot be read.
    """
    return _started.pop(Path(db_path), None) or _open(db_path)


def _open(db_path: str | Path) -> Opening:
    corpus = Corpus(db_path)
    problems: list[str] = []
    try:
        config = load_config()
    except ConfigError as error:
        config = Config()
        problems.append(str(error))
    remembered = load_state(corpus.path) if config.remember else BrowserState()
    first_rows: Future[FirstRead] = Future()
    threading.Thread(
        target=_read_first,
        args=(corpus, remembered.list_shape, first_rows),
        name="first-rows",
        daemon=True,
    ).start()
    return Opening(corpus, config, remembered, problems, first_rows)


def _read_first(corpus: Corpus, shape: ListShape, result: Future[FirstRead]) -> None:
    result.set_running_or_notify_cancel()
    try:
        with corpus.read() as db:
            result.set_result(first_read(db, shape))
    except BaseException as error:
        # Handed on, not lost: the list then reads again in its worker, whose
        # failure is reported as every worker's is.
        result.set_exception(error)
