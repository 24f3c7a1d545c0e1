"""The communications team's roles and approval workflow.

"Communications editors" create and edit pages and submit them for approval;
"Communications approvers" approve, publish, schedule and unpublish. Both hold
their page permissions on the tree root, so they cover every page, including
pages created after this migration. Administrators are superusers.

Safe to run on a database where the groups or the workflow already exist:
everything is looked up before it is created. Reversing removes the groups,
the task and the workflow, and gives the root back to Wagtail's default workflow.
"""

from django.db import migrations

EDITORS = "Communications editors"
APPROVERS = "Communications approvers"
WORKFLOW = "Communications approval"
TASK = "Approval by communications approvers"

# (app_label, model, codename, name) of each permission a role needs.
ADMIN_ACCESS = ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
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


def get_permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return permission


def create_roles_and_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    root_page = Page.objects.filter(depth=1).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    groups = {}
    for name in (EDITORS, APPROVERS):
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(get_permission(apps, *ADMIN_ACCESS[:3]))
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
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Task = apps.get_model("wagtailcore", "Task")

    root_page = Page.objects.filter(depth=1).order_by("path").first()
    WorkflowPage.objects.filter(page=root_page, workflow__name=WORKFLOW).delete()
    Workflow.objects.filter(name=WORKFLOW).delete()
    Task.objects.filter(name=TASK).delete()
    # Group deletion cascades to their page and collection permissions.
    Group.objects.filter(name__in=[EDITORS, APPROVERS]).delete()
    default_workflow = Workflow.objects.filter(name="Moderators approval").first()
    if root_page is not None and default_workflow is not None:
        WorkflowPage.objects.get_or_create(page=root_page, defaults={"workflow": default_workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles_and_workflow, remove_roles_and_workflow)]
