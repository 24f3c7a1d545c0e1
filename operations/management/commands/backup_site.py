from django.core.management.base import BaseCommand
from django.utils import timezone

from operations.backup import write_backup


class Command(BaseCommand):
    help = "Back up the site's content and uploaded files to one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "archive",
            nargs="?",
            help="Where to write the archive (default: site-backup-<date-time>.tar.gz here)",
        )

    def handle(self, *args, archive=None, **options):
        archive = archive or f"site-backup-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"
        file_count = write_backup(archive)
        self.stdout.write(f"Backed up the database and {file_count} media files to {archive}")
