"""Remove the copies of the seed's images that every `make run` used to add.

Until the seed recorded a content hash on the images it saved, it could not find
them again, so each load added the hero illustration and the Fairer Together
logo to the library once more. This keeps every copy that something uses (or the
first, when nothing uses any), gives it the hash so the seed finds it from now on,
and deletes the other copies with their renditions, files and index rows.

Only images saved from code (no uploader), still under the seed's title and with
the exact bytes of a shipped file count as copies: an editor's upload is never
touched. The shipped files and titles are written out here, so moving or
changing the seed later does not change what this migration does.
"""

from django.db import migrations, transaction
from wagtail.utils.file import hash_filelike

# SHA-1 of each image file the seed shipped, and the title it gave the image.
SEED_IMAGES = {
    "c74cbb14df79ea663ad49f682838616ec3ec742f": "Boy and his dad reading a book",  # hero.jpg
    "fb1a4e430ddb8bdc08aca5d14820b1e0a3d532b6": "Fairer Together logo",  # logo .png
}


def content_hash(image):
    if image.file_hash:
        return image.file_hash
    try:
        with image.file.open("rb") as image_file:
            return hash_filelike(image_file)
    except (OSError, ValueError):
        return None  # the file is missing: nothing to compare, so leave the image be


def image_ids_in(value, field_names):
    """Image ids a revision's content names under an image field, at any depth
    (inline children such as partners are nested in their page's revision)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in field_names and isinstance(item, int):
                yield item
            else:
                yield from image_ids_in(item, field_names)
    elif isinstance(value, list):
        for item in value:
            yield from image_ids_in(item, field_names)


def used_image_ids(apps, image_model, image_ids):
    """Of these images, the ones a page, snippet, setting or revision refers to."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    Revision = apps.get_model("wagtailcore", "Revision")
    rendition_model = apps.get_model("images", "CustomRendition")

    image_type = ContentType.objects.get_for_model(image_model)
    used = {
        int(object_id)
        for object_id in ReferenceIndex.objects.filter(
            to_content_type_id=image_type.pk, to_object_id__in=[str(pk) for pk in image_ids]
        ).values_list("to_object_id", flat=True)
    }
    # The reference index is kept up to date by signals and tasks; the foreign
    # keys themselves are the ground truth, and drafts live only in revisions.
    image_fields = [
        (model, field)
        for model in apps.get_models()
        if model is not rendition_model
        for field in model._meta.get_fields()
        if field.many_to_one and field.related_model is image_model
    ]
    for model, field in image_fields:
        used.update(
            model._base_manager.filter(**{f"{field.name}__in": image_ids}).values_list(
                field.attname, flat=True
            )
        )
    field_names = {field.name for _, field in image_fields}
    for content in Revision.objects.values_list("content", flat=True).iterator():
        used.update(image_ids_in(content, field_names))
    return used & set(image_ids)


def remove_seed_image_copies(apps, schema_editor):
    image_model = apps.get_model("images", "CustomImage")
    copies = {}  # shipped file's hash -> the copies of it, oldest first
    for image in image_model.objects.filter(
        uploaded_by_user__isnull=True, title__in=SEED_IMAGES.values()
    ).order_by("pk"):
        file_hash = content_hash(image)
        if SEED_IMAGES.get(file_hash) == image.title:
            copies.setdefault(file_hash, []).append(image)
    if not copies:
        return

    used = used_image_ids(
        apps, image_model, [image.pk for group in copies.values() for image in group]
    )
    doomed = []
    for file_hash, group in copies.items():
        kept = [image for image in group if image.pk in used] or group[:1]
        image_model.objects.filter(pk__in=[image.pk for image in kept]).update(file_hash=file_hash)
        doomed += [image for image in group if image not in kept]
    if doomed:
        delete_images(apps, schema_editor, image_model, doomed)


def delete_images(apps, schema_editor, image_model, images):
    ContentType = apps.get_model("contenttypes", "ContentType")
    image_type = ContentType.objects.get_for_model(image_model)
    ids = [image.pk for image in images]
    str_ids = [str(pk) for pk in ids]
    renditions = apps.get_model("images", "CustomRendition").objects.filter(image_id__in=ids)
    files = [(image.file.storage, image.file.name) for image in images]
    files += [(rendition.file.storage, rendition.file.name) for rendition in renditions]

    # Migrations send no signals to Wagtail's handlers, so the search index, the
    # reference index and tags forget these images here.
    apps.get_model("wagtailsearch", "IndexEntry").objects.filter(
        content_type_id=image_type.pk, object_id__in=str_ids
    ).delete()
    apps.get_model("wagtailcore", "ReferenceIndex").objects.filter(
        base_content_type_id=image_type.pk, object_id__in=str_ids
    ).delete()
    apps.get_model("taggit", "TaggedItem").objects.filter(
        content_type_id=image_type.pk, object_id__in=ids
    ).delete()
    image_model.objects.filter(pk__in=ids).delete()  # their renditions go with them

    def delete_files():
        for storage, name in files:
            storage.delete(name)

    # Only once the rows are gone for good: a rolled-back migration keeps its files.
    transaction.on_commit(delete_files, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("images", "0001_initial"),
        # Every model that can point at an image, so none is missed when looking for uses.
        ("pages", "0001_squashed_0002_notificationbanner"),
        ("partnership", "0001_squashed_0003_partner_drafts_and_workflow"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(remove_seed_image_copies, migrations.RunPython.noop)]
