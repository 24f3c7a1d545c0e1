"""Rehearse an upgrade: a database migrated and seeded by an earlier release, then
migrated by this tree, must end with nothing pending, the seeded pages served, and the
groups, permissions and workflows exactly as they were.

It matters for squashed migrations: a database that applied the replaced migrations
must take the squashed one as applied (its `replaces`) and run nothing again.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/islington_upgrade \\
        .venv/bin/python scripts/check_upgrade.py [REV]

DATABASE_URL names an empty database (a SQLite file that does not exist yet, or an
empty PostgreSQL database); REV is the earlier release (default 2168c8f, the last
one before editorial, pages and partnership's migrations were squashed). The earlier
release is checked out with `git worktree add` into a temporary folder, removed after.
Exits non-zero, saying why, if anything differs.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
PYTHON = HERE / ".venv" / "bin" / "python"

# Who may do what: every row of the tables migrations fill for the roles and workflow.
DUMP = """
import json
from django.db import connection
tables = [
    "auth_group", "auth_permission", "auth_group_permissions", "django_content_type",
    "wagtailcore_grouppagepermission", "wagtailcore_groupcollectionpermission",
    "wagtailcore_task", "wagtailcore_groupapprovaltask_groups", "wagtailcore_workflow",
    "wagtailcore_workflowtask", "wagtailcore_workflowpage", "wagtailcore_workflowcontenttype",
]
dump = {}
with connection.cursor() as cursor:
    for table in tables:
        cursor.execute(f"SELECT * FROM {table}")
        dump[table] = sorted(json.dumps(row, default=str) for row in cursor.fetchall())
print(json.dumps(dump))
"""

# Every seeded page answers, as a resident asks for it.
PAGES = """
from django.test import Client
from seed.paths import PUBLIC_PATHS
client = Client()
for path in PUBLIC_PATHS:
    status = client.get(path).status_code
    assert status == 200, f"{path} answered {status}"
print(len(PUBLIC_PATHS))
"""


def run(command, cwd):
    """Our own command, with our own arguments; stops the check, saying why, if it fails."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "islington.settings.test"}
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)  # noqa: S603
    if result.returncode:
        sys.exit(f"{' '.join(map(str, command))} in {cwd} failed:\n{result.stderr}")
    return result.stdout


def manage(tree, *args):
    return run([PYTHON, "manage.py", *args], cwd=tree)


def main(rev):
    if "DATABASE_URL" not in os.environ:
        sys.exit("Set DATABASE_URL to an empty database.")
    with tempfile.TemporaryDirectory() as folder:
        old = Path(folder) / "old"
        run(["git", "worktree", "add", "--detach", old, rev], cwd=HERE)
        try:
            manage(old, "migrate", "--no-input")
            manage(old, "load_seed_content")
            before = json.loads(manage(old, "shell", "-v", "0", "-c", DUMP))
        finally:
            run(["git", "worktree", "remove", "--force", old], cwd=HERE)

    manage(HERE, "migrate", "--no-input")
    manage(HERE, "makemigrations", "--check", "--dry-run")
    pending = [line for line in manage(HERE, "showmigrations").splitlines() if "[ ]" in line]
    after = json.loads(manage(HERE, "shell", "-v", "0", "-c", DUMP))
    served = manage(HERE, "shell", "-v", "0", "-c", PAGES).strip()

    # Every row the old release had is still there, unaltered; migrations written since
    # (editorial 0005's translation permission) may add rows.
    changed = [table for table in before if not set(before[table]) <= set(after[table])]
    if pending or changed:
        sys.exit(f"Pending after the upgrade: {pending}; tables that lost rows: {changed}")
    print(f"Upgraded from {rev}: no migration pending, {served} seeded pages served,")
    print(f"every row of {', '.join(before)} kept.")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "2168c8f")
