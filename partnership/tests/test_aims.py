"""Partners link to each aim of Fairer Together: /fairer-together/#<anchor>."""

import pytest

from partnership.models import PartnershipPage


def anchors(page):
    return [child.value["anchor"] for child in page.aims]


@pytest.mark.django_db
def test_each_aim_is_rendered_with_its_anchor_and_a_link_to_it(seeded_site, client):
    page = PartnershipPage.objects.get()
    html = client.get("/fairer-together/").text

    for anchor in anchors(page):
        assert f'<li class="linkable-item" id="{anchor}">' in html
        assert f'href="#{anchor}"' in html


@pytest.mark.django_db
def test_rewording_and_reordering_aims_keeps_each_anchor(seeded_site):
    page = PartnershipPage.objects.get()
    original = anchors(page)
    data = list(reversed(page.aims.raw_data))
    for item in data:
        item["value"]["text"] = item["value"]["text"].upper()
    page.aims = data
    page.full_clean()
    page.save_revision().publish()

    page.refresh_from_db()
    assert anchors(page) == list(reversed(original))
