"""Extractors: what reads names and quotes out of an article's text, chosen by name.

An extractor turns a text into an `Extraction` of plain spans (names with
their kind, quotes with their speaker, repeated passages); the importer, the
resolver and everything after it depend on nothing else. nutgraf ships two:
`nutgraf` (rules and small models, the default) and `spacy` (spaCy's named
entities with nutgraf's quotes, `pip install 'nutgraf[spacy]'`). Another
package adds one through the `nutgraf.extractors` entry point group:

    [project.entry-points."nutgraf.extractors"]
    mine = "my_package:MyExtractor"     # a class whose instances follow `Extractor`

A corpus records the extractor that filled it (`settings`); importing or
merging with another one is refused, and `nutgraf reindex --extractor NAME`
switches.
"""

from __future__ import annotations

from functools import cache
from importlib.metadata import entry_points
from typing import Protocol

from store.database import Reader, StoreError
from store.extract import Extraction

GROUP = "nutgraf.extractors"
DEFAULT = "nutgraf"


class Extractor(Protocol):
    name: str
    version: str

    def extract(self, text: str) -> Extraction:
        """Everything found in one article's text; offsets into it."""
        ...


def extractor_names() -> list[str]:
    """The extractors installed."""
    return sorted({DEFAULT, *(point.name for point in entry_points(group=GROUP))})


@cache
def load_extractor(name: str) -> Extractor:
    """The extractor of that name, ready to use (loaded once per process).

    Raises:
        StoreError: no such extractor, or it cannot load (a missing extra).
    """
    points = {point.name: point for point in entry_points(group=GROUP)}
    if name not in points:
        if name == DEFAULT:  # running from a checkout that was never installed
            from store.extractors.builtin import NutgrafExtractor

            return NutgrafExtractor()
        known = ", ".join(extractor_names())
        raise StoreError(f"no extractor named {name!r} (installed: {known})")
    try:
        extractor: Extractor = points[name].load()()
    except ImportError as error:
        raise StoreError(
            f"the {name} extractor cannot load ({error}); pip install 'nutgraf[{name}]'"
        ) from error
    return extractor


def recorded_extractor(db: Reader) -> str:
    """The extractor that filled a corpus (`nutgraf` before corpora recorded it)."""
    row = db.execute("SELECT value FROM settings WHERE key = 'extractor'").fetchone()
    return str(row[0]) if row else DEFAULT


def use_extractor(db: Reader, extractor: Extractor, *, switch: bool = False) -> None:
    """Check that a corpus was filled by this extractor, and record it (inside the
    caller's writer lock). A corpus with articles and no record was filled by
    `nutgraf`.

    Args:
        switch: reindexing: the corpus is extracted again, by this extractor.

    Raises:
        StoreError: the corpus was filled by another extractor.
    """
    has_articles = db.execute("SELECT EXISTS (SELECT 1 FROM articles)").fetchone()[0]
    used = recorded_extractor(db) if has_articles else None
    if used is not None and used != extractor.name and not switch:
        raise StoreError(
            f"this corpus was extracted with the {used} extractor: import with "
            f"--extractor {used}, or switch it with nutgraf reindex --extractor {extractor.name}"
        )
    db.execute(
        "INSERT OR REPLACE INTO settings (key, value) VALUES ('extractor', ?), "
        "('extractor_version', ?)",
        [extractor.name, extractor.version],
    )
