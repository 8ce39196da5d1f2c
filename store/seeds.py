"""Where the bundled sample articles live: in the installed package, or beside it in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def bundled_seeds() -> Path:
    """The folder of the five sample articles shipped with nutgraf."""
    installed = _PACKAGE / "seeds"
    return installed if installed.is_dir() else _PACKAGE.parent / "seeds"
