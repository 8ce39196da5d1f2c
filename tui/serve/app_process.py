"""One session's browser process: the nutgraf app, which ends when its server lets go.

Run by the server as `python -m tui.serve.app_process DB` with the read end of
a pipe in $NUTGRAF_LIFELINE_FD. The server holds the write end; when it closes
it (the session ended) or dies (even by kill -9), the read returns and this
process exits, so no session outlives its socket or its server.
"""

from __future__ import annotations

import os
import sys
import threading

LIFELINE_ENV = "NUTGRAF_LIFELINE_FD"


def _exit_when_released(fd: int) -> None:
    os.read(fd, 1)
    # os._exit, not sys.exit: the app's loop may be busy (a huge redraw) and
    # the database is only read, so there is nothing to flush.
    os._exit(0)


def main(argv: list[str]) -> None:
    fd = int(os.environ.pop(LIFELINE_ENV))
    threading.Thread(target=_exit_when_released, args=(fd,), daemon=True).start()
    from tui.app import run_app

    run_app(argv[1])


if __name__ == "__main__":
    main(sys.argv)
