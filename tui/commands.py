"""Command palette providers: articles, entities and nutgraf's actions (ctrl+p)."""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from store import queries
from store.kinds import kind_display
from store.models import EntitySummary, SearchHit
from tui.history import ArticlePlace
from tui.safe_text import visible

if TYPE_CHECKING:
    from tui.screens.main_screen import MainScreen

# The palette offers the most named entities; the search bar reaches the rest.
PALETTE_ENTITIES = 2000


def _main_screen(provider: Provider) -> MainScreen | None:
    """The browser's main screen, when the palette was opened on it."""
    from tui.screens.main_screen import MainScreen  # the screen imports the app's parts

    screen = provider.screen
    return screen if isinstance(screen, MainScreen) else None


class ArticleProvider(Provider):
    """Articles whose title or text match what is typed (full-text search)."""

    async def search(self, query: str) -> Hits:
        screen = _main_screen(self)
        if screen is None or len(query.strip()) < queries.MIN_QUERY:
            return

        def find() -> list[SearchHit]:
            with screen.corpus.read() as db:
                return queries.search_articles(db, query, limit=20)

        matcher = self.matcher(query)
        for rank, hit in enumerate(await asyncio.to_thread(find)):
            title = visible(hit.article.title)
            score = max(matcher.match(title), 0.5 - rank / 100)
            yield Hit(
                score,
                matcher.highlight(title),
                partial(screen.open_article, ArticlePlace(hit.article.id)),
                text=title,
                help=f"article {hit.article.id} · {hit.article.date or 'undated'}",
            )


class EntityProvider(Provider):
    """People, organisations and places, by name."""

    entities: list[EntitySummary]

    async def startup(self) -> None:
        self.entities = []
        screen = _main_screen(self)
        if screen is None:
            return

        def load() -> list[EntitySummary]:
            with screen.corpus.read() as db:
                return queries.list_entities(db, limit=PALETTE_ENTITIES)

        self.entities = await asyncio.to_thread(load)

    async def search(self, query: str) -> Hits:
        screen = _main_screen(self)
        if screen is None:
            return
        matcher = self.matcher(query)
        for entity in self.entities:
            name = visible(entity.name)
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(name),
                    partial(screen.open_entity, entity.id),
                    text=name,
                    help=f"{visible(kind_display(entity.kind))}, {entity.mentions:,} mentions",
                )


class ActionProvider(Provider):
    """nutgraf's own actions, each with the key it has now (from the bindings, so a
    keymap's remapping shows)."""

    ACTIONS = [
        ("Who said what", "who_said_what", "a speaker's quotes, by topic"),
        ("Search articles", "search", "full text and names"),
        ("Filter the list", "filter", "by source and dates"),
        ("Copy the citation", "copy", "the quote under the cursor, else the article"),
        ("Star", "star", "the quote under the cursor, else the article"),
        ("Starred", "starred", "what you starred, with notes"),
        ("Export the list", "export", "CSV, JSON or Markdown"),
        ("Toggle the entity sidebar", "toggle_sidebar", "entities of the article"),
        ("Reload the article list", "refresh", "after an import"),
        ("Go back", "history_back", "along the history"),
        ("Keys", "app.help", "every key of this screen"),
    ]

    def _hits(self, query: str | None) -> list[tuple[float, str, str, str]]:
        screen = _main_screen(self)
        keys = _keys_by_action(screen) if screen is not None else {}
        found = []
        matcher = self.matcher(query or "")
        for label, action, help_text in self.ACTIONS:
            score = matcher.match(label) if query else 1.0
            if score > 0:
                key = keys.get(action.removeprefix("app."))
                found.append((score, label, action, f"{key}: {help_text}" if key else help_text))
        return found

    async def discover(self) -> Hits:
        screen = _main_screen(self)
        if screen is not None:
            for _, label, action, help_text in self._hits(None):
                yield DiscoveryHit(label, partial(screen.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        screen = _main_screen(self)
        if screen is None:
            return
        matcher = self.matcher(query)
        for score, label, action, help_text in self._hits(query):
            yield Hit(
                score,
                matcher.highlight(label),
                partial(screen.run_action, action),
                text=label,
                help=help_text,
            )


def _keys_by_action(screen: MainScreen) -> dict[str, str]:
    """The keys that run each action on the screen now, as the footer shows them
    (the active bindings: the keymap's changes included)."""
    keys: dict[str, list[str]] = {}
    for active in screen.active_bindings.values():
        action = active.binding.action.removeprefix("app.")
        keys.setdefault(action, []).append(screen.app.get_key_display(active.binding))
    return {action: ", ".join(dict.fromkeys(shown)) for action, shown in keys.items()}
