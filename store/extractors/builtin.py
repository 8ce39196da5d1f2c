"""The `nutgraf` extractor: rules and small models, in pure Python (store/extract/)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from store.extract import Extraction, extract_article


def nutgraf_version() -> str:
    try:
        return version("nutgraf")
    except PackageNotFoundError:  # a checkout that was never installed
        return "dev"


class NutgrafExtractor:
    name = "nutgraf"

    def __init__(self) -> None:
        self.version = nutgraf_version()

    def extract(self, text: str) -> Extraction:
        return extract_article(text)
