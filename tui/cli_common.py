"""What the `nutgraf` commands share: the --db option, opening a database to read, errors."""

from __future__ import annotations

import importlib
import sqlite3
from pathlib import Path
from typing import Any

import click

from store.database import StoreError, default_database_path, open_reader
from tui.safe_text import visible

# The most rows `--limit` asks for (a bigger number is a typo, not a wish).
MAX_LIMIT = 1_000_000_000
limit_type = click.IntRange(0, MAX_LIMIT)

db_option = click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="NUTGRAF_DB",
    help="Corpus database [default: $NUTGRAF_DB, else ~/.local/share/nutgraf/corpus.db].",
)


class Failure(click.ClickException):
    """An error for the user (exit 1), on one line: file names and data in it are
    shown with their control characters made visible."""

    def __init__(self, message: str) -> None:
        super().__init__(visible(message))


def database_path(ctx: click.Context, db_path: Path | None) -> Path:
    """The --db given to this command, else to `nutgraf`, else the default."""
    if db_path is not None:
        return db_path
    parent = ctx.find_root().params.get("db_path")
    return parent if parent is not None else default_database_path()


def read_database(path: Path) -> sqlite3.Connection:
    """The database to read, never written to (but for a schema upgrade of a
    nutgraf database)."""
    try:
        return open_reader(path, on_warning=warn, on_upgrade=tell)
    except StoreError as error:
        raise Failure(str(error)) from error


def warn(message: str) -> None:
    click.echo(f"warning: {visible(message)}", err=True)


def tell(message: str) -> None:
    click.echo(f"{visible(message)}…", err=True)


def existing_database(ctx: click.Context, db_path: Path | None) -> Path:
    path = database_path(ctx, db_path)
    if not path.exists():
        raise Failure(f"{path}: no such database; create it with `nutgraf import`")
    return path


class LazyGroup(click.Group):
    """A command group whose commands in other modules load only when run or listed
    (click's "Lazily Loading Subcommands"): opening the browser does not import the
    reading and fixing commands, their queries and rapidfuzz.

    Args:
        lazy_commands: command name → "module:attribute" of the command.
    """

    def __init__(self, *args: Any, lazy_commands: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = lazy_commands

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.lazy_commands])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.lazy_commands:
            return super().get_command(ctx, cmd_name)
        module, attribute = self.lazy_commands[cmd_name].split(":")
        command = getattr(importlib.import_module(module), attribute)
        assert isinstance(command, click.Command)
        return command
