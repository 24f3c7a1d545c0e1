"""A page's or a collection's shared password cannot be guessed without limit."""

import pytest
from axes.models import AccessAttempt
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

PASSWORD = "open sesame"


@pytest.fixture
def private_page(seeded_site):
    page = Page.objects.get(slug="values")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type="password", password=PASSWORD
    )
    return page, reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])


def guess(client, action, password, address="192.0.2.1", return_url="/values/"):
    return client.post(
        action, {"password": password, "return_url": return_url}, REMOTE_ADDR=address
    )


@pytest.mark.django_db
def test_four_wrong_passwords_get_the_form_again_and_the_fifth_pauses_the_form(
    client, private_page
):
    _page, action = private_page
    for attempt in range(4):
        response = guess(client, action, f"guess {attempt}")
        assert response.status_code == 200
        assert "You need a password to access this page." in response.text

    paused = guess(client, action, "guess 5")

    assert paused.status_code == 429
    assert "Too many password attempts" in paused.text
    assert "paused for 15 minutes" in paused.text
    # Even the right password waits for the cool-off...
    assert guess(client, action, PASSWORD).status_code == 429
    # ...and another visitor is not locked out.
    assert guess(client, action, PASSWORD, address="198.51.100.7").status_code == 302


@pytest.mark.django_db
def test_the_right_password_opens_the_page_and_clears_the_count(client, private_page):
    _page, action = private_page
    for attempt in range(3):
        guess(client, action, f"guess {attempt}")

    response = guess(client, action, PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == "/values/"
    assert client.get("/values/").status_code == 200
    assert not AccessAttempt.objects.exists()


@pytest.mark.django_db
def test_a_collections_password_is_throttled_too(client, seeded_site):
    reports = Collection.get_first_root_node().add_child(name="Reports")
    restriction = CollectionViewRestriction.objects.create(
        collection=reports, restriction_type="password", password=PASSWORD
    )
    document = get_document_model().objects.create(
        title="Budget", collection=reports, file=ContentFile(b"The budget", name="budget.txt")
    )
    action = reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk])

    statuses = [
        guess(client, action, f"guess {n}", return_url=document.url).status_code for n in range(6)
    ]

    assert statuses == [200, 200, 200, 200, 429, 429]


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["/_util/authenticate_with_password/999/999/",
                                    "/documents/authenticate_with_password/999/"])  # fmt: skip
def test_a_password_for_a_restriction_that_does_not_exist_is_a_404(client, action):
    assert guess(client, action, "anything").status_code == 404
