"""The user's settings: `config.toml` beside `keymap.toml` in nutgraf's config directory.

# ~/.config/nutgraf/config.toml (the platform's config directory, from platformdirs)
theme = "gruvbox"          # any Textual theme (ctrl+p, then Theme, lists them)
sidebar = true             # the entity sidebar shown at start on a wide terminal
remember = true            # reopen each database where it was left
export_dir = "~/exports"   # where ctrl+s suggests saving (default: the current directory)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_config_path, user_state_path


class ConfigError(ValueError):
    """The config file cannot be used; the message says why."""


def config_dir() -> Path:
    return user_config_path("nutgraf")


def state_dir() -> Path:
    return user_state_path("nutgraf")


@dataclass(frozen=True)
class Config:
    theme: str | None = None
    sidebar: bool = True
    remember: bool = True
    export_dir: Path = field(default_factory=Path.cwd)


_TYPES: dict[str, type] = {"theme": str, "sidebar": bool, "remember": bool, "export_dir": str}


def load_config(path: Path | None = None) -> Config:
    """The settings in `config.toml`; the defaults when there is no file.

    Raises:
        ConfigError: the file is not TOML, or a setting is unknown or of the wrong type.
    """
    path = path or config_dir() / "config.toml"
    if not path.exists():
        return Config()
    import tomllib  # only with a file: most users have none, and start-up counts

    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: {error}") from error
    for key, value in table.items():
        if key not in _TYPES:
            raise ConfigError(f"{path}: no setting is called {key!r}")
        if not isinstance(value, _TYPES[key]):
            raise ConfigError(f"{path}: {key} needs a {_TYPES[key].__name__}")
    export_dir = table.get("export_dir")
    return Config(
        theme=table.get("theme"),
        sidebar=table.get("sidebar", True),
        remember=table.get("remember", True),
        export_dir=Path(export_dir).expanduser() if export_dir else Path.cwd(),
    )
