"""The search bar: an input that searches as you type, and says what it found."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input


class SearchBar(Input):
    """Type to search article titles and text (FTS5 syntax or plain words)."""

    BINDINGS = [Binding("escape", "close", "Close search", id="search.close")]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            placeholder='search: words, "a phrase", sanction*, putin AND NOT trump',
            id=id,
        )

    def action_close(self) -> None:
        self.value = ""
        self.display = False
        self.screen.query_one("ArticleList").focus()
