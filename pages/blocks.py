"""StreamField blocks shared by every content page, and the linkable list item
that commitments, ways of working and aims build on."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.text import slugify
from wagtail import blocks
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]

ANCHOR_MAX_LENGTH = 60

anchor_validator = RegexValidator(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
    "Use lower-case letters, numbers and single hyphens, for example 'preventing-homelessness'.",
)


def anchor_block():
    """The stable key partners use to link to one item: /page/#anchor."""
    return blocks.CharBlock(
        required=False,
        max_length=ANCHOR_MAX_LENGTH,
        validators=[anchor_validator],
        label="Link anchor",
        help_text="Partners link to this item with #anchor. Filled in from the text when "
        "left blank. Keep it when you reword or move the item, so existing links keep working.",
    )


def anchor_errors(stream_value, reserved=frozenset()):
    """Errors for anchors an editor typed that another item on the page already uses.

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


def anchor_from_text(text, max_length=ANCHOR_MAX_LENGTH):
    """A readable anchor from an item's text, cut at a word boundary when long:
    'Preventing homelessness' gives 'preventing-homelessness'."""
    anchor = slugify(text)
    if len(anchor) > max_length:
        anchor = anchor[: max_length + 1].rsplit("-", 1)[0]
    return anchor[:max_length].strip("-") or "item"


def fill_missing_anchors(stream_value, text_key, reserved=frozenset()):
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


class LinkableItemBlock(blocks.StructBlock):
    """One item of a list that partners may link to directly."""

    text = blocks.TextBlock(help_text="One item, as it should read in the list.")
    anchor = anchor_block()

    class Meta:
        icon = "list-ol"
        template = "blocks/linkable_item.html"
        form_classname = "struct-block linkable-item-block"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading (level 2)"), ("h3", "Sub-heading (level 3)")],
        default="h2",
        help_text="Headings must go in order: a level 3 heading follows a level 2 heading.",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        description = "A heading that starts a new section; long pages list these as contents."
        preview_value = {"text": "How we will do it", "level": "h2"}


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/captioned_image.html"
        description = "An image with alt text (or marked decorative) and an optional caption."


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
        description = "A quotation, with who said it."
        preview_value = {
            "quote": "We’re determined to make Islington fairer.",
            "attribution": "Islington Council",
        }


class InsetTextBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "pick"
        template = "blocks/inset_text.html"
        description = "Text set apart from the content around it, such as a note or an example."
        preview_value = {"text": "<p>You can ask for this page in another format.</p>"}


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph.html",
        description="Text with links and lists.",
        preview_value="<p>Residents told us what matters most to them.</p>",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    inset_text = InsetTextBlock()

    class Meta:
        template = "blocks/body.html"


class ValueBlock(blocks.StructBlock):
    """One of the CARE values."""

    name = blocks.CharBlock(max_length=60, help_text="For example 'Collaborative'.")
    description = blocks.RichTextBlock(
        required=False,
        features=RICH_TEXT_FEATURES,
        help_text="What this value means in practice (optional).",
    )
    anchor = anchor_block()

    class Meta:
        icon = "heart"
        template = "blocks/value.html"
        description = "One of our values, such as Collaborative."
        preview_value = {"name": "Collaborative", "description": "", "anchor": "collaborative"}


class WayOfCelebratingDifferenceBlock(LinkableItemBlock):
    class Meta:
        description = "One way we celebrate and embrace our differences."
        preview_value = {
            "text": "Getting to know people and their differences",
            "anchor": "getting-to-know-people",
        }
