"""A backup taken today can rebuild the whole site in an empty database."""

import datetime
import io
import shutil

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from operations.backup import backed_up_models, serialize
from tests.wagtail_roots import recreate_wagtail_roots


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (30, 20), "purple").save(buffer, "PNG")
    return buffer.getvalue()


def everything_stored():
    """Every backed-up model's rows, serialised the way a backup identifies them."""
    return {
        model._meta.label: [serialize([row]) for row in model._base_manager.order_by("pk")]
        for model in backed_up_models()
    }


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def test_a_backup_restores_every_page_revision_image_and_document(
    transactional_db, media_root, tmp_path, django_user_model
):
    recreate_wagtail_roots()
    with open("/dev/null", "w") as devnull:
        call_command("load_seed_content", stdout=devnull)
    editor = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    image = get_image_model().objects.create(
        title="Purple",
        description="A purple rectangle",
        file=SimpleUploadedFile("purple.png", png_bytes()),
        uploaded_by_user=editor,
    )
    image.get_rendition("fill-10x10")  # a rendition, which the backup rebuilds rather than keeps
    get_document_model().objects.create(
        title="Minutes", file=ContentFile(b"Minutes of the meeting", name="minutes.txt")
    )
    home = Page.objects.get(depth=2).specific
    home.title = "A draft title"
    home.save_revision(user=editor)  # an unpublished draft must survive too
    # A time with fewer than a thousand microseconds, which JSON in milliseconds would lose.
    Page.objects.filter(pk=home.pk).update(
        last_published_at=datetime.datetime(2026, 11, 25, 9, 30, 0, 412, tzinfo=datetime.UTC)
    )
    before = everything_stored()
    files_before = {
        path.relative_to(media_root): path.read_bytes()
        for path in media_root.rglob("*")
        if path.is_file() and path.relative_to(media_root).parts[0] != "images"
    }
    assert len(files_before) >= 4  # the two seeded images, ours and the document

    archive = tmp_path / "site.tar.gz"
    call_command("backup_site", str(archive), stdout=io.StringIO())
    # Lose everything: every table emptied, every uploaded file gone.
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(media_root)
    assert not Page.objects.exists()

    call_command("restore_site", str(archive), "--noinput", stdout=io.StringIO())

    after = everything_stored()
    models_with_rows = [label for label, rows in before.items() if rows]
    assert len(models_with_rows) > 10
    for label in models_with_rows:
        assert after[label] == before[label], f"{label} differs after the restore"
    assert after == before
    for relative, content in files_before.items():
        assert (media_root / relative).read_bytes() == content
    # What residents and editors see: the same pages, the draft, the image and its file.
    assert Page.objects.get(depth=2).specific.title != "A draft title"
    assert Revision.objects.filter(object_id=str(home.pk)).latest("created_at").content[
        "title"
    ] == ("A draft title")
    restored_image = get_image_model().objects.get(title="Purple")
    assert restored_image.file.read() == png_bytes()
    assert restored_image.get_rendition("fill-10x10").width == 10
    # The search index, left out of the backup, is rebuilt by the restore.
    assert Page.objects.live().search("fairer Islington").count() > 0
