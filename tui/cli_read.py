"""The reading commands `entities` and `search` (`quotes`: cli_quotes.py), as text, CSV,
JSON or Markdown."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from store.entity_queries import EntityNames
from store.export import (
    ExportFormat,
    Record,
    article_records,
    entity_records,
    write_records,
)
from store.filters import FilterError, ListFilter, date_bound
from store.kinds import EntityKind, kind_display
from store.queries import MIN_QUERY, article_meta, list_entities
from store.search import search_corpus
from tui.cli_common import (
    MAX_LIMIT,
    Failure,
    db_option,
    existing_database,
    limit_type,
    read_database,
)
from tui.safe_text import terminal_json, visible

format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", *(f.value for f in ExportFormat)]),
    default="text",
    show_default=True,
    help="text for reading; csv, json (JSON Lines) or md (a Markdown table) for files.",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Same as --format json.")


def _written(records: Sequence[Record], fmt: str) -> bool:
    """Print `records` in a file format; False for `text` (the command prints its own)."""
    if fmt == "text":
        return False
    # JSON escaped for a terminal; CSV and Markdown pass through nutgraf's VisibleStream.
    write_records(sys.stdout, records, ExportFormat(fmt), dumps=terminal_json)
    return True


@click.command()
@db_option
@click.option(
    "--kind",
    type=click.Choice([kind.value for kind in EntityKind]),
    help="Only this kind of entity.",
)
@click.option("--limit", type=limit_type, default=50, show_default=True, help="How many (0: all).")
@format_option
@json_option
@click.pass_context
def entities(
    ctx: click.Context,
    db_path: Path | None,
    kind: str | None,
    limit: int,
    fmt: str,
    as_json: bool,
) -> None:
    """People, organisations and places, most mentioned first.

    \b
    Examples:
      nutgraf entities --kind person
      nutgraf entities --limit 0 --json > entities.jsonl
      nutgraf entities --format csv > entities.csv
    """
    path = existing_database(ctx, db_path)
    found = list_entities(read_database(path), kind=kind, limit=limit or None)
    if _written(entity_records(found), "json" if as_json else fmt):
        return
    width = max((len(entity.name) for entity in found), default=4)
    click.echo(f"{'name':<{width}}  {'kind':<12} {'mentions':>8} {'articles':>8}  also written as")
    for entity in found:
        also = ", ".join(alias for alias in entity.aliases if alias != entity.name)[:60]
        shown_kind = visible(kind_display(entity.kind))
        click.echo(
            f"{visible(entity.name):<{width}}  {shown_kind:<12} {entity.mentions:>8,} "
            f"{entity.articles:>8,}  {visible(also)}"
        )


@click.command()
@click.argument("query")
@db_option
@click.option("--source", help="Only this source (as `nutgraf stats` lists them).")
@click.option("--from", "date_from", metavar="DATE", help="From this date: 2016, 2016-03, …")
@click.option("--to", "date_to", metavar="DATE", help="Up to this date, included.")
@click.option(
    "--limit", type=limit_type, default=200, show_default=True, help="How many at most (0: all)."
)
@format_option
@click.pass_context
def search(
    ctx: click.Context,
    query: str,
    db_path: Path | None,
    source: str | None,
    date_from: str | None,
    date_to: str | None,
    limit: int,
    fmt: str,
) -> None:
    """Articles matching QUERY, best first, then those naming the person,
    organisation or place it spells (fuzzily), as the browser's `/` finds them.

    QUERY is FTS5 syntax (words, "a phrase", sanction*, putin AND NOT trump);
    what is not valid FTS5 is searched as plain words.

    \b
    Examples:
      nutgraf search sanctions --source Reuters --from 2016
      nutgraf search zakharva --format csv > zakharova.csv
    """
    if len(query.strip()) < MIN_QUERY:
        raise click.UsageError(f"QUERY needs {MIN_QUERY} characters or more")
    try:
        where = ListFilter(
            source,
            date_bound(date_from or "", upper=False),
            date_bound(date_to or "", upper=True),
        )
    except FilterError as error:
        raise Failure(str(error)) from error
    db = read_database(existing_database(ctx, db_path))
    hits = search_corpus(db, query, EntityNames(db), where=where, limit=limit or MAX_LIMIT)
    hits = hits[: limit or None]
    if _written(article_records(article_meta(db, [hit.article.id for hit in hits])), fmt):
        return
    if not hits:
        click.echo("No articles found.", err=True)
        return
    for hit in hits:
        row = hit.article
        where_from = visible(" · ".join(part for part in (row.date, row.source) if part))
        click.echo(f"{visible(row.title)}  {where_from}  [article {row.id}]")
