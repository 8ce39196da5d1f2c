from __future__ import annotations

import codecs

import pytest

from store.decoding import BinaryData, decode


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
