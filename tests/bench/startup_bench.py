"""Start-up in a real terminal: from spawning the process to the first article on screen.

    python tests/bench/startup_bench.py [--articles N ...] [--repeat N] [--keep DIR]

Runs `nutgraf --db DB` in a pseudo-terminal (120×40) and times from the spawn
until the first article's title has been written to the terminal, beside a bare
Textual app that shows one word, timed the same way in the same run, the two
taking turns. Unlike a Pilot run, this counts the terminal driver and the first
real paint. Databases of N articles are built from ../shared/corpora (the seeds
when N is 0); with --keep they are built in (or reused from) that folder, named
as browser_bench names them.

Beside the wall time, the CPU time the process (all its threads) has used by
then: on a shared machine (two cores, other benches running) it moves far less
with the load than the wall time does, so its ratio is the steadier figure.

Both are timed as an installed program starts: from compiled bytecode (pip
writes it at install). A shell with PYTHONDONTWRITEBYTECODE set would compile
nutgraf's own modules from source at every start (Textual's come compiled), so
the children run without it, after one start of each that is not timed.
"""

from __future__ import annotations

import argparse
import glob
import os
import select
import shutil
import statistics
import struct
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.common import build_database, require_shared

TARGET_RATIO = 1.3
BARE_APP = """
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("ready-to-read")
Bare().run()
"""


@dataclass(frozen=True)
class Start:
    """A start-up: seconds from the spawn until the marker was on screen, and the CPU
    seconds the process had used by then (NaN where /proc does not tell)."""

    seconds: float
    cpu: float


def cpu_seconds(pid: int) -> float:
    """CPU time used so far by every thread of `pid` (Linux: /proc schedstat)."""
    used = 0
    for task in glob.glob(f"/proc/{pid}/task/*/schedstat"):
        try:
            used += int(Path(task).read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return float("nan")
    return used / 1e9 if used else float("nan")


def time_to_screen(command: list[str], marker: bytes, timeout: float = 60) -> Start:
    """From spawning `command` in a pseudo-terminal until `marker` is written."""
    import fcntl
    import pty
    import signal
    import termios

    state = tempfile.mkdtemp()
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        # A first start: no place remembered from the user's browsing or an earlier run.
        os.environ["XDG_STATE_HOME"] = state
        os.execv(command[0], command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    output = b""
    seconds = cpu = float("nan")
    deadline = started + timeout
    while time.perf_counter() < deadline:
        if select.select([fd], [], [], 0.05)[0]:
            try:
                output += os.read(fd, 65536)
            except OSError:
                break
            if marker in output:
                seconds = time.perf_counter() - started
                os.kill(pid, signal.SIGSTOP)  # its CPU time, as it was then
                cpu = cpu_seconds(pid)
                break
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(fd)
    shutil.rmtree(state, ignore_errors=True)
    return Start(seconds, cpu)


def first_title(db: Path) -> bytes:
    """The title the list shows first (newest date first), as it is drawn."""
    from store.database import open_reader
    from store.queries import ListOrder, list_articles

    conn = open_reader(db)
    (row, *_) = list_articles(conn, ListOrder.DATE, descending=True, limit=1)
    conn.close()
    return (row.title or "")[:12].encode()


def seeds_database(db: Path) -> None:
    if db.exists():
        return
    from store.database import open_database
    from store.importer import import_paths
    from store.seeds import bundled_seeds

    import_paths(open_database(db), [str(bundled_seeds())])


def startup_seconds(db: Path, repeat: int) -> tuple[Start, Start]:
    """The median start-up (wall and CPU) of the bare app and of nutgraf on `db`,
    taking turns, after one start of each that is not timed."""
    marker = first_title(db)
    bare_command = [sys.executable, "-c", BARE_APP]
    ours_command = [sys.executable, "-m", "tui.launch", "--db", str(db)]
    time_to_screen(bare_command, b"ready-to-read")
    time_to_screen(ours_command, marker)
    ours: list[Start] = []
    bare: list[Start] = []
    for _ in range(repeat):
        bare.append(time_to_screen(bare_command, b"ready-to-read"))
        ours.append(time_to_screen(ours_command, marker))
    return median(bare), median(ours)


def median(starts: list[Start]) -> Start:
    return Start(
        statistics.median(s.seconds for s in starts), statistics.median(s.cpu for s in starts)
    )


def report(label: str, bare: Start, ours: Start) -> str:
    ratio = ours.seconds / bare.seconds
    mark = "ok" if ratio <= TARGET_RATIO else "MISSED"
    return (
        f"{label}: bare Textual {bare.seconds:.2f}s, nutgraf {ours.seconds:.2f}s, ratio "
        f"{ratio:.2f} (target ≤ {TARGET_RATIO})  {mark}; CPU {bare.cpu:.2f}s and "
        f"{ours.cpu:.2f}s, ratio {ours.cpu / bare.cpu:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, nargs="*", default=[0, 100_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the databases in this folder")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} at the start", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for count in args.articles:
            if count:
                require_shared()
                db = folder / f"bench-{count}.db"
                build_database(db, count)
            else:
                db = folder / "startup-seeds.db"
                seeds_database(db)
            bare, ours = startup_seconds(db, args.repeat)
            print(report(f"{count or 'seeds':>8} articles", bare, ours), flush=True)
    print(f"load average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
