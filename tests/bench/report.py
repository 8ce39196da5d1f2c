"""Run every benchmark and write their figures to BENCHMARKS.md (`make bench`).

    python tests/bench/report.py [BENCHMARKS.md] [--keep DIR] [--only NAME ...]

Each benchmark runs in its own process, one after the other, so they do not
compete for the two cores; its output is shown as it goes and kept in the
report under the machine's description. `--keep DIR` keeps the 100k and 1M
databases between runs (the 1M import figures then come from the run that
built it). `--only NAME …` re-runs those benchmarks and replaces their
sections of an existing report (stamped with the date they were re-run).
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "tests" / "bench"
GOLD = ROOT.parent / "shared" / "gold"


@dataclass
class Bench:
    name: str
    title: str
    arguments: list[str]
    markdown: bool = False
    """Whether the output is Markdown already (tables), else it is shown as printed."""


def benches(keep: Path) -> list[Bench]:
    return [
        Bench("import", "Import: nutgraf against a plain sqlite-utils insert", ["import_bench.py"]),
        Bench("extract", "Extraction speed, one core", ["extract_bench.py"]),
        Bench(
            "peers",
            "Extraction and quotes beside spaCy and textacy",
            ["peers_bench.py"],
            markdown=True,
        ),
        Bench(
            "entities",
            "Entities on CoNLL-2003 dev (nutgraf alone, with precision and recall)",
            ["ner_eval.py", str(GOLD / "conll2003_dev.jsonl")],
        ),
        Bench(
            "quotes",
            "Quotes on PolNeAR train (cross-validated) and dev "
            "(nutgraf alone, every matching rule)",
            ["quote_eval.py", str(GOLD / "polnear_dev.jsonl")],
        ),
        Bench(
            "statements",
            "Statements across outlets (bbc, buzzfeed, fakenewsnet) and their precision",
            ["statements_bench.py"],
        ),
        Bench("dask", "Extraction on a local Dask cluster", ["dask_bench.py"]),
        Bench(
            "latency",
            "Browsing while an import runs: key latency",
            ["import_latency_bench.py"],
        ),
        Bench(
            "browser",
            "Browser at 100,000 articles",
            ["browser_bench.py", "--keep", str(keep)],
        ),
        Bench(
            "startup",
            "Start-up in a real terminal (pty)",
            ["startup_bench.py", "--articles", "0", "100000"],
        ),
        Bench(
            "scale",
            "A million articles: import, search, fuzzy look-up, browser",
            ["scale_bench.py", "--keep", str(keep)],
            markdown=True,
        ),
        Bench(
            "grouping",
            "What statements and stories cost a million-article import",
            ["grouping_bench.py"],
        ),
    ]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GiB memory"
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}){memory}; "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )


def run(bench: Bench) -> tuple[str, float, int]:
    """The bench's output (shown as it goes), its seconds and exit status."""
    print(f"\n== {bench.title}", flush=True)
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(BENCH / bench.arguments[0]), *bench.arguments[1:]],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=ROOT,
    )
    assert process.stdout is not None
    lines = []
    for line in process.stdout:
        print(line, end="", flush=True)
        lines.append(line)
    status = process.wait()
    return "".join(lines), time.perf_counter() - started, status


def section(bench: Bench, output: str, seconds: float, status: int) -> str:
    command = "python tests/bench/" + " ".join(bench.arguments[:1])
    body = output.strip()
    if not bench.markdown:
        body = f"```\n{body}\n```"
    failed = f"\n\n**The benchmark failed (exit {status}).**" if status else ""
    when = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    return f"## {bench.title}\n\n`{command}`, {seconds:.0f} s, {when}.\n\n{body}{failed}\n"


def replace_section(text: str, title: str, new: str) -> str:
    """`text` with its `## title` section (up to the next `## `) replaced by `new`."""
    start = text.find(f"## {title}\n")
    if start == -1:
        return text.rstrip("\n") + "\n\n" + new
    end = text.find("\n## ", start + 1)
    end = len(text) if end == -1 else end + 1
    return text[:start] + new + ("\n" if end < len(text) else "") + text[end:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", nargs="?", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--keep", type=Path, help="keep the built databases in this folder")
    parser.add_argument("--only", nargs="*", help="run only these benchmarks (by name)")
    args = parser.parse_args()
    keep = args.keep or Path(os.environ.get("TMPDIR", "/tmp")) / f"nutgraf-bench-{os.getpid()}"
    chosen = [b for b in benches(keep) if not args.only or b.name in args.only]
    started = datetime.now(UTC)
    sections = [section(bench, *run(bench)) for bench in chosen]
    if not args.keep:
        for file in keep.glob("*"):
            file.unlink()
        if keep.exists():
            keep.rmdir()
    if args.only and args.output.exists():
        # Re-run benchmarks refresh their own sections and leave the rest as it was.
        text = args.output.read_text(encoding="utf-8")
        for bench, new in zip(chosen, sections, strict=True):
            text = replace_section(text, bench.title, new)
        args.output.write_text(text, encoding="utf-8")
        print(f"\nupdated {', '.join(args.only)} in {args.output}")
        return
    header = (
        "# Benchmarks\n\n"
        f"Written by `make bench` on {started:%Y-%m-%d %H:%M} UTC, on {machine()}.\n\n"
        "Every speed is the median of several runs, beside its peer measured in the same\n"
        "run (the machines are noisy: read the ratios). The corpora and gold sets are\n"
        "the ones in ../shared (see their READMEs); the 100k and 1M databases repeat the\n"
        "corpora with distinct ids.\n"
    )
    args.output.write_text(header + "\n" + "\n".join(sections), encoding="utf-8")
    print(f"\nwrote {args.output}")


if __name__ == "__main__":
    main()
