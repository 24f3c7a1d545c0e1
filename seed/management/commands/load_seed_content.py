"""Build the About us page tree from the council's text, once.

Run it as often as you like: a page that already exists is left exactly as
editors left it. `--reset` publishes the original text again over their changes.
"""

import hashlib
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from images.renditions import warm_all_live_pages
from pages.anchors import anchor_from_text
from pages.models import HomePage, InequalityPage, StandardPage, ValuesPage
from partnership.models import PartnershipPage
from priorities.models import PrioritiesIndexPage, PriorityPage
from seed import content
from seed.accessibility import ACCESSIBILITY

# A site still at one of these names was set up by a local run, not given its public
# address by anyone: it follows the configured address (PORT in `make run`).
LOCAL_HOSTNAMES = {"localhost", "127.0.0.1", "::1", "[::1]"}


def linkable_items(block_type, texts):
    return [(block_type, {"text": text, "anchor": anchor_from_text(text)}) for text in texts]


class Command(BaseCommand):
    help = (
        "Create and publish the About us pages from the council's text, keeping editors' changes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Publish the original text again on pages that already exist, "
            "replacing what editors changed.",
        )

    @transaction.atomic
    def handle(self, *args, reset=False, **options):
        self.reset = reset
        self.outcomes = {"created": 0, "restored": 0, "kept": 0}
        self.owner = self.seed_page_owner()
        self.create_content_locales()

        hero = self.image(content.HERO_IMAGE)
        logo = self.image(content.LOGO_IMAGE)

        home = self.home_page(hero)
        priorities = self.page(home, PrioritiesIndexPage, content.PRIORITIES_INDEX, menu=True)
        for priority in content.PRIORITIES:
            self.page(
                priorities,
                PriorityPage,
                {
                    **priority,
                    "commitments": linkable_items("commitment", priority["commitments"]),
                },
            )
        self.page(
            home,
            ValuesPage,
            {
                **content.VALUES,
                "values": [
                    ("value", {"name": name, "description": "", "anchor": anchor_from_text(name)})
                    for name in content.VALUES["values"]
                ],
            },
            menu=True,
        )
        self.page(
            home,
            InequalityPage,
            {**content.INEQUALITY, "ways": linkable_items("way", content.INEQUALITY["ways"])},
            menu=True,
        )
        self.page(
            home,
            PartnershipPage,
            {
                **content.PARTNERSHIP,
                "aims": linkable_items("aim", content.PARTNERSHIP["aims"]),
                "logo": logo,
            },
            menu=True,
        )
        self.page(home, StandardPage, self.accessibility_statement())

        if settings.PAGE_CACHE_WARM_RENDITIONS:
            # Pages kept as editors left them were not published now: make their
            # image renditions too, so no visitor's request has to.
            warm_all_live_pages()

        self.stdout.write(
            "Seed content: {created} pages created, {restored} restored, "
            "{kept} kept as editors left them.".format(**self.outcomes)
        )

    @staticmethod
    def create_content_locales():
        """A locale for each content language in the settings, so that editors can
        translate into it. No translation is published: official translations come
        from the council's translators (issue 14)."""
        for language_code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            Locale.objects.get_or_create(language_code=language_code)

    @staticmethod
    def seed_page_owner():
        """The user named by SEED_PAGE_OWNER, who receives the review reminders for the
        seeded pages; None (quietly) when unset or when there is no such user yet."""
        username = settings.SEED_PAGE_OWNER
        if not username:
            return None
        return get_user_model().objects.filter(username=username, is_active=True).first()

    def image(self, spec):
        """The shipped image, uploaded once and found again by its content."""
        data = (content.IMAGES_DIR / spec["file"]).read_bytes()
        file_hash = hashlib.sha1(data, usedforsecurity=False).hexdigest()
        image_model = get_image_model()
        image = image_model.objects.filter(file_hash=file_hash).order_by("pk").first()
        if image is None:
            with (content.IMAGES_DIR / spec["file"]).open("rb") as image_file:
                # Wagtail fills file_hash and file_size only for uploads through its
                # forms; without the hash the next run would not find this image.
                image = image_model(
                    title=spec["title"],
                    description=spec["description"],
                    file=ImageFile(image_file, name=spec["file"]),
                    file_hash=file_hash,
                    file_size=len(data),
                )
                image.save()
        return image

    def home_page(self, hero):
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            self.remove_wagtail_welcome_page(root)
            parent = root
        else:
            parent = home.get_parent()
        # The site points at the home page before it is published: publishing renders
        # the page (images.renditions), which needs its site and the site's settings.
        return self.page(
            parent,
            HomePage,
            {**content.HOME, "hero_image": hero},
            before_publish=self.make_site_root,
        )

    @staticmethod
    def remove_wagtail_welcome_page(root):
        """Wagtail's installer leaves a plain placeholder page where the home page goes."""
        for child in root.get_children().filter(slug=content.HOME["slug"]):
            if child.specific_class is Page and not child.get_children().exists():
                child.delete()

    @staticmethod
    def make_site_root(home):
        """Point the default site at the home page, at the public address the
        settings give (WAGTAILADMIN_BASE_URL), so canonical links, the sitemap, the
        feed and the API name it. An address an administrator gave the site is kept;
        a local one follows the settings, so `PORT=8221 make run` names port 8221."""
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        before = (site.hostname, site.port, site.root_page_id)
        if site.pk is None or site.hostname in LOCAL_HOSTNAMES:
            address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
            site.hostname = address.hostname or "localhost"
            site.port = address.port or (443 if address.scheme == "https" else 80)
            site.site_name = site.site_name or content.SITE_SERVICE_NAME
        site.root_page = home
        if site.pk is None or (site.hostname, site.port, site.root_page_id) != before:
            site.save()

    def page(self, parent, model, fields, menu=False, before_publish=None):
        existing = parent.get_children().filter(slug=fields["slug"]).specific().first()
        if existing is not None and self.owner is not None and existing.owner_id is None:
            # A page without an owner gets one; an owner someone chose stays.
            Page.objects.filter(pk=existing.pk).update(owner=self.owner)
        if existing is not None and not self.reset:
            self.outcomes["kept"] += 1
            if before_publish:
                before_publish(existing)
            return existing

        if existing is None:
            page = model(show_in_menus=menu, owner=self.owner, **fields)
            parent.add_child(instance=page)
            self.outcomes["created"] += 1
        else:
            page = existing
            for name, value in fields.items():
                setattr(page, name, value)
            self.outcomes["restored"] += 1
        if before_publish:
            before_publish(page)
        page.save_revision().publish()
        return page

    @staticmethod
    def accessibility_statement():
        body = []
        for heading, paragraphs in ACCESSIBILITY["sections"]:
            body.append(("heading", {"text": heading, "level": "h2"}))
            body.extend(
                ("paragraph", text if text.startswith("<") else f"<p>{text}</p>")
                for text in paragraphs
            )
        page_fields = {key: value for key, value in ACCESSIBILITY.items() if key != "sections"}
        return {**page_fields, "body": body}
