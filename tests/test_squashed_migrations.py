"""A database migrated before editorial's, pages' and partnership's migrations were
squashed takes the squashed ones as applied, so upgrading runs only what came after.

scripts/check_upgrade.py rehearses the whole upgrade, with the seeded content and a
comparison of the roles and workflows; this checks the names on every test run.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

# What django_migrations holds for these apps on a database the release before the
# squash (2168c8f) migrated: the names of the migration files it had.
APPLIED_BEFORE_THE_SQUASH = {
    "editorial": [
        "0001_initial",
        "0002_communications_roles_and_workflow",
        "0003_communications_tools",
        "0004_approval_for_images_documents_partners",
    ],
    "pages": ["0001_initial", "0002_notificationbanner"],
    "partnership": ["0001_initial", "0002_partner", "0003_partner_drafts_and_workflow"],
}

# Migrations of these apps written after that release: the only ones an upgrade runs.
ADDED_SINCE = {("editorial", "0005_translations")}


@pytest.mark.django_db
def test_a_database_migrated_before_the_squash_runs_only_the_newer_migrations():
    recorder = MigrationRecorder(connection)
    recorder.migration_qs.filter(app__in=APPLIED_BEFORE_THE_SQUASH).delete()
    for app_label, names in APPLIED_BEFORE_THE_SQUASH.items():
        for name in names:
            recorder.record_applied(app_label, name)

    executor = MigrationExecutor(connection)
    loader = executor.loader
    loader.check_consistent_history(connection)
    on_disk = {key for key in loader.disk_migrations if key[0] in APPLIED_BEFORE_THE_SQUASH}
    assert on_disk - ADDED_SINCE <= set(loader.applied_migrations)
    plan = executor.migration_plan(loader.graph.leaf_nodes())
    assert {(migration.app_label, migration.name) for migration, _backwards in plan} == ADDED_SINCE
