"""The browser's and the CLI's search: full-text hits, then the articles naming the
person, organisation or place the query spells (fuzzily: `zakharva`, `pskov`)."""

from __future__ import annotations

from store.database import Reader
from store.entity_queries import EntityNames, articles_naming
from store.filters import NO_FILTER, ListFilter
from store.models import SearchHit
from store.queries import search_articles

# How many entities the query may spell; one keeps the list about what was typed.
NAMED_ENTITIES = 1


def search_corpus(
    db: Reader,
    query: str,
    names: EntityNames,
    *,
    where: ListFilter = NO_FILTER,
    limit: int = 200,
) -> list[SearchHit]:
    """Full-text hits best first, then the articles naming the entity the query
    spells (newest first), each article once, all of them passing `where`.

    Args:
        names: the fuzzy name index (build it once: it reads every name).
        limit: how many full-text hits, and how many articles per named entity.
    """
    hits = search_articles(db, query, limit=limit, where=where)
    listed = {hit.article.id for hit in hits}
    for entity_id in names.match(query, limit=NAMED_ENTITIES):
        for row in articles_naming(db, entity_id, limit=limit, where=where):
            if row.id not in listed:
                hits.append(SearchHit(row, "entity"))
                listed.add(row.id)
    return hits
