"""The communications roles, named once: by the data migration that creates them."""

import importlib

from django.contrib.auth import get_user_model
from django.db.models import Q

# editorial's migrations, squashed into one; tests run its functions again after a flush.
roles_migration = importlib.import_module(
    "editorial.migrations.0001_squashed_0004_approval_for_images_documents_partners"
)
EDITORS = roles_migration.EDITORS
APPROVERS = roles_migration.APPROVERS
COMMUNICATIONS_GROUPS = (EDITORS, APPROVERS)


def communications_staff():
    """Active users in a communications group, and the site's staff and administrators."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__name__in=COMMUNICATIONS_GROUPS) | Q(is_staff=True) | Q(is_superuser=True))
        .distinct()
    )
