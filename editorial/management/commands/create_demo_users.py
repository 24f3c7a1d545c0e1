"""Create an editor and an approver to try the publishing workflow with."""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

DEMO_USERS = [
    # username, group, environment variable holding the password
    ("editor", "Communications editors", "DEMO_EDITOR_PASSWORD"),
    ("approver", "Communications approvers", "DEMO_APPROVER_PASSWORD"),
]


class Command(BaseCommand):
    help = (
        "Create the users 'editor' (Communications editors) and 'approver' "
        "(Communications approvers). Passwords come from DEMO_EDITOR_PASSWORD and "
        "DEMO_APPROVER_PASSWORD, or are made up and printed. For development and "
        "trials only: refuses to run with production settings unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with production settings (DEBUG off).",
        )

    def handle(self, *args, force=False, **options):
        if self.looks_like_production() and not force:
            raise CommandError(
                "These are demo logins with known passwords: not for a live site. "
                "Use --force if you really mean to create them here."
            )
        user_model = get_user_model()
        for username, group_name, password_variable in DEMO_USERS:
            group = Group.objects.get(name=group_name)
            password = os.environ.get(password_variable) or secrets.token_urlsafe(12)
            user, created = user_model.objects.get_or_create(
                username=username,
                defaults={"email": f"{username}@example.com", "first_name": username.title()},
            )
            user.set_password(password)
            user.save()
            user.groups.add(group)
            shown = (
                "(from $" + password_variable + ")" if password_variable in os.environ else password
            )
            self.stdout.write(
                f"{'Created' if created else 'Updated'} {username!r} in {group_name!r}, "
                f"password: {shown}"
            )

    @staticmethod
    def looks_like_production():
        module = settings.SETTINGS_MODULE or os.environ.get("DJANGO_SETTINGS_MODULE", "")
        return not settings.DEBUG and module.endswith(".production")
