"""`nutgraf entities`: the list, and the fixes a user makes to it (merge, split, rename, ignore).

Fixes are applied at once and recorded (store/entity_fixes.py), so they hold
after `nutgraf reindex` and later imports. Each takes the writer lock, like an
import. A name that means no entity, or several, is an error that lists the
candidates; an entity can always be named by its id, `#123`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from store.database import StoreError, open_database
from store.entity_queries import EntityNames, entity_with_id
from store.kinds import EntityKind
from tui import cli_read
from tui.cli_common import Failure, database_path, db_option, existing_database, warn
from tui.safe_text import visible, visible_lines

if TYPE_CHECKING:
    from sqlite_utils import Database

    from store.entity_queries import NamedEntity

EXIT_INTERRUPTED = 130
_BY_ID = re.compile(r"#(\d+)")
# How many near names an unknown name suggests.
SUGGESTIONS = 5

kind_option = click.option(
    "--kind",
    type=click.Choice([kind.value for kind in EntityKind]),
    help="Only entities of this kind (when a name means several).",
)


@click.group(
    "entities",
    invoke_without_command=True,
    params=list(cli_read.entities.params),
    help=cli_read.entities.help,
)
@click.pass_context
def entities(ctx: click.Context, /, **options: Any) -> None:
    if ctx.invoked_subcommand is None:
        ctx.invoke(cli_read.entities, **options)


@entities.command("merge", short_help="Merge one entity into another.")
@click.argument("name")
@click.argument("into")
@kind_option
@db_option
@click.pass_context
def merge_command(
    ctx: click.Context, name: str, into: str, kind: str | None, db_path: Path | None
) -> None:
    """Merge the entity NAME into INTO, which keeps its name (NAME's forms become
    its aliases).

    \b
    Examples:
      nutgraf entities merge "Crooked Hillary" "Hillary Clinton"
      nutgraf entities merge Tories Conservatives --kind org
    """
    from store import entity_edits as edits  # the resolver and extraction: for fixes only

    db = _writable(ctx, db_path)
    source, target = _entity(db, name, kind), _entity(db, into, kind)
    _fix(lambda on_wait: edits.merge(db, source.id, target.id, on_wait=on_wait))
    click.echo(f"merged {visible(source.name)} into {visible(target.name)}")


@entities.command("split", short_help="Make one of an entity's names an entity of its own.")
@click.argument("name")
@click.argument("form")
@kind_option
@db_option
@click.pass_context
def split_command(
    ctx: click.Context, name: str, form: str, kind: str | None, db_path: Path | None
) -> None:
    """Make FORM, one of the ways the entity NAME is written, an entity of its own;
    the mentions written that way move to it.

    \b
    Example:
      nutgraf entities split "Mervyn King" "Dr.King"
    """
    from store import entity_edits as edits  # the resolver and extraction: for fixes only

    db = _writable(ctx, db_path)
    entity = _entity(db, name, kind)
    new = _fix(lambda on_wait: edits.split(db, entity.id, form, on_wait=on_wait))
    click.echo(f"split {visible(form.strip())} from {visible(entity.name)} (now #{new})")


@entities.command("rename", short_help="Give an entity a name for good.")
@click.argument("name")
@click.argument("new_name")
@kind_option
@db_option
@click.pass_context
def rename_command(
    ctx: click.Context, name: str, new_name: str, kind: str | None, db_path: Path | None
) -> None:
    """Give the entity NAME the name NEW_NAME for good, whatever its aliases say.

    \b
    Example:
      nutgraf entities rename "Dmitry Pskov" "Dmitry Peskov"
    """
    from store import entity_edits as edits  # the resolver and extraction: for fixes only

    db = _writable(ctx, db_path)
    entity = _entity(db, name, kind)
    _fix(lambda on_wait: edits.rename(db, entity.id, new_name, on_wait=on_wait))
    click.echo(f"renamed {visible(entity.name)} to {visible(new_name.strip())}")


@entities.command("ignore", short_help="Make an entity no entity (page furniture, a word).")
@click.argument("name")
@kind_option
@db_option
@click.pass_context
def ignore_command(ctx: click.Context, name: str, kind: str | None, db_path: Path | None) -> None:
    """Make the entity NAME no entity: its mentions go, quotes it speaks lose
    their speaker, and its names are not taken for an entity again.

    \b
    Example:
      nutgraf entities ignore "Continued Below"
    """
    from store import entity_edits as edits  # the resolver and extraction: for fixes only

    db = _writable(ctx, db_path)
    entity = _entity(db, name, kind)
    _fix(lambda on_wait: edits.ignore(db, entity.id, on_wait=on_wait))
    click.echo(f"ignored {visible(entity.name)} ({entity.kind})")


class Ambiguous(click.ClickException):
    """A name that means several entities, or none: the message lists the candidates,
    one a line (their control characters made visible)."""

    def __init__(self, message: str) -> None:
        super().__init__(visible_lines(message))


def _writable(ctx: click.Context, db_path: Path | None) -> Database:
    """The database to fix: the --db given here, else to `entities`, else to `nutgraf`."""
    if db_path is None and ctx.parent is not None:
        db_path = ctx.parent.params.get("db_path")
    path = existing_database(ctx, database_path(ctx, db_path))
    try:
        return open_database(path, readonly=False)
    except StoreError as error:
        raise Failure(str(error)) from error


def _entity(db: Database, name: str, kind: str | None) -> NamedEntity:
    """The one entity a user's name (or `#id`) means, else an error listing the candidates."""
    from store import entity_edits as edits

    if by_id := _BY_ID.fullmatch(name.strip()):
        entity = entity_with_id(db, int(by_id[1]))
        if entity is None:
            raise Failure(f"no entity has the id {name.strip()}")
        return entity
    found = edits.entities_called(db, name, kind)
    if len(found) == 1:
        return found[0]
    if found:
        listed = "\n".join(f"  {visible(str(entity))}" for entity in found[:20])
        more = f"\n  … and {len(found) - 20} more" if len(found) > 20 else ""
        hint = "give --kind, or the id (#N)" if kind is None else "give the id (#N)"
        raise Ambiguous(f"{name!r} names {len(found)} entities; {hint}:\n{listed}{more}")
    near = [
        entity
        for entity_id in EntityNames(db).match(name, limit=SUGGESTIONS)
        if (entity := entity_with_id(db, entity_id)) is not None
        and (kind is None or entity.kind == kind)
    ]
    of_kind = f" {EntityKind(kind).display}" if kind else ""
    if not near:
        raise Failure(f"no{of_kind} entity is called {name!r}")
    listed = "\n".join(f"  {visible(str(entity))}" for entity in near)
    raise Ambiguous(f"no{of_kind} entity is called {name!r}; did you mean:\n{listed}")


def _fix(apply: Callable[[Callable[[str], None]], Any]) -> Any:
    """Apply a fix, waiting for another writer if need be; store errors become messages."""
    try:
        return apply(warn)
    except StoreError as error:
        raise Failure(str(error)) from error
    except KeyboardInterrupt:
        click.echo("Interrupted: nothing was changed.", err=True)
        raise SystemExit(EXIT_INTERRUPTED) from None
