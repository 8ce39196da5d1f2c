from __future__ import annotations

import codecs
import io
import os

import pytest

from store.decoding import BinaryData, LineTooLong, TextLines, decode, shown_path


def test_utf8_is_read_as_is() -> None:
    decoded = decode("Lavrov’s “reply”".encode())
    assert (decoded.text, decoded.encoding, decoded.fallback_bytes) == (
        "Lavrov’s “reply”",
        "utf-8",
        0,
    )


def test_utf8_bom_is_dropped() -> None:
    assert decode(codecs.BOM_UTF8 + b"title\nbody").text == "title\nbody"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_or_without_bom(encoding: str) -> None:
    assert decode("Zakharova said “no”\r\n".encode(encoding)).text == "Zakharova said “no”\n"


def test_cp1252_falls_back_and_counts_bytes() -> None:
    decoded = decode("café “quoted” – déjà vu".encode("cp1252"))
    assert decoded.text == "café “quoted” – déjà vu"
    assert decoded.encoding == "cp1252"
    assert decoded.fallback_bytes == 6


def test_invalid_utf8_in_the_middle_keeps_the_good_utf8() -> None:
    decoded = decode("Peskov’s ".encode() + b"\xe9t\xe9 " + "“remarks”".encode())
    assert decoded.text == "Peskov’s été “remarks”"
    assert decoded.fallback_bytes == 2


def test_undefined_cp1252_bytes_become_latin1() -> None:
    assert decode(b"a\x81b").text == "a\x81b"


def test_line_ends_are_folded() -> None:
    assert decode(b"one\r\ntwo\rthree\n").text == "one\ntwo\nthree\n"


def test_binary_is_refused() -> None:
    with pytest.raises(BinaryData):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")


def lines_of(data: bytes, max_chars: int = 100) -> list[str | int]:
    """The lines TextLines gives, a line over the limit as its size."""
    lines = TextLines(io.BufferedReader(io.BytesIO(data), 8), max_chars)
    found: list[str | int] = []
    while True:
        try:
            found.append(next(lines))
        except StopIteration:
            return found
        except LineTooLong as error:
            found.append(error.size)


def test_text_lines_fold_line_ends_even_across_reads() -> None:
    # A buffer of 8 bytes splits \r\n between two reads.
    assert lines_of(b"abcdefg\r\nsecond\rthird\n") == ["abcdefg\n", "second\n", "third\n"]


def test_text_lines_skip_a_line_over_the_limit_and_go_on() -> None:
    assert lines_of(b"short\n" + b"x" * 250 + b"\nnext", max_chars=100) == ["short\n", 251, "next"]


def test_text_lines_read_bad_bytes_as_cp1252_and_count_them() -> None:
    lines = TextLines(io.BytesIO(b"caf\xe9\n\xabok\xbb\n"), 100)
    assert list(lines) == ["café\n", "«ok»\n"]
    assert (lines.fallback_bytes, lines.line_number) == (3, 2)


def test_text_lines_read_utf16_and_refuse_binary() -> None:
    data = codecs.BOM_UTF16_LE + "one\r\ntwo\n".encode("utf-16-le")
    assert lines_of(data) == ["one\n", "two\n"]
    with pytest.raises(BinaryData):
        lines_of(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_file_names_that_are_not_utf8_are_shown_escaped() -> None:
    name = os.fsdecode(b"/news/caf\xe9 \xff.txt")
    assert shown_path(name) == "/news/caf\\xe9 \\xff.txt"
    assert shown_path("/news/café.txt") == "/news/café.txt"
