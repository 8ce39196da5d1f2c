"""Batches of what a reader yields, without waiting on a stream that has paused.

`nutgraf import -` reads a pipe: a scraper may write a few articles, then
nothing for minutes. Read in the importer's own thread, those articles waited
for a whole batch to fill, and then for the next one, before they were written.
Here the items are read in a thread of their own, and a pause hands on what has
come.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Generator, Iterable
from dataclasses import dataclass
from itertools import islice
from typing import Generic, TypeVar

_Item = TypeVar("_Item")
# How long the reading thread waits, when the consumer is behind, before it looks again
# whether the consumer has gone.
_RETRY_SECONDS = 0.1


@dataclass
class _Failed:
    """What the reading thread raised, handed on to be raised in the consumer's."""

    error: BaseException


class _End:
    """The items have run out."""


class _Reader(Generic[_Item]):
    """Reads the items in a daemon thread into a queue of at most `ahead` of them."""

    def __init__(self, items: Iterable[_Item], ahead: int) -> None:
        self.queue: queue.Queue[_Item | _Failed | _End] = queue.Queue(maxsize=ahead)
        self.stopped = threading.Event()
        self._items = items
        self._thread = threading.Thread(target=self._read, name="nutgraf-reader", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        items = iter(self._items)
        try:
            for item in items:
                if not self._put(item):
                    return
        except BaseException as error:  # handed on: the consumer raises it
            self._put(_Failed(error))
            return
        finally:
            # A consumer that stopped early: the reader's files are closed here, now.
            close = getattr(items, "close", None)
            if close is not None:
                close()
        self._put(_End())

    def _put(self, item: _Item | _Failed | _End) -> bool:
        """Queue `item`, waiting while the queue is full; False once the consumer stopped."""
        while not self.stopped.is_set():
            try:
                self.queue.put(item, timeout=_RETRY_SECONDS)
                return True
            except queue.Full:
                continue
        return False

    def stop(self) -> None:
        self.stopped.set()


def batches(
    items: Iterable[_Item], size: int, pause: float | None
) -> Generator[list[_Item], None, None]:
    """Lists of up to `size` items, in their order.

    With `pause` (a stream), the items are read in a thread: when none comes for
    `pause` seconds, those come so far are a list of their own, and an empty list
    says that none came, so that the consumer can write what it holds rather than
    wait. An error reading the items is raised here, after the items read before
    it. Without, they are read as they are asked for (files, which never pause: the
    importer's worker processes are then forked from a process with no other
    thread)."""
    if pause is None:
        iterator = iter(items)
        while read := list(islice(iterator, size)):
            yield read
        return
    reader: _Reader[_Item] = _Reader(items, ahead=size)
    try:
        batch: list[_Item] = []
        while True:
            try:
                item = reader.queue.get(timeout=pause)
            except queue.Empty:
                yield batch
                batch = []
                continue
            if isinstance(item, _End):
                break
            if isinstance(item, _Failed):
                if batch:
                    yield batch
                raise item.error
            batch.append(item)
            if len(batch) >= size:
                yield batch
                batch = []
        if batch:
            yield batch
    finally:
        reader.stop()
