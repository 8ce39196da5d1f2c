"""Border titles that repaint their widget only when they change.

Textual repaints a whole widget whenever its border title is set, even to the
same words; the list's title is set each time the reader shows an article, so
a move of the list cursor would redraw every row.
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget


def set_border_title(widget: Widget, title: str) -> None:
    """Show `title`, plain text (a `[` in a source is no markup), above `widget`."""
    content = Content(title)
    if widget.border_title != content.markup:
        widget.border_title = content


def set_border_subtitle(widget: Widget, subtitle: str) -> None:
    """Show `subtitle`, plain text, below `widget`."""
    content = Content(subtitle)
    if widget.border_subtitle != content.markup:
        widget.border_subtitle = content
