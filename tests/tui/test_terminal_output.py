"""Hostile article text never reaches the terminal as control bytes.

Runs the real `nutgraf` in a pseudo-terminal on an article whose title and
text carry an OSC 52 clipboard write, an OSC 8 link, a cursor-position
query, a screen clear, a bell and a C1 control, and reads every byte the app
writes to the terminal.
"""

from __future__ import annotations

import contextlib
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
# The app's own escape sequences: CSI (colours, cursor, modes), OSC 22 (pointer shape)
# and OSC 8 around a url the app has checked (printable ASCII only, see tui/links.py).
OWN_SEQUENCE = re.compile(
    rb"\x1b(?:\[[0-9;?<=>]*[ -/]*[@-~]|\]22;[a-z-]*\x07|\]8;(?:id=[0-9]+;https?://[!-~]+?)?;?"
    rb"\x1b\\|[=>78])"
)


# What to wait for on the screen, then the keys to send.
Step = tuple[bytes, list[bytes]]


def terminal_output(
    db: Path, steps: list[Step], *, size: tuple[int, int] = (30, 100), seconds: float = 40
) -> tuple[bytes, int]:
    """Every byte nutgraf writes to a terminal of `size` (rows, columns) while it is
    driven through `steps`, and how many steps were done; the last step's keys
    should quit."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: the app itself
        os.environ["TERM"] = "xterm-256color"
        os.execv(sys.executable, [sys.executable, "-m", "tui.cli", "--db", str(db)])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", *size, 0, 0))
    output = b""
    seen = 0  # where the current step looks for its marker
    done = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if done < len(steps) and steps[done][0] in output[seen:]:
            for keys in steps[done][1]:
                os.write(fd, keys)
                time.sleep(0.3)  # a key at a time, as typed
            seen = len(output)
            done += 1
        if select.select([fd], [], [], 0.1)[0]:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the app closed the terminal
                break
            if not chunk:
                break
            output += chunk
    if done < len(steps) or os.waitpid(pid, os.WNOHANG) == (0, 0):
        os.kill(pid, 9)  # stuck, or did not quit when asked: never left running
    with contextlib.suppress(ChildProcessError):  # already reaped above
        os.waitpid(pid, 0)
    return output, done


def assert_only_own_sequences(output: bytes) -> None:
    leftover = OWN_SEQUENCE.sub(b"", output)
    assert b"\x1b" not in leftover, leftover[leftover.index(b"\x1b") - 20 :][:60]
    assert b"\x07" not in leftover
    assert not re.search(rb"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f]", leftover)
    decoded = output.decode("utf-8", "replace")
    assert not re.search("[\u0080-\u009f\u202a-\u202e\u2066-\u2069]", decoded)  # C1, bidi


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

    output, done = terminal_output(db, [(b"More text", [b"q", b"q"])])  # q asks, q quits

    assert done == 1, "the reader never showed the article"
    assert "␛]52;c;UE9JU09O".encode() in output  # shown, as a visible placeholder
    assert_only_own_sequences(output)


def test_hostile_names_and_sources_in_every_pane(tmp_path: Path) -> None:
    """Names, sources and quotes as another tool (or a shard) may have written them,
    through the list, reader, sidebar, profile and who-said-what."""
    corpus = tmp_path / "hostile.jsonl"
    record = {
        "id": "x",
        "title": "Talks",
        "source": f"Source {HOSTILE}",
        "url": f"http://example.org/{HOSTILE}",
        "text": "Vladimir Putin met Donald Trump in Moscow. Putin said: “We will decide.”"
        "\n\nMore text.",
    }
    corpus.write_text(json.dumps(record) + "\n", encoding="utf-8")
    path = tmp_path / "hostile.db"
    db = open_database(path)
    import_paths(db, [str(corpus)])
    db.execute("UPDATE entities SET name = ? || ' ' || name", [HOSTILE])
    db.execute("UPDATE entity_aliases SET alias = ? || ' ' || alias", [HOSTILE])
    db.execute("UPDATE quotes SET speaker_text = ?", [HOSTILE])
    db.conn.commit()
    db.close()

    steps: list[Step] = [
        (b"More text", [b"\r", b"\t", b"\r"]),  # into the reader, to a name, its profile
        (b"mentions in", [b"\x1b", b"w"]),  # back, then who said what
        (b"Who said what", [b"putin"]),
        (b"1 statement", [b"\x1b", b"\x1b", b"q", b"q"]),  # close, back to the list, quit
    ]
    output, done = terminal_output(path, steps, size=(40, 130))

    assert done == len(steps), f"stopped before step {done + 1}"
    assert "␛]52;c;UE9JU09O".encode() in output
    assert_only_own_sequences(output)
