"""Editors can upload only images and documents of sensible size and type; documents
reach residents through Wagtail's serve view, which forbids running anything inside them."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script></svg>"
)


def uploaded_images():
    """Images editors uploaded (the seeded site's own images were not uploaded)."""
    return get_image_model().objects.filter(uploaded_by_user__isnull=False)


def png(width=20, height=10):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def upload_image(client, name, content, content_type="image/png"):
    return client.post(
        "/admin/images/add/",
        {
            "title": "Upload",
            "description": "A teal rectangle",
            "file": SimpleUploadedFile(name, content, content_type=content_type),
        },
    )


def upload_document(client, name, content, content_type="application/pdf"):
    return client.post(
        "/admin/documents/add/",
        {"title": "Upload", "file": SimpleUploadedFile(name, content, content_type=content_type)},
    )


def form_errors(response):
    return str(response.context["form"].errors)


@pytest.fixture
def editor(admin_client):
    return admin_client


def test_an_editor_uploads_a_png(editor):
    response = upload_image(editor, "rectangle.png", png())

    assert response.status_code == 302
    assert uploaded_images().get().width == 20


def test_svg_images_are_refused(editor):
    response = upload_image(editor, "logo.svg", SVG_WITH_SCRIPT, "image/svg+xml")

    assert response.status_code == 200
    assert "Not a supported image format" in form_errors(response)
    assert not uploaded_images().exists()


def test_svg_disguised_as_png_is_refused(editor):
    response = upload_image(editor, "logo.png", SVG_WITH_SCRIPT)

    assert response.status_code == 200
    assert "Not a valid .png image" in form_errors(response)
    assert not uploaded_images().exists()


def test_oversized_images_are_refused(editor, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    response = upload_image(editor, "big.png", png() + b"\0" * 2048)

    assert response.status_code == 200
    assert "This file is too big" in form_errors(response)
    assert not uploaded_images().exists()


def test_images_with_too_many_pixels_are_refused(editor, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100
    response = upload_image(editor, "wide.png", png(200, 10))

    assert response.status_code == 200
    assert "too many pixels" in form_errors(response)


def test_the_configured_limits(settings):
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE <= 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS <= 50_000_000
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE <= 20 * 1024 * 1024
    assert not {"html", "htm", "svg", "js", "exe"} & set(settings.WAGTAILDOCS_EXTENSIONS)


@pytest.mark.parametrize(
    ("name", "content_type"),
    [("page.html", "text/html"), ("logo.svg", "image/svg+xml"), ("setup.exe", "application/x")],
)
def test_documents_of_dangerous_types_are_refused(editor, name, content_type):
    response = upload_document(editor, name, b"<script>alert(1)</script>", content_type)

    assert response.status_code == 200
    assert "File extension" in form_errors(response)
    assert not get_document_model().objects.exists()


def test_oversized_documents_are_refused(editor, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = upload_document(editor, "report.pdf", b"%PDF-1.4" + b"\0" * 2048)

    assert response.status_code == 200
    assert "This file is too big" in form_errors(response)


def test_documents_are_served_through_wagtail_with_a_locked_down_policy(editor, client):
    response = upload_document(editor, "minutes.txt", b"Minutes of the meeting", "text/plain")
    assert response.status_code == 302
    document = get_document_model().objects.get()

    # The serve view's address, not the file's address under MEDIA_URL.
    assert document.url == f"/documents/{document.pk}/{document.filename}"
    response = client.get(document.url)

    assert response.status_code == 200
    assert response.headers["Content-Security-Policy"] == "default-src 'none'"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Disposition"].startswith(("inline", "attachment"))
    assert document.filename in response.headers["Content-Disposition"]
    assert b"".join(response.streaming_content) == b"Minutes of the meeting"
