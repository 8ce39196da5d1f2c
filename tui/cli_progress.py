"""The progress lines of the commands that write (import, reindex): on a terminal only."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from tui.safe_text import VisibleStream

if TYPE_CHECKING:
    from store.importer import ImportSummary


def progress_console() -> Console:
    """A console for nutgraf's own progress lines: they hold no data, so they go
    to the terminal unescaped (their colours and cursor moves are ours)."""
    stderr = sys.stderr
    raw = stderr.wrapped if isinstance(stderr, VisibleStream) else stderr
    return Console(file=raw, highlight=False, emoji=False)


class import_progress:
    """A rich progress line on a terminal; nothing elsewhere."""

    def __init__(self, console: Console, enabled: bool) -> None:
        self.progress = (
            Progress(
                SpinnerColumn(),
                TextColumn("importing"),
                BarColumn(bar_width=None, pulse_style="bar.pulse"),
                TextColumn("{task.fields[done]:,} articles, {task.fields[rejected]} rejected"),
                TimeElapsedColumn(),
                console=console,
                transient=True,
            )
            if enabled
            else None
        )

    def __enter__(self) -> Callable[[ImportSummary], None] | None:
        if self.progress is None:
            return None
        self.progress.start()
        task = self.progress.add_task("import", total=None, done=0, rejected=0)

        def update(summary: ImportSummary) -> None:
            assert self.progress is not None
            done = summary.imported + summary.updated + summary.unchanged
            self.progress.update(task, done=done, rejected=summary.rejected)

        return update

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()
