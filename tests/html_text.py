"""What a page says to a resident: its visible text plus its text alternatives."""

from html import unescape
from html.parser import HTMLParser

from tests.seed_text import normalise


class _TextCollector(HTMLParser):
    SKIPPED = {"script", "style", "head"}
    INLINE = {"a", "abbr", "b", "code", "em", "i", "small", "span", "strong"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.alternatives = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag not in self.INLINE:
            self.parts.append(" ")
        if tag in self.SKIPPED:
            self._skipping += 1
        alt = dict(attrs).get("alt")
        if tag == "img" and alt:
            self.alternatives.append(alt)

    def handle_endtag(self, tag):
        if tag not in self.INLINE:
            self.parts.append(" ")
        if tag in self.SKIPPED and self._skipping:
            self._skipping -= 1

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def page_text(html):
    """Visible text (an inline SVG's <title> included) and image alt texts, normalised."""
    collector = _TextCollector()
    collector.feed(html)
    return normalise(unescape("".join(collector.parts) + " " + " ".join(collector.alternatives)))
