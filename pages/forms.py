"""The page editor's form for every page of this site."""

from wagtail.admin.forms import WagtailAdminPageForm


class SitePageForm(WagtailAdminPageForm):
    """Warns, on the slug, that changing a live page's address affects people who link to it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
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
