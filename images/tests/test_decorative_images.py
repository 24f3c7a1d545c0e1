"""An image marked decorative in the library is skipped by screen readers wherever a page
shows it: the home page's hero, the partnership page's logo and each partner's logo get
alt="", whatever alt text the page itself gives."""

import re

import pytest
from wagtail.images import get_image_model

from partnership.factories import PartnerFactory
from partnership.models import Partner

IMG_TAG = re.compile(r"<img\b[^>]*>")
ALT = re.compile(r'\balt="([^"]*)"')


def alt_texts(html, file_stem):
    """The alt text of every <img> whose address names the image's file."""
    return [ALT.search(tag).group(1) for tag in IMG_TAG.findall(html) if file_stem in tag]


def mark_decorative(image):
    image.is_decorative = True
    image.save()


@pytest.mark.django_db
def test_a_decorative_hero_image_has_empty_alt_text(seeded_site, client):
    mark_decorative(get_image_model().objects.get(file__contains="hero"))

    assert alt_texts(client.get("/").text, "hero") == [""]


@pytest.mark.django_db
def test_a_decorative_partnership_logo_has_empty_alt_text(seeded_site, client):
    mark_decorative(get_image_model().objects.get(file__contains="fairer-together-logo"))

    assert alt_texts(client.get("/fairer-together/").text, "fairer-together-logo") == [""]


@pytest.mark.django_db
def test_a_decorative_partner_logo_has_empty_alt_text(seeded_site, client):
    logo = get_image_model().objects.get(file__contains="fairer-together-logo")
    PartnerFactory(name="First Health", logo=logo, logo_alt_text="First Health logo")
    mark_decorative(logo)
    assert Partner.objects.get().logo_is_decorative is False  # only the image says so

    html = client.get("/fairer-together/").text

    assert alt_texts(html, "max-240x120") == [""]


@pytest.mark.django_db
def test_an_image_decorative_in_the_library_needs_no_alt_text_on_the_page(seeded_site):
    logo = get_image_model().objects.get(file__contains="fairer-together-logo")
    logo.description = ""
    mark_decorative(logo)
    partner = Partner(name="Plain", web_address="https://plain.example.org/", description="A.")
    partner.logo = logo

    partner.full_clean()  # no "Describe the logo" error
