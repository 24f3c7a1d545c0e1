"""The editorial app's content reviews, and the communications team's roles, tools
and approval workflow: 0001 to 0004 squashed into one (they stay in `replaces`, so a
database that applied them takes this one as applied and runs nothing).

1. Roles and workflow. "Communications editors" create and edit pages and submit
   them for approval; "Communications approvers" approve, publish, schedule and
   unpublish. Both hold their page permissions on the tree root, so they cover every
   page, including pages created later. Administrators are superusers. Every page
   goes through the "Communications approval" workflow.
2. Tools beyond pages. Approvers manage the notification banner and the redirects;
   both groups read page feedback (read only: nobody edits what residents sent).
   Wagtail's default "Editors" and "Moderators" groups are removed (renamed, with
   "(unused)", if someone is still in one, so nobody loses access silently) and the
   "Moderators approval" workflow is disabled.
3. No side door past approval. Editors keep "add" and "choose" on images and
   documents but lose "change" (Wagtail's "Edit any image"), the approvers' alone, so
   a file a live page shows changes only at an approver's hand (see
   editorial/permissions.py). Partners have drafts and go through the workflow like
   pages. Both roles get Django's "view" permission on images and documents, which
   grants nothing in Wagtail's screens but lets Reports › Site history show who
   changed one. Editors get no permission on the site settings or the banner.

Every step looks things up before creating them, so it is safe to run again: tests
that flush the database run these functions again (editorial/tests/utils.py).
Reversing takes each step back: the groups, the task and the workflow go, the root
gets Wagtail's default workflow again (enabled), and the removed default groups are
not recreated.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

EDITORS = "Communications editors"
APPROVERS = "Communications approvers"
WORKFLOW = "Communications approval"
TASK = "Approval by communications approvers"
WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"

# 1. (app_label, model, codename) of the permission every role needs, and per role
# the page permissions on the root and the collection permissions on the root collection.
ADMIN_ACCESS = ("wagtailadmin", "admin", "access_admin")
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "lock_page"],
    APPROVERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "delete_page"],
}
COLLECTION_PERMISSIONS = {
    EDITORS: [
        ("wagtailimages", "image", ["add_image", "change_image", "choose_image"]),
        ("wagtaildocs", "document", ["add_document", "change_document", "choose_document"]),
    ],
    APPROVERS: [
        ("wagtailimages", "image", ["add_image", "change_image", "choose_image", "delete_image"]),
        (
            "wagtaildocs",
            "document",
            ["add_document", "change_document", "choose_document", "delete_document"],
        ),
    ],
}
# 2. (app_label, model, codename) of each tool's permission, per role.
TOOL_PERMISSIONS = {
    EDITORS: [
        ("feedback", "feedback", "view_feedback"),
    ],
    APPROVERS: [
        ("feedback", "feedback", "view_feedback"),
        ("pages", "notificationbanner", "change_notificationbanner"),
        ("wagtailredirects", "redirect", "add_redirect"),
        ("wagtailredirects", "redirect", "change_redirect"),
        ("wagtailredirects", "redirect", "delete_redirect"),
    ],
}
# 3. What editors lose on the root collection; what Site history needs; partners' actions.
EDITORS_LOSE = [
    ("wagtailimages", "image", "change_image"),
    ("wagtaildocs", "document", "change_document"),
]
HISTORY_PERMISSIONS = [
    ("images", "customimage", "view_customimage"),
    ("wagtaildocs", "document", "view_document"),
]
PARTNER_PERMISSIONS = {
    EDITORS: ["add", "change", "lock"],
    APPROVERS: ["add", "change", "delete", "publish", "lock", "unlock"],
}


def get_permission(apps, app_label, model, codename, name=None):
    """The permission, created if missing: Django creates models' permissions only after
    every migration has run. `name` is what it is called then; by default "Lock page"."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": name or codename.replace("_", " ").capitalize()},
    )
    return permission


def get_model_permission(apps, app_label, model, codename):
    """A permission named as Django names a model's own ("Can view document")."""
    name = f"Can {codename.split('_')[0]} {model}"
    return get_permission(apps, app_label, model, codename, name)


def tree_root(apps, model_name):
    """The root of Wagtail's page tree ("Page") or collection tree ("Collection")."""
    model = apps.get_model("wagtailcore", model_name)
    return model.objects.filter(depth=1).order_by("path").first()


# 1. Roles and workflow.


def create_roles_and_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    root_page = tree_root(apps, "Page")
    root_collection = tree_root(apps, "Collection")
    groups = {}
    for name in (EDITORS, APPROVERS):
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(get_permission(apps, *ADMIN_ACCESS))
        for codename in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root_page,
                permission=get_permission(apps, "wagtailcore", "page", codename),
            )
        if root_collection is not None:
            for app_label, model, codenames in COLLECTION_PERMISSIONS[name]:
                for codename in codenames:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group,
                        collection=root_collection,
                        permission=get_permission(apps, app_label, model, codename),
                    )

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK).first() or GroupApprovalTask.objects.create(
        name=TASK, content_type=task_type, active=True
    )
    task.groups.set([groups[APPROVERS]])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # One workflow per page: ours replaces Wagtail's default on the root, so it
    # applies to every page of every site.
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


def remove_roles_and_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Task = apps.get_model("wagtailcore", "Task")

    root_page = tree_root(apps, "Page")
    WorkflowPage.objects.filter(page=root_page, workflow__name=WORKFLOW).delete()
    Workflow.objects.filter(name=WORKFLOW).delete()
    Task.objects.filter(name=TASK).delete()
    # Group deletion cascades to their page and collection permissions.
    Group.objects.filter(name__in=[EDITORS, APPROVERS]).delete()
    default_workflow = Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).first()
    if root_page is not None and default_workflow is not None:
        WorkflowPage.objects.get_or_create(page=root_page, defaults={"workflow": default_workflow})


# 2. Tools beyond pages.


def set_default_workflow_active(apps, active):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).update(active=active)
    Task.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).update(active=active)


def give_tools_and_remove_default_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group_name, permissions in TOOL_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for permission in permissions:
            group.permissions.add(get_permission(apps, *permission))

    for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS):
        if group.user_set.exists():
            group.name = f"{group.name} (unused)"
            group.save(update_fields=["name"])
        else:
            group.delete()  # cascades to its page and collection permissions
    set_default_workflow_active(apps, False)


def take_tools_away(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group_name, permissions in TOOL_PERMISSIONS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is not None:
            group.permissions.remove(*(get_permission(apps, *p) for p in permissions))
    set_default_workflow_active(apps, True)


# 3. No side door past approval.


def require_approval_for_files_and_partners(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    groups = {group.name: group for group in Group.objects.filter(name__in=[EDITORS, APPROVERS])}
    if EDITORS in groups:
        for permission in EDITORS_LOSE:
            GroupCollectionPermission.objects.filter(
                group=groups[EDITORS], permission=get_model_permission(apps, *permission)
            ).delete()
    for name, actions in PARTNER_PERMISSIONS.items():
        if name in groups:
            groups[name].permissions.add(
                *(
                    get_model_permission(apps, "partnership", "partner", f"{action}_partner")
                    for action in actions
                ),
                *(get_model_permission(apps, *permission) for permission in HISTORY_PERMISSIONS),
            )

    workflow = Workflow.objects.filter(name=WORKFLOW).first()
    if workflow is not None:
        partner_type, _ = ContentType.objects.get_or_create(
            app_label="partnership", model="partner"
        )
        WorkflowContentType.objects.update_or_create(
            content_type=partner_type, defaults={"workflow": workflow}
        )


def allow_editors_to_change_files_and_partners_without_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    WorkflowContentType.objects.filter(
        content_type__app_label="partnership", content_type__model="partner"
    ).delete()
    root_collection = tree_root(apps, "Collection")
    for group in Group.objects.filter(name__in=[EDITORS, APPROVERS]):
        group.permissions.remove(
            *group.permissions.filter(content_type__app_label="partnership"),
            *(get_model_permission(apps, *permission) for permission in HISTORY_PERMISSIONS),
        )
        if group.name == EDITORS and root_collection is not None:
            for permission in EDITORS_LOSE:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=get_model_permission(apps, *permission),
                )


class Migration(migrations.Migration):
    replaces = [
        ("editorial", "0001_initial"),
        ("editorial", "0002_communications_roles_and_workflow"),
        ("editorial", "0003_communications_tools"),
        ("editorial", "0004_approval_for_images_documents_partners"),
    ]

    initial = True

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("feedback", "0001_initial"),
        ("images", "0001_initial"),
        ("pages", "0001_squashed_0002_notificationbanner"),
        ("partnership", "0001_squashed_0003_partner_drafts_and_workflow"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [
        migrations.CreateModel(
            name='ContentReview',
            fields=[
                ('page', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='content_review', serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('review_by', models.DateField(help_text="The date by which the page's owner must check that the page is still correct. Set to 12 months after publishing, and again when a page that is due for review is published. Change it if the content needs checking sooner or later.", verbose_name='review by')),
            ],
            options={
                'verbose_name': 'content review',
                'ordering': ['review_by'],
            },
        ),
        migrations.RunPython(create_roles_and_workflow, remove_roles_and_workflow),
        migrations.RunPython(give_tools_and_remove_default_groups, take_tools_away),
        migrations.RunPython(
            require_approval_for_files_and_partners,
            allow_editors_to_change_files_and_partners_without_workflow,
        ),
    ]
