"""The browser's and the CLI's search: full-text hits, then the articles naming the
person, organisation or place the query spells (fuzzily: `zakharva`, `pskov`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from store.database import Reader
from store.entity_queries import EntityNames, articles_naming
from store.filters import NO_FILTER, ListFilter
from store.models import SearchHit
from store.queries import search_articles

# How many entities the query may spell; one keeps the list about what was typed.
NAMED_ENTITIES = 1
# How many hits the browser lists: articles, or stories when it folds them.
HITS_SHOWN = 200


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


def folded(hits: list[SearchHit], limit: int = HITS_SHOWN) -> list[SearchHit]:
    """The first hit of each story, with how many of `hits` tell it (`story_size`),
    and the hits in no story; at most `limit` of them, in the order of `hits`: the
    copies of a wire story do not fill the hits (search with a limit of
    RANKED_WINDOW to fold from)."""
    sizes = Counter(hit.article.story_id for hit in hits if hit.article.story_id is not None)
    kept: list[SearchHit] = []
    seen: set[int] = set()
    for hit in hits:
        story = hit.article.story_id
        if story is not None:
            if story in seen:
                continue
            seen.add(story)
            hit = replace(hit, article=replace(hit.article, story_size=sizes[story]))
        kept.append(hit)
        if len(kept) == limit:
            break
    return kept
