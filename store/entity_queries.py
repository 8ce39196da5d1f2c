"""Reads about entities: profiles, and moving along an entity's articles."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from store.database import Reader
from store.filters import NO_FILTER, ListFilter
from store.kinds import kind_display
from store.models import ArticleRow, EntityCount, EntityProfile, EntitySummary, MonthCount
from store.queries import ListOrder, article_rows, row_columns

PROFILE_ARTICLES = 200
COMPANIONS = 12
# How many of the articles naming an entity its companions are counted over.
COMPANION_WINDOW = 2000


def entity_profile(db: Reader, entity_id: int) -> EntityProfile | None:
    """Name, kind, aliases, counts, mentions per month, companions and articles.

    Companions are counted over the COMPANION_WINDOW most recently imported
    articles naming the entity: all of them for most names, and a quick
    answer for one named in half the corpus."""
    row = db.execute(
        "SELECT entities.id, name, kind, count(mentions.id), count(DISTINCT article_id) "
        "FROM entities LEFT JOIN mentions ON mentions.entity_id = entities.id "
        "WHERE entities.id = ? GROUP BY entities.id",
        [entity_id],
    ).fetchone()
    if row is None:
        return None
    aliases = [
        alias
        for (alias,) in db.execute(
            "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY count DESC", [entity_id]
        )
    ]
    # Counted per article first: a name in half a million articles is 65,000 dates to read.
    per_month = [
        MonthCount(month, count)
        for month, count in db.execute(
            "SELECT substr(date, 1, 7) AS month, sum(n) FROM "
            "(SELECT article_id, count(*) AS n FROM mentions WHERE entity_id = ? "
            " GROUP BY article_id) AS own "
            "JOIN articles ON articles.id = own.article_id "
            "WHERE date IS NOT NULL GROUP BY month ORDER BY month",
            [entity_id],
        )
    ]
    companions = [
        EntityCount(*row)
        for row in db.execute(
            "SELECT entities.id, entities.name, entities.kind, "
            "count(DISTINCT other.article_id) AS n FROM "
            "(SELECT DISTINCT article_id FROM mentions WHERE entity_id = ? "
            " ORDER BY article_id DESC LIMIT ?) AS own "
            "JOIN mentions AS other ON other.article_id = own.article_id "
            "JOIN entities ON entities.id = other.entity_id "
            "WHERE other.entity_id != ? "
            "GROUP BY entities.id ORDER BY n DESC, entities.name LIMIT ?",
            [entity_id, COMPANION_WINDOW, entity_id, COMPANIONS],
        )
    ]
    articles = articles_naming(db, entity_id)
    summary = EntitySummary(row[0], row[1], row[2], row[3], row[4], aliases)
    return EntityProfile(summary, per_month, companions, articles)


def neighbour_article(
    db: Reader, entity_id: int, article_id: int, *, forward: bool
) -> ArticleRow | None:
    """The next (or previous) article naming the entity, in corpus order by date."""
    date = db.execute("SELECT ifnull(date, '') FROM articles WHERE id = ?", [article_id]).fetchone()
    if date is None:
        return None
    compare, direction = (">", "ASC") if forward else ("<", "DESC")
    columns = row_columns(ListOrder.DATE)
    rows = article_rows(
        db,
        f"SELECT {columns} FROM articles "
        f"WHERE (ifnull(date, ''), articles.id) {compare} (?, ?) "
        "AND articles.id IN (SELECT article_id FROM mentions WHERE entity_id = ?) "
        f"ORDER BY ifnull(date, '') {direction}, articles.id {direction} LIMIT 1",
        [date[0], article_id, entity_id],
    )
    return rows[0] if rows else None


class EntityNames:
    """Every entity name and alias (or only those of entities quoted as speakers),
    loaded once, for fuzzy lookups as the user types.

    Rebuild it (a new instance) after an import adds entities.
    """

    MIN_SCORE = 85

    def __init__(self, db: Reader, *, speakers_only: bool = False) -> None:
        # A form may name several entities (the surname `Clinton`): each is kept.
        self._ids: dict[tuple[str, int], None] = {}
        speakers = "SELECT DISTINCT speaker_entity_id FROM quotes"
        rows = db.execute(
            "SELECT entities.id, entities.name, entities.kind, entity_aliases.alias FROM entities "
            "LEFT JOIN entity_aliases ON entity_aliases.entity_id = entities.id"
            + (f" WHERE entities.id IN ({speakers})" if speakers_only else "")
        )
        for entity_id, name, kind, alias in rows:
            self._ids[name, entity_id] = None
            if alias:
                self._ids[alias, entity_id] = None
            if kind == "person" and " " in name:
                # People are looked up by surname: "zakharva" → Zakharova.
                self._ids[name.split()[-1], entity_id] = None
        # Folded once here, so a keystroke costs one cheap ratio per name.
        self._choices = [utils.default_process(choice) for choice, _ in self._ids]
        self._entity_of = [entity_id for _, entity_id in self._ids]

    def match(self, typed: str, limit: int = 3) -> list[int]:
        """Entities whose name, an alias or (for people) the surname is close to `typed`
        (`zakharva`, `pskov`), best first."""
        return [entity_id for entity_id, _ in self.scored(typed, limit)]

    def scored(self, typed: str, limit: int = 3) -> list[tuple[int, float]]:
        """Like `match`, with each entity's best score (100: a name spelt as typed)."""
        query = utils.default_process(typed)
        if len(query) < 4:
            return []
        found = process.extract(
            query, self._choices, scorer=fuzz.ratio, score_cutoff=self.MIN_SCORE, limit=limit * 4
        )
        best: dict[int, float] = {}
        for _, score, index in found:
            best.setdefault(self._entity_of[index], score)
        return list(best.items())[:limit]


def articles_naming(
    db: Reader, entity_id: int, limit: int = PROFILE_ARTICLES, where: ListFilter = NO_FILTER
) -> list[ArticleRow]:
    """Articles that name an entity (and pass `where`), newest first."""
    columns = row_columns(ListOrder.DATE)
    condition, params = where.sql()
    return article_rows(
        db,
        f"SELECT {columns} FROM articles WHERE articles.id IN "
        f"(SELECT article_id FROM mentions WHERE entity_id = ?) AND {condition} "
        "ORDER BY ifnull(date, '') DESC, articles.id DESC LIMIT ?",
        [entity_id, *params, limit],
    )


@dataclass(frozen=True)
class NamedEntity:
    """An entity a name may mean, as a user is shown it to choose."""

    id: int
    name: str
    kind: str
    articles: int

    def __str__(self) -> str:
        articles = f"{self.articles} article{'' if self.articles == 1 else 's'}"
        return f"#{self.id} {self.name} ({kind_display(self.kind)}, {articles})"


def entity_with_id(db: Reader, entity_id: int) -> NamedEntity | None:
    row = db.execute("SELECT name, kind FROM entities WHERE id = ?", [entity_id]).fetchone()
    if row is None:
        return None
    return NamedEntity(entity_id, row[0], row[1], article_count(db, entity_id))


def article_count(db: Reader, entity_id: int) -> int:
    """How many articles name an entity."""
    return int(
        db.execute(
            "SELECT count(DISTINCT article_id) FROM mentions WHERE entity_id = ?", [entity_id]
        ).fetchone()[0]
    )


def entities_like(
    db: Reader, names: EntityNames, typed: str, kind: str, *, besides: int, limit: int
) -> list[NamedEntity]:
    """Entities of `kind` (not `besides`) a typed name may mean: those with its words in
    their name or an alias (`dmitry`), then those whose name is close (`pskov`); most
    written about first."""
    typed = typed.strip()
    if len(typed) < 2:
        return []
    pattern = "%" + typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    containing = [
        entity_id
        for (entity_id,) in db.execute(
            "SELECT id FROM entities WHERE kind = ? AND id != ? AND (name LIKE ? ESCAPE '\\' "
            "OR id IN (SELECT entity_id FROM entity_aliases WHERE alias LIKE ? ESCAPE '\\')) "
            "LIMIT ?",
            [kind, besides, pattern, pattern, limit * 6],
        )
    ]
    found = [
        entity
        for entity_id in dict.fromkeys([*containing, *names.match(typed, limit)])
        if (entity := entity_with_id(db, entity_id)) is not None
        and entity.kind == kind
        and entity.id != besides
    ]
    return sorted(found, key=lambda entity: -entity.articles)[:limit]
