"""An option list that also moves with j/k/g/G, like every list in nutgraf."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList


class VimOptionList(OptionList):
    """OptionList with j/k (and g/G) beside the arrows."""

    BINDINGS = [
        Binding("enter", "select", "Open", id="options.open"),
        Binding("j", "cursor_down", "Down", show=False, id="options.down"),
        Binding("k", "cursor_up", "Up", show=False, id="options.up"),
        Binding("g", "first", "First", show=False, id="options.first"),
        Binding("G", "last", "Last", show=False, id="options.last"),
    ]
