"""One way for a page or snippet to show an image with alt text.

A model holds the image, an alt text override and, if editors may choose, a
"decorative" tick box (the field helpers below keep the same columns everywhere).
One `ImageAltText` attribute names the three; reading it gives the alt text
residents get, and `ImageAltTextMixin.clean` asks for words when there are none.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

OWN_DESCRIPTION_HELP = "Leave blank to use the image's own description."


def image_field():
    return models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


def alt_text_field(verbose_name="alt text", help_text=OWN_DESCRIPTION_HELP):
    return models.CharField(verbose_name, max_length=255, blank=True, help_text=help_text)


def decorative_field(verbose_name, help_text):
    return models.BooleanField(verbose_name, default=False, help_text=help_text)


class ImageAltText:
    """The alt text of one image a model shows: "" when the image is decorative (the
    model's tick box or the image's own `is_decorative`), else the model's override,
    else the image's description."""

    def __init__(self, image, override, decorative=None, missing=None):
        self.image = image
        self.override = override
        self.decorative = decorative
        self.missing = missing or "Describe the image, or mark it as decorative."

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return self.alt_text(instance)

    def is_decorative(self, instance):
        image = getattr(instance, self.image)
        ticked = bool(self.decorative and getattr(instance, self.decorative))
        return ticked or bool(image and image.is_decorative)

    def alt_text(self, instance):
        image = getattr(instance, self.image)
        if image is None or self.is_decorative(instance):
            return ""
        return getattr(instance, self.override) or image.description

    def is_missing(self, instance):
        """An image is shown that is not decorative, and nothing describes it."""
        image = getattr(instance, self.image)
        return (
            image is not None and not self.is_decorative(instance) and not self.alt_text(instance)
        )

    def panel(self, heading, image_help_text=None):
        image_options = {"help_text": image_help_text} if image_help_text else {}
        fields = [FieldPanel(self.image, **image_options), FieldPanel(self.override)]
        if self.decorative:
            fields.append(FieldPanel(self.decorative))
        return MultiFieldPanel(fields, heading=heading)


class ImageAltTextMixin:
    """Checks every `ImageAltText` a model declares, and names each image with its
    override for the page editor's form (pages/forms.py), which drops an override
    written for another image."""

    @classmethod
    def image_alt_texts(cls):
        return [
            attribute
            for klass in cls.__mro__
            for attribute in vars(klass).values()
            if isinstance(attribute, ImageAltText)
        ]

    @property
    def image_alt_text_fields(self):
        return [(alt.image, alt.override) for alt in self.image_alt_texts()]

    def clean(self):
        super().clean()
        errors = {
            alt.override: alt.missing for alt in self.image_alt_texts() if alt.is_missing(self)
        }
        if errors:
            raise ValidationError(errors)
