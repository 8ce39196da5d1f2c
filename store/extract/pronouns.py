"""Who `he` or `she` stands for: the earlier person a small learned model ranks first.

The candidates are the people named before the pronoun (the latest mention of
each, a few paragraphs back at most); their features are gender agreement,
how far back and how many other people stand between, whether the mention is
a sentence's subject or follows a preposition, how often the article has named
them and whether they spoke the last quote. The weights are trained on GAP
(`store.training.pronoun_model`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Protocol

from store.extract.entities import Mention, People
from store.extract.lexicon import lexicon
from store.extract.name_words import CLOSED_CLASS, FUNCTION_WORDS, PARTICLES
from store.extract.sentence_shapes import NOT_TITLE, SENTENCE_OPENING
from store.extract.speaker_model import LinearModel
from store.extract.speaker_words import COURTESY, a_role, modifies_a_role

# How far back antecedents are looked for (characters), and how many people.
_REACH = 1500
_MOST = 8
_PREPOSITIONS = frozenset({"of", "for", "to", "with", "from", "by", "at", "on", "in", "about",
                           "against", "than", "like", "and", "or"})  # fmt: skip
# A lowercase word after a name that does not carry the name on: its verb.
_VERB_AFTER = re.compile(
    r"\s+(?!(?:of|and|or|for|in|on|at|to|with|from|by|as|who|which|that|is|was)\b)[a-z]+\b"
)
_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")
# What may stand between a name and the relative `who` that stands for it: a comma, a
# role that describes it (`Braynard, a South Carolina native who writes`, `McConnell, now
# the Senate majority leader, who`) or a short phrase of time or place (`Scott Maxwell on
# Oct. 15, who said`, `Santilli on camera, who responds`).
_BEFORE_WHO = re.compile(
    r"\s*,?\s*(?:(?:now\s+|then\s+)?(?:a|an|the)\s[^,;:.!?“”\"()\n]{1,60}?"
    r"|(?:on|in|at)\s[^,;:!?“”\"()\n]{1,20}?)?\s*,?\s*$"
)
_WHO_REACH = 80
# A passive after a subject: `was shot`, `has been criticized`, `were taken`.
_PASSIVE = re.compile(
    r"\s+(?:was|were|is|are|has been|have been|had been)\s+(?:\w+ly\s+)?"
    r"(?:\w+(?:ed|en|wn)|shot|hit|hurt|held|caught|found|left|sent|told|sold|struck|beat)\b"
)


class Names(Protocol):
    """What the resolver reads of an article (`speakers.ArticleNames` has it)."""

    text: str
    mentions: list[Mention]
    starts: list[int]
    named_at: dict[str, list[int]]
    """Where each person is named: indices into `mentions`."""
    people: People
    sentence_starts: list[int]
    last_speaker: str | None
    pronoun_model: LinearModel | None
    antecedent_facts: dict[int, tuple[list[str], int, int]]
    """A mention's features as an antecedent that no pronoun changes, by its index."""

    def inside_quote(self, position: int) -> bool: ...


def antecedents(names: Names, position: int, gender: str) -> list[tuple[str, list[str]]]:
    """The people a pronoun of `gender` (`m`/`f`; `?` for either) at `position` may stand
    for, latest first, with their features."""
    text = names.text
    found: list[tuple[str, list[str]]] = []
    seen: set[str] = set()
    counts: dict[str, int] = {}
    index = bisect_left(names.starts, position) - 1
    pronoun_sentence = bisect_right(names.sentence_starts, position) - 1
    pronoun_paragraph = text.rfind("\n", 0, position)
    mentions = names.mentions
    while index >= 0:
        mention = mentions[index]
        index -= 1
        if position - mention.start > _REACH:
            break  # the mentions before it are further back still
        if mention.kind != "person" or names.inside_quote(mention.start):
            continue
        if modifies_a_role(text, mention.end, len(text)):
            continue  # `a Donald Trump supporter … he said` is no Trump
        if len(seen) >= _MOST:
            break
        counts[mention.name] = counts.get(mention.name, 0) + 1
        if mention.name in seen:
            continue
        seen.add(mention.name)
        facts = names.antecedent_facts.get(index + 1)
        if facts is None:
            facts = names.antecedent_facts[index + 1] = _facts(names, mention)
        own, sentence, paragraph = facts
        known = names.people.genders.get(mention.name, "?")
        agreement = "unknown" if "?" in (known, gender) else "agree" if known == gender else "clash"
        features = [*_RANKED[agreement][min(len(found), 4)], *own]
        if mention.name == names.last_speaker:
            features.append("last_speaker")
        features.append(_SENTENCES_BACK[min(pronoun_sentence - sentence, 4)])
        if "opens" in own:
            # The subject of the sentence before is the likeliest `he` (GAP test: a
            # third of the gain of these features).
            features.append("opens|" + _SENTENCES_BACK[min(pronoun_sentence - sentence, 4)])
        if paragraph != pronoun_paragraph:
            features.append("other_paragraph")
        found.append((mention.name, features))
    for name, features in found:
        features.append(_COUNTED[min(counts[name], 4)])
    return found


# The features of an antecedent's gender agreement and rank (`g=agree`, `rank0`,
# `g=agree|rank0`), of how many sentences back it stands (`sd2`) and how often it was
# named (`count3`), made once: each pronoun asks for several.
_RANKED = {
    agreement: [(f"g={agreement}", f"rank{rank}", f"g={agreement}|rank{rank}") for rank in range(5)]
    for agreement in ("unknown", "agree", "clash")
}
_SENTENCES_BACK = [f"sd{back}" for back in range(5)]
_COUNTED = [f"count{count}" for count in range(5)]


def _facts(names: Names, mention: Mention) -> tuple[list[str], int, int]:
    """What a mention's features as an antecedent are, whatever the pronoun, with its
    sentence and where its paragraph starts (every pronoun after it asks)."""
    text = names.text
    sentence = bisect_right(names.sentence_starts, mention.start) - 1
    sentence_start = names.sentence_starts[sentence]
    before = _LAST_WORD.search(text[max(sentence_start, mention.start - 20) : mention.start])
    word_before = before.group(1).lower() if before else ""
    features = []
    if not text[sentence_start : mention.start].strip(" “\"'‘("):
        features.append("subject")
    # The subject its sentence opens with, past an opening phrase or titles (`Speaking
    # to CBS Monday, Rubio`, `Clinton campaign Chairman John Podesta`): `opening_person`.
    starts = names.sentence_starts
    sentence_end = starts[sentence + 1] if sentence + 1 < len(starts) else len(text)
    opener = opening_person(names, sentence_start, sentence_end)
    if opener is not None and opener.start == mention.start:
        features.append("opens")
    if word_before in ("the", "a", "an"):
        # `The Murdoch outlets`: a name that qualifies a noun.
        features.append("after_determiner")
    if word_before in _PREPOSITIONS:
        features.append("after_preposition")
    if text[mention.end : mention.end + 2] in ("’s", "'s"):
        features.append("possessive")
    elif _VERB_AFTER.match(text, mention.end):
        # `Vladimir Putin said`, `Trump has`: the subject of a clause.
        features.append("before_verb")
    return features, sentence, text.rfind("\n", 0, mention.start)


def recent_subject(names: Names, position: int, gender: str) -> str | None:
    """`Andrew Hale took his daughter there. He said: “…”`: the subject before the
    pronoun (`subject_before`), unless the article knows them as of the other gender."""
    subject = subject_before(names, position)
    if subject is None or names.people.genders.get(subject.name, "?") not in (gender, "?"):
        return None
    return subject.name


def subject_before(names: Names, position: int) -> Mention | None:
    """The person who opens the sentence holding `position` as its subject
    (`opening_person`), or, where no one opens it before `position`, the person who
    opens the sentence before (`The Murdoch outlets have been standing in the way, he
    said` after a sentence about David Fenton), else the person that sentence says spoke
    (`…, Lord Butler said in an interview conducted by Boris Johnson. He said: …`)."""
    index = bisect_right(names.sentence_starts, position) - 1
    start = names.sentence_starts[index]
    opener = opening_person(names, start, position)
    if opener is None and index:
        before = names.sentence_starts[index - 1]
        opener = opening_person(names, before, start)
        if opener is None:
            opener = _speaking_person(names, before, start)
    return opener


def _speaking_person(names: Names, start: int, end: int) -> Mention | None:
    """The person whom `text[start:end]` says spoke, outside quotation marks: `“…,” Lord
    Butler said in his interview, which was conducted by Boris Johnson.`"""
    for index in range(bisect_left(names.starts, start), bisect_left(names.starts, end)):
        mention = names.mentions[index]
        spoke = mention.kind == "person" and SPEAKS.match(names.text, mention.end)
        if spoke and not names.inside_quote(mention.start):
            return mention
    return None


def opening_person(names: Names, start: int, end: int) -> Mention | None:
    """The person who opens `text[start:end]` as its subject: the first name outside
    quotation marks after an opening phrase (`In the interview,`, `After Romney lost,`),
    behind three capitalised words (`Sen. Harry Reid`) or a title (`Shadow foreign
    secretary Michael Ancram`) at most, or titled by the name before it (`Clinton
    campaign Chairman John Podesta`); neither a possessive (`Obama's plan`) nor the
    subject of a passive (`Smith was shot by …`)."""
    text = names.text
    phrase = SENTENCE_OPENING.match(text, start, end)
    at = phrase.end() if phrase else start
    index = first_unquoted(names, at, end)
    if index is None:
        return None
    lead = text[at : names.mentions[index].start].strip(" “\"'‘(").split()
    if lead in (["The"], ["A"], ["An"]):
        return None  # `The Clinton campaign`: the name qualifies the subject
    if not (len(lead) <= 3 and all(w[:1].isupper() for w in lead)) and not _a_title(lead):
        return None
    mention = _titled_by(names, index, end) or names.mentions[index]
    if mention.kind != "person":
        return None
    if text.startswith(("’s", "'s"), mention.end) or _PASSIVE.match(text, mention.end):
        return None
    return mention


# What may open a title before a name: `Her campaign chairman John Podesta`.
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our"})
# Participles that link as prepositions do: `…, including captain Jason Robinson`.
_LINKING = frozenset({"including", "excluding", "regarding", "concerning", "following",
                      "according", "featuring", "involving"})  # fmt: skip


def _a_title(words: list[str]) -> bool:
    """Whether `words` are a title before a name (`Liberal Democrat leader`, `Shadow
    foreign secretary`, `The party's chairman`): four words at most after a determiner,
    the last a title but a courtesy one (`thus helping Mr Brown`), none a sentence's
    small word."""
    if words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    if not 1 <= len(words) <= 4:
        return False
    lowered = [word.lower().removesuffix("’s").removesuffix("'s") for word in words]
    if any(
        word in NOT_TITLE or word in CLOSED_CLASS or word in FUNCTION_WORDS or word in _LINKING
        for word in lowered
    ):
        return False
    return lowered[-1] in lexicon().titles and lowered[-1].rstrip(".") not in COURTESY


# The role words between a name and the person they title: `Clinton campaign Chairman
# John Podesta`, `Forest chief executive Mark Arthur`, `Trump adviser Kellyanne Conway`.
_ROLE_BETWEEN = re.compile(r"\s+((?:[A-Za-z][\w-]*\s+){0,2}([A-Za-z][a-z]*)\.?)\s+$")


def _titled_by(names: Names, index: int, end: int) -> Mention | None:
    """The person whom the words after the mention at `index` title, the sentence's
    subject: `Clinton campaign Chairman John Podesta` (three words at most, the last a
    title; no verb, linking word or courtesy title: `Clinton told radio host Steve
    Harvey`, `Kerry and Foreign Minister Sergey Lavrov`, `Evans sued Mr Mann`)."""
    if index + 1 >= len(names.mentions):
        return None
    mention, after = names.mentions[index], names.mentions[index + 1]
    if after.kind != "person" or after.start >= end:
        return None
    between = _ROLE_BETWEEN.match(names.text[mention.end : after.start])
    if between is None:
        return None
    title = between.group(2).lower()
    if title in COURTESY or not (a_role(title) or title + "." in lexicon().titles):
        return None
    words = between.group(1).lower().split()
    if any(word in NOT_TITLE or word in CLOSED_CLASS or word.endswith("ed") for word in words):
        return None
    return after


def first_unquoted(names: Names, start: int, end: int) -> int | None:
    """The index of the first mention in `text[start:end]` outside quotation marks."""
    index, stop = bisect_left(names.starts, start), bisect_left(names.starts, end)
    while index < stop:
        if not names.inside_quote(names.mentions[index].start):
            return index
        index += 1
    return None


def resolve(names: Names, position: int, gender: str, model: LinearModel) -> str | None:
    """The person the model ranks first, or None when no one fits.

    The model learnt who spoke last from news and gender from other passages, and
    weighs the last speaker above both gender and whom the text has moved on to. So
    no one surely of the other gender is chosen, even with no one else there (`she`
    after Steve Harrigan is someone unnamed: the protester; `_of_the_other_gender`);
    the last speaker, if known to be of the other gender, only when no one else is
    there; and the last speaker counts as such no more once someone who may be meant
    has since opened a sentence as its subject or been said to speak (`Kerry said ….
    “…,” he told Fox News` after Hoekstra's quote)."""
    best, best_score = None, float("-inf")
    found = antecedents(names, position, gender)
    possible = [(name, f) for name, f in found if not _of_the_other_gender(name, f)]
    fitting = [(name, f) for name, f in possible if not ("last_speaker" in f and "g=clash" in f)]
    candidates = fitting or possible
    for index, (name, features) in enumerate(candidates):
        newer = candidates[:index]
        if "last_speaker" in features and any(_a_newer_subject(names, c, position) for c in newer):
            features = [feature for feature in features if feature != "last_speaker"]
        score = model.score(features)
        if score > best_score:
            best, best_score = name, score
    return best


def _of_the_other_gender(name: str, features: list[str]) -> bool:
    """Whether an antecedent is surely not whom a pronoun of its other gender stands for:
    a full name whose given name is of that gender wherever given (`Steve Harrigan` for
    `she`; not `Kim Collins` for `he`, `Van de Putte`, nor a single name whose gender is
    only a guess)."""
    if "g=clash" not in features or " " not in name:
        return False
    first = name.split(maxsplit=1)[0]
    return first.lower() not in PARTICLES and lexicon().given_names.get(first) != "?"


def _a_newer_subject(names: Names, candidate: tuple[str, list[str]], position: int) -> bool:
    """Whether an antecedent named after the last speaker takes the pronoun's topic over:
    a sentence's subject, or the subject of a speech verb (`Jewish Chronicle editor Ned
    Temko said`), not of the other gender. (A name before any verb-like word took it
    over too, and as often wrongly as rightly: `Trump contracts`, `in the event that
    Clinton faces`.)"""
    name, features = candidate
    if "g=clash" in features or "possessive" in features:
        return False
    return "subject" in features or _speaks(names, name, position)


def _speaks(names: Names, name: str, position: int) -> bool:
    """Whether the last time `name` is named before `position`, outside quotation marks,
    a speech verb follows (`Kopp said`, `Roberta Lange, the state party chairwoman,
    said`)."""
    named = names.named_at.get(name, [])
    for index in reversed(named[: bisect_left(named, bisect_left(names.starts, position))]):
        mention = names.mentions[index]
        if not names.inside_quote(mention.start):
            return SPEAKS.match(names.text, mention.end) is not None
    return False


def relative_antecedent(names: Names, position: int) -> Mention | None:
    """Who the relative `who` at `position` stands for: the person or organisation named
    right before it (`said Weaver, who said`, `Small, who attended the rally, said`)."""
    index = bisect_left(names.starts, position) - 1
    while index >= 0 and names.mentions[index].start > position - _WHO_REACH:
        mention = names.mentions[index]
        if mention.kind in ("person", "org"):
            between = names.text[mention.end : position]
            return mention if _BEFORE_WHO.match(between) else None
        index -= 1  # a place inside the role: `a South Carolina native`
    return None


# How far back `it` looks for the organisation it stands for (characters).
_IT_REACH = 400
# A speech verb right after its subject: `Allianz said`, `the OECD has warned`, `Allianz,
# a German insurer, said`.
SPEAKS = re.compile(
    r"(?:,\s+(?:a|an|the)\s[^,;:.!?“”\"\n]{1,60},)?"
    r"\s+(?:has\s+|had\s+|also\s+|\w+ly\s+)?(?:said|says|added|told|warned|stated|"
    r"announced|argued|noted|explained|insisted|claimed|wrote)\b"
)


def speaking_organisation(text: str, mentions: list[Mention], position: int) -> Mention | None:
    """Who `it` at `position` stands for as a speaker: the organisation (or the country)
    that spoke last before it (`Allianz said it did not know. However, it said …`), with
    no one named in between."""
    index = bisect_left(mentions, position, key=lambda mention: mention.start) - 1
    while index >= 0 and mentions[index].start > position - _IT_REACH:
        mention = mentions[index]
        if mention.kind == "person":
            return None
        if mention.kind in ("org", "place") and SPEAKS.match(text, mention.end):
            return mention
        index -= 1
    return None
