"""Article text made safe for a terminal: control characters become visible symbols.

Each character maps to exactly one character, so offsets into the stored
text stay valid for what is drawn.
"""

from __future__ import annotations

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


def visible(text: str) -> str:
    """`text` with every control or invisible format character replaced by a visible one."""
    return text.translate(_TABLE)
