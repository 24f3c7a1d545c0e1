"""The communications roles, named once: by the data migration that creates them."""

import importlib

from django.contrib.auth import get_user_model
from django.db.models import Q

_roles_migration = importlib.import_module(
    "editorial.migrations.0002_communications_roles_and_workflow"
)
EDITORS = _roles_migration.EDITORS
APPROVERS = _roles_migration.APPROVERS
COMMUNICATIONS_GROUPS = (EDITORS, APPROVERS)


def communications_staff():
    """Active users in a communications group, and the site's staff and administrators."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__name__in=COMMUNICATIONS_GROUPS) | Q(is_staff=True) | Q(is_superuser=True))
        .distinct()
    )
