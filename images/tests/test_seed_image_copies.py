"""The copies of the seed's images that earlier `make run`s left behind go, once;
the images pages use and the images editors uploaded stay."""

import importlib
from types import SimpleNamespace

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from wagtail.models import Collection, ReferenceIndex
from wagtail.search.models import IndexEntry

from images.models import CustomImage
from pages.models import HomePage
from partnership.models import PartnershipPage
from seed import content

MIGRATION = "0002_remove_seed_image_copies"
tidy_migration = importlib.import_module(f"images.migrations.{MIGRATION}")


def saved_the_old_way(spec, title=None):
    """As the seed saved its images before it recorded their content hash."""
    with (content.IMAGES_DIR / spec["file"]).open("rb") as image_file:
        image = CustomImage(
            title=title or spec["title"],
            description=spec["description"],
            file=ImageFile(image_file, name=spec["file"]),
        )
        image.save()
    assert image.file_hash == ""
    return image


def run_tidy_up(capture_on_commit):
    """The migration's own function, on the models as they stood when it was written."""
    state = MigrationExecutor(connection).loader.project_state(("images", MIGRATION), at_end=False)
    with capture_on_commit(execute=True):  # files are deleted once the rows are
        tidy_migration.remove_seed_image_copies(state.apps, SimpleNamespace(connection=connection))


@pytest.fixture
def before_any_seed(db):
    """The database as the migrations leave it: no seeded pages, no images. Only the
    rows go, inside the test's transaction; the files stay for the tests after."""
    HomePage.objects.get().delete()
    CustomImage.objects.all().delete()


def quiet_seed():
    with open("/dev/null", "w") as devnull:
        call_command("load_seed_content", stdout=devnull)


@pytest.mark.django_db
def test_copies_nothing_uses_go_and_used_or_uploaded_images_stay(
    before_any_seed, admin_client, django_capture_on_commit_callbacks
):
    quiet_seed()
    home = HomePage.objects.get()
    partnership = PartnershipPage.objects.get()
    hero_in_use, logo_in_use = home.hero_image, partnership.logo
    unused_hero_copies = [saved_the_old_way(content.HERO_IMAGE) for _ in range(2)]
    logo_in_a_draft, unused_logo = (saved_the_old_way(content.LOGO_IMAGE) for _ in range(2))
    partnership.logo = logo_in_a_draft
    partnership.save_revision()  # a draft an editor has not published yet
    renamed_by_an_editor = saved_the_old_way(content.HERO_IMAGE, title="Reading together")
    rendition = unused_hero_copies[0].get_rendition("fill-80x45")
    # An editor uploads the very same picture, under the very same title.
    with (content.IMAGES_DIR / "hero.jpg").open("rb") as hero_file:
        admin_client.post(
            reverse("wagtailimages:add"),
            {
                "title": content.HERO_IMAGE["title"],
                "description": content.HERO_IMAGE["description"],
                "file": SimpleUploadedFile("hero.jpg", hero_file.read(), "image/jpeg"),
                "collection": Collection.get_first_root_node().pk,
            },
        )
    uploaded = CustomImage.objects.get(uploaded_by_user__isnull=False)
    gone = [*unused_hero_copies, unused_logo]
    gone_files = [image.file.name for image in gone] + [rendition.file.name]

    run_tidy_up(django_capture_on_commit_callbacks)

    assert set(CustomImage.objects.all()) == {
        hero_in_use,
        logo_in_use,
        logo_in_a_draft,
        renamed_by_an_editor,
        uploaded,
    }
    assert [name for name in gone_files if default_storage.exists(name)] == []
    assert default_storage.exists(hero_in_use.file.name)
    gone_rows = {
        "content_type": ContentType.objects.get_for_model(CustomImage),
        "object_id__in": [str(image.pk) for image in gone],
    }
    assert not IndexEntry.objects.filter(**gone_rows).exists()
    assert not ReferenceIndex.objects.filter(**gone_rows).exists()
    assert home.get_latest_revision_as_object().hero_image == hero_in_use
    assert partnership.get_latest_revision_as_object().logo == logo_in_a_draft


@pytest.mark.django_db
def test_after_the_tidy_up_the_seed_uses_the_copy_kept_and_adds_none(
    before_any_seed, django_capture_on_commit_callbacks
):
    # Three loads of the old seed, before any page was made from them.
    first_hero, *_ = (saved_the_old_way(content.HERO_IMAGE) for _ in range(3))
    first_logo, *_ = (saved_the_old_way(content.LOGO_IMAGE) for _ in range(3))

    run_tidy_up(django_capture_on_commit_callbacks)
    quiet_seed()

    assert set(CustomImage.objects.all()) == {first_hero, first_logo}
    assert HomePage.objects.get().hero_image == first_hero
    assert PartnershipPage.objects.get().logo == first_logo
