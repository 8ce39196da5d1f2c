"""The database schema, built by versioned sqlite-utils migrations.

The tables and columns created here are a public contract: Datasette, the
sqlite3 shell and scripts read them. Add tables and columns freely; never
rename or repurpose the contracted ones.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.db import Table
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("nutgraf")


def migration_names() -> set[str]:
    """The names of every migration this version of nutgraf knows."""
    return {migration.name for migration in MIGRATIONS.pending(Database(memory=True))}


def _table(db: Database, name: str) -> Table:
    table = db[name]
    assert isinstance(table, Table)
    return table


@MIGRATIONS(name="0001_initial")
def initial(db: Database) -> None:
    """Articles, entities, mentions, quotes and repeated passages, with FTS."""
    _table(db, "articles").create(
        {
            "id": int,
            "title": str,
            "text": str,
            "date": str,
            "source": str,
            "url": str,
            "path": str,
            "content_hash": str,
            "imported_at": str,
            "external_id": str,
        },
        pk="id",
        not_null={"text", "content_hash", "imported_at"},
    )
    articles = _table(db, "articles")
    articles.create_index(["content_hash"], unique=True)
    articles.create_index(["date", "id"])
    articles.create_index(["path"])
    articles.create_index(["external_id"])
    articles.enable_fts(["title", "text"], create_triggers=True, tokenize="unicode61")

    _table(db, "entities").create(
        {"id": int, "name": str, "kind": str}, pk="id", not_null={"name", "kind"}
    )
    _table(db, "entities").create_index(["kind", "name"])
    _table(db, "entity_aliases").create(
        {"entity_id": int, "alias": str, "count": int},
        pk=("entity_id", "alias"),
        foreign_keys=[("entity_id", "entities", "id")],
    )
    _table(db, "entity_aliases").create_index(["alias"])

    _table(db, "mentions").create(
        {"id": int, "article_id": int, "entity_id": int, "start": int, "end": int, "text": str},
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("entity_id", "entities", "id")],
    )
    _table(db, "mentions").create_index(["article_id", "start"])
    _table(db, "mentions").create_index(["entity_id", "article_id"])

    _table(db, "quotes").create(
        {
            "id": int,
            "article_id": int,
            "start": int,
            "end": int,
            "text": str,
            "speaker_entity_id": int,
            "speaker_text": str,
            "speaker_start": int,
            "speaker_end": int,
            "cue": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("speaker_entity_id", "entities", "id")],
    )
    _table(db, "quotes").create_index(["article_id", "start"])
    _table(db, "quotes").create_index(["speaker_entity_id"])
    _table(db, "quotes").enable_fts(["text"], create_triggers=True, tokenize="unicode61")

    # A passage printed twice: text[start:end] repeats the text at original_start.
    _table(db, "repeats").create(
        {"id": int, "article_id": int, "start": int, "end": int, "original_start": int},
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    _table(db, "repeats").create_index(["article_id"])


@MIGRATIONS(name="0002_list_order_indexes")
def list_order_indexes(db: Database) -> None:
    """Indexes for keyset paging of the article list by date, title and source."""
    db.execute("CREATE INDEX idx_articles_list_date ON articles (ifnull(date, ''), id)")
    db.execute("CREATE INDEX idx_articles_list_title ON articles (ifnull(title, ''), id)")
    db.execute("CREATE INDEX idx_articles_list_source ON articles (ifnull(source, ''), id)")


@MIGRATIONS(name="0003_entity_keys")
def entity_keys(db: Database) -> None:
    """The names the resolver maps to each entity, so a later import resolves as one would.

    `entities.key` is the folded name an entity was created under; `entity_keys`
    holds every folded name that resolved to it. Before this table the resolver
    reloaded surface forms (`entity_aliases`) as names, and a stored alias such
    as `Kim` then passed for a lone-surname entity. Existing corpora start from
    their canonical names (`nutgraf reindex` rebuilds the keys exactly).
    """
    from store.names import name_key

    _table(db, "entities").add_column("key", str)
    _table(db, "entity_keys").create(
        {"kind": str, "key": str, "entity_id": int},
        pk=("kind", "key"),
        not_null={"entity_id"},
        foreign_keys=[("entity_id", "entities", "id")],
    )
    _table(db, "entity_keys").create_index(["entity_id"])
    rows = db.execute("SELECT id, kind, name FROM entities ORDER BY id").fetchall()
    db.conn.executemany(
        "UPDATE entities SET key = ? WHERE id = ?", [(name_key(name), i) for i, _, name in rows]
    )
    db.conn.executemany(
        "INSERT OR IGNORE INTO entity_keys (kind, key, entity_id) VALUES (?, ?, ?)",
        [(kind, name_key(name), i) for i, kind, name in rows],
    )


@MIGRATIONS(name="0004_statements_and_stories")
def statements_and_stories(db: Database) -> None:
    """Quotes grouped into statements, articles into stories (see store/statements.py
    and store/stories.py); how each quote was attributed and how sure that is."""
    _table(db, "statements").create(
        {
            "id": int,
            "speaker_entity_id": int,
            "speaker_confidence": float,
            "text": str,
            "first_article_id": int,
            "first_date": str,
            "quote_count": int,
            "article_count": int,
            "source_count": int,
        },
        pk="id",
        foreign_keys=[
            ("speaker_entity_id", "entities", "id"),
            ("first_article_id", "articles", "id"),
        ],
    )
    _table(db, "statements").create_index(["speaker_entity_id"])
    db.execute(
        "CREATE TABLE statement_prints (print INTEGER NOT NULL, "
        "statement_id INTEGER NOT NULL REFERENCES statements(id), "
        "PRIMARY KEY (print, statement_id)) WITHOUT ROWID"
    )
    db.execute("CREATE INDEX idx_statement_prints_statement_id ON statement_prints (statement_id)")
    # ALTER TABLE, not sqlite-utils' add_column(fk=...): that rebuilds the table and
    # drops the full-text search triggers.
    db.execute("ALTER TABLE quotes ADD COLUMN statement_id INTEGER REFERENCES statements(id)")
    db.execute("ALTER TABLE quotes ADD COLUMN method TEXT")
    db.execute("ALTER TABLE quotes ADD COLUMN confidence REAL")
    _table(db, "quotes").create_index(["statement_id"])

    _table(db, "stories").create(
        {
            "id": int,
            "first_date": str,
            "last_date": str,
            "article_count": int,
            "source_count": int,
        },
        pk="id",
    )
    db.execute("ALTER TABLE articles ADD COLUMN story_id INTEGER REFERENCES stories(id)")
    _table(db, "articles").create_index(["story_id"])
    # Each article's text in brief (store/extract/text_sketch.py) and its
    # signature's bands, to find its story.
    _table(db, "article_sketches").create(
        {"article_id": int, "signature": bytes, "terms": bytes},
        pk="article_id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.execute(
        "CREATE TABLE story_bands (band INTEGER NOT NULL, "
        "article_id INTEGER NOT NULL REFERENCES articles(id), "
        "PRIMARY KEY (band, article_id)) WITHOUT ROWID"
    )


@MIGRATIONS(name="0005_bookmarks")
def bookmarks(db: Database) -> None:
    """Bookmarks with notes (the browser's `b`), and the index a source filter pages by.

    A bookmark names its article by id and a quote by its start in the text
    (`quote_start`, NULL for the article itself), never by quote id: `nutgraf
    reindex` renumbers quotes but keeps articles and their text. No foreign key:
    an import that replaces an article must not fail for a star on it.

    `idx_articles_list_source_date` lets the list filtered to one source page by
    date, count a date range within it and find an article's place, all by index.
    """
    _table(db, "bookmarks").create(
        {"id": int, "article_id": int, "quote_start": int, "note": str, "created_at": str},
        pk="id",
        not_null={"article_id", "note", "created_at"},
        defaults={"note": ""},
    )
    db.execute(
        "CREATE UNIQUE INDEX idx_bookmarks_place ON bookmarks (article_id, ifnull(quote_start, -1))"
    )
    db.execute(
        "CREATE INDEX idx_articles_list_source_date "
        "ON articles (ifnull(source, ''), ifnull(date, ''), id)"
    )


@MIGRATIONS(name="0006_settings")
def settings(db: Database) -> None:
    """Facts about the corpus as a whole: `extractor` and `extractor_version`, the
    extractor that found its names and quotes (store/extractors/)."""
    _table(db, "settings").create({"key": str, "value": str}, pk="key")


@MIGRATIONS(name="0007_entity_fixes")
def entity_fixes(db: Database) -> None:
    """Corrections users made to entities (store/entity_fixes.py), kept apart from
    what extraction finds so that they survive `reindex` and later imports."""
    _table(db, "entity_fixes").create(
        {
            "id": int,
            "action": str,
            "kind": str,
            "key": str,
            "target": str,
            "created_at": str,
        },
        pk="id",
        not_null={"action", "kind", "key"},
    )
    _table(db, "entity_fixes").create_index(["kind", "key"])


@MIGRATIONS(name="0008_story_list_index")
def story_list_index(db: Database) -> None:
    """The index the list grouped by story reads in its default order (by date): whether
    an article's story shows an earlier one is a seek on it, not a walk of the story.
    On 100,000 articles, nearly all in stories: the last page 67 → 28 ms, the next
    page 8 → 2 ms."""
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_articles_story_list_date "
        "ON articles (story_id, ifnull(date, ''), id)"
    )


@MIGRATIONS(name="0009_fts_update_triggers")
def fts_update_triggers(db: Database) -> None:
    """The full-text indexes are rewritten only when the indexed columns change.

    sqlite-utils' `_au` triggers fire on any UPDATE: giving an article its story
    or a quote its statement re-indexed the whole text (a delete and an insert
    into the FTS index), the largest single cost of an import's writer. Same
    names, same index content; only `UPDATE OF` the indexed columns fires them.
    """
    for table, columns in (("articles", ("title", "text")), ("quotes", ("text",))):
        names = ", ".join(f'"{column}"' for column in columns)
        old = ", ".join(f'old."{column}"' for column in columns)
        new = ", ".join(f'new."{column}"' for column in columns)
        db.execute(f'DROP TRIGGER IF EXISTS "{table}_au"')
        db.execute(
            f'CREATE TRIGGER "{table}_au" AFTER UPDATE OF {names} ON "{table}" BEGIN\n'
            f'  INSERT INTO "{table}_fts" ("{table}_fts", rowid, {names}) '
            f"VALUES('delete', old.rowid, {old});\n"
            f'  INSERT INTO "{table}_fts" (rowid, {names}) VALUES (new.rowid, {new});\n'
            "END"
        )


@MIGRATIONS(name="0010_quotes_statement_article_index")
def quotes_statement_article_index(db: Database) -> None:
    """The index story grouping reads a statement's newest quoting articles by
    (store/stories.py): a walk down from an article, not a read and sort of every
    quote of a statement quoted thousands of times. On a million articles, the
    import's reads of them 4.9 → 0.5 s CPU for 3,000 articles."""
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_quotes_statement_article "
        "ON quotes (statement_id, article_id)"
    )


@MIGRATIONS(name="0011_story_members_index")
def story_members_index(db: Database) -> None:
    """A story's members with their outlet and date in the index story grouping counts
    them by (store/stories.py), in place of the index on `story_id` alone: the
    count reads no article rows (an article's text comes before them). On a
    million articles, counting the stories a batch touched 5× faster."""
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_articles_story_members "
        "ON articles (story_id, id, source, date)"
    )
    db.execute("DROP INDEX IF EXISTS idx_articles_story_id")


# How many segments of a size the full-text indexes gather before merging them (FTS5's
# `automerge`; its default is 4).
FTS_AUTOMERGE = 16


@MIGRATIONS(name="0012_fts_fewer_merges")
def fts_fewer_merges(db: Database) -> None:
    """The full-text indexes merge their segments less often as they grow. With the
    default, the writer rewrote each indexed word about twice as often: at the end of a
    million articles, 5,000 more cost its CPU 39.0 and 33.2 s against 27.0 and 28.6 s
    with 16 (in turns); searching a million built either way, median 15.7 and 15.9 ms,
    p95 47.9 and 45.9 ms (BENCHMARKS.md)."""
    for table in ("articles_fts", "quotes_fts"):
        db.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('automerge', {FTS_AUTOMERGE})")
