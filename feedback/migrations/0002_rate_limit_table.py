"""The table the "ratelimit" cache keeps its counts in when there is no Redis.

Created whatever the cache is configured as today, so that a site moved from
Redis to the database later still has it; Django's `createcachetable` makes
the same table and skips it when it exists.
"""

from django.conf import settings
from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import migrations


def create_table(apps, schema_editor):
    command = CreateCacheTable()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, settings.RATE_LIMIT_CACHE_TABLE, False)


def drop_table(apps, schema_editor):
    table = schema_editor.quote_name(settings.RATE_LIMIT_CACHE_TABLE)
    schema_editor.execute(f"DROP TABLE IF EXISTS {table}")


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_initial")]

    operations = [migrations.RunPython(create_table, drop_table)]
