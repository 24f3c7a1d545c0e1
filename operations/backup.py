"""Backups of the whole site, portable between databases: content as JSON, media as files.

An archive is a .tar.gz holding `data.json` (Django's JSON serialisation, loaded back
with loaddata) and `media/` (the uploaded files). Rows keep their primary keys,
because page content and revisions refer to pages and images by id; only content
types and permissions, which `migrate` recreates with other ids, are referred to by
name (natural keys). Every model of every installed app is included,
so models added later are backed up without anyone remembering to list them;
only what Django, Wagtail or the next visit rebuild is left out.
"""

import datetime
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer

# Rebuilt by `migrate` (content types, permissions), by Wagtail on demand (renditions,
# search index) or worthless after a restore (sessions).
EXCLUDED_MODELS = {
    "contenttypes.contenttype",
    "auth.permission",
    "sessions.session",
    "wagtailsearch.indexentry",
    "wagtailsearch.sqliteftsindexentry",
    "images.customrendition",
}
# Rendition files live here; Wagtail regenerates them from the originals.
EXCLUDED_MEDIA_DIRS = {"images"}
DATA_NAME = "data.json"
MEDIA_NAME = "media"


def backed_up_models():
    """Every concrete model whose rows a backup keeps."""
    return [
        model
        for model in apps.get_models()
        if not model._meta.proxy
        and model._meta.managed
        and model._meta.label_lower not in EXCLUDED_MODELS
    ]


class BackupSerializer(JSONSerializer):
    """JSON with natural keys for content types and permissions only.

    Natural keys everywhere would also name pages by their URL path, which fails
    on the log entries of deleted pages and would renumber the pages themselves.
    """

    by_name = (ContentType, Permission)

    def handle_fk_field(self, obj, field):
        self.use_natural_foreign_keys = field.remote_field.model in self.by_name
        super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj, field):
        self.use_natural_foreign_keys = field.remote_field.model in self.by_name
        super().handle_m2m_field(obj, field)


class ExactTimesEncoder(DjangoJSONEncoder):
    """Django's encoder rounds times to the millisecond; a backup keeps every microsecond."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def serialize(rows, stream=None):
    return BackupSerializer().serialize(rows, stream=stream, cls=ExactTimesEncoder)


def all_rows():
    for model in backed_up_models():
        yield from model._base_manager.order_by("pk")


def media_files(media_root):
    for path in sorted(Path(media_root).rglob("*")):
        relative = path.relative_to(media_root)
        if path.is_file() and relative.parts[0] not in EXCLUDED_MEDIA_DIRS:
            yield path, relative


def write_backup(archive_path):
    """Write the database content and the media files to one archive; return counts."""
    file_count = 0
    with tempfile.TemporaryDirectory() as workdir, tarfile.open(archive_path, "w:gz") as archive:
        data_file = Path(workdir) / DATA_NAME
        with data_file.open("w") as stream:
            serialize(all_rows(), stream=stream)
        archive.add(data_file, arcname=DATA_NAME)
        for path, relative in media_files(settings.MEDIA_ROOT):
            archive.add(path, arcname=f"{MEDIA_NAME}/{relative.as_posix()}")
            file_count += 1
    return file_count


def read_backup(archive_path):
    """Replace the database content and add the media files from an archive.

    The database is emptied first (flush), so the result is exactly the backup,
    not a mix with whatever migrations created in a fresh database.
    """
    with tempfile.TemporaryDirectory() as workdir, tarfile.open(archive_path, "r:gz") as archive:
        # The "data" filter refuses absolute paths, links out of the folder and devices.
        archive.extractall(workdir, filter="data")
        data_file = Path(workdir) / DATA_NAME
        if not data_file.is_file():
            raise ValueError(f"{archive_path} is not a site backup: it has no {DATA_NAME}.")

        call_command("flush", interactive=False, verbosity=0)
        call_command("loaddata", str(data_file), verbosity=0)

        media_root = Path(settings.MEDIA_ROOT)
        extracted_media = Path(workdir) / MEDIA_NAME
        file_count = 0
        if extracted_media.is_dir():
            for path in sorted(extracted_media.rglob("*")):
                if path.is_file():
                    target = media_root / path.relative_to(extracted_media)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(path.read_bytes())
                    file_count += 1
    return file_count
