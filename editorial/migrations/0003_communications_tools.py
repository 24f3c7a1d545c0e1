"""The communications team's tools beyond pages, and no unused default groups.

- Communications approvers manage the notification banner and the redirects.
- Both groups read page feedback (read only: nobody edits what residents sent).
- Wagtail's default "Editors" and "Moderators" groups, and the "Moderators
  approval" workflow that used them, are not used here: the groups are removed
  (renamed, with "(unused)", if someone is still in one, so nobody loses access
  silently) and the workflow is disabled, so the groups screen and the workflow
  list show only what this site uses.

Safe to run again. Reversing takes the added permissions away and enables the
default workflow again; it does not recreate the removed groups.
"""

from django.db import migrations

EDITORS = "Communications editors"
APPROVERS = "Communications approvers"

# (app_label, model, codename) of each permission, per group.
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
WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


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


def set_workflow_active(apps, active):
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
    set_workflow_active(apps, False)


def take_tools_away(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group_name, permissions in TOOL_PERMISSIONS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is not None:
            group.permissions.remove(*(get_permission(apps, *p) for p in permissions))
    set_workflow_active(apps, True)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_communications_roles_and_workflow"),
        ("feedback", "0001_initial"),
        ("pages", "0002_notificationbanner"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(give_tools_and_remove_default_groups, take_tools_away)]
