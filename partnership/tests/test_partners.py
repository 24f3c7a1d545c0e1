"""Fairer Together partners: editors add and order them, residents and machines read them."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from partnership.factories import PartnerFactory
from partnership.models import Partner

PAGE_URL = "/fairer-together/"


@pytest.fixture
def logo(db):
    with open("seed/images/fairer-together-logo.png", "rb") as image_file:
        image = get_image_model()(
            title="A partner logo",
            description="A partner logo",
            file=ImageFile(image_file, name="partner-logo.png"),
        )
        image.save()
    return image


def json_ld_organisations(html):
    start = html.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    data = json.loads(html[start : html.index("</script>", start)])
    return [node for node in data["@graph"] if node["@type"] == "Organization"]


@pytest.mark.django_db
def test_the_page_reads_well_with_no_partners(seeded_site, client):
    response = client.get(PAGE_URL)

    assert response.status_code == 200
    assert "Our partners" not in response.text
    assert json_ld_organisations(response.text) == []


@pytest.mark.django_db
def test_partners_are_shown_in_the_editors_order_with_their_details(seeded_site, client, logo):
    PartnerFactory(name="Second Housing", sort_order=2)
    PartnerFactory(name="First Health", sort_order=1, logo=logo, logo_alt_text="First Health logo")

    html = client.get(PAGE_URL).text

    assert "Our partners" in html
    assert html.index("First Health") < html.index("Second Housing")
    assert '<a href="https://first-health.example.org/">First Health</a>' in html
    assert "Second Housing works with the council." in html
    assert 'alt="First Health logo"' in html
    assert ".max-240x120." in html


@pytest.mark.django_db
def test_each_partner_is_an_organization_in_the_json_ld(seeded_site, client, logo):
    PartnerFactory(name="First Health", sort_order=1, logo=logo, logo_is_decorative=True)
    PartnerFactory(name="Second Housing", sort_order=2)

    organisations = json_ld_organisations(client.get(PAGE_URL).text)

    assert [org["name"] for org in organisations] == ["First Health", "Second Housing"]
    assert organisations[0]["url"] == "https://first-health.example.org/"
    assert organisations[0]["description"] == "First Health works with the council."
    assert organisations[0]["logo"].startswith("http://localhost/media/images/")
    assert "logo" not in organisations[1]


@pytest.mark.django_db
def test_showing_more_partners_costs_no_more_queries(seeded_site, client, logo):
    def queries_for_page():
        client.get(PAGE_URL)  # renditions are made on the first view
        with CaptureQueriesContext(connection) as queries:
            assert client.get(PAGE_URL).status_code == 200
        return len(queries)

    PartnerFactory(name="Partner 1", sort_order=1, logo=logo, logo_alt_text="Logo 1")
    with_one = queries_for_page()
    for number in range(2, 6):
        PartnerFactory(
            name=f"Partner {number}", sort_order=number, logo=logo, logo_alt_text=f"Logo {number}"
        )
    with_five = queries_for_page()

    assert with_five == with_one


@pytest.mark.django_db
def test_a_logo_needs_alt_text_unless_it_is_decorative(logo):
    logo.description = ""
    partner = Partner(
        name="No Alt",
        web_address="https://no-alt.example.org/",
        description="A partner.",
        logo=logo,
    )

    with pytest.raises(ValidationError) as error:
        partner.full_clean()
    assert error.value.message_dict["logo_alt_text"] == [
        "Describe the logo, or mark it as decorative."
    ]

    partner.logo_is_decorative = True
    partner.full_clean()


@pytest.mark.django_db
def test_an_editor_adds_a_partner_and_it_goes_last(client, admin_user):
    PartnerFactory(name="Existing", sort_order=1)
    client.force_login(admin_user)

    response = client.post(
        "/admin/snippets/partnership/partner/add/",
        {
            "name": "New Partner",
            "web_address": "https://new.example.org/",
            "description": "Joined this year.",
            "logo_alt_text": "",
        },
    )

    assert response.status_code == 302
    assert [p.name for p in Partner.objects.all()] == ["Existing", "New Partner"]
    listing = client.get("/admin/snippets/partnership/partner/")
    assert listing.status_code == 200
    assert "New Partner" in listing.text
