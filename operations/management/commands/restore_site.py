from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from operations.backup import read_backup


class Command(BaseCommand):
    help = (
        "Restore a backup_site archive: REPLACES everything in the database with the "
        "archive's content and copies its media files into MEDIA_ROOT."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--noinput", action="store_false", dest="interactive", help="Do not ask to confirm."
        )

    def handle(self, *args, archive, interactive=True, **options):
        if interactive:
            answer = input(
                "This replaces every page, image and login in the database. Type 'yes': "
            )
            if answer != "yes":
                raise CommandError("Restore cancelled.")
        try:
            file_count = read_backup(archive)
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error
        # The search index is left out of backups: rebuild it from the restored pages.
        call_command("update_index", verbosity=0)
        self.stdout.write(f"Restored the database and {file_count} media files from {archive}")
