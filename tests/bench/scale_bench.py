"""Scale: a 1,000,000-article database, built and then queried.

    python tests/bench/scale_bench.py [--articles N] [--keep DIR] [--skip-browser]

Builds an N-article database from ../shared/corpora (records repeated with
distinct ids) with the real importer in a child process, sampling the memory
of the importer and its workers as it goes; then, on that database: FTS
query and fuzzy entity lookup p95 over a fixed list of what users type,
database size per article, and the browser figures of browser_bench.py.
A database already in DIR is reused, so the queries can be re-measured
without rebuilding.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from store.database import open_database
from store.entity_queries import EntityNames, entity_profile
from store.queries import search_articles
from store.quote_queries import find_quotes
from tests.bench.common import corpus_rows, require_shared

ROOT = Path(__file__).resolve().parents[2]

TARGETS = {"import_rss_mb": 1024, "fts_p95_ms": 50, "fuzzy_p95_ms": 50}

# What people type into the search bar: names, topics, phrases, prefixes,
# boolean queries, very common words and input that is not valid FTS5.
SEARCHES = [
    "putin", "trump", "clinton", "obama", "merkel", "lavrov", "opec", "sanctions",
    "election", "oil prices", "interest rates", "football", "brexit", "iran", "syria",
    '"white house"', '"central bank"', "sanction*", "elect*", "trump AND russia",
    "oil NOT opec", "clinton OR sanders", "said", "the", "year", "U.S.", '"', "AND(",
    "coffee exports", "wheat", "dollar", "film", "music award", "tax cut", "growth",
]  # fmt: skip
# Who said what: a speaker typed fuzzily, with or without a topic.
SPEAKERS = [
    ("putin", None), ("trump", None), ("clinton", None), ("obama", None), ("lavrov", None),
    ("sanders", None), (None, "sanctions"), (None, "the"), (None, "economy"),
    ("trump", "wall"), ("clinton", "email"), ("obama", "the"),
]  # fmt: skip
# Fuzzy entity lookups: names being typed, misspelled, or given by surname.
LOOKUPS = [
    "zakharva", "pskov", "putn", "vladimir put", "merkle", "clintn", "hilary clinton",
    "trmp", "obma", "lavrv", "sanders", "bernie", "reagan", "thatcher", "volcker",
    "greenspan", "moscow", "washingtn", "london", "reuters", "opec", "white house",
    "kremlin", "fbi", "kenya", "brazil", "japan", "chelsea", "arsenal", "google",
]  # fmt: skip


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


# -- building: `nutgraf import` of a JSONL file, in a child process ---------------


def write_corpus(file: Path, count: int) -> None:
    if file.exists():
        return
    partial = file.with_suffix(".partial")
    with partial.open("w", encoding="utf-8") as out:
        for row in corpus_rows(count):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    partial.rename(file)


def process_tree(root: int) -> list[int]:
    """`root` and every process descended from it."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            parents.setdefault(parent, []).append(int(entry))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo += parents.get(pid, [])
    return tree


def memory_mb(pid: int, field: str) -> float:
    """A memory figure of one process in MB: `Rss` or `Pss` (shared pages split)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def import_with_cli(db: Path, count: int) -> dict[str, float]:
    """`nutgraf import` of `count` articles: its speed and peak memory (the writer
    alone, and the writer with its workers, shared pages counted once)."""
    corpus = db.with_name(f"corpus-{count}.jsonl")
    write_corpus(corpus, count)
    command = [sys.executable, "-m", "tui.cli", "import", "--db", str(db), str(corpus)]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    writer_peak = total_peak = 0.0
    started = last_report = time.perf_counter()
    while process.poll() is None:
        writer_peak = max(writer_peak, memory_mb(process.pid, "Rss"))
        total_peak = max(total_peak, sum(memory_mb(p, "Pss") for p in process_tree(process.pid)))
        if time.perf_counter() - last_report > 60 and db.exists():
            last_report = time.perf_counter()
            stored = open_database(db).execute("SELECT count(*) FROM articles").fetchone()[0]
            elapsed = last_report - started
            print(f"  {stored:>9,} articles after {elapsed:.0f}s, {stored / elapsed:,.0f}/s,"
                  f" writer {writer_peak:.0f} MB, all {total_peak:.0f} MB", flush=True)  # fmt: skip
        time.sleep(0.5)
    assert process.stderr is not None
    summary = process.stderr.read()
    found = re.search(r"imported (\d+).* in ([\d.]+)s", summary)
    if process.returncode != 0 or found is None:
        raise SystemExit(f"the import failed (exit {process.returncode}): {summary[-2000:]}")
    imported, seconds = int(found[1]), float(found[2])
    return {
        "articles": imported,
        "import_per_s": imported / seconds,
        "import_writer_rss_mb": writer_peak,
        "import_rss_mb": total_peak,
    }


# -- querying -------------------------------------------------------------------------


def query_figures(db_path: Path, repeat: int = 5) -> dict[str, float]:
    db = open_database(db_path)
    count = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    # The first pass reads the database from disk (a user's first searches after
    # opening it); the figures are over the passes after it.
    first_pass: list[float] = []
    times: list[float] = []
    for run in range(repeat + 1):
        for query in SEARCHES:
            started = time.perf_counter()
            search_articles(db, query)
            (times if run else first_pass).append((time.perf_counter() - started) * 1000)
    started = time.perf_counter()
    names = EntityNames(db)
    index_s = time.perf_counter() - started
    lookups = []
    for _ in range(repeat):
        for typed in LOOKUPS:
            started = time.perf_counter()
            names.match(typed)
            lookups.append((time.perf_counter() - started) * 1000)
    speakers = EntityNames(db, speakers_only=True)
    quote_times = []
    for _ in range(repeat):
        for speaker, about in SPEAKERS:
            started = time.perf_counter()
            find_quotes(db, speaker=speaker, about=about, speakers=speakers)
            quote_times.append((time.perf_counter() - started) * 1000)
    top = [row[0] for row in db.execute(
        "SELECT entity_id FROM mentions GROUP BY entity_id ORDER BY count(*) DESC LIMIT 5"
    )]  # fmt: skip
    profile_times = []
    for entity_id in top:
        started = time.perf_counter()
        entity_profile(db, entity_id)
        profile_times.append((time.perf_counter() - started) * 1000)
    size = sum(
        Path(f"{db_path}{suffix}").stat().st_size
        for suffix in ("", "-wal")
        if Path(f"{db_path}{suffix}").exists()
    )
    return {
        "articles": count,
        "fts_median_ms": percentile(times, 0.5),
        "fts_p95_ms": percentile(times, 0.95),
        "fts_max_ms": max(times),
        "fts_first_pass_max_ms": max(first_pass),
        "fuzzy_index_s": index_s,
        "fuzzy_median_ms": percentile(lookups, 0.5),
        "fuzzy_p95_ms": percentile(lookups, 0.95),
        "quotes_median_ms": percentile(quote_times, 0.5),
        "quotes_p95_ms": percentile(quote_times, 0.95),
        "profile_max_ms": max(profile_times),
        "db_mb": size / 1e6,
        "kb_per_article": size / 1e3 / count,
    }


def report(figures: dict[str, float]) -> None:
    print(f"\n| at {figures['articles']:,} articles | figure | target |")
    print("|---|---:|---|")
    rows = [
        ("import, articles/s (both cores)", "import_per_s", "{:,.0f}"),
        ("import peak memory, writer + workers (PSS, MB)", "import_rss_mb", "{:,.0f}"),
        ("import peak memory, writer alone (RSS, MB)", "import_writer_rss_mb", "{:,.0f}"),
        ("FTS search median (ms)", "fts_median_ms", "{:.1f}"),
        ("FTS search p95 (ms)", "fts_p95_ms", "{:.1f}"),
        ("FTS search slowest (ms)", "fts_max_ms", "{:.1f}"),
        ("FTS search slowest of the first, cold pass (ms)", "fts_first_pass_max_ms", "{:.1f}"),
        ("fuzzy entity index built once (s)", "fuzzy_index_s", "{:.2f}"),
        ("fuzzy entity lookup median (ms)", "fuzzy_median_ms", "{:.1f}"),
        ("fuzzy entity lookup p95 (ms)", "fuzzy_p95_ms", "{:.1f}"),
        ("who said what (speaker, topic) median (ms)", "quotes_median_ms", "{:.1f}"),
        ("who said what (speaker, topic) p95 (ms)", "quotes_p95_ms", "{:.1f}"),
        (
            "profile of the 5 most named entities, slowest, first time (ms)",
            "profile_max_ms",
            "{:.0f}",
        ),
        ("database size (MB)", "db_mb", "{:,.0f}"),
        ("database size per article (KB)", "kb_per_article", "{:.1f}"),
    ]
    for label, key, form in rows:
        if key not in figures:
            continue
        target = TARGETS.get(key)
        verdict = (
            ""
            if target is None
            else f"≤ {target} " + ("ok" if figures[key] <= target else "**missed**")
        )
        print(f"| {label} | {form.format(figures[key])} | {verdict} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the database in this folder")
    parser.add_argument("--skip-browser", action="store_true")
    args = parser.parse_args()
    require_shared()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        db = folder / f"bench-{args.articles}.db"
        figures: dict[str, float] = {}
        if not db.exists():
            print(f"building {args.articles:,} articles in {db}", flush=True)
            figures.update(import_with_cli(db, args.articles))
        figures.update(query_figures(db))
        report(figures)
        if not args.skip_browser:
            from tests.bench import browser_bench

            browser_bench.main(["--articles", str(args.articles), "--keep", str(folder)])


if __name__ == "__main__":
    main()
