"""An editor uploads an image: the page says what happened; alt text before the library."""

from PIL import Image
from playwright.sync_api import expect

from images.models import CustomImage


def test_an_upload_without_alt_text_says_it_is_not_saved_yet(site_url, editor, tmp_path):
    photo = tmp_path / "street-party.png"
    Image.new("RGB", (640, 480), (200, 30, 60)).save(photo)  # not like any seeded image
    images_before = CustomImage.objects.count()
    editor.goto(f"{site_url}/admin/images/multiple/add/")
    editor.locator("#fileupload").set_input_files(photo)

    upload = editor.locator("#upload-list li").first
    # Each upload holds every status message; the page shows the ones that apply.
    expect(
        upload.get_by_text("Uploaded, but not in the image library yet. Check the title")
    ).to_be_visible()
    expect(upload.get_by_text("Alt text is required")).to_be_visible()
    expect(upload.get_by_text("Upload successful")).to_have_count(0)
    editor.screenshot(path=".tmp/image-upload.png")
    assert CustomImage.objects.count() == images_before

    upload.get_by_label("Alt text (description)").fill("Residents at a street party")
    upload.get_by_role("button", name="Update").click()
    expect(editor.locator(".messages")).to_contain_text("Image updated")
    assert CustomImage.objects.filter(description="Residents at a street party").exists()
