"""Browser speed at 100,000 articles, against a bare Textual app measured in the same run.

    python tests/bench/browser_bench.py [--articles N] [--repeat N] [--keep DIR] [--source S]

Builds an N-article database from ../shared/corpora (records repeated with
distinct ids), then, in fresh processes, measures start-up to the first
painted article list (nutgraf started as `nutgraf --db DB` starts it) beside a
bare Textual app with one Static, through Pilot
and in a real terminal (startup_bench's pty measurement); then moving the
cursor, jumping to the end, search keystrokes and peak memory. With
--source, the list is first filtered to that source (as `f` does) and every
figure after start-up is taken on the filtered list.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.common import build_database, peak_rss_mb, require_shared
from tests.bench.startup_bench import report as pty_report
from tests.bench.startup_bench import startup_seconds

# The targets: moving the cursor and jumping to the end each re-render the list
# within 50 ms (jumping to the end is timed to the list's paint: its round trip also
# holds the reader loading the last article, printed beside it).
TARGETS = {
    "startup_ratio": 1.5,
    "cursor_paint_ms": 50,
    "cursor_ms": 50,
    "end_paint_ms": 50,
    "search_ms": 150,
    "rss_mb": 250,
}


# -- measured in a child process ------------------------------------------------


async def bare_app() -> None:
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.widgets import Static

    class Bare(App[None]):
        BINDINGS = [Binding("j", "bump", "")]

        def compose(self) -> ComposeResult:
            yield Static("ready")

        def action_bump(self) -> None:
            self.query_one(Static).update(str(time.perf_counter()))

    async with Bare().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        print("ready", flush=True)
        keys = []
        for _ in range(30):
            started = time.perf_counter()
            await pilot.press("j")
            await pilot.pause()
            keys.append((time.perf_counter() - started) * 1000)
    print(json.dumps({"key_ms": statistics.median(keys)}), flush=True)


async def nutgraf_app(db: str, source: str | None) -> None:
    # Started as `nutgraf --db DB` starts it (tui/launch.py, then run_app): no collection
    # while the app loads, the list's first page read meanwhile, then what is loaded frozen.
    gc.disable()
    from tui.opening import read_ahead

    read_ahead(db)
    from store.filters import ListFilter
    from tui.app import make_app
    from tui.screens.main_screen import MainScreen
    from tui.widgets.article_list import ArticleList

    app = make_app(db)
    gc.freeze()
    gc.enable()
    async with app.run_test(size=(120, 40)) as pilot:
        articles = app.screen.query_one(ArticleList)
        while articles.highlighted is None:
            await pilot.pause(0.001)
        # Ready when the rows are painted (what the work deferred past the first
        # paint, such as the fuzzy name index, does after is not start-up).
        painted = asyncio.Event()
        app.call_after_refresh(painted.set)
        await painted.wait()
        print("ready", flush=True)
        await pilot.pause()
        figures: dict[str, float] = {}
        if source is not None:
            screen = app.screen
            assert isinstance(screen, MainScreen)
            started = time.perf_counter()
            screen.apply_filter(ListFilter(source))
            while articles.highlighted is None or articles.highlighted.source != source:
                await pilot.pause(0.001)
            figures["filter_ms"] = (time.perf_counter() - started) * 1000
            await pilot.pause(0.3)
        figures |= await interactions(pilot, articles)
    figures["rss_mb"] = peak_rss_mb()
    print(json.dumps(figures), flush=True)


def time_to_paint(widget, action: str, log: list[float]) -> None:  # type: ignore[no-untyped-def]
    """Wrap `widget.action_<action>` to log the ms from the key's action to the next paint."""
    original = getattr(widget, f"action_{action}")

    def timed() -> None:
        started = time.perf_counter()
        original()
        widget.app.call_after_refresh(lambda: log.append((time.perf_counter() - started) * 1000))

    setattr(widget, f"action_{action}", timed)


async def interactions(pilot, articles) -> dict[str, float]:  # type: ignore[no-untyped-def]
    def ms(since: float) -> float:
        return (time.perf_counter() - since) * 1000

    painted: list[float] = []
    time_to_paint(articles, "cursor_down", painted)
    end_painted: list[float] = []
    time_to_paint(articles, "last", end_painted)
    cursor = []
    for _ in range(30):
        started = time.perf_counter()
        await pilot.press("j")
        await pilot.pause()
        cursor.append(ms(started))
    started = time.perf_counter()
    await pilot.press("G")
    while articles.highlighted is None or articles.cursor != articles.total - 1:
        await pilot.pause(0.001)
    await pilot.pause()
    end = ms(started)
    await pilot.press("g")
    await pilot.pause(0.2)
    await pilot.press("slash", "s")  # one letter does not search yet
    search = []
    typed = "s"
    for char in "anctions moscow":
        typed += char
        started = time.perf_counter()
        await pilot.press("space" if char == " " else char)
        while articles.search_query != typed:
            await pilot.pause(0.001)
        await pilot.pause()
        search.append(ms(started))
    return {
        "cursor_paint_ms": statistics.median(painted),
        "cursor_ms": statistics.median(cursor),
        "cursor_p95_ms": sorted(cursor)[int(len(cursor) * 0.95) - 1],
        "end_ms": end,
        "end_paint_ms": end_painted[-1],
        "search_ms": statistics.median(search),
        "search_max_ms": max(search),
    }


def child(kind: str, db: str, source: str | None = None) -> tuple[float, dict[str, float]]:
    """Seconds from spawning the child to its first paint, and what it measured."""
    started = time.perf_counter()
    filtered = ["--source", source] if source is not None else []
    # As installed: from compiled bytecode (see startup_bench.py), which a shell with
    # PYTHONDONTWRITEBYTECODE set would deny nutgraf's modules, not Textual's.
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as state:
        # A first start: no place remembered from the user's browsing or an earlier run
        # (which would start the list at its end, where the keys measured move nothing).
        environment["XDG_STATE_HOME"] = state
        process = subprocess.Popen(
            [sys.executable, __file__, "--child", kind, db, *filtered],
            stdout=subprocess.PIPE,
            text=True,
            env=environment,
        )
        assert process.stdout is not None
        process.stdout.readline()
        ready = time.perf_counter() - started
        rest = process.stdout.read().strip()
        process.wait()
    return ready, (json.loads(rest) if rest else {})


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the database in this folder")
    parser.add_argument("--source", help="measure on the list filtered to this source")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        kind, db = args.child
        asyncio.run(bare_app() if kind == "bare" else nutgraf_app(db, args.source))
        return
    require_shared()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        db = folder / f"bench-{args.articles}.db"
        build_database(db, args.articles)
        bare, bare_keys, ours, runs = [], [], [], []
        child("bare", str(db))  # untimed: writes the bytecode, warms the disk cache
        child("nutgraf", str(db), args.source)
        for _ in range(args.repeat):
            ready, figures = child("bare", str(db))
            bare.append(ready)
            bare_keys.append(figures["key_ms"])
            ready, figures = child("nutgraf", str(db), args.source)
            ours.append(ready)
            runs.append(figures)
        pty_bare, pty_ours = startup_seconds(db, args.repeat)
    figures = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    figures["startup_ratio"] = statistics.median(ours) / statistics.median(bare)
    harness = statistics.median(bare_keys)
    size_mb = db.stat().st_size / 1e6 if db.exists() else float("nan")
    filtered = f", list filtered to {args.source!r}" if args.source else ""
    print(f"browser at {args.articles:,} articles{filtered} (median of {args.repeat} runs)")
    if "filter_ms" in figures:
        print(f"  applying the filter (count, first page, reader): {figures['filter_ms']:.1f} ms")
    print(
        f"  start-up: bare Textual {statistics.median(bare):.2f}s, nutgraf "
        f"{statistics.median(ours):.2f}s, ratio {figures['startup_ratio']:.2f}"
        f" (target ≤ {TARGETS['startup_ratio']}, through Pilot)"
    )
    print("  " + pty_report("start-up in a terminal (pty, to the first title)", pty_bare, pty_ours))
    print(f"  a key through Pilot costs {harness:.1f} ms on the bare app (press + pause);")
    print("  nutgraf figures below are that round trip minus the bare app's, except")
    print("  the '… paint' ones, timed inside the app from the key's action to the next")
    print("  paint of the list (the re-render); the round trips include the reader showing")
    print("  the newly highlighted article")
    figures["cursor_ms"] -= harness
    figures["search_ms"] -= harness
    figures["end_ms"] -= harness
    for key, label in [
        ("cursor_paint_ms", "cursor to paint"),
        ("cursor_ms", "cursor one row"),
        ("end_paint_ms", "jump to end, paint"),
        ("end_ms", "jump to end, round trip"),
        ("search_ms", "search keystroke"),
        ("rss_mb", "peak RSS MB"),
    ]:
        target = TARGETS.get(key)
        if target is None:
            print(f"  {label:<18} {figures[key]:8.1f}")
            continue
        mark = "ok" if figures[key] <= target else "MISSED"
        print(f"  {label:<18} {figures[key]:8.1f}   target ≤ {target}  {mark}")
    print(
        f"  cursor p95 {figures['cursor_p95_ms']:.1f} ms,"
        f" search max {figures['search_max_ms']:.1f} ms, database {size_mb:.0f} MB"
    )


if __name__ == "__main__":
    main()
