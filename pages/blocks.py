"""StreamField blocks shared by every content page, and the linkable list item
that commitments, ways of working and aims build on."""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from .anchors import ANCHOR_MAX_LENGTH, anchor_validator

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


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
