"""The entity sidebar: who and what the current article mentions, grouped by kind."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets.option_list import Option

from store.kinds import EntityKind
from store.models import EntityCount
from tui.safe_text import visible
from tui.widgets.vim_option_list import VimOptionList


class EntitySidebar(VimOptionList):
    """Entities of one article with their mention counts (a short list: an OptionList fits)."""

    BINDINGS = [Binding("enter", "select", "Profile", id="sidebar.open")]

    shown: list[EntityCount] | None = None

    def show_entities(self, entities: list[EntityCount]) -> None:
        if entities == self.shown:
            return  # rebuilding the options would re-layout the screen for nothing
        self.shown = entities
        if not entities:
            self.set_options(
                [Option(Text("No entities in this article", style="italic"), disabled=True)]
            )
            return
        groups = [(kind.plural, [e for e in entities if e.kind == kind]) for kind in EntityKind]
        # Kinds outside the schema contract (written by another tool) still show.
        groups.append(("Other", [e for e in entities if EntityKind.parse(e.kind) is None]))
        options = []
        for title, group in groups:
            if not group:
                continue
            options.append(Option(Text(title, style="bold"), disabled=True))
            for entity in group:
                label = Text.assemble(f" {visible(entity.name)} ", (str(entity.mentions), "dim"))
                options.append(Option(label, id=str(entity.entity_id)))
        # All at once: the list lays itself out once, not once an option.
        self.set_options(options)
