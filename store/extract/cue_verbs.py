"""The cue verbs: the words that say someone spoke (`said`, `told`, `recalls`), and the
pattern that finds them in a text."""

from __future__ import annotations

import re
from typing import Any

CUES = (
    r"said|says|say|saying|told|tells|tell|added|adds|wrote|writes|tweeted|tweets|stated|states|"
    r"warned|warns|noted|notes|remarked|remarks|responded|responds|replied|replies|explained|"
    r"explains|argued|argues|insisted|insists|claimed|claims|asked|asks|declared|declares|"
    r"announced|announces|acknowledged|admitted|continued|continues|concluded|recalled|"
    r"suggested|predicted|joked|quipped|complained|emphasized|emphasised|stressed|described|"
    r"describes|called|calls|echoed|posted|reported|reports|added|urged|urges|vowed|pledged|"
    r"conceded|countered|boasted|predicted|observed|told|texted|commented|testified|yelled|"
    r"shouted|cautioned|promised|dubbed|labeled|labelled|branded|reads|read|asking|adding|"
    r"telling|writing|noting|warning|arguing|claiming|insisting|explaining|declaring|tweeting|"
    r"calling|describing|dubbing|labeling|labelling|branding|"
    r"scolded|put it|puts it|mused|sighed|argued|replied|interjected|retorted|boasted|"
    r"yells|yelled|shouts|screamed|chanted|chants|sang|sings|"
    # The participles of the verbs above: `…, suggesting that the country is “wounded”`.
    r"stating|responding|replying|remarking|acknowledging|admitting|announcing|concluding|"
    r"recalling|suggesting|predicting|joking|quipping|complaining|emphasizing|emphasising|"
    r"stressing|echoing|urging|vowing|pledging|conceding|countering|boasting|observing|"
    r"commenting|testifying|yelling|shouting|cautioning|promising|"
    # And their present: `,” the Russia specialist recalls`.
    r"acknowledges|admits|boasts|cautions|comments|complains|concedes|concludes|counters|"
    r"echoes|emphasises|emphasizes|jokes|muses|observes|pledges|predicts|promises|quips|"
    r"recalls|retorts|stresses|suggests|testifies|vows|"
    # More speech verbs in the past and present: `a crestfallen Mr Lim confided`.
    r"confided|confides|revealed|reveals|confirmed|confirms|asserted|asserts|lamented|laments|"
    r"exclaimed|whispered|confessed|confesses|bragged|brags|protested|answered|answers|"
    r"contended|contends|maintained|maintains"
)


def _alternation(words: list[str]) -> str:
    """A regex matching exactly `words`, as a trie (`sa(?:id|ys?|ying)`): Python's re
    tries a flat alternation word by word at every position, a trie letter by letter."""
    tree: dict[str, dict[str, Any]] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, dict[str, Any]]) -> str:
        branches = [re.escape(char) + pattern(node[char]) for char in sorted(node) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return pattern(tree)


# No cue is a prefix of another followed by a non-word character, so at most one cue
# matches at a position and the trie matches what the flat alternation did.
_CUE_TRIE = _alternation(sorted(set(CUES.split("|"))))
# Cue verbs are lowercase: "States" in "United States" is no cue, nor is
# "called" in "so-called".
CUE = re.compile(rf"(?<![\w-])(?=[a-z])(?:{_CUE_TRIE})\b")
