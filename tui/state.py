"""What the browser remembers per database between runs: article, sort, filter, stories,
theme, sidebar.

Kept as JSON in the user's state directory (platformdirs), one entry per database path.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from store.filters import ListFilter
from store.queries import ListOrder
from tui.config import state_dir
from tui.widgets.list_pages import ListShape

# Databases remembered at most; the least recently used are forgotten.
REMEMBERED = 50


@dataclass(frozen=True)
class BrowserState:
    article_id: int | None = None
    order: str = ListOrder.DATE.name
    descending: bool = True
    filter: dict[str, str | None] = field(default_factory=dict)
    theme: str | None = None
    sidebar: bool | None = None
    stories: bool = True
    """The list one row per story (True) or every article on its own row."""

    @classmethod
    def of(
        cls,
        article_id: int | None,
        order: ListOrder,
        descending: bool,
        where: ListFilter,
        *,
        theme: str,
        sidebar: bool,
        stories: bool = True,
    ) -> BrowserState:
        filters = {"source": where.source, "date_from": where.date_from, "date_to": where.date_to}
        return cls(article_id, order.name, descending, filters, theme, sidebar, stories)

    @property
    def list_order(self) -> ListOrder:
        return ListOrder.__members__.get(self.order, ListOrder.DATE)

    @property
    def list_shape(self) -> ListShape:
        """The list as it was left: its order, filter, and stories folded or not."""
        return ListShape(
            self.list_order, self.descending, self.list_filter, self.stories is not False
        )

    @property
    def list_filter(self) -> ListFilter:
        values = {key: self.filter.get(key) for key in ("source", "date_from", "date_to")}
        return ListFilter(**{k: v for k, v in values.items() if isinstance(v, str)})


def state_file() -> Path:
    return state_dir() / "state.json"


def _read_all(path: Path) -> dict[str, dict[str, object]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # none yet, or damaged: start afresh rather than refuse to open
    return data if isinstance(data, dict) else {}


def load_state(database: Path, path: Path | None = None) -> BrowserState:
    """The state saved for `database`, or the defaults."""
    entry = _read_all(path or state_file()).get(str(database.resolve()))
    if not isinstance(entry, dict):
        return BrowserState()
    known = {key: entry[key] for key in BrowserState.__dataclass_fields__ if key in entry}
    try:
        return BrowserState(**known)  # type: ignore[arg-type]
    except TypeError:
        return BrowserState()


def save_state(database: Path, state: BrowserState, path: Path | None = None) -> None:
    """Save `state` for `database` (the newest first, REMEMBERED at most).

    Raises:
        OSError: the state directory cannot be written.
    """
    path = path or state_file()
    entries = _read_all(path)
    key = str(database.resolve())
    entries.pop(key, None)
    kept = dict(list(entries.items())[-(REMEMBERED - 1) :])
    kept[key] = asdict(state)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(kept, indent=1), encoding="utf-8")
    temporary.replace(path)
