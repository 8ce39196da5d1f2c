"""The `nutgraf` command's start: the browser at once when that is all it is asked for.

`nutgraf` and `nutgraf --db PATH` on a database that opens as it is go straight to the
browser, without loading the command line (click and the commands' modules: a tenth of
the browser's start-up beyond Textual's own). Anything else (another command, an option,
a database to create, upgrade or warn about) goes to `tui.cli`, which does the same
checks again and says what there is to say.
"""

from __future__ import annotations

import gc
import signal
import sys
from pathlib import Path

from store.database import default_database_path, opens_as_is
from tui.safe_text import VisibleStream


def run() -> None:
    """The `nutgraf` command as installed: everything it prints on its own stdout and
    stderr (data, file names, errors) passes through `VisibleStream`, so no escape
    sequence from a corpus or a file name reaches the terminal. The browser draws on
    the terminal itself, with its own escaping."""
    sys.stdout = VisibleStream(sys.stdout)
    sys.stderr = VisibleStream(sys.stderr)
    try:
        path = browsed_database(sys.argv[1:])
        if path is not None and opens_as_is(path):
            # No collections while the browser's modules load either (see `browse`).
            gc.disable()
            try:
                from tui.opening import browse

                browse(path)
            finally:
                gc.enable()
        else:
            from tui.cli import main

            main()
    finally:
        # The command is done (or said why not): a Ctrl+C now would fall in Python's
        # shutdown (joining the extraction pool's threads) and print its tracebacks.
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def browsed_database(args: list[str]) -> Path | None:
    """The database `args` ask to browse when they ask nothing else (none, `--db PATH`
    or `--db=PATH`), else None."""
    if not args:
        return default_database_path()
    if len(args) == 2 and args[0] == "--db" and args[1] and not args[1].startswith("-"):
        return Path(args[1])
    if len(args) == 1 and args[0].startswith("--db=") and args[0] != "--db=":
        return Path(args[0].removeprefix("--db="))
    return None


if __name__ == "__main__":
    run()
