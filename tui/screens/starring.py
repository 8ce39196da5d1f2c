"""Starring (`b`) the article or the quote under the reader's cursor, for the main screen."""

from __future__ import annotations

from functools import partial

from textual.screen import Screen

from store.bookmarks import starred_in, toggle_bookmark
from store.corpus import Corpus, ReadOnlyCorpus
from tui.messages import StarsLoaded
from tui.safe_text import visible
from tui.widgets.reader import Reader


class Starring(Screen[None]):
    """What is starred in the reader's article, and the `b` key that stars it."""

    corpus: Corpus
    # The article whose stars are known, and its starred quote starts (None: the article).
    _stars: tuple[int, set[int | None]] | None = None

    def load_stars(self, article_id: int) -> None:
        """In a thread worker: read the article's stars (a message brings them)."""
        with self.corpus.read() as db:
            stars = starred_in(db, article_id)
        self.post_message(StarsLoaded(article_id, stars))

    def on_stars_loaded(self, message: StarsLoaded) -> None:
        self._stars = (message.article_id, message.stars)
        self.stars_changed()

    def stars_changed(self) -> None:
        """Told when the stars of the reader's article are known or change."""

    def is_starred(self, reader: Reader) -> bool:
        """Whether the quote under the cursor (or, with none, the article) is starred."""
        if reader.article is None or self._stars is None or self._stars[0] != reader.article.id:
            return False
        quote = reader.current_quote
        return (quote.start if quote is not None else None) in self._stars[1]

    def action_star(self) -> None:
        """b: star the quote under the cursor, else the article; again to unstar."""
        reader = self.query_one(Reader)
        if reader.article is None:
            self.notify("No article to star", timeout=2)
            return
        quote = reader.current_quote
        start = quote.start if quote is not None else None
        self.run_worker(
            partial(self._toggle, reader.article.id, start),
            thread=True,
            group="star",
            exit_on_error=False,
        )

    def _toggle(self, article_id: int, quote_start: int | None) -> None:
        try:
            with self.corpus.write() as db:
                starred = toggle_bookmark(db, article_id, quote_start)
        except ReadOnlyCorpus as error:
            self.app.call_from_thread(
                self.notify, visible(str(error)), severity="warning", markup=False
            )
            return
        what = "article" if quote_start is None else "quote"
        message = f"Starred the {what} (B lists them)" if starred else f"Unstarred the {what}"
        self.app.call_from_thread(self.notify, message, timeout=2)
        self.load_stars(article_id)
