"""The keys of the browser by pane, from the real bindings: for the help screen and the README.

`python -m tui.keys` prints the README's keys table.
"""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding, BindingType

from tui.widgets.article_list import ArticleList
from tui.widgets.reader import Reader
from tui.widgets.search_bar import SearchBar


def binding_sections(everywhere: list[BindingType]) -> dict[str, list[BindingType]]:
    """Bindings grouped by the pane that owns them; `everywhere` are app and screen keys."""
    return {
        "Everywhere": everywhere,
        "Article list": list(ArticleList.BINDINGS),
        "Reader": list(Reader.BINDINGS),
        "Search bar": list(SearchBar.BINDINGS),
    }


def keys_markdown(sections: dict[str, list[BindingType]]) -> str:
    """A Markdown table of every described binding."""
    display = App().get_key_display
    lines = ["| pane | keys | action |", "|---|---|---|"]
    for pane, bindings in sections.items():
        for binding in bindings:
            if isinstance(binding, Binding) and binding.description:
                keys = ", ".join(
                    f"`{display(Binding(key.strip(), binding.action))}`"
                    for key in binding.key.split(",")
                )
                lines.append(f"| {pane} | {keys} | {binding.description} |")
    return "\n".join(lines)


def readme_keys_table() -> str:
    from tui.app import NutgrafApp
    from tui.screens.main_screen import MainScreen

    return keys_markdown(binding_sections([*NutgrafApp.BINDINGS, *MainScreen.BINDINGS]))


if __name__ == "__main__":
    print(readme_keys_table())
