from __future__ import annotations

import pytest

from store.dates import date_from_timestamp, parse_date


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2016-12-30", "2016-12-30"),
        ("2016-12-30T18:04:00Z", "2016-12-30"),
        ("2016/12/30", "2016-12-30"),
        ("30 Dec 2016", "2016-12-30"),
        ("December 30, 2016", "2016-12-30"),
        ("Saturday, November 9, 2024", "2024-11-09"),
        ("Sept. 3rd, 2016", "2016-09-03"),
        ("yesterday", None),
        ("2016-02-30", None),
        ("", None),
    ],
)
def test_parse_date(written: str, iso: str | None) -> None:
    assert parse_date(written) == iso


def test_timestamps_in_seconds_and_milliseconds() -> None:
    assert date_from_timestamp(1483056000) == "2016-12-30"
    assert date_from_timestamp(1483056000000) == "2016-12-30"
    assert date_from_timestamp(1e30) is None
