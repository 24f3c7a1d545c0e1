"""Link text that does not say where the link goes ("click here", "read more").

Screen reader users often move from link to link, hearing only the link text.
The accessibility checker cannot match text with a selector, so the preview
marks such links with data-link-text="vague" and the checker's rule
"link-text-vague" (see wagtail_hooks.CouncilContentChecker) reports them.
"""

import re

from django.utils.html import strip_tags

VAGUE_LINK_TEXTS = {
    "click",
    "click here",
    "details",
    "find out more",
    "go",
    "here",
    "learn more",
    "link",
    "more",
    "more info",
    "more information",
    "read more",
    "this",
    "this link",
    "this page",
}
LINK = re.compile(r"<a\b(?P<attributes>[^>]*)>(?P<text>.*?)</a>", re.DOTALL | re.IGNORECASE)


def is_vague(link_html):
    words = re.sub(r"[^a-z ]", "", " ".join(strip_tags(link_html).lower().split()))
    return words.strip() in VAGUE_LINK_TEXTS


def mark_vague_links(html):
    def mark(match):
        if not is_vague(match["text"]) or "data-link-text" in match["attributes"]:
            return match[0]
        return f'<a data-link-text="vague"{match["attributes"]}>{match["text"]}</a>'

    return LINK.sub(mark, html)
