"""The keys of the browser by screen and pane, from the real bindings: for help, palette and README.

`python -m tui.keys` prints the README's keys table.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from tui.dialogs.bookmarks_dialog import BookmarksDialog
from tui.dialogs.export_dialog import ExportDialog
from tui.dialogs.filter_dialog import FilterDialog
from tui.dialogs.fix_entity_dialog import FixEntityDialog
from tui.dialogs.help_dialog import HelpDialog
from tui.dialogs.quit_dialog import QuitDialog
from tui.dialogs.statement_dialog import StatementDialog
from tui.dialogs.who_said_what import WhoSaidWhat
from tui.screens.entity_screen import EntityScreen
from tui.screens.main_screen import MainScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.entity_sidebar import EntitySidebar
from tui.widgets.reader import Reader
from tui.widgets.search_bar import SearchBar
from tui.widgets.vim_option_list import VimOptionList

Sections = dict[str, list[BindingType]]


def app_bindings() -> list[BindingType]:
    from tui.app import NutgrafApp  # the app imports this module's screens

    return list(NutgrafApp.BINDINGS)


def screen_sections(screen: Screen[Any] | type[Screen[Any]]) -> Sections:
    """The bindings of a screen, by the pane that owns them (its own first)."""
    kind = screen if isinstance(screen, type) else type(screen)
    lists = list(VimOptionList.BINDINGS)
    if issubclass(kind, MainScreen):
        return {
            "Main screen": list(MainScreen.BINDINGS),
            "Article list": list(ArticleList.BINDINGS),
            "Reader": list(Reader.BINDINGS),
            "Entity sidebar": [*EntitySidebar.BINDINGS, *lists],
            "Search bar": list(SearchBar.BINDINGS),
        }
    if issubclass(kind, EntityScreen):
        return {"Profile": [*EntityScreen.BINDINGS, *lists]}
    if issubclass(kind, WhoSaidWhat):
        return {"Who said what": [*WhoSaidWhat.BINDINGS, *lists]}
    if issubclass(kind, StatementDialog):
        return {"Same words": [*StatementDialog.BINDINGS, *lists]}
    if issubclass(kind, BookmarksDialog):
        return {"Starred": [*BookmarksDialog.BINDINGS, *lists]}
    if issubclass(kind, FilterDialog):
        return {"Filter": [*FilterDialog.BINDINGS, *lists]}
    if issubclass(kind, FixEntityDialog):
        return {"Fix entity": [*FixEntityDialog.BINDINGS, *lists]}
    for dialog, title in ((ExportDialog, "Export"), (QuitDialog, "Quit?"), (HelpDialog, "Help")):
        if issubclass(kind, dialog):
            return {title: list(dialog.BINDINGS)}
    return {}


SCREENS: list[type[Screen[Any]]] = [
    MainScreen,
    EntityScreen,
    WhoSaidWhat,
    StatementDialog,
    FilterDialog,
    FixEntityDialog,
    BookmarksDialog,
    ExportDialog,
    QuitDialog,
    HelpDialog,
]


def all_sections() -> Sections:
    """Every screen's keys, then the app's (everywhere)."""
    sections: Sections = {}
    for screen in SCREENS:
        sections.update(screen_sections(screen))
    sections["Everywhere"] = app_bindings()
    return sections


def binding_ids() -> set[str]:
    """Every binding id a keymap may name."""
    return {
        binding.id
        for bindings in all_sections().values()
        for binding in bindings
        if isinstance(binding, Binding) and binding.id
    }


def key_display(binding: Binding, display: App[object] | None = None) -> str:
    """Every key of a binding as the footer shows keys (`/`, `?`, `^d`)."""
    show = (display or App()).get_key_display
    keys = [key.strip() for key in binding.key.split(",")]
    return ", ".join(show(Binding(key, binding.action)) for key in keys)


def keys_markdown(sections: Sections) -> str:
    """A Markdown table of every described binding."""
    app: App[object] = App()
    lines = ["| where | keys | action |", "|---|---|---|"]
    for pane, bindings in sections.items():
        for binding in bindings:
            if isinstance(binding, Binding) and binding.description:
                keys = ", ".join(f"`{key}`" for key in key_display(binding, app).split(", "))
                action = binding.description
                if binding.tooltip:
                    action += f": {binding.tooltip}"
                lines.append(f"| {pane} | {keys} | {action} |")
    return "\n".join(lines)


def readme_keys_table() -> str:
    return keys_markdown(all_sections())


if __name__ == "__main__":
    print(readme_keys_table())
