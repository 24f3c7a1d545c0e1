"""The council's source text, split into the sentences that must reach the site.

tests/fixtures/about-us.txt is a verbatim copy of the council's About us page.
In it, each priority icon's description runs straight into the priority's text
("...homes for allA decent home..."); they are two sentences.
"""

import re
from pathlib import Path

SOURCE = Path(__file__).resolve().parent / "fixtures" / "about-us.txt"

ICON_DESCRIPTION_BOUNDARY = re.compile(r"(?<=[a-z])(?=A [a-z])")
SENTENCE_END = re.compile(r"(?<=[.:])\s+(?=[A-Z])")


def normalise(text):
    """Collapse every run of white space, non-breaking spaces included."""
    return " ".join(text.split())


def source_sentences():
    sentences = []
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        line = normalise(line.replace("•", ""))
        if not line:
            continue
        for part in ICON_DESCRIPTION_BOUNDARY.split(line):
            sentences.extend(s for s in SENTENCE_END.split(part) if s)
    return sentences
