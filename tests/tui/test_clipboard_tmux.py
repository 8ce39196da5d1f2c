"""`y` puts the cited quote on the terminal's clipboard (OSC 52), checked through tmux:
with `set-clipboard on` tmux keeps what the app sends as a paste buffer."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlite_utils import Database

from store import queries
from store.corpus import Corpus
from tui.citing import citation

TMUX = shutil.which("tmux")
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed")


def tmux(socket: str, *args: str) -> str:
    assert TMUX is not None
    done = subprocess.run(
        [TMUX, "-L", socket, "-f", os.devnull, *args],
        capture_output=True,
        text=True,
        timeout=20,
    )
    return done.stdout


def wait_for(check: object, what: str, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()  # type: ignore[operator]
        if found:
            return str(found)
        time.sleep(0.2)
    raise AssertionError(f"gave up waiting for {what}")


def test_y_copies_the_cited_quote_through_tmux(
    seeded_db: Database, db_path: Path, tmp_path: Path
) -> None:
    # What `y` should copy: the first quote whose speaker `tab` reaches in the newest article.
    with Corpus(db_path).read() as db:
        newest = queries.list_articles(db, queries.ListOrder.DATE, descending=True, limit=1)[0]
        article = queries.get_article(db, newest.id)
    assert article is not None
    tabs, quote = next(
        (number + 1, quote)
        for number, mention in enumerate(article.mentions)
        for quote in article.quotes
        if quote.speaker_start is not None
        and quote.speaker_end is not None
        and quote.speaker_start <= mention.start < quote.speaker_end
    )
    socket = f"nutgraf-test-{os.getpid()}"
    env = f"XDG_STATE_HOME={tmp_path} XDG_CONFIG_HOME={tmp_path} TERM=xterm-256color"
    command = f"env {env} {sys.executable} -m tui.cli --db {db_path}"
    tmux(socket, "new-session", "-d", "-x", "120", "-y", "40", command)
    try:
        tmux(socket, "set-option", "-g", "set-clipboard", "on")
        wait_for(lambda: "Articles 5" in tmux(socket, "capture-pane", "-p"), "the browser")
        tmux(socket, "send-keys", "Enter")
        time.sleep(0.5)
        for _ in range(tabs):
            tmux(socket, "send-keys", "Tab")
            time.sleep(0.1)
        tmux(socket, "send-keys", "y")
        copied = wait_for(lambda: tmux(socket, "show-buffer"), "a paste buffer")
        assert copied == citation(article, quote)
        hedge = " (attribution uncertain)" if quote.uncertain else ""
        assert copied.startswith("“") and f"— {quote.speaker}{hedge}, " in copied
        wait_for(lambda: "copied" in tmux(socket, "capture-pane", "-p"), "the notification")
    finally:
        tmux(socket, "kill-server")
