from django.core.exceptions import ValidationError
from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    """Wagtail's image, plus an explicit choice between alt text and 'decorative'.

    The description field (Wagtail's default alt text) must be filled in unless
    the image is marked decorative, so no meaningful image reaches a page without
    a text alternative.
    """

    is_decorative = models.BooleanField(
        "decorative image",
        default=False,
        help_text="Tick only if the image adds nothing to the content, such as a "
        "background pattern. Screen readers will skip it.",
    )

    admin_form_fields = (*Image.admin_form_fields, "is_decorative")

    def clean(self):
        super().clean()
        if not self.is_decorative and not (self.description or "").strip():
            raise ValidationError(
                {"description": "Describe what the image shows, or mark it as decorative."}
            )

    @property
    def alt_text(self):
        return "" if self.is_decorative else self.description


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
