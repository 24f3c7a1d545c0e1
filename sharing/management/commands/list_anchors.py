"""Print every anchor partners can link to, read from the live content.

Editors can change an anchor in the admin, so the list is read from the pages
rather than written down anywhere. Any item of a StreamField with an `anchor`
counts (commitments, values, ways of celebrating difference, partnership aims),
so a new page type with linkable items is listed without changing this command.
"""

from django.core.management.base import BaseCommand
from wagtail.fields import StreamField
from wagtail.models import Page


def page_anchors(page):
    """(anchor, text) for each linkable item of the page, in the order it shows them."""
    for field in page._meta.get_fields():
        if not isinstance(field, StreamField):
            continue
        for child in getattr(page, field.name):
            value = child.value
            if hasattr(value, "get") and value.get("anchor"):
                yield value["anchor"], value.get("text") or value.get("name") or ""


class Command(BaseCommand):
    help = "List every page's link anchors (/path/#anchor), read from the live public pages."

    def add_arguments(self, parser):
        parser.add_argument(
            "--full",
            action="store_true",
            help="Full addresses, each followed by a tab and the item's text.",
        )

    def handle(self, *args, full=False, **options):
        for page in Page.objects.live().public().specific().order_by("path"):
            address = page.get_full_url() if full else page.get_url()
            if not address:  # not under any Site: nobody can link to it
                continue
            for anchor, text in page_anchors(page):
                if full:
                    self.stdout.write(f"{address}#{anchor}\t{text}")
                else:
                    self.stdout.write(f"{address}#{anchor}")
