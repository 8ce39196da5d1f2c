"""Modal dialogs. Their layout (and the profile screen's) is in `tui/dialogs.tcss`, each
class's CSS_PATH: Textual loads it when the first of them opens, not at start-up."""

from __future__ import annotations

from pathlib import Path

DIALOGS_CSS = Path(__file__).parent.parent / "dialogs.tcss"
