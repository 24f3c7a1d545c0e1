"""Wagtail's publish_scheduled, saying what it published and unpublished.

Wagtail's command is silent unless given --dryrun; cron mail and the scheduler's
log then show nothing. This runs it unchanged and lists each page (or snippet)
that went live or expired, from Wagtail's own signals, so it reports what
actually happened.
"""

from django.utils import timezone
from wagtail.management.commands.publish_scheduled import Command as WagtailCommand
from wagtail.signals import page_published, page_unpublished, published, unpublished


class Command(WagtailCommand):
    help = (
        "Publish pages whose go-live time has passed and unpublish pages past their expiry "
        "time, listing each one. Run it every minute (make scheduler, cron, or a service)."
    )

    def handle(self, *args, **options):
        if options.get("dryrun"):
            return super().handle(*args, **options)
        went_live, expired = [], []

        def note_published(sender, instance, **kwargs):
            went_live.append(instance)

        def note_unpublished(sender, instance, **kwargs):
            expired.append(instance)

        receivers = [
            (page_published, note_published),
            (published, note_published),
            (page_unpublished, note_unpublished),
            (unpublished, note_unpublished),
        ]
        for signal, receiver in receivers:
            signal.connect(receiver, weak=False)
        try:
            super().handle(*args, **options)
        finally:
            for signal, receiver in receivers:
                signal.disconnect(receiver)

        now = f"{timezone.localtime():%Y-%m-%d %H:%M}"
        for obj in went_live:
            self.stdout.write(f"{now} Published: {self.describe(obj)}")
        for obj in expired:
            self.stdout.write(f"{now} Unpublished (expired): {self.describe(obj)}")
        # Silent when nothing was due (cron mails any output), unless asked with -v 2.
        if not went_live and not expired and options["verbosity"] >= 2:
            self.stdout.write(f"{now} Nothing to publish or unpublish.")

    @staticmethod
    def describe(obj):
        url = getattr(obj, "url", None)
        return f"'{obj}' ({url})" if url else f"'{obj}'"
