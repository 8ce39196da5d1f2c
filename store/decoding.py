"""Bytes to text: UTF-8 first, BOMs honoured, bad bytes read as cp1252, never a crash."""

from __future__ import annotations

import codecs
import html
import io
import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
_LINE_ENDS = re.compile(r"\r\n?")
# surrogateescape turns each byte UTF-8 rejects into one of these.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# The start of a file that tells its encoding (BOM, NUL pattern of UTF-16).
_SAMPLE = 4096
# Lines are read this many characters at a time, so an over-long one is never held whole.
_CHUNK = 1 << 20


# UTF-8 read as Latin-1 or cp1252 somewhere upstream ("â€™" for "’", "Â " for a
# no-break space): a lead byte's letter, then a continuation byte's character.
_MOJIBAKE = re.compile("[ÂÃâ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")


# Longer texts are kept as they are (ftfy reads about 4 MB a second).
MOST_REPAIRED_CHARS = 1_000_000


def without_mojibake(text: str) -> str:
    """Text whose UTF-8 was once read as Latin-1 or cp1252, as it was written
    (`Hillaryâ€™s` → `Hillary’s`): only a text with such a mark, of at most
    MOST_REPAIRED_CHARS, is given to ftfy, which repairs what is sure and leaves the
    rest as it is."""
    if len(text) > MOST_REPAIRED_CHARS or _MOJIBAKE.search(text) is None:
        return text
    import ftfy  # only for the few texts that need it

    return ftfy.fix_encoding(text)


# An HTML character reference left in text scraped from a page (`communiqu&#233;`,
# `AT&amp;T`): numeric, or named and closed by a semicolon (`&not` alone stays: the
# legacy forms without one would turn `&notes` into `¬es`).
_CHARACTER_REFERENCE = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)


def without_character_references(text: str) -> str:
    """Text with the HTML character references a scraper left in it written as the
    characters they stand for (`communiqu&#233;` → `communiqué`, `&lt;` → `<`). A name
    HTML does not know (`&nosuch;`) stays, and so does a reference to a control
    character (`&#27;`, an escape), which no article writes."""
    if "&" not in text:
        return text
    return _CHARACTER_REFERENCE.sub(_character, text)


def _character(match: re.Match[str]) -> str:
    reference = match.group()
    character = html.unescape(reference)
    if not character:  # a reference HTML drops (`&#27;`)
        return reference
    if len(character) == 1 and (ord(character) < 0x20 or 0x7F <= ord(character) < 0xA0):
        return character if character in "\t\n" else reference
    return character


def repaired(text: str) -> str:
    """Text as its writer wrote it: mojibake undone (`without_mojibake`), then the
    character references left by a scraper written out (`without_character_references`)."""
    return without_character_references(without_mojibake(text))


def _as_cp1252(match: re.Match[str]) -> str:
    byte = ord(match.group()) - 0xDC00
    return chr(byte) if byte in _CP1252_UNDEFINED else bytes([byte]).decode("cp1252")


class BinaryData(ValueError):
    """The bytes are not text."""


class LineTooLong(Exception):
    """A line over the reader's limit, skipped without ever being held whole."""

    def __init__(self, line: int, size: int) -> None:
        super().__init__(f"line {line} has {size:,} characters")
        self.line = line
        self.size = size
        """In characters."""


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
    encoding = _encoding(data)
    if encoding == "utf-8-sig":
        return _utf8(data[len(codecs.BOM_UTF8) :], encoding)
    if encoding == "utf-8":
        return _utf8(data, encoding)
    return _decode_strict(data, encoding)


class TextLines:
    """The lines of a byte stream, decoded as `decode` does, read one at a time.

    Line ends are folded to `\\n`. A line over `max_chars` characters is read
    past in chunks and raised as LineTooLong; iterating again goes on with
    the next line, so memory never holds more than `max_chars` of one line.
    """

    def __init__(self, file: io.BufferedIOBase, max_chars: int) -> None:
        """Raises:
        BinaryData: the stream starts with NULs that are not UTF-16.
        """
        head = file.read(_SAMPLE)
        self.encoding = _encoding(head)
        self._utf8 = self.encoding.startswith("utf-8")
        errors = "surrogateescape" if self._utf8 else "strict"
        stream = io.BufferedReader(_Replayed(head, file))
        self._text = io.TextIOWrapper(stream, self.encoding, errors=errors, newline=None)
        self._max_chars = max_chars
        self.line_number = 0
        """The number of the line last read (or skipped)."""
        self.fallback_bytes = 0
        """How many bytes so far were not valid UTF-8 and were read as cp1252."""

    def __iter__(self) -> TextLines:
        return self

    def __next__(self) -> str:
        """The next line, with its `\\n`.

        Raises:
            LineTooLong: the line is over the limit (and has been read past).
            UnicodeDecodeError: a UTF-16 stream holds invalid code units.
        """
        line = self._text.readline(_CHUNK)
        if not line:
            raise StopIteration
        self.line_number += 1
        if len(line) > self._max_chars or (len(line) == _CHUNK and not line.endswith("\n")):
            line = self._rest_of_line(line)
        if self._utf8 and _ESCAPED_BYTE.search(line):
            self.fallback_bytes += len(_ESCAPED_BYTE.findall(line))
            line = _ESCAPED_BYTE.sub(_as_cp1252, line)
        return line

    def _rest_of_line(self, start: str) -> str:
        """A long line read on from its first chunk, dropped once over the limit."""
        size = len(start)
        chunks: list[str] | None = [start] if size <= self._max_chars else None
        line = start
        while not line.endswith("\n") and (line := self._text.readline(_CHUNK)):
            size += len(line)
            if size > self._max_chars:
                chunks = None
            elif chunks is not None:
                chunks.append(line)
        if chunks is None:
            raise LineTooLong(self.line_number, size)
        return "".join(chunks)


class _Replayed(io.RawIOBase):
    """A stream whose first bytes were read already: those, then the rest."""

    def __init__(self, head: bytes, rest: io.BufferedIOBase) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        if not self._head:
            # One read at a time: the bytes before a corrupt gzip end still arrive.
            return self._rest.readinto1(buffer)
        target = memoryview(buffer).cast("B")
        count = min(len(target), len(self._head))
        target[:count] = self._head[:count]
        self._head = self._head[count:]
        return count


def fold_line_ends(text: str) -> str:
    return _LINE_ENDS.sub("\n", text) if "\r" in text else text


def without_lone_surrogates(text: str) -> str:
    """`text` with each lone surrogate (a JSON `"\\ud800"`, which no database can
    store as UTF-8) replaced by U+FFFD; offsets are unchanged."""
    return _SURROGATE.sub("\ufffd", text)


def has_lone_surrogates(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def shown_path(path: str) -> str:
    """A path as text that can be stored and printed: bytes of a file name that are
    not UTF-8 (held as surrogate escapes) become `\\xff`. Open the original."""
    if not _SURROGATE.search(path):
        return path
    try:
        raw = os.fsencode(path)
    except UnicodeEncodeError:  # a surrogate no file name decodes to
        return without_lone_surrogates(path)
    return raw.decode("utf-8", errors="backslashreplace")


def _encoding(head: bytes) -> str:
    """The encoding of bytes that start with `head`.

    Raises:
        BinaryData: NULs that are not UTF-16.
    """
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head[:_SAMPLE]:
        if _looks_utf16(head):
            return "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
        raise BinaryData("binary data (NUL bytes), not text")
    return "utf-8"


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
    sample = data[:_SAMPLE]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2 or 1
    # Mostly-ASCII UTF-16 has a NUL in every other byte, on one side only.
    return max(even_nuls, odd_nuls) > 0.4 * half and min(even_nuls, odd_nuls) < 0.05 * half
