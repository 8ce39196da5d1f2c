"""The `nutgraf` command: the browser, import, stats."""

from __future__ import annotations

import dataclasses
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from store.database import StoreError, open_database
from store.seeds import bundled_seeds
from tui.cli_common import Failure, LazyGroup, db_option
from tui.cli_common import database_path as _database_path
from tui.cli_common import existing_database as _existing
from tui.cli_common import read_database as _read
from tui.cli_common import warn as _warn
from tui.safe_text import terminal_json, visible

if TYPE_CHECKING:
    from concurrent.futures import Executor

    # The importer (extraction, sqlite-utils) loads only for the commands that
    # write, so the browser opens quickly.
    from sqlite_utils import Database

    from store.records import Problem


EXIT_REJECTED = 1


def _open(path: Path, *, readonly: bool | None = None) -> Database:
    """The database to write (created if new); any other file is refused untouched."""
    try:
        return open_database(path, readonly=readonly, on_wait=_warn)
    except StoreError as error:
        raise Failure(str(error)) from error


@click.group(
    cls=LazyGroup,
    # The commands that only read (and the entity fixes) load when run, not when
    # the browser opens.
    lazy_commands={
        "entities": "tui.cli_entities:entities",
        "quotes": "tui.cli_quotes:quotes",
        "search": "tui.cli_read:search",
    },
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(package_name="nutgraf", prog_name="nutgraf")
@db_option
@click.pass_context
def main(ctx: click.Context, db_path: Path | None) -> None:
    """Browse a corpus of news articles; find who said what.

    With no command, opens the browser on the corpus database. The default
    database is created from the bundled sample articles on first use.

    \b
    Examples:
      nutgraf                              # browse the default corpus
      nutgraf import articles/ --db news.db
      nutgraf --db news.db                 # browse it
    """
    if ctx.invoked_subcommand is not None:
        return
    path = _database_path(ctx, db_path)
    if db_path is None and not path.exists():
        click.echo(f"Creating {visible(str(path))} from the sample articles…", err=True)
        from store.importer import import_paths

        import_paths(_open(path), [str(bundled_seeds())])
    _read(path).close()
    from tui.opening import browse

    browse(path)


@main.command("import")
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@click.option(
    "--extractor",
    help="What finds names and quotes: nutgraf, spacy (pip install 'nutgraf[spacy]'), or "
    "another installed one [default: the one that filled the corpus, else nutgraf].",
)
@click.option(
    "--dask",
    "dask_address",
    metavar="ADDRESS",
    help="Extract on a Dask cluster: tcp://scheduler:8786, or local[:N] to start one here.",
)
@click.pass_context
def import_command(
    ctx: click.Context,
    paths: tuple[str, ...],
    db_path: Path | None,
    quiet: bool,
    extractor: str | None,
    dask_address: str | None,
) -> None:
    """Import articles from files, directories (recursively) or `-` (JSONL on stdin).

    Reads .txt (title line, then body), .jsonl/.jsonl.gz and .csv (fields
    title, text, date, source, url, id), and .db: another nutgraf database (a
    shard), whose articles arrive with their names and quotes already
    extracted. Importing the same files again adds nothing; a changed record
    updates its article. Bad records are reported as FILE:LINE: reason and
    skipped.

    \b
    Examples:
      nutgraf import seeds/
      nutgraf import news.jsonl.gz scraped/ --db news.db
      zcat dump.jsonl.gz | nutgraf import -
      nutgraf import shard1.db shard2.db --db news.db
      nutgraf import archive/ --db news.db --dask tcp://scheduler:8786
    """
    path = _database_path(ctx, db_path)
    db = _open(path, readonly=False)
    show_progress = not quiet and sys.stderr.isatty()
    from store.importer import ImportSummary, import_paths
    from tui.cli_progress import import_progress, progress_console

    summary = ImportSummary()
    try:
        with (
            _extraction_pool(dask_address) as pool,
            import_progress(progress_console(), show_progress) as on_progress,
        ):

            def report(problem: Problem) -> None:
                click.echo(visible(str(problem)), err=True)

            summary = import_paths(
                db,
                paths,
                on_problem=report,
                on_progress=on_progress,
                on_wait=_warn,
                pool=pool,
                extractor=extractor,
            )
    except StoreError as error:
        raise Failure(str(error)) from error
    except KeyboardInterrupt:
        click.echo(
            "Interrupted: every completed batch is stored; run the import again to finish.",
            err=True,
        )
        sys.exit(130)
    except sqlite3.Error as error:
        from store.queries import corpus_stats

        stored = corpus_stats(db).articles
        raise Failure(
            f"{path}: import stopped: {error}. The database is consistent "
            f"({stored} articles); free the problem and run the import again to finish."
        ) from error
    if not quiet:
        rate = f" in {summary.seconds:.1f}s ({summary.articles_per_second:,.0f} articles/s)"
        click.echo(f"{summary}{rate}", err=True)
    if summary.rejected and not (summary.imported or summary.updated or summary.unchanged):
        sys.exit(EXIT_REJECTED)


@contextmanager
def _extraction_pool(dask_address: str | None) -> Iterator[Executor | None]:
    """The Dask cluster to extract on, if asked for (Dask loads only then)."""
    if dask_address is None:
        yield None
        return
    from store.cluster import dask_pool

    try:
        with dask_pool(dask_address) as pool:
            yield pool
    except StoreError as error:
        raise Failure(str(error)) from error
    except ModuleNotFoundError as error:  # raised on a worker, re-raised here
        raise Failure(
            f"--dask {dask_address}: a worker cannot import {error.name}; install nutgraf "
            "on every worker: pip install 'nutgraf[dask]'"
        ) from error


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def stats(ctx: click.Context, db_path: Path | None, as_json: bool) -> None:
    """Counts per table, sources and the date range of the corpus.

    \b
    Example:
      nutgraf stats --db news.db
    """
    from store.queries import corpus_stats

    path = _existing(ctx, db_path)
    figures = corpus_stats(_read(path))
    if as_json:
        click.echo(terminal_json(dataclasses.asdict(figures), indent=2))
        return
    lines: list[Any] = [
        f"database   {visible(str(path))}",
        f"articles   {figures.articles:,}",
        f"entities   {figures.entities:,}",
        f"mentions   {figures.mentions:,}",
        f"quotes     {figures.quotes:,}",
        f"repeats    {figures.repeats:,}",
        f"dates      {visible(figures.first_date or '-')} … {visible(figures.last_date or '-')}"
        f" ({figures.undated:,} undated)",
        "sources",
    ]
    lines += [
        f"  {source.articles:>8,}  {visible(source.source or '(none)')}"
        for source in figures.sources
    ]
    click.echo("\n".join(lines))


@main.command()
@db_option
@click.option(
    "--extractor",
    help="Switch the corpus to this extractor [default: the one that filled it].",
)
@click.pass_context
def reindex(ctx: click.Context, db_path: Path | None, extractor: str | None) -> None:
    """Extract names, quotes and repeats again from every stored article.

    Run it after upgrading nutgraf, or to switch extractors; the articles are
    not touched.

    \b
    Examples:
      nutgraf reindex --db news.db
      nutgraf reindex --db news.db --extractor spacy
    """
    from rich.progress import Progress

    from store.reindex import reindex as reindex_corpus
    from tui.cli_progress import progress_console

    path = _existing(ctx, db_path)
    db = _open(path, readonly=False)
    console = progress_console()
    try:
        with Progress(console=console, transient=True, disable=not sys.stderr.isatty()) as progress:
            task = progress.add_task("reindexing", total=None)

            def update(done: int, total: int) -> None:
                progress.update(task, completed=done, total=total)

            done = reindex_corpus(db, on_progress=update, on_wait=_warn, extractor=extractor)
    except StoreError as error:
        raise Failure(str(error)) from error
    except KeyboardInterrupt:
        click.echo(
            "Interrupted: the batches done are stored; run nutgraf reindex again to finish.",
            err=True,
        )
        sys.exit(130)
    click.echo(f"reindexed {done:,} articles", err=True)


@main.command()
@db_option
@click.option(
    "--host",
    default="localhost",
    show_default=True,
    help="Address to listen on. Beyond loopback (0.0.0.0, a LAN address) a token is required.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on (0: any free port).",
)
@click.option(
    "--public-url",
    metavar="URL",
    help="The URL visitors use through a proxy or tunnel (https://news.example/nutgraf/).",
)
@click.option(
    "--token",
    envvar="NUTGRAF_SERVE_TOKEN",
    help="Access token [default: $NUTGRAF_SERVE_TOKEN, else a random one when required].",
)
@click.option(
    "--max-sessions",
    type=click.IntRange(1, 100),
    default=4,
    show_default=True,
    help="Visitors at once (each runs its own app process).",
)
@click.pass_context
def serve(
    ctx: click.Context,
    db_path: Path | None,
    host: str,
    port: int,
    public_url: str | None,
    token: str | None,
    max_sessions: int,
) -> None:
    """Serve the browser as a web page (each visitor gets their own session).

    Only pages from this server, under the host names it serves, may open a
    session. Beyond loopback, or with --public-url, visitors need the token
    in the URL printed at start. Needs the serve extra: pip install '.[serve]'.

    \b
    Examples:
      nutgraf serve --db news.db                  # then open http://localhost:8000
      nutgraf serve --host 0.0.0.0 --max-sessions 8
      nutgraf serve --public-url https://news.example/nutgraf/
    """
    from importlib.util import find_spec

    from tui.serve.access import PublicUrl, check_token, needs_token, new_token, parse_public_url

    path = _existing(ctx, db_path)
    _read(path).close()
    if find_spec("aiohttp") is None or find_spec("textual_serve") is None:
        raise Failure("nutgraf serve needs the serve extra: pip install '.[serve]'")
    url: PublicUrl | None = None
    try:
        url = parse_public_url(public_url) if public_url is not None else None
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--public-url") from error
    if token is not None:
        try:
            check_token(token)
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--token") from error
    elif needs_token(host, url):
        token = new_token()
    from tui.serve.server import ServeConfig, ServeError, run_server
    from tui.serve.session import SessionLimits

    config = ServeConfig(path, host, port, url, token, SessionLimits(max_sessions=max_sessions))
    try:
        run_server(config, sys.stderr)
    except ServeError as error:
        raise Failure(str(error)) from error


if __name__ == "__main__":
    from tui.launch import run

    run()
