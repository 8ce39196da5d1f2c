"""The subject of a cue verb: who the words just before `said` name (a name, a
pronoun, a role, an unnamed group), read past an apposition or a party tag."""

from __future__ import annotations

import re

from store.extract.entities import Mention
from store.extract.lexicon import lexicon
from store.extract.speaker_words import (
    GENDERED_PRONOUNS,
    GROUP_PRONOUNS,
    QUANTIFIERS,
    a_people,
    head_word,
    names_no_one,
    opens_role,
)
from store.extract.speakers import APPOSITION, ArticleNames, Speaker

# How far before a cue verb `subject` first reads words (characters), and how many it
# may need before the subject's last word (a role's opener and three words before it).
_SUBJECT_REACH = 80
_SUBJECT_WORDS = 5
_AND = ("and", "but")
_WORD = re.compile(r"[\w’'.-]+")
# What a speaker sends someone, in words: `United's statement to the stock exchange said`.
_DOCUMENTS = {"statement", "letter", "memo", "note", "message", "email", "e-mail", "filing",
              "submission", "release", "report", "testimony", "response", "reply"}  # fmt: skip


class CueSubjects(ArticleNames):
    """Finds the subject of a cue verb in an article."""

    def subject(self, start: int, cue_start: int) -> Speaker | None:
        """The speaker named just before a cue verb: the nearest name, pronoun or role."""
        before_cue = self.text[start:cue_start].rstrip()
        if before_cue.endswith(")") and "(" in before_cue:
            # `Rep. John Mica (R-Fla.) said`: the party tag is no subject.
            cue_start = start + before_cue.rindex("(")
        for mention in self.mentions_in(start, cue_start):
            if APPOSITION.match(self.text[mention.end : cue_start]) and (
                mention.kind == "person" or _opens(self.text[start : mention.start])
            ):
                # (`Even China, Pyongyang’s only ally, said`: an organisation or a place
                # too, when it opens the clause; not `Officials in Ohio, a swing state,`.)
                return Speaker(mention.start, mention.end, mention.text, mention.name, mention.kind)
        # The subject stands within a few words of the verb: the words of the last
        # characters are read first (from a space: no word is cut), and all of them only
        # when the walk back needs more, or the first word (`… and warned`).
        text = self.text
        cut = text.rfind(" ", start, cue_start - _SUBJECT_REACH) + 1 or start
        words = list(_WORD.finditer(text, cut, cue_start))
        index = head_word(words)
        if cut > start and (index < _SUBJECT_WORDS or words[index].group().lower() in _AND):
            words = list(_WORD.finditer(text, start, cue_start))
            index = head_word(words)
        if index < 0:
            return None
        if words[index].group().lower() in _AND:
            # `Moscow does not linger, and warned`: the sentence's subject speaks.
            opening = self.mentions_in(start, words[0].end() + 1)
            if opening:
                m = opening[0]
                return Speaker(m.start, m.end, m.text, m.name, m.kind)
            opener = words[0].group().lower()
            if opener in GENDERED_PRONOUNS or opener in GROUP_PRONOUNS:
                # `I laughed and said`: the pronoun opening the sentence.
                return self.speaker(words[0].start(), words[0].end())
            return None
        head_end = words[index].end()
        subject = self.mention_ending_at(head_end)
        if subject is not None and subject.kind == "place":
            # `one Russia specialist in Washington told`: the place says where someone is.
            someone = self._someone_in(words, subject)
            if someone is not None:
                return someone
        if subject is not None:
            receiver = next((i for i, word in enumerate(words) if word.start() == subject.start), 0)
            return self._document_owner(words, receiver) or Speaker(
                subject.start, subject.end, subject.text, subject.name, subject.kind
            )
        word = words[index].group()
        if word.lower() in GENDERED_PRONOUNS or word.lower() in GROUP_PRONOUNS:
            return self.speaker(words[index].start(), head_end)
        word_start = words[index].start()
        sentence_initial = self.sentence_start(word_start) == word_start
        if a_people(word):
            # `Mexicans often say`, `Some Democrats said`: a group, no one in particular.
            if index > 0 and words[index - 1].group().lower() in QUANTIFIERS:
                word_start = words[index - 1].start()
            return Speaker(word_start, head_end, text[word_start:head_end], None, None)
        if (
            word[0].isupper()
            and not (sentence_initial and word.lower() in lexicon().common_words)
            and not names_no_one(word)
        ):
            # `Limbaugh continued:`, `," Backer says` name someone the lists do not know
            # (a capital mid-sentence is a name; at a sentence start only if no common word).
            first = index
            while first > 0 and words[first - 1].group()[0].isupper() and index - first < 3:
                first -= 1
            if first > 0 and opens_role(words[first - 1].group()):
                # `the Republican South Carolinian told`: a role in capitals, no name.
                return self.speaker(words[first - 1].start(), head_end)
            name_start = words[first].start()
            name = text[name_start:head_end]
            return Speaker(name_start, head_end, name, name.strip(".,’'"), "person")
        # A role: "The diplomat", "the Russian leader", "my father", "Obama's strategist".
        first = index
        while first > 0 and index - first < 4 and not opens_role(words[first].group()):
            first -= 1
        if opens_role(words[first].group()):
            owner = self._document_owner(words, first)
            if owner is not None:
                return owner
            return self.speaker(words[first].start(), head_end)
        if first == 0 and index == 0 and word[0].isupper():
            # `Demonstrators said`: an unnamed group.
            return Speaker(words[0].start(), head_end, word, None, None)
        return None

    def _document_owner(self, words: list[re.Match[str]], role: int) -> Speaker | None:
        """Whose document the receiver at `role` (a role or a name opening there) was
        sent: `United's statement to the stock exchange said` is United's, not the stock
        exchange's; `Obama's letter to Congress said`, Obama's."""
        if role < 3 or words[role - 1].group() not in ("to", "for"):
            return None
        if words[role - 2].group().lower() not in _DOCUMENTS:
            return None
        owner = words[role - 3].group()
        if not owner.endswith(("’s", "'s")):
            return None
        named = self.mention_ending_at(words[role - 3].end())
        if named is None or named.kind not in ("person", "org", "place"):
            return None
        return Speaker(named.start, named.end, named.text, named.name, named.kind)

    def _someone_in(self, words: list[re.Match[str]], place: Mention) -> Speaker | None:
        """The role before a place (`one Russia specialist` in `one Russia specialist in
        Washington`), when a preposition of where joins them."""
        at = next((i for i, word in enumerate(words) if word.start() == place.start), 0)
        if at < 3 or words[at - 1].group() not in ("in", "at", "from"):
            return None
        head = at - 2
        if not words[head].group().islower():
            return None
        first = head
        while first > 0 and head - first < 3 and not opens_role(words[first].group()):
            first -= 1
        if not opens_role(words[first].group()):
            return None
        return self.speaker(words[first].start(), words[head].end())


def _opens(before: str) -> bool:
    """Whether what stands before a name leaves it opening its clause (`Even`, `But`)."""
    words = before.split()
    return len(words) <= 1 and not any(word[0].islower() for word in words)
