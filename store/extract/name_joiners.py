"""The small words that join capitalised words into one name: the particles of people's
names, the joiners of organisations' ("Bank of England", "Marks & Spencer", "Securities
and Exchange Commission")."""

from __future__ import annotations

from itertools import takewhile

from store.extract.lexicon import Lexicon
from store.extract.name_words import ORG_HEADS, ORG_JOINERS
from store.extract.tokens import Token, Tokens

# The most capitalised words after an `and` inside an organisation's name.
MAX_AFTER_AND = 3


def org_joiner(before: str, lower: str) -> bool:
    """Whether `lower` after `before` may join an organisation word to a name: "Bank of"."""
    return lower in ORG_JOINERS and before in ORG_HEADS


def joins_organisation(run: list[Token], index: int) -> bool:
    """Whether the word at `index` joins the organisation word before it to the name
    after it, as `find_candidates` let it into the run."""
    return index + 1 < len(run) and org_joiner(run[index - 1].text, run[index].text.lower())


def and_joins(before: str, after: list[str], words: Lexicon) -> bool:
    """Whether an `and` joins two ordinary words of one organisation's name, the
    capitalised words after it ending in an organisation word: "Securities and Exchange
    Commission", "Food and Drug Administration" (not "Blair and Labour Party")."""
    return (
        before.lower() in words.lowercase_words
        and 0 < len(after) <= MAX_AFTER_AND
        and after[-1] in words.org_cues
    )


def capitals_in(tokens: list[Token]) -> list[str]:
    """The capitalised words these tokens open with."""
    return [token.text for token in takewhile(lambda token: token.capital, tokens)]


def capitals_after(index: int, tokens: Tokens) -> list[str]:
    """The capitalised words right after the token at `index`, in its sentence (one more
    than MAX_AFTER_AND at most)."""
    texts, starts, ends, capitals = tokens.words, tokens.starts, tokens.ends, tokens.capitals
    found: list[str] = []
    k = index + 1
    while k < len(texts) and capitals[k] and len(found) <= MAX_AFTER_AND:
        if starts[k] - ends[k - 1] > 1 or tokens.line_starts[k]:
            break
        found.append(texts[k])
        k += 1
    return found


def joins_firm(index: int, tokens: Tokens, words: Lexicon) -> bool:
    """Whether the `&` at `index` joins the names around it into one (`Marks & Spencer`):
    a space on each side (not `Q&A`), and no one's full name after it (`Matt Lucas &
    David Walliams` are two people)."""
    starts, ends, texts = tokens.starts, tokens.ends, tokens.words
    if not 0 < index < len(starts) - 2:
        return False
    spaced = starts[index] > ends[index - 1] and starts[index + 1] > ends[index]
    full_name = (
        texts[index + 1] in words.given_names
        and tokens.capitals[index + 2]
        and starts[index + 2] - ends[index + 1] == 1
    )
    return spaced and not full_name


def without_edge_joiners(piece: list[Token]) -> list[Token]:
    while piece and piece[0].text == "&":
        piece = piece[1:]
    while piece and piece[-1].text in ORG_JOINERS:  # "&" among them
        piece = piece[:-1]
    return piece
