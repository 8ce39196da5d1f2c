"""The user's key remapping: `keymap.toml` in nutgraf's config directory, binding id → keys.

# ~/.config/nutgraf/keymap.toml
"reader.next-mention" = "ctrl+n"
"list.sort" = "o"
"""

from __future__ import annotations

from pathlib import Path

from tui.config import config_dir


class KeymapError(ValueError):
    """The keymap file cannot be used; the message says why."""


def keymap_path() -> Path:
    return config_dir() / "keymap.toml"


def load_keymap(path: Path, known_ids: set[str]) -> dict[str, str]:
    """Binding id → keys from a TOML file; an empty map when there is no file.

    Raises:
        KeymapError: the file is not TOML, a value is not a string, or an id is unknown.
    """
    if not path.exists():
        return {}
    import tomllib  # only with a file: most users have none, and start-up counts

    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise KeymapError(f"{path}: {error}") from error
    keymap = {}
    for binding_id, keys in table.items():
        if binding_id not in known_ids:
            raise KeymapError(f"{path}: no binding has the id {binding_id!r}")
        if not isinstance(keys, str) or not keys.strip():
            raise KeymapError(f"{path}: {binding_id} needs keys as a string, like 'ctrl+n'")
        keymap[binding_id] = keys
    return keymap
