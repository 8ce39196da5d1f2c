"""Batches of a reader's items, and a stream that pauses."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from store.batches import batches

# Long enough that a test never depends on how fast the machine is: the items below
# arrive or not by events, and the pause only says when a short batch is handed on.
PAUSE = 0.05
WAIT = 30


def test_files_come_in_full_batches_then_the_rest() -> None:
    assert list(batches(range(7), 3, None)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(batches([], 3, None)) == []


def test_a_stream_that_never_pauses_comes_in_full_batches() -> None:
    found = [batch for batch in batches(range(7), 3, WAIT) if batch]
    assert found == [[0, 1, 2], [3, 4, 5], [6]]


def test_a_pause_hands_on_what_has_come_and_then_says_nothing_came() -> None:
    resume = threading.Event()

    def stream() -> Iterator[int]:
        yield from (1, 2)
        assert resume.wait(WAIT)
        yield 3

    read = batches(stream(), 10, PAUSE)
    assert next(read) == [1, 2]  # not kept back for a batch of 10
    assert next(read) == []  # nothing more yet: the consumer may write what it holds
    resume.set()
    assert [item for batch in read for item in batch] == [3]


def test_an_error_reading_comes_after_the_items_before_it() -> None:
    def stream() -> Iterator[int]:
        yield 1
        raise OSError("the pipe broke")

    read = batches(stream(), 10, WAIT)
    assert next(read) == [1]
    with pytest.raises(OSError, match="the pipe broke"):
        next(read)


def test_a_consumer_that_stops_early_stops_the_reading_thread() -> None:
    done = threading.Event()

    def endless() -> Iterator[int]:
        try:
            n = 0
            while True:
                yield n
                n += 1
        finally:
            done.set()

    read = batches(endless(), 5, WAIT)
    assert next(read) == [0, 1, 2, 3, 4]
    read.close()
    assert done.wait(WAIT)  # the thread did not stay blocked on a full queue
