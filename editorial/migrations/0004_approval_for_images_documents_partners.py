"""No side door past approval: images, documents and partners.

- Images and documents: editors keep "add" (upload, and change what they uploaded
  while nothing live uses it; see editorial/permissions.py) and "choose". They lose
  "change" (Wagtail's "Edit any image"), which is now the approvers' alone: an image
  or document a live page shows changes only at an approver's hand.
- Partners have drafts and go through the "Communications approval" workflow, like
  pages: editors add, change and lock them and submit for approval; approvers also
  publish, unpublish, unlock and delete.
- Both roles get Django's "view" permission on the image and document models. It
  grants nothing in Wagtail's image and document screens (those read collection
  permissions); it lets Reports › Site history show who changed an image or document.
- The site settings and the notification banner: editors get no permission at all
  (nothing to do here: 0002 gave them none).

Idempotent like 0002, so tests that flush the database can run it again.
"""

from django.db import migrations

EDITORS = "Communications editors"
APPROVERS = "Communications approvers"
WORKFLOW = "Communications approval"

EDITORS_LOSE = [
    ("wagtailimages", "image", "change_image"),
    ("wagtaildocs", "document", "change_document"),
]
# Site history lists log entries of models the user has a model permission on.
HISTORY_PERMISSIONS = [
    ("images", "customimage", "view_customimage"),
    ("wagtaildocs", "document", "view_document"),
]
PARTNER_PERMISSIONS = {
    EDITORS: ["add", "change", "lock"],
    APPROVERS: ["add", "change", "delete", "publish", "lock", "unlock"],
}


def get_permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {codename.split('_')[0]} {model}"},
    )
    return permission


def apply(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    groups = {group.name: group for group in Group.objects.filter(name__in=[EDITORS, APPROVERS])}
    if EDITORS in groups:
        for app_label, model, codename in EDITORS_LOSE:
            GroupCollectionPermission.objects.filter(
                group=groups[EDITORS],
                permission=get_permission(apps, app_label, model, codename),
            ).delete()
    for name, actions in PARTNER_PERMISSIONS.items():
        if name in groups:
            groups[name].permissions.add(
                *(get_permission(apps, "partnership", "partner", f"{a}_partner") for a in actions),
                *(get_permission(apps, *permission) for permission in HISTORY_PERMISSIONS),
            )

    workflow = Workflow.objects.filter(name=WORKFLOW).first()
    if workflow is not None:
        partner_type, _ = ContentType.objects.get_or_create(
            app_label="partnership", model="partner"
        )
        WorkflowContentType.objects.update_or_create(
            content_type=partner_type, defaults={"workflow": workflow}
        )


def revert(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    WorkflowContentType.objects.filter(
        content_type__app_label="partnership", content_type__model="partner"
    ).delete()
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    for group in Group.objects.filter(name__in=[EDITORS, APPROVERS]):
        group.permissions.remove(
            *group.permissions.filter(content_type__app_label="partnership"),
            *(get_permission(apps, *permission) for permission in HISTORY_PERMISSIONS),
        )
        if group.name == EDITORS and root_collection is not None:
            for app_label, model, codename in EDITORS_LOSE:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=get_permission(apps, app_label, model, codename),
                )


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0003_communications_tools"),
        ("partnership", "0003_partner_drafts_and_workflow"),
        ("wagtailcore", "0098_apitoken"),
        ("images", "0001_initial"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(apply, revert)]
