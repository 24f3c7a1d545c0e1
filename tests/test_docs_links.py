"""The README and docs/ point at each other: every relative link must lead somewhere."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MARKDOWN = sorted([*ROOT.glob("*.md"), *ROOT.glob("docs/*.md")])
LINK = re.compile(r"\]\(([^)\s]+)\)")


def heading_ids(path):
    """The ids GitHub gives a file's headings: lower case, punctuation gone, spaces to -."""
    text = re.sub(r"```.*?```", "", path.read_text(), flags=re.DOTALL)
    headings = re.findall(r"^#+ (.+)$", text, re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in headings}


def relative_links():
    for path in MARKDOWN:
        for target in LINK.findall(path.read_text()):
            if not re.match(r"[a-z]+:", target):  # http:, https:, mailto:
                yield pytest.param(path, target, id=f"{path.name}->{target}")


def test_there_are_docs_to_check():
    names = {path.relative_to(ROOT).as_posix() for path in MARKDOWN}
    assert {"README.md", "docs/editors.md", "docs/partners.md", "docs/operations.md"} <= names


@pytest.mark.parametrize(("source", "target"), list(relative_links()))
def test_relative_link_resolves(source, target):
    file_part, _, fragment = target.partition("#")
    linked = (source.parent / file_part).resolve() if file_part else source
    assert linked.exists(), f"{source.name} links to {target}, which does not exist"
    if fragment and linked.suffix == ".md":
        assert fragment in heading_ids(linked), f"{source.name}: no heading #{fragment}"
