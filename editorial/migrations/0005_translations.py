"""Translations are the communications team's work too (issue 14).

Both roles get wagtail-localize's "Can submit translations": with it an editor sees
"Translate this page" and "Sync translated pages" and opens the translation editor
(its edit permission comes from the page permissions 0002 gave). Publishing stays
the approvers': a translation goes through the "Communications approval" workflow
like any page (editorial/translations.py closes wagtail-localize's ways round it).

Idempotent like 0002, so tests that flush the database can run it again.
"""

from django.db import migrations

EDITORS = "Communications editors"
APPROVERS = "Communications approvers"
SUBMIT_TRANSLATION = ("wagtail_localize", "translation", "submit_translation")


def get_permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": "Can submit translations"},
    )
    return permission


def apply(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = get_permission(apps, *SUBMIT_TRANSLATION)
    for group in Group.objects.filter(name__in=[EDITORS, APPROVERS]):
        group.permissions.add(permission)


def revert(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = get_permission(apps, *SUBMIT_TRANSLATION)
    for group in Group.objects.filter(name__in=[EDITORS, APPROVERS]):
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_squashed_0004_approval_for_images_documents_partners"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(apply, revert)]
