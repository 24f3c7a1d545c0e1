import uuid

from django.db import models
from django.db.models.functions import Now


def new_token():
    return uuid.uuid4().hex


class ContentVersion(models.Model):
    """One row: changes whenever anything a public page shows changes.

    It lives in the database, not in a cache, so that it changes in the same
    transaction as the content: every process on every host reads the same
    answer, a rolled-back change rolls it back too, and a cache outage cannot
    lose it. A random token rather than a counter: after a rollback (or a
    restore) a later change never reuses a value that pages were cached under.
    """

    token = models.CharField(max_length=32, default=new_token)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "content version"

    def __str__(self):
        return f"{self.token} ({self.changed_at:%Y-%m-%d %H:%M:%S})"

    # The row is created by the migration; these also cope with a flushed table.

    @classmethod
    def read(cls):
        return cls.objects.filter(pk=1).values_list("token", flat=True).first() or ""

    @classmethod
    def bump(cls):
        token = new_token()
        if not cls.objects.filter(pk=1).update(token=token, changed_at=Now()):
            cls.objects.update_or_create(pk=1, defaults={"token": token})
        return token
