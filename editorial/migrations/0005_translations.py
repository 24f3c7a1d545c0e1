"""Translations are the communications team's work too (issue 14).

Both roles get wagtail-localize's "Can submit translations": with it an editor sees
"Translate this page" and "Sync translated pages" and opens the translation editor
(its edit permission comes from the page permissions the roles migration gave). Publishing stays
the approvers': a translation goes through the "Communications approval" workflow
like any page (editorial/translations.py closes wagtail-localize's ways round it).

Idempotent like the roles migration, so tests that flush the database can run it again.
"""

import importlib

from django.db import migrations

# The roles and the permission helper come from the migration that made the roles.
roles = importlib.import_module(
    "editorial.migrations.0001_squashed_0004_approval_for_images_documents_partners"
)
EDITORS, APPROVERS = roles.EDITORS, roles.APPROVERS
SUBMIT_TRANSLATION = ("wagtail_localize", "translation", "submit_translation")


def get_permission(apps, app_label, model, codename):
    return roles.get_permission(apps, app_label, model, codename, "Can submit translations")


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
