"""Candidate names: maximal runs of capitalised tokens, cut where capitals say nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import compress

from store.extract.lexicon import Lexicon
from store.extract.name_joiners import (
    and_joins,
    capitals_after,
    capitals_in,
    joins_firm,
    joins_organisation,
    org_joiner,
    without_edge_joiners,
)
from store.extract.name_words import (
    CALENDAR_WORDS,
    CLOSED_CLASS,
    FUNCTION_WORDS,
    MONTH_ABBREVIATIONS,
    PARTICLES,
)
from store.extract.tokens import (
    NUMBER,
    POSSESSIVE_ENDINGS,
    SENTENCE_END,
    Token,
    Tokens,
    proper,
    titled,
)
from store.extract.word_facts import known, lone_word_stands, word_facts

MAX_NAME_WORDS = 10
MAX_HEADING_WORDS = 4


@dataclass(slots=True)
class Candidate:
    """A capitalised span that may name someone or something, and what the rules say of it."""

    tokens: list[Token]
    title: str | None = None
    kind: str | None = None
    rule: str = ""
    """Which rule decided `kind` (a feature of the typing model)."""
    gender: str = "?"
    after: str = ""
    before: str = ""
    name_tokens: list[str] = field(default_factory=list)
    places_before: list[Token] = field(default_factory=list)
    """Places standing before a title ("U.S. President Bill Clinton"): mentions of their own."""
    demonym: Token | None = None
    """A demonym standing alone (`Cuban`), which names no one unless the article names a
    person who has it as a surname (`Mark Cuban`)."""
    style: list[Token] = field(default_factory=list)
    """A title that is part of the name of someone it names by one word: `Prince` of
    `Prince Charles`, `Lord` of `Lord Falconer` (see `name_rules.STYLES`)."""

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


def find_candidates(tokens: Tokens, words: Lexicon, body_names: set[str]) -> list[Candidate]:
    """Maximal runs of capitalised tokens (with particles and org joiners inside)."""
    found: list[Candidate] = []
    # The columns are read where a run may grow: most tokens are never made.
    texts, starts, ends = tokens.words, tokens.starts, tokens.ends
    capitals, line_starts, headlines = tokens.capitals, tokens.line_starts, tokens.headlines
    count = len(texts)
    resume = 0
    for i in compress(range(count), capitals):
        if i < resume:
            continue
        run = [i]
        j = i + 1
        while j < count and not texts[run[-1]].endswith(POSSESSIVE_ENDINGS):
            # (`Tokens.opens_sentence`, written out.)
            if starts[j] - ends[run[-1]] > 1 or line_starts[j] or texts[j - 1] in SENTENCE_END:
                break
            if capitals[j]:
                run.append(j)  # a possessive ends the run: "Putin’s Christmas"
                j += 1
                continue
            lower = texts[j].lower()
            joins_name = (
                lower in PARTICLES
                or org_joiner(texts[run[-1]], lower)
                or (lower == "&" and joins_firm(j, tokens, words))
                or (lower == "and" and and_joins(texts[run[-1]], capitals_after(j, tokens), words))
            )
            # Particles may come in a row: "van der Leyen", "de la Fuente".
            k = j + 1
            while lower in PARTICLES and k < count and texts[k] in PARTICLES:
                k += 1
            if joins_name and k < count and capitals[k]:
                run += range(j, k + 1)
                j = k + 1
                continue
            break
        resume = j
        if len(run) == 1:
            if j < count and texts[j] == "$" and starts[j] == ends[i]:
                continue  # a currency: "US$ 79", "HK$ 100"
            # Most runs are one word, and their word and line say whether they stand: no
            # token is made for those that do not.
            if not (
                lone_word_stands(texts[i], headlines[i], words, body_names)
                or (tokens.names_a_side(i) and titled(texts[i]) not in CALENDAR_WORDS)  # "AUG 23"
                or _heading(run, tokens, words)
            ):
                continue
            pieces = [tokens.made(run)]
        else:
            run_tokens = tokens.made(run)
            shouted = all(texts[index].isupper() for index in run)
            if shouted:
                # An ALL CAPS phrase in running text reads like an ALL CAPS headline.
                for token in run_tokens:
                    token.headline = "caps"
            if shouted and tokens.tables[i] and tokens.names_a_side(run[-1]):
                pieces = [run_tokens]  # a row's name in a table: "KOMERCNI BANKA 535.00"
            elif shouted and _heading(run, tokens, words):
                pieces = [run_tokens]
            else:
                pieces = _split_run(run_tokens, words, body_names)
        for piece in pieces:
            first, last = piece[0].index, piece[-1].index
            before = texts[first - 1].lower() if first else ""
            after = texts[last + 1] if last + 1 < count else ""
            if _furniture(piece, tokens, words):
                tokens.furniture.append((piece[0].start, piece[-1].end))
                continue
            if _ends_an_office(piece, texts, words):
                continue
            candidate = Candidate(piece, before=before, after=after)
            if piece[0].line_start and piece[0].headline == "caps" and _dateline_follows(after):
                candidate.kind, candidate.rule = "place", "dateline"
            found.append(candidate)
    return found


def _furniture(piece: list[Token], tokens: Tokens, words: Lexicon) -> bool:
    """Ordinary words in capitals with a new sentence right after them, no stop between:
    a page's furniture pasted into the text ("… impact. Story Continued Below But …")."""
    following = piece[-1].index + 1
    if following >= len(tokens.words):
        return False
    for token in piece:
        if token.text.lower() not in words.lowercase_words or known(token.text, words):
            return False  # most often at the first word: a loop ends sooner than `all`
    after = tokens.words[following]
    opens = after in ("“", '"') or (
        tokens.capitals[following]
        and after.lower() in words.common_words
        and not tokens.opens_sentence(following)
    )
    return opens and tokens.starts[following] - piece[-1].end <= 1


def _ends_an_office(piece: list[Token], texts: list[str], words: Lexicon) -> bool:
    """The last words of an office begun before them: `State` in `as Secretary of State,`
    (an office with no name after it is no one, and no place)."""
    first, last = piece[0].index, piece[-1].index
    if texts[last].lower() not in words.title_closers:
        return False  # most words end no title
    longest = min(words.longest_title, last + 1)
    for length in range(last - first + 2, longest + 1):
        if " ".join(texts[last - length + 1 : last + 1]).lower() in words.titles:
            return True
    return False


def _dateline_follows(after: str) -> bool:
    return after == "," or bool(NUMBER.fullmatch(after))


def _heading(run: list[int], tokens: Tokens, words: Lexicon) -> bool:
    """A short ALL CAPS line of its own below the headline, as a digest of the press heads
    each paper's part with its name ("AN-NAHAR", "THE NATION"): one name, or none (the
    typing model reads the line). A function word inside makes it a line of several
    names ("ATLANTA AT CHICAGO"); ordinary words alone head a section ("FRONT PAGE",
    "LATEST FIXTURES")."""
    texts = tokens.words
    return (
        len(run) <= MAX_HEADING_WORDS
        and tokens.starts[run[0]] > 0
        and all(texts[index].isupper() for index in run)
        and not any(texts[index].lower() in _JOINING for index in run[1:])
        and tokens.alone_on_line(run[0], run[-1])
        and not all(_ordinary(texts[index], words) for index in run)
    )


def _ordinary(text: str, words: Lexicon) -> bool:
    word = titled(text)
    return (words.word_facts.get(word) or word_facts(word, words))[0] and not known(word, words)


_JOINING = FUNCTION_WORDS | CLOSED_CLASS


def _split_run(run: list[Token], words: Lexicon, body_names: set[str]) -> list[list[Token]]:
    """Cut a run of several words where capitals say nothing: ordinary words opening a
    sentence or in a headline, headline words the body never writes as names, dates; and
    where one name ends and another begins (a repeated word, a given name after office
    words)."""
    pieces: list[list[Token]] = [[]]
    # Ordinary words opening a run are dropped, up to a title or a known name of several
    # words ("White House"); at a sentence start, words news often writes in lowercase
    # too when a name follows ("Story Continued Below | Johnson said").
    opening = True
    lowercase_opening = run[0].sentence_start and _name_after_lowercase(run, words)
    # Ordinary words before an organisation word name it: "the Federal Election Commission"
    # (not a preposition or an auxiliary: "Among Supreme Court precedents").
    organisation = len(run) > 1 and proper(run[-1]) in words.org_cues
    first = run[0]
    # A capital inside a sentence is chosen, unless shouted (ALL CAPS).
    chosen = not (first.sentence_start or first.line_start or first.headline)
    chosen = chosen and not first.text.isupper()
    chosen_capital = False
    complement = False
    phrase_end = 0  # the end of a known place or organisation the run holds
    cache = words.word_facts
    for index, token in enumerate(run):
        word = proper(token)
        facts = cache.get(word) or word_facts(word, words)
        ordinary, is_known, title, abstract, lowercase, function = facts
        if token.headline and index >= phrase_end:
            phrase_end = index + _known_phrase(run, index, words)
        if token.headline and not ordinary:
            after_given_name = bool(pieces[-1]) and proper(pieces[-1][-1]) in words.given_names
            ordinary = not (token.text in body_names or is_known or after_given_name)
        following = run[index + 1] if index + 1 < len(run) else None
        if opening and (
            title
            or (organisation and not function and word.lower() not in CLOSED_CLASS)
            or index < phrase_end
            or _known_phrase(run, index, words)
            or (following is not None and following.text == "&")  # "Marks & Spencer"
        ):
            opening = False
        # Days and months are no names, but open some: "Sunday Telegraph". A month's
        # abbreviation that is a given name too, before a capitalised word, is the name:
        # "Jan Shaw", "Jan Siemerink" (a date gives its day: "Jan 5").
        given = (
            word in MONTH_ABBREVIATIONS
            and word in words.given_names
            and following is not None
            and following.capital
            and proper(following) not in CALENDAR_WORDS
        )
        calendar = (
            word in CALENDAR_WORDS
            and not given
            and (following is None or following.text not in words.org_cues)
        )
        calendar = calendar or (len(word) == 1 and len(run) == 1)  # "N / A"
        ordinary = ordinary or (lowercase_opening and lowercase)
        if index < phrase_end:
            ordinary = False  # shouted, a known name is still one: "NEW YORK 59 69"
        # A function word opens a new sentence, unless it joins an organisation's name
        # ("Office for National Statistics", "Council on Foreign Relations"): the words
        # after it are the name's, abstract nouns too ("Department for Education").
        joins = index > 0 and (
            joins_organisation(run, index)
            or (
                word == "and"
                and and_joins(run[index - 1].text, capitals_in(run[index + 1 :]), words)
            )
        )
        complement = complement or (joins and bool(pieces[-1]) and pieces[-1][-1] is run[index - 1])
        sentence = index > 0 and function and not joins
        abstract = abstract and not complement
        if ordinary and chosen and index == 0 and word.lower() not in CLOSED_CLASS:
            # A capital mid-sentence is chosen: "the Long Island university", "Real Madrid"
            # (unless the word ends up alone: "the Carry | On films"; an ALL CAPS word is
            # shouted or an abbreviation: "2024 US Election").
            ordinary, chosen_capital = function, not function
        if calendar or abstract or sentence or (ordinary and (token.headline or opening)):
            pieces.append([])
            continue
        opening = lowercase_opening = False
        if pieces[-1] and (
            token.text == pieces[-1][-1].text  # "Donald Trump Trump referred"
            or (following is not None and _starts_title(token, pieces[-1][-1], words))
            or (following is not None and _byline(pieces[-1], word, words))
        ):
            pieces.append([])  # "Federal Reserve | Governor Lawrence Lindsey"
        pieces[-1].append(token)
        if len(pieces[-1]) >= MAX_NAME_WORDS:
            pieces.append([])  # no name is this long: capitals in a row are shouting
    if chosen_capital and pieces[0] == [first]:
        del pieces[0]
    # A joiner joins the names on both sides of it or none: one left at a piece's edge
    # ("Marks | & Spencer", "Mr & Mrs", "Department for | Education") goes.
    pieces = [without_edge_joiners(piece) for piece in pieces]
    return [_after_office_words(piece, words) for piece in pieces if piece]


def _name_after_lowercase(run: list[Token], words: Lexicon) -> bool:
    """Whether a common word and words news often writes in lowercase (and the lists
    do not know) open the run, and a name follows."""
    if run[0].text.lower() not in words.common_words:
        return False
    for index, token in enumerate(run[1:], start=1):
        lowercase = token.text.lower() in words.lowercase_words
        if not lowercase or known(token.text, words) or token.text.lower() in PARTICLES:
            return index > 1
    return False


def _known_phrase(run: list[Token], index: int, words: Lexicon) -> int:
    """The length of the place or organisation the lists know, of several words, that
    starts here (0 for none)."""
    if proper(run[index]) not in words.phrase_openers:
        return 0  # most words open none: no phrase is joined
    for length in range(min(4, len(run) - index), 1, -1):
        phrase = " ".join(map(proper, run[index : index + length]))
        if phrase in words.places or phrase in words.organisations:
            return length
    return 0


def _after_office_words(piece: list[Token], words: Lexicon) -> list[Token]:
    """Drop ordinary words before a given name and surname: what is left of an office
    ("Secretary of | State Hillary Clinton"), a party or a label ("Democrat Joe Biden")."""
    if len(piece) <= 2:
        return piece  # no word stands before a given name and surname
    if any(proper(token) in words.org_cues for token in piece):
        return piece  # "Institute for Human Gene Therapy"
    for index, token in enumerate(piece[:-2]):
        word = proper(token)
        if word.lower() in words.titles and index == 0:
            continue  # "Miss | Universe Alicia Machado"
        if word.lower() not in words.lowercase_words or word.lower() in words.titles:
            return piece
        following = proper(piece[index + 1])
        if following in words.given_names and following.lower() not in words.common_words:
            if _known_phrase(piece, 0, words):
                return piece  # "North Carolina", "Port Elizabeth"
            return piece[index + 1 :]
    return piece


def _byline(piece: list[Token], word: str, words: Lexicon) -> bool:
    """A given name after a known organisation: someone of it (`Politico | Vince
    Chadwick`, `CNN | Jake Tapper`)."""
    return (
        word in words.given_names
        and word.lower() not in words.common_words
        and " ".join(map(proper, piece)) in words.organisations
    )


def _starts_title(token: Token, previous: Token, words: Lexicon) -> bool:
    """A capitalised title inside a run (not its last word), after something that is
    no title, before a name."""
    if token.text.lower() not in words.titles:
        return False
    previous_word = previous.text.lower()
    in_title = (
        previous_word in words.titles or f"{previous_word} {token.text.lower()}" in words.titles
    )
    return (
        not in_title and previous.text not in words.demonyms and previous.text not in words.places
    )
