"""Documents reach visitors only through Wagtail's view, which checks privacy: never
straight from the media folder or from object storage."""

import pytest
from django.http import Http404
from django.test import RequestFactory

from operations.storage import MediaStorage
from operations.views import serve_media_file


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "budget.txt").write_text("The budget in full")
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "photo.txt").write_text("a photo")
    return tmp_path


@pytest.mark.parametrize(
    "path",
    ["documents/budget.txt", "./documents/budget.txt", "images/../documents/budget.txt",
     "/documents/budget.txt", "images//../documents/budget.txt"],
)  # fmt: skip
def test_documents_are_never_served_from_the_media_folder(media, path):
    with pytest.raises(Http404):
        serve_media_file(RequestFactory().get(f"/media/{path}"), path)


def test_images_are_served_from_the_media_folder(media):
    response = serve_media_file(RequestFactory().get("/media/images/photo.txt"), "images/photo.txt")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"a photo"


@pytest.fixture
def s3_storage():
    # Signing a URL is local work: no request reaches any S3 endpoint.
    return MediaStorage(
        bucket_name="islington-media",
        region_name="eu-west-2",
        custom_domain="media.example.org",
        querystring_auth=False,
        access_key="AKIAEXAMPLE",
        secret_key="not-a-real-secret",
    )


def test_with_s3_images_are_public_at_stable_addresses(s3_storage):
    assert s3_storage.url("images/photo.jpg") == "https://media.example.org/images/photo.jpg"
    assert "ACL" not in s3_storage.get_object_parameters("images/photo.jpg")


def test_with_s3_documents_are_uploaded_private_and_never_given_a_public_address(s3_storage):
    assert s3_storage.get_object_parameters("documents/budget.pdf")["ACL"] == "private"

    url = s3_storage.url("documents/budget.pdf")

    assert "media.example.org" not in url
    assert "islington-media" in url
    assert "X-Amz-Signature=" in url or "Signature=" in url
