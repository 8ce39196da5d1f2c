"""Bytes to text: UTF-8 first, BOMs honoured, bad bytes read as cp1252, never a crash."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
_LINE_ENDS = re.compile(r"\r\n?")
# surrogateescape turns each byte UTF-8 rejects into one of these.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def _as_cp1252(match: re.Match[str]) -> str:
    byte = ord(match.group()) - 0xDC00
    return chr(byte) if byte in _CP1252_UNDEFINED else bytes([byte]).decode("cp1252")


class BinaryData(ValueError):
    """The bytes are not text."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    fallback_bytes: int = 0
    """How many bytes were not valid in `encoding` and were read as cp1252."""


def decode(data: bytes) -> Decoded:
    """Decode a file's bytes and fold `\\r\\n` and lone `\\r` line ends to `\\n`.

    Raises:
        BinaryData: the bytes hold NULs or an image signature, not text.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _utf8(data[3:], "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_strict(data, "utf-16")
    if b"\x00" in data[:4096]:
        if _looks_utf16(data):
            return _decode_strict(data, "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be")
        raise BinaryData("binary data (NUL bytes), not text")
    return _utf8(data, "utf-8")


def fold_line_ends(text: str) -> str:
    return _LINE_ENDS.sub("\n", text) if "\r" in text else text


def _utf8(data: bytes, encoding: str) -> Decoded:
    try:
        return Decoded(fold_line_ends(data.decode("utf-8")), encoding)
    except UnicodeDecodeError:
        pass
    escaped = data.decode("utf-8", errors="surrogateescape")
    bad_bytes = len(_ESCAPED_BYTE.findall(escaped))
    text = _ESCAPED_BYTE.sub(_as_cp1252, escaped)
    return Decoded(fold_line_ends(text), "cp1252", fallback_bytes=bad_bytes)


def _decode_strict(data: bytes, encoding: str) -> Decoded:
    try:
        return Decoded(fold_line_ends(data.decode(encoding)), encoding)
    except UnicodeDecodeError as error:
        raise BinaryData(f"not valid {encoding} ({error.reason})") from error


def _looks_utf16(data: bytes) -> bool:
    sample = data[:4096]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2 or 1
    # Mostly-ASCII UTF-16 has a NUL in every other byte, on one side only.
    return max(even_nuls, odd_nuls) > 0.4 * half and min(even_nuls, odd_nuls) < 0.05 * half
