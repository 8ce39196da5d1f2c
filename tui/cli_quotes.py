"""`nutgraf quotes`: who said what, one entry per statement, grouped by speaker when a
typed name matches several people."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from store.database import Reader
from store.entity_queries import EntityNames
from store.export import ExportFormat, write_records
from store.models import SpeakerMatch, StatementRow
from store.quote_queries import exact_speakers, match_speakers
from store.statement_queries import find_statements, statement_records, variant_records
from tui.attribution import short_speaker, statement_speaker
from tui.cli_common import (
    MAX_LIMIT,
    Failure,
    db_option,
    existing_database,
    limit_type,
    read_database,
)
from tui.cli_read import format_option, json_option
from tui.safe_text import terminal_json, visible
from tui.wording import count, spread, where_seen


def _print_statement(row: StatementRow) -> None:
    """A statement as text: who, where first seen, how widely; its words; the other
    articles that carry it."""
    first = row.first_seen
    if first is None:
        return
    where = visible(where_seen(first.date, first.source))
    said_by = statement_speaker(row)
    spread_note = ""
    if row.article_count > 1:
        spread_note = f"  first seen; {spread(row.article_count, row.source_count)}"
    ids = f"[article {first.article_id}" + (f", statement {row.id}]" if row.id else "]")
    click.echo(f"{said_by}  {where}{spread_note}  {ids}")
    click.echo(f"  “{visible(' '.join(first.text.split()))}”")
    for other in row.variants[1:]:
        also = visible(where_seen(other.date, other.source))
        # The same words given to someone else there (or to them, unsure): said.
        said = f"  said by {short_speaker(other)}" if other.speaker != row.speaker else ""
        click.echo(f"    also {also}{said}  [article {other.article_id}]")


def _speakers(db: Reader, speaker: str, exact: bool) -> list[SpeakerMatch]:
    if exact:
        return exact_speakers(db, speaker)
    return match_speakers(db, speaker, EntityNames(db, speakers_only=True))


@click.command()
@db_option
@click.option("--speaker", help="Who said it: a name, matched fuzzily (putin, Pskov).")
@click.option(
    "--exact",
    is_flag=True,
    help="Only the speaker whose name is --speaker as typed (case aside).",
)
@click.option("--about", help="What about: words or an FTS5 query over the quote text.")
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    help="Only quotes whose speaker the model named with at least this confidence (0 to 1).",
)
@click.option(
    "--limit",
    type=limit_type,
    default=100,
    show_default=True,
    help="How many statements at most, per speaker (0: all).",
)
@format_option
@json_option
@click.pass_context
def quotes(
    ctx: click.Context,
    db_path: Path | None,
    speaker: str | None,
    exact: bool,
    about: str | None,
    min_confidence: float | None,
    limit: int,
    fmt: str,
    as_json: bool,
) -> None:
    """Who said what: one entry per statement (the same words quoted in several
    articles are one), newest first, with where it was first seen and every article
    that carries it. When --speaker matches several people (clinton: Bill and
    Hillary), each one's statements come in turn; --exact takes the name as typed.

    JSON (one statement per line) has `statement_id`, `first_seen` and `variants`;
    CSV and Markdown have one row per quote, with its statement.

    \b
    Examples:
      nutgraf quotes --speaker putin
      nutgraf quotes --speaker "Hillary Clinton" --exact --min-confidence 0.5
      nutgraf quotes --speaker "Vladimir Putin" --about sanctions --json
      nutgraf quotes --about '"White House"' --format md > white-house.md
    """
    if exact and not speaker:
        raise click.UsageError("--exact needs --speaker")
    db = read_database(existing_database(ctx, db_path))
    limit = limit or MAX_LIMIT
    groups: list[tuple[SpeakerMatch | None, list[StatementRow]]] = []
    if speaker:
        matches = _speakers(db, speaker, exact)
        if not matches and exact:
            raise Failure(f"no quoted speaker is named “{speaker}”; try without --exact")
        if len(matches) > 1:
            names = ", ".join(f"{m.name} ({count(m.quotes, 'quote')})" for m in matches)
            click.echo(visible(f"“{speaker}” matches {len(matches)} people: {names}"), err=True)
        for each in matches:
            found = find_statements(
                db,
                speaker_ids=[each.entity_id],
                about=about,
                min_confidence=min_confidence,
                limit=limit,
            )
            groups.append((each, found))
    else:
        found = find_statements(db, about=about, min_confidence=min_confidence, limit=limit)
        groups.append((None, found))
    statements = [row for _, rows in groups for row in rows]
    fmt = "json" if as_json else fmt
    if fmt == "json":
        write_records(
            sys.stdout, statement_records(statements), ExportFormat.JSON, dumps=terminal_json
        )
        return
    if fmt != "text":
        write_records(
            sys.stdout, variant_records(statements), ExportFormat(fmt), dumps=terminal_json
        )
        return
    if not statements:
        click.echo("No quotes found.", err=True)
        return
    for match, rows in groups:
        if len(groups) > 1 and match is not None:
            shown = count(len(rows), "statement")
            shown = f"the newest {shown}" if len(rows) == limit else shown
            click.echo(f"\n== {visible(match.name)}: {shown} ==")
        for row in rows:
            _print_statement(row)
    if any(len(rows) == limit for _, rows in groups):
        per = " per speaker" if len(groups) > 1 else ""
        click.echo(f"(the newest {limit} statements{per}: --limit 0 shows all)", err=True)
