"""Anchors and ids: the one place that says which id an element of a page gets.

Partners link to /page/#anchor, so once an anchor is published it must not change:
`anchor_from_text` cuts long text at a word boundary exactly as it always has.

- Items partners link to (commitments, values, ways, aims) keep the anchor the
  editor typed, or one made from their text when it was left blank.
- Headings get an id made from their text; a repeat gets "-2", "-3".
- No editor's anchor or heading may take an id the templates give to something
  else (RESERVED_IDS): tests/test_page_ids.py renders every page type and fails
  on an id missing from this list, so the list cannot drift from the templates.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.text import slugify
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

ANCHOR_MAX_LENGTH = 60

anchor_validator = RegexValidator(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
    "Use lower-case letters, numbers and single hyphens, for example 'preventing-homelessness'.",
)

# Ids the templates give to the page's own elements (header, banner, contents list,
# feedback form, section headings). A hand-kept list, checked against every page type
# by rendering it: ids such as "header-search" reach the HTML through an include's
# variable, so reading the templates' id="..." attributes would miss them.
RESERVED_IDS = frozenset(
    {
        # templates/base.html and the components every page includes
        "main-content",
        "header-search",
        "notification-banner-title",
        "feedback-heading",
        "feedback-yes",
        "feedback-no",
        "feedback-comment",
        "feedback-comment-hint",
        "feedback-website",
        # the page types' own templates
        "contents-heading",
        "sections-heading",
        "priorities-introduction",
        "commitments-heading",
        "ways-introduction",
        "aims-introduction",
        "partners-heading",
        "search-query",
    }
)


def anchor_from_text(text, max_length=ANCHOR_MAX_LENGTH):
    """A readable anchor from an item's text, cut at a word boundary when long:
    'Preventing homelessness' gives 'preventing-homelessness'."""
    anchor = slugify(text)
    if len(anchor) > max_length:
        anchor = anchor[: max_length + 1].rsplit("-", 1)[0]
    return anchor[:max_length].strip("-") or "item"


def anchor_errors(stream_value, reserved=RESERVED_IDS):
    """Errors for anchors an editor typed that the page or another item already uses.

    Returns a StreamBlockValidationError pointing at each offending item, so the
    admin shows the message beside that item's anchor field, or None.
    """
    seen = set()
    errors = {}
    for index, child in enumerate(stream_value):
        anchor = child.value.get("anchor")
        if not anchor:
            continue
        if anchor in reserved:
            message = (
                f"The page itself uses '{anchor}' (for a heading or section). "
                "Choose a different anchor."
            )
        elif anchor in seen:
            message = (
                f"Another item on this page already uses the anchor '{anchor}'. "
                "Choose a different one, or clear it to make one from the text."
            )
        else:
            seen.add(anchor)
            continue
        errors[index] = StructBlockValidationError(
            block_errors={"anchor": ValidationError(message)}
        )
    return StreamBlockValidationError(block_errors=errors) if errors else None


def fill_missing_anchors(stream_value, text_key, reserved=RESERVED_IDS):
    """Give each item without an anchor one made from its text, unique within the page.

    Anchors are written once and then kept, so rewording or reordering an item
    never changes the address partners link to.
    """
    taken = set(reserved)
    taken.update(child.value.get("anchor") for child in stream_value if child.value.get("anchor"))
    for child in stream_value:
        if child.value.get("anchor"):
            continue
        base = anchor_from_text(child.value.get(text_key, ""))
        anchor, suffix = base, 2
        while anchor in taken:
            anchor = f"{anchor_from_text(base, ANCHOR_MAX_LENGTH - 4)}-{suffix}"
            suffix += 1
        child.value["anchor"] = anchor
        taken.add(anchor)


def heading_id_from_text(text):
    """The id a heading's text gives before any repeat is told apart."""
    return slugify(text) or "section"


def with_heading_ids(stream_value, reserved=RESERVED_IDS):
    """Each block of a body with the id it renders: headings get one made from their text,
    unique on the page ("contact-us", then "contact-us-2"), other blocks None.

    The first heading with a text keeps the plain id it has always had, so links to it
    keep working; only a repeat, or a heading that would take a reserved id, is suffixed.
    """
    taken = set(reserved)
    blocks = []
    for child in stream_value:
        heading_id = None
        if child.block_type == "heading":
            base = heading_id_from_text(child.value["text"])
            heading_id, suffix = base, 2
            while heading_id in taken:
                heading_id = f"{base}-{suffix}"
                suffix += 1
            taken.add(heading_id)
        blocks.append((child, heading_id))
    return blocks


def heading_ids(stream_value):
    """The ids of a body's headings, in order."""
    return [heading_id for _child, heading_id in with_heading_ids(stream_value) if heading_id]
