"""A failed worker said in a notification: `Worker.StateChanged` does not bubble, so each
node that runs workers forwards its own to `report_failure`."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from tui.safe_text import visible


def report_failure(node: Widget | App[Any], event: Worker.StateChanged) -> None:
    """Notify a worker's error (a database or file problem) instead of losing it."""
    if event.state is WorkerState.ERROR and event.worker.error is not None:
        error = event.worker.error
        message = visible(f"{type(error).__name__}: {error}")
        node.notify(message, title="Something failed", severity="error", markup=False)
