"""What queries return: small frozen dataclasses, the only shapes the UI sees."""

from __future__ import annotations

from dataclasses import dataclass, field

# A speaker named with less confidence than this is shown as uncertain.
UNCERTAIN = 0.5


class Attributed:
    """A quote whose speaker the speaker model may have named unsure."""

    speaker: str | None
    confidence: float | None
    """The speaker model's confidence, 0 to 1 (None: not recorded)."""

    @property
    def uncertain(self) -> bool:
        """A speaker named with a confidence under UNCERTAIN."""
        return (
            self.speaker is not None and self.confidence is not None and self.confidence < UNCERTAIN
        )


@dataclass(frozen=True)
class SourceCount:
    source: str | None
    articles: int


@dataclass(frozen=True)
class CorpusStats:
    """Counts per table, the sources and the date range of a corpus."""

    articles: int
    entities: int
    mentions: int
    quotes: int
    repeats: int
    first_date: str | None
    last_date: str | None
    undated: int
    sources: list[SourceCount]


@dataclass(frozen=True)
class ArticleRow:
    """One line of the article list; `key` is its position in the current order."""

    id: int
    title: str
    titled: bool
    date: str | None
    source: str | None
    key: str
    story_id: int | None = None
    story_size: int = 0
    """How many articles of the list tell the row's story (0: no story; the list
    grouped by story shows the story as this one row)."""

    @property
    def folds_story(self) -> bool:
        return self.story_size > 1


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Repeat(Span):
    original_start: int


@dataclass(frozen=True)
class MentionSpan(Span):
    """A name in an article's text and the entity it names."""

    entity_id: int
    kind: str
    name: str


@dataclass(frozen=True)
class QuoteSpan(Span, Attributed):
    """A quote in an article's text and who said it (None when nobody is named)."""

    speaker: str | None
    speaker_entity_id: int | None
    speaker_start: int | None = None
    """Where the text names the speaker (None when it does not)."""
    speaker_end: int | None = None
    statement_id: int | None = None
    statement_articles: int = 1
    """How many articles quote the statement (this one included)."""
    statement_sources: int = 0
    """How many sources (outlets) quote it; 0 when the articles name none."""
    method: str | None = None
    """How the speaker was found (`store.extract.quotes.AttributionMethod`)."""
    confidence: float | None = None
    """The speaker model's confidence, 0 to 1 (None: not recorded)."""

    @property
    def seen_elsewhere(self) -> bool:
        return self.statement_articles > 1


@dataclass(frozen=True)
class Article:
    """An article as the reader shows it."""

    id: int
    title: str | None
    text: str
    date: str | None
    source: str | None
    url: str | None
    path: str | None
    repeats: list[Repeat]
    mentions: list[MentionSpan] = field(default_factory=list)
    quotes: list[QuoteSpan] = field(default_factory=list)
    story_id: int | None = None
    story: list[ArticleMeta] = field(default_factory=list)
    """The other articles telling its story, oldest first."""


@dataclass(frozen=True)
class SearchHit:
    """An article found by a search, best first; `why` says what matched."""

    article: ArticleRow
    why: str


@dataclass(frozen=True)
class EntityCount:
    """An entity as named in one article, with how often it is mentioned there."""

    entity_id: int
    name: str
    kind: str
    mentions: int


@dataclass(frozen=True)
class EntitySummary:
    """An entity across the corpus: how often and in how many articles it is named."""

    id: int
    name: str
    kind: str
    mentions: int
    articles: int
    aliases: list[str]


@dataclass(frozen=True)
class MonthCount:
    month: str
    """`YYYY-MM`."""
    mentions: int


@dataclass(frozen=True)
class EntityProfile:
    """All the browser shows about one entity."""

    entity: EntitySummary
    per_month: list[MonthCount]
    companions: list[EntityCount]
    """The entities named most often in the same articles (mentions = shared articles)."""
    articles: list[ArticleRow]
    """Articles naming it, newest first (the first 200)."""


@dataclass(frozen=True)
class QuoteRow(Attributed):
    """A quote with who said it and where."""

    id: int
    article_id: int
    start: int
    end: int
    text: str
    speaker: str | None
    """The speaker entity's name, else the text naming the speaker."""
    speaker_entity_id: int | None
    date: str | None
    source: str | None
    title: str | None
    url: str | None = None
    statement_id: int | None = None
    method: str | None = None
    """How the speaker was found (`store.extract.quotes.AttributionMethod`)."""
    confidence: float | None = None


@dataclass(frozen=True)
class StatementRow(Attributed):
    """One statement (the same words of one speaker, quoted in one or more articles)
    with its variants: the quotes that carry it, the first seen first, then by date.

    A quote that belongs to no statement (too short to group) is a statement of
    its own here, with `id` None and itself as the only variant."""

    id: int | None
    speaker: str | None
    speaker_entity_id: int | None
    text: str
    first_article_id: int
    first_date: str | None
    first_source: str | None
    quote_count: int
    article_count: int
    source_count: int
    variants: list[QuoteRow] = field(default_factory=list)
    """Empty where only the statement was asked for (a profile's list)."""
    confidence: float | None = None
    """The speaker model's confidence in the speaker, from the surest quote naming them."""

    @property
    def first_seen(self) -> QuoteRow | None:
        return self.variants[0] if self.variants else None


@dataclass(frozen=True)
class SpeakerMatch:
    """A person (or organisation) a typed speaker name matches, with their quotes."""

    entity_id: int
    name: str
    kind: str
    quotes: int


@dataclass(frozen=True)
class ArticleMeta:
    """What cites an article: its title, source, date and url."""

    id: int
    title: str | None
    date: str | None
    source: str | None
    url: str | None


@dataclass(frozen=True)
class Bookmark:
    """A starred article, or a quote in it (`quote_start`), with the user's note.

    Articles are referred to by id and quotes by their start in the text, so a
    bookmark outlives `nutgraf reindex`; `quote_text` and `speaker` are read at
    the time, None when no quote starts there any more, and `title` is None when
    the article itself is gone.
    """

    id: int
    article_id: int
    quote_start: int | None
    note: str
    created_at: str
    title: str | None
    date: str | None
    source: str | None
    url: str | None
    quote_text: str | None
    speaker: str | None
