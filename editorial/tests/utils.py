"""Shared set-up for the editorial tests: the seeded site, the roles and their users."""

import importlib

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import TestCase
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from editorial.roles import APPROVERS, EDITORS, roles_migration

translations_migration = importlib.import_module("editorial.migrations.0005_translations")


def ensure_roles():
    """The groups, their permissions and the workflow the data migration creates.

    Tests that use a live server flush the database, taking migration data with
    it; running the migration's own functions again restores it (they are idempotent).
    """
    roles_migration.create_roles_and_workflow(apps, None)
    roles_migration.give_tools_and_remove_default_groups(apps, None)
    roles_migration.require_approval_for_files_and_partners(apps, None)
    translations_migration.apply(apps, None)


def seed_site():
    with open("/dev/null", "w") as devnull:
        call_command("load_seed_content", stdout=devnull)
    ensure_roles()


def make_user(username, group_name=None, **extra):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.com", password="password", **extra
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


class SeededRolesTestCase(WagtailTestUtils, TestCase):
    """The seeded site, with one communications editor and one approver."""

    @classmethod
    def setUpTestData(cls):
        seed_site()
        cls.editor = make_user("editor", EDITORS)
        cls.approver = make_user("approver", APPROVERS)


def priority_form_data(page, **changes):
    """What the priority page editor posts, with `changes` applied."""
    fields = {
        "title": page.title,
        "slug": page.slug,
        "icon": page.icon,
        "icon_label": page.icon_label,
        "summary": page.summary,
        "commitments": streamfield(
            [("commitment", dict(child.value)) for child in page.commitments]
        ),
        "body": streamfield([]),
    }
    fields.update(changes)
    return nested_form_data(fields)


def index_form_data(page, **changes):
    """What the priorities index editor posts, with `changes` applied."""
    fields = {
        "title": page.title,
        "slug": page.slug,
        "introduction": page.introduction,
        "fairness_statement": rich_text(page.fairness_statement),
    }
    fields.update(changes)
    return nested_form_data(fields)
