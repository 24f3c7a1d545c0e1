"""S3-compatible storage where images are public and documents are private.

Images and their renditions are read by browsers at stable public addresses, so
cached pages keep working. Documents may sit in a collection restricted to
signed-in users, so they are uploaded private and reach visitors only through
Wagtail's serve view (WAGTAILDOCS_SERVE_METHOD = "serve_view"), which checks the
collection's privacy and streams the file with the app's own credentials. Should
anything still ask for a document's storage address, it gets a short-lived signed
one on the bucket itself, never the public custom domain.
"""

from storages.backends.s3 import S3Storage
from storages.utils import clean_name

from .views import DOCUMENTS_FOLDER


def is_document(name):
    return clean_name(name).lstrip("/").split("/")[0] == DOCUMENTS_FOLDER


class MediaStorage(S3Storage):
    def get_object_parameters(self, name):
        parameters = super().get_object_parameters(name)
        if is_document(name):
            parameters["ACL"] = "private"
        return parameters

    def url(self, name, parameters=None, expire=None, http_method=None):
        if not is_document(name):
            return super().url(name, parameters, expire, http_method)
        return self.bucket.meta.client.generate_presigned_url(
            "get_object",
            Params={"Bucket": self.bucket.name, "Key": self._normalize_name(clean_name(name))},
            ExpiresIn=self.querystring_expire if expire is None else expire,
            HttpMethod=http_method,
        )
