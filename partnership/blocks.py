from pages.blocks import LinkableItemBlock


class AimBlock(LinkableItemBlock):
    """One thing the Fairer Together partnership aims to create."""

    class Meta:
        icon = "target"
        description = "One aim of the partnership."
        preview_value = {
            "text": "A shared approach to strategy and investment",
            "anchor": "a-shared-approach-to-strategy-and-investment",
        }
