"""The page editor's form for every page of this site."""

from wagtail.admin.forms import WagtailAdminPageForm


class SitePageForm(WagtailAdminPageForm):
    """The slug warns that people link to a live page's address; alt text follows its image."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        for _image_field, alt_field in getattr(page, "image_alt_text_fields", ()):
            if alt_field in self.fields:
                self.fields[
                    alt_field
                ].help_text += (
                    " Choosing another image clears it, unless you write new alt text too."
                )
        if "slug" not in self.fields or not page.pk or not page.live:
            return
        address = page.get_full_url()
        if not address:
            return
        who = "Partners link" if getattr(page, "partners_link_here", False) else "People may link"
        self.fields["slug"].help_text = (
            f"{who} to this page at {address}. Change the slug only if you must: when the "
            "change is published, a permanent redirect from the current address to the new "
            "one is made (Settings › Redirects), so those links keep working."
        )

    def clean(self):
        cleaned_data = super().clean()
        # An alt text override describes the image it was written for. When an editor
        # picks another image without writing new alt text, the old words would describe
        # the wrong picture: drop them, so the new image's own description is used.
        for image_field, alt_field in getattr(self.instance, "image_alt_text_fields", ()):
            if (
                image_field in self.changed_data
                and alt_field in self.fields
                and alt_field not in self.changed_data
            ):
                cleaned_data[alt_field] = ""
        return cleaned_data
