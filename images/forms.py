from wagtail.images.forms import BaseImageForm


class AltTextImageForm(BaseImageForm):
    """The admin's image forms, saying plainly that alt text is required.

    CustomImage.clean() enforces the rule; this makes it visible before an
    editor meets the error.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            description = self.fields["description"]
            description.label = "Alt text (description)"
            description.help_text = (
                "Required unless the image is decorative. Describe what the image shows for "
                "people who cannot see it, for example 'Residents planting trees on "
                "Highbury Fields'. Do not use the file name or start with 'Image of'."
            )
