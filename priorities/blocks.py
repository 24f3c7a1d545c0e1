from pages.blocks import LinkableItemBlock


class CommitmentBlock(LinkableItemBlock):
    """One thing the council commits to under a priority."""

    class Meta:
        description = "One commitment under this priority."
        preview_value = {
            "text": "Building new council homes",
            "anchor": "building-new-council-homes",
        }
