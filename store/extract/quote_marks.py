"""Finding quoted passages: pairs of quotation marks, paragraph by paragraph."""

from __future__ import annotations

import re

# (A straight mark typed twice before a word opens one quote: `an ""unconscionable" sum`.)
_MARKS = re.compile(r"“|”|\"\"(?=\w)|\"|''|‘|’")
# The marks but single ones: where no `‘` opens a single quote, a `’` is an apostrophe or
# a stray mark that changes nothing, and most paragraphs have many apostrophes.
_DOUBLE_MARKS = re.compile(r"“|”|\"\"(?=\w)|\"|''")
# What stands between a quote's last word and the next quote's first.
_SPACE_AND_MARKS = " \t\u00a0\"“”'’"
# How far past the quote before a closing mark with no opening one may reach back: further,
# it closes a pasted post or a quote whose opening mark was lost, and what stands between
# is the writer's own text (`… “what does losing feel like?” on Twitter. To rub this in,
# Fox posted … dignity!”`).
_ORPHAN_REACH = 200


def quote_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    for paragraph in text.split("\n"):
        if paragraph:  # (blank lines between paragraphs hold no quote)
            spans += _paragraph_spans(paragraph, position)
        position += len(paragraph) + 1
    return spans


def _paragraph_spans(paragraph: str, offset: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    open_kind = ""
    marks = _MARKS if "‘" in paragraph else _DOUBLE_MARKS
    for match in marks.finditer(paragraph):
        mark, at = match.group(), match.start()
        if mark in ("‘", "’"):
            if open_at is None and mark == "‘":
                open_at, open_kind = match.end(), "single"
            elif (
                open_at is not None
                and open_kind == "single"
                and mark == "’"
                and not _inside_word(paragraph, match)
            ):
                _add(spans, paragraph, offset, open_at, at, single=True)
                open_at = None
            continue
        if open_kind == "single":
            open_at = None  # a double mark inside an unclosed single quote: it was an apostrophe
        if mark == "“" and open_kind == "double" and open_at is not None:
            # `“…at home. “We have…”`: the quote before ran to the end of a paragraph
            # whose break was lost; but in `Apparently not,“ he said` the mark was typed
            # for a closing one.
            _add(spans, paragraph, offset, open_at, at)
            open_at = None if _ends_word(paragraph, match) else match.end()
        elif mark == "“":
            if open_at is None:
                open_at, open_kind = match.end(), "double"
        elif mark == "”":
            if open_at is None:
                # No opening mark: the quote runs from the paragraph's start, or from
                # past the closing mark of the quote before it.
                if spans:
                    rest = paragraph[spans[-1][1] - offset :].lstrip(_SPACE_AND_MARKS)
                else:
                    rest = paragraph.lstrip()
                start = len(paragraph) - len(rest)
                if not spans or at - start <= _ORPHAN_REACH:
                    _add(spans, paragraph, offset, start, at)
            else:
                _add(spans, paragraph, offset, open_at, at)
                open_at = None
        elif open_at is None:
            open_at, open_kind = match.end(), "straight"
        elif _opens(paragraph, match):
            # `…at home. "We have…`: a closing mark follows the words it closes, so
            # this one opens the next paragraph of the quote, whose break was lost.
            _add(spans, paragraph, offset, open_at, at)
            open_at = match.end()
        else:
            _add(spans, paragraph, offset, open_at, at)
            open_at = None
    if open_at is not None and open_kind != "single":
        _add(spans, paragraph, offset, open_at, len(paragraph.rstrip()))
    return spans


def _opens(paragraph: str, match: re.Match[str]) -> bool:
    """Whether a straight mark stands where only an opening one does: after a space
    and before a word."""
    before = paragraph[match.start() - 1 : match.start()]
    after = paragraph[match.end() : match.end() + 1]
    return before.isspace() and (after.isalnum() or after in "‘'")


def _ends_word(paragraph: str, match: re.Match[str]) -> bool:
    """Whether a mark stands where only a closing one does: after a word or a mark
    and before a space."""
    before = paragraph[match.start() - 1 : match.start()]
    after = paragraph[match.end() : match.end() + 1]
    return bool(before) and not before.isspace() and (not after or after.isspace())


def _inside_word(paragraph: str, match: re.Match[str]) -> bool:
    after = paragraph[match.end() : match.end() + 1]
    before = paragraph[match.start() - 1 : match.start()]
    return after.isalpha() and before.isalpha()


def _add(
    spans: list[tuple[int, int]],
    paragraph: str,
    offset: int,
    start: int,
    end: int,
    *,
    single: bool = False,
) -> None:
    content = paragraph[start:end]
    end = start + len(content.rstrip())
    if not content.strip():
        return
    if single and len(content.split()) < 2:
        return  # 'kitchen' is a word in scare quotes, not a quote
    spans.append((offset + start, offset + end))
