"""Training the pronoun resolver: which earlier person a `he` or `she` stands for.

Two sources, both read with nutgraf's own entity extraction, the people before
the pronoun being the candidates (`store.extract.pronouns`):
- GAP (../shared/gold/gap/, development + validation; reported on GAP test):
  Wikipedia passages, each with one pronoun and its antecedent's name marked.
- PolNeAR train, for what news adds (who spoke last): each `he`/`she` that
  a gold attribution gives as a quote's source, where exactly one candidate's
  gender agrees and another's clashes; that one is the antecedent. Gender
  labels these, so their gender features are left out and the rest of the
  features learn from them.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from store.extract.entities import extract_entities
from store.extract.pronouns import antecedents, resolve
from store.extract.quote_marks import quote_spans
from store.extract.speaker_model import LinearModel
from store.extract.speakers import ArticleNames
from store.training.linear import fit_linear

GAP = Path(__file__).resolve().parents[2].parent / "shared" / "gold" / "gap"
_GENDERS = {"he": "m", "his": "m", "him": "m", "she": "f", "her": "f", "hers": "f"}


def gap_rows(name: str) -> Iterator[dict[str, str]]:
    with (GAP / f"gap-{name}.tsv").open(encoding="utf-8", newline="") as file:
        yield from csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE)


def gap_examples(name: str) -> Iterator[tuple[ArticleNames, int, str, str]]:
    """(names, pronoun offset, gender, the true antecedent's name) for each passage
    whose antecedent is one of the names extraction finds before the pronoun."""
    for row in gap_rows(name):
        gender = _GENDERS.get(row["Pronoun"].lower())
        if gender is None:
            continue
        text = row["Text"]
        mentions, people = extract_entities(text)
        names = ArticleNames(text, mentions, people)
        for letter in "AB":
            if row[f"{letter}-coref"] != "TRUE":
                continue
            offset = int(row[f"{letter}-offset"])
            named = [m for m in mentions if m.start <= offset < m.end and m.kind == "person"]
            if named:
                yield names, int(row["Pronoun-offset"]), gender, named[0].name


@functools.cache
def _gap_training_rows() -> tuple[list[list[str]], list[bool]]:
    rows: list[list[str]] = []
    labels: list[bool] = []
    for split in ("development", "validation"):
        for names, position, gender, truth in gap_examples(split):
            for candidate, features in antecedents(names, position, gender):
                rows.append(features)
                labels.append(candidate == truth)
    return rows, labels


def news_rows(articles: list[dict[str, Any]]) -> Iterator[tuple[list[str], bool]]:
    """PolNeAR's pronoun sources that gender alone resolves, without gender features."""
    for article in articles:
        text = article["text"]
        mentions, people = extract_entities(text)
        names = ArticleNames(text, mentions, people)
        names.set_quoted(quote_spans(text))
        sources = sorted(
            (a["source"][0][0], a["source"][0][1]) for a in article["attributions"] if a["source"]
        )
        for start, end in sources:
            gender = _GENDERS.get(text[start:end].lower())
            if gender is None or text[start:end].lower() in ("his", "her", "him"):
                names.last_speaker = _named_person(names, start, end) or names.last_speaker
                continue
            found = antecedents(names, start, gender)
            known = [(c, names.people.genders.get(c, "?")) for c, _ in found]
            agreeing = [c for c, g in known if g == gender]
            if len(agreeing) == 1 and any(g not in ("?", gender) for _, g in known):
                for candidate, features in found:
                    kept = [f for f in features if not f.startswith("g=")]
                    yield kept, candidate == agreeing[0]
                names.last_speaker = agreeing[0]


def _named_person(names: ArticleNames, start: int, end: int) -> str | None:
    for mention in names.mentions_in(start, end):
        if mention.kind == "person":
            return mention.name
    return None


def train_pronoun_model(articles: list[dict[str, Any]], c: float = 1.0) -> LinearModel:
    """GAP's passages and the news articles' pronoun sources that gender resolves."""
    rows, labels = _gap_training_rows()
    news = list(news_rows(articles))
    return fit_linear(rows + [f for f, _ in news], labels + [label for _, label in news], c)


def gap_accuracy(model: LinearModel, split: str = "test") -> tuple[float, int]:
    """The share of GAP passages (whose antecedent extraction finds) resolved right."""
    results = [resolve(n, p, g, model) == truth for n, p, g, truth in gap_examples(split)]
    return sum(results) / max(len(results), 1), len(results)
