"""Hostile article text never reaches the terminal as control bytes.

Runs the real `nutgraf` in a pseudo-terminal on an article whose title and
text carry an OSC 52 clipboard write, an OSC 8 link, a cursor-position
query, a screen clear, a bell and a C1 control, and reads every byte the app
writes to the terminal.
"""

from __future__ import annotations

import json
import os
import re
import select
import struct
import sys
import time
from pathlib import Path

import pytest

from store.database import open_database
from store.importer import import_paths

pty = pytest.importorskip("pty")
fcntl = pytest.importorskip("fcntl")
termios = pytest.importorskip("termios")

HOSTILE = (
    "A\x1b]52;c;UE9JU09O\x07B \x1b]8;;http://evil.example/\x07link\x1b]8;;\x07 "
    "\x1b[6n \x1b[2J \x07bell \u009b2J c1"
)
# The app's own escape sequences: CSI (colours, cursor, modes) and OSC 22 (pointer shape).
OWN_SEQUENCE = re.compile(rb"\x1b(?:\[[0-9;?<=>]*[ -/]*[@-~]|\]22;[a-z-]*\x07|[=>78])")


def terminal_output(db: Path, seconds: float = 15) -> bytes:
    """Every byte nutgraf writes to a 100×30 terminal until its reader shows the
    article; then it is quit with `q`."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: the app itself
        os.environ["TERM"] = "xterm-256color"
        os.execv(sys.executable, [sys.executable, "-m", "tui.cli", "--db", str(db)])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    output = b""
    deadline = time.monotonic() + seconds
    quit_sent = False
    while time.monotonic() < deadline:
        if not quit_sent and b"More text" in output:
            os.write(fd, b"q")
            quit_sent = True
        if select.select([fd], [], [], 0.1)[0]:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the app closed the terminal
                break
            if not chunk:
                break
            output += chunk
    if not quit_sent:
        os.kill(pid, 9)
    os.waitpid(pid, 0)
    return output


def test_control_bytes_in_articles_are_shown_not_sent(tmp_path: Path) -> None:
    corpus = tmp_path / "hostile.jsonl"
    record = {
        "id": "x",
        "title": f"Hostile {HOSTILE}",
        "text": f"Putin said {HOSTILE}\n\nMore text.",
    }
    corpus.write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = tmp_path / "hostile.db"
    import_paths(open_database(db), [str(corpus)])

    output = terminal_output(db)

    assert b"More text" in output, "the reader never showed the article"
    assert "␛]52;c;UE9JU09O".encode() in output  # shown, as a visible placeholder
    leftover = OWN_SEQUENCE.sub(b"", output)
    assert b"\x1b" not in leftover, leftover[leftover.index(b"\x1b") - 20 :][:60]
    assert b"\x07" not in leftover
    assert not re.search(rb"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f]", leftover)
    assert not re.search("[\u0080-\u009f]", output.decode("utf-8", "replace"))  # C1
