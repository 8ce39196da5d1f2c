"""Text from data made safe for a terminal: control characters become visible symbols.

Every string that comes from a corpus or the file system (article text,
titles, sources, names, quotes, file names in messages) reaches the terminal
through this module: in the browser with `visible`, on the command line
through `VisibleStream` (nutgraf's own stdout and stderr) and `terminal_json`.
Each character maps to exactly one character, so offsets into the stored
text stay valid for what is drawn.
"""

from __future__ import annotations

import json
from typing import IO, Any

# C0 controls show as the Unicode control pictures (ESC → ␛), DEL as ␡,
# C1 controls and bidi/zero-width format characters as ⍰ (they could reorder
# or hide what the terminal shows).
_FORMAT = [0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, *range(0x202A, 0x202F), 0x2060]
_FORMAT += [*range(0x2066, 0x206A), 0xFEFF]
_TABLE = {code: 0x2400 + code for code in range(0x20)}
_TABLE[0x09] = 0x20  # a tab is a space here: wrapping is done by cell widths
_TABLE[0x7F] = 0x2421
_TABLE.update({code: 0x2370 for code in range(0x80, 0xA0)})
_TABLE.update({code: 0x2370 for code in _FORMAT})
# Lines of command-line output keep their line breaks and tabs; a carriage
# return (which could overwrite what a line said) does not pass.
_LINES_TABLE = {**_TABLE, 0x0A: 0x0A, 0x09: 0x09}
# In JSON the same characters are written as \\uXXXX escapes: the data stays exact.
_JSON_ESCAPES = {code: f"\\u{code:04x}" for code in (0x7F, *range(0x80, 0xA0), *_FORMAT)}


def visible(text: str) -> str:
    """`text` with every control or invisible format character replaced by a visible one."""
    return text.translate(_TABLE)


def visible_lines(text: str) -> str:
    """Like `visible`, but line breaks and tabs stay (for output made of lines)."""
    return text.translate(_LINES_TABLE)


def terminal_json(value: Any, *, indent: int | None = None) -> str:
    """JSON for a terminal or a pipe: exact data, no control or format character raw
    (json escapes C0 controls itself; C1, DEL and bidi controls are escaped here)."""
    return json.dumps(value, ensure_ascii=False, indent=indent).translate(_JSON_ESCAPES)


class VisibleStream:
    """A text stream that writes through `visible_lines`: what nutgraf's command
    line prints (data, file names in messages, click's own errors) cannot drive
    the terminal. The browser writes to the real terminal, not through this."""

    def __init__(self, stream: IO[str]) -> None:
        self.wrapped = stream

    def write(self, text: str) -> int:
        self.wrapped.write(visible_lines(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        # isatty, fileno, flush, encoding...: the wrapped stream's.
        return getattr(self.wrapped, name)
