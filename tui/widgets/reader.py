"""The reader: the keys that move through an article's names, quotes and search hits."""

from __future__ import annotations

from textual.binding import Binding

from store.models import Article, MentionSpan, QuoteSpan
from tui.attribution import speaker_text
from tui.messages import (
    EntityOpened,
    HitsExhausted,
    MentionFocused,
    NeighbourWanted,
    ReaderMoved,
    StatementOpened,
    StoryArticleWanted,
)
from tui.widgets.article_view import ArticleView
from tui.widgets.titles import set_border_subtitle
from tui.wording import elsewhere


def story_order(article: Article, article_id: int) -> tuple[bool, str, int]:
    """Where an article stands in its story, as the header lists them: by date
    (undated last), then as imported."""
    date = article.date
    for meta in article.story:
        if meta.id == article_id:
            date = meta.date
    return (date is None, date or "", article_id)


class Reader(ArticleView):
    """The article with its cursors: names, quotes and search hits, stepped through
    from the keyboard; what it asks of the screen goes out as messages."""

    BINDINGS = [
        Binding("j,down", "scroll_down", "Down", show=False, id="reader.down"),
        Binding("k,up", "scroll_up", "Up", show=False, id="reader.up"),
        Binding(
            "ctrl+d,pagedown,space", "page_down", "Page down", show=False, id="reader.page-down"
        ),
        Binding("ctrl+u,pageup", "page_up", "Page up", show=False, id="reader.page-up"),
        Binding("g,home", "scroll_home", "Top", show=False, id="reader.top"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="reader.bottom"),
        Binding(
            "tab,right_square_bracket", "step_mention(1)", "Next name", id="reader.next-mention"
        ),
        Binding(
            "shift+tab,left_square_bracket",
            "step_mention(-1)",
            "Previous name",
            show=False,
            id="reader.previous-mention",
        ),
        Binding(
            "n",
            "next",
            "Next",
            tooltip="the next search hit (past the last, the next article's), else the name's",
            id="reader.next",
        ),
        Binding(
            "N",
            "previous",
            "Previous",
            show=False,
            tooltip="the previous search hit, else the previous mention of the name",
            id="reader.previous",
        ),
        Binding(
            "right_curly_bracket",
            "neighbour(True)",
            "Next article",
            tooltip="the next article naming the name under the cursor, by date",
            id="reader.next-article",
        ),
        Binding(
            "left_curly_bracket",
            "neighbour(False)",
            "Previous article",
            tooltip="the previous article naming the name under the cursor",
            show=False,
            id="reader.previous-article",
        ),
        Binding(
            "enter",
            "open_entity",
            "Profile",
            tooltip="of the name under the cursor",
            id="reader.open-entity",
        ),
        Binding("apostrophe", "step_quote(1)", "Quote", id="reader.next-quote"),
        Binding(
            "quotation_mark",
            "step_quote(-1)",
            "Previous quote",
            show=False,
            id="reader.previous-quote",
        ),
        Binding(
            "v",
            "statement",
            "Same words",
            tooltip="the statement view: the quote under the cursor as every article quoted it",
            id="reader.statement",
        ),
        Binding(
            "a",
            "story_step(1)",
            "Also told by",
            show=False,
            tooltip="the next article telling the same story",
            id="reader.next-in-story",
        ),
        Binding(
            "A",
            "story_step(-1)",
            "Also told by, back",
            show=False,
            tooltip="the previous article telling the same story",
            id="reader.previous-in-story",
        ),
        Binding("z", "toggle_repeats", "Fold repeats", show=False, id="reader.toggle-repeats"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        # Where the cursor goes when the next article arrives: an entity's first
        # name, or the quote at a text offset.
        self.land_on: int | None = None
        self.land_on_quote: int | None = None
        # A search stepping backwards into this article starts at its last hit.
        self.land_on_last_hit = False

    # -- content -----------------------------------------------------------

    def watch_article(self, article: Article | None) -> None:
        self.current_hit = None
        self.focused_mention = None
        self.focused_quote = None
        self.border_subtitle = ""
        self._mention_starts = [m.start for m in article.mentions] if article else []
        self._find_hits()
        self._layout()
        self.scroll_to(y=0, animate=False)
        last_hit, self.land_on_last_hit = self.land_on_last_hit, False
        if article is not None and self.land_on_quote is not None:
            offset, self.land_on_quote = self.land_on_quote, None
            for number, quote in enumerate(article.quotes):
                if quote.start <= offset < max(quote.end, quote.start + 1):
                    self._focus_quote(number)
                    break
        elif article is not None and self.land_on is not None:
            entity_id, self.land_on = self.land_on, None
            for number, mention in enumerate(article.mentions):
                if mention.entity_id == entity_id:
                    self._focus_mention(number)
                    break
        elif self.hits:
            self._step_hit(-1 if last_hit else +1)

    @property
    def current_quote(self) -> QuoteSpan | None:
        """The quote under the cursor: stepped to, or spoken by (or holding) the name cursor's."""
        if self.article is None or self.focused_quote is None:
            return None
        return self.article.quotes[self.focused_quote]

    @property
    def searching(self) -> bool:
        return self.hit_pattern is not None

    # -- actions -----------------------------------------------------------

    def action_next(self) -> None:
        """n: the next search hit while a search is on (past the last, the next
        article with hits), else the next name of the focused entity."""
        if self.searching:
            self._step_hit(+1)
        else:
            self._step_same_entity(+1)

    def action_previous(self) -> None:
        if self.searching:
            self._step_hit(-1)
        else:
            self._step_same_entity(-1)

    def action_step_mention(self, step: int) -> None:
        if not self.mentions:
            self.notify("No names found in this article", timeout=2)
            return
        if self.focused_mention is None:
            self._focus_mention(0 if step > 0 else len(self.mentions) - 1)
        else:
            self._focus_mention((self.focused_mention + step) % len(self.mentions))

    def _step_same_entity(self, step: int) -> None:
        entity_id = self.focused_entity
        if entity_id is None or self.focused_mention is None:
            self.notify("Tab to a name first (or search with /)", timeout=2)
            return
        count = len(self.mentions)
        for distance in range(1, count + 1):
            number = (self.focused_mention + step * distance) % count
            if self.mentions[number].entity_id == entity_id:
                self._focus_mention(number)
                return

    def _focus_mention(self, number: int) -> None:
        self.focused_mention = number
        mention = self.mentions[number]
        self._set_quote(self._quote_at_mention(mention))
        self._reveal(mention.start)
        self.refresh()
        self.post_message(MentionFocused(mention.entity_id))

    def _quote_at_mention(self, mention: MentionSpan) -> int | None:
        """The quote this name speaks (its speaker) or stands in, if any."""
        quotes = self.article.quotes if self.article else []
        for number, quote in enumerate(quotes):
            start, end = quote.speaker_start, quote.speaker_end
            if start is not None and end is not None and start <= mention.start < end:
                return number
        for number, quote in enumerate(quotes):
            if quote.start <= mention.start < quote.end:
                return number
        return None

    def _set_quote(self, number: int | None) -> None:
        self.focused_quote = number
        self.post_message(ReaderMoved())
        if number is None or self.article is None:
            set_border_subtitle(self, "")
            return
        quote = self.article.quotes[number]
        subtitle = f"said by {speaker_text(quote)}"
        if quote.seen_elsewhere:
            # First: a long uncertain speaker must not cut it off the border.
            shared = elsewhere(quote.statement_articles, quote.statement_sources)
            subtitle = f"{shared} (v) · {subtitle}"
        set_border_subtitle(self, subtitle)

    def action_step_quote(self, step: int) -> None:
        quotes = self.article.quotes if self.article else []
        if not quotes:
            self.notify("No quotes in this article", timeout=2)
            return
        if self.focused_quote is None:
            self._focus_quote(0 if step > 0 else len(quotes) - 1)
        else:
            self._focus_quote((self.focused_quote + step) % len(quotes))

    def _focus_quote(self, number: int) -> None:
        assert self.article is not None
        self._set_quote(number)
        self._reveal(self.article.quotes[number].start)
        self.refresh()

    def action_open_entity(self) -> None:
        if (entity_id := self.focused_entity) is not None:
            self.post_message(EntityOpened(entity_id))
        else:
            self.notify("Tab to a name, then press Enter for its profile", timeout=2)

    def action_neighbour(self, forward: bool) -> None:
        if (entity_id := self.focused_entity) is not None and self.article is not None:
            self.post_message(NeighbourWanted(entity_id, self.article.id, forward))
        else:
            self.notify("Tab to a name first", timeout=2)

    def _step_hit(self, step: int) -> None:
        """The next (or previous) hit; past the last (or first), ask for the next
        (or previous) article in the list of hits."""
        if self.current_hit is None:
            number = 0 if step > 0 else len(self.hits) - 1
        else:
            number = self.current_hit + step
        if not 0 <= number < len(self.hits):
            self.post_message(HitsExhausted(forward=step > 0))
            return
        self.current_hit = number
        self._reveal(self.hits[number][0])
        self.refresh()
        self.post_message(ReaderMoved())

    def action_statement(self) -> None:
        """v: the statement view of the quote under the cursor."""
        quote = self.current_quote
        if quote is None:
            self.notify("Step to a quote first (')", timeout=2)
        elif quote.statement_id is None:
            self.notify("Only this article carries these words", timeout=2)
        else:
            self.post_message(StatementOpened(quote.statement_id))

    def action_story_step(self, step: int) -> None:
        """a: the next article of the story (oldest first, round); A: the previous."""
        article = self.article
        if article is None or not article.story:
            self.notify("No other article tells this story", timeout=2)
            return
        told = sorted(
            [*(meta.id for meta in article.story), article.id],
            key=lambda article_id: story_order(article, article_id),
        )
        here = told.index(article.id)
        self.post_message(StoryArticleWanted(told[(here + step) % len(told)]))

    def action_toggle_repeats(self) -> None:
        self.show_repeats = not self.show_repeats
        self._layout()

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)
