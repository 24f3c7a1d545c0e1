import copy
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Filter, Image

from pagecache.generation import forget_memoised, memoised_for_this_generation


@lru_cache(maxsize=256)
def shared_filter(spec):
    """One Filter per spec in the process: `{% picture %}` makes new ones on every render,
    and each parses its operations again (a Filter holds nothing but its spec)."""
    return Filter(spec=spec)


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

    # Renditions from this process's memory. Wagtail looks for each in the cache (a
    # round trip to Redis, and another to write them back, on every render) and then
    # the database. Images change the content version, and renditions are only ever
    # added, so an image's renditions are read once until the content next changes;
    # one made since is looked for as Wagtail does, and they are read again.

    def get_renditions(self, *filters):
        specs = (f if isinstance(f, str) else f.spec for f in filters)
        return super().get_renditions(*map(shared_filter, specs))

    def get_rendition(self, filter):
        """As Wagtail's, through get_renditions: it writes to the cache only what it
        did not find there (Wagtail's own writes every rendition on every call)."""
        spec = filter if isinstance(filter, str) else filter.spec
        # One value, keyed by the spec as cleaned for SVG images.
        (rendition,) = self.get_renditions(spec).values()
        return rendition

    def find_existing_renditions(self, *filters):
        if self.pk is None or self._get_prefetched_renditions() is not None:
            return super().find_existing_renditions(*filters)  # as the admin's listings
        name = f"renditions-{self.pk}"
        known = memoised_for_this_generation(name, self._renditions_by_key)
        found = {}
        for filter in filters:
            rendition = known.get((filter.spec, filter.get_cache_key(self)))
            if rendition is not None:
                # A copy that belongs to this image, as Wagtail's own lookups give: it
                # may carry alt text of its own (`contextual_alt_text`).
                found[filter] = copy.copy(rendition)
                found[filter].image = self
        missing = [filter for filter in filters if filter not in found]
        if missing:
            # Made since they were read, or about to be made: read them again next time.
            forget_memoised(name)
            found.update(super().find_existing_renditions(*missing))
        return found

    def _renditions_by_key(self):
        return renditions_by_key([self.pk])[self.pk]

    @classmethod
    def read_renditions(cls, images):
        """Read the renditions of many images in one query, where this process has not
        kept them since the content last changed (a listing of partners' logos)."""
        read = {}

        def renditions_of(pk):
            if not read:
                read.update(renditions_by_key([image.pk for image in images]))
            return read[pk]

        for image in images:
            memoised_for_this_generation(
                f"renditions-{image.pk}", lambda pk=image.pk: renditions_of(pk)
            )


def renditions_by_key(image_ids):
    """{image id: {(filter spec, focal point key): rendition}}"""
    known = {pk: {} for pk in image_ids}
    for rendition in CustomRendition.objects.filter(image_id__in=image_ids):
        rendition._from_cache = True  # never written back to the cache
        known[rendition.image_id][(rendition.filter_spec, rendition.focal_point_key)] = rendition
    return known


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
