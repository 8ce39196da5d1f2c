"""Which urls from a corpus may become terminal hyperlinks (OSC 8)."""

from __future__ import annotations

import re

# Printable ASCII only: nothing that could end the escape sequence a link is sent in.
_SAFE_URL = re.compile(r"https?://[!-~]+", re.IGNORECASE)


def safe_link(url: str | None) -> str | None:
    """`url` when it can be a hyperlink (http or https, printable ASCII, no spaces),
    else None: the url is then shown as text only."""
    if url and _SAFE_URL.fullmatch(url):
        return url
    return None
