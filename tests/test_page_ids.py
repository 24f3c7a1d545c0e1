"""Every id on a public page is unique: partners link to /page/#id, the contents list and
labels point at ids, and a repeated id sends them to the wrong place."""

import json
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text

from pages.anchors import RESERVED_IDS, heading_ids
from pages.factories import NotificationBannerFactory, StandardPageFactory
from pages.models import InequalityPage, ValuesPage
from pages.tests.test_anchors import values_page_form_data
from seed.paths import PUBLIC_PATHS

PAGES = [*PUBLIC_PATHS, "/search/?q=homes"]
SEEDED_IDS = Path(__file__).parent / "fixtures" / "seeded_page_ids.json"


class _IdCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = []

    def handle_starttag(self, tag, attrs):
        self.ids.extend(value for name, value in attrs if name == "id")


def ids_in(html):
    collector = _IdCollector()
    collector.feed(html)
    return collector.ids


def editor_ids(page):
    """The ids that come from what an editor wrote: item anchors and headings."""
    ids = set()
    for field_name, _text_key in getattr(page, "linkable_items", ()):
        ids.update(child.value.get("anchor") or child.id for child in getattr(page, field_name))
    if hasattr(page, "body"):
        ids.update(heading_ids(page.body))
    return ids


@pytest.fixture
def banner_on(seeded_site):
    NotificationBannerFactory(message="<p>Roadworks on Upper Street.</p>")


@pytest.fixture
def repeated_headings(seeded_site):
    """A standard page whose headings repeat each other and an id of the page's own."""
    return StandardPageFactory(
        title="Housing repairs",
        body=[
            ("heading", {"text": "Contact us", "level": "h2"}),
            ("paragraph", "<p>About gas leaks.</p>"),
            ("heading", {"text": "Contact us", "level": "h2"}),
            ("paragraph", "<p>About leaking roofs.</p>"),
            ("heading", {"text": "Main content", "level": "h2"}),
            ("heading", {"text": "Feedback heading", "level": "h3"}),
        ],
    )


def test_no_page_repeats_an_id(banner_on, repeated_headings, client):
    repeated = {}
    for url in [*PAGES, repeated_headings.url]:
        counts = Counter(ids_in(client.get(url).text))
        repeated.update({(url, id_): n for id_, n in counts.items() if n > 1})

    assert repeated == {}


def test_every_id_the_templates_render_is_reserved_from_editors(
    banner_on, repeated_headings, client
):
    """The reserved list is kept in one place; this finds any id a template adds to it."""
    pages = {page.url: page for page in Page.objects.live().specific()}
    unreserved = {}
    for url in [*PAGES, repeated_headings.url]:
        page = pages.get(url)
        ids = set(ids_in(client.get(url).text)) - (editor_ids(page) if page else set())
        if ids - RESERVED_IDS:
            unreserved[url] = sorted(ids - RESERVED_IDS)

    assert unreserved == {}


def test_two_headings_with_the_same_text_get_their_own_ids(repeated_headings, client):
    html = client.get(repeated_headings.url).text

    assert '<h2 class="heading-l" id="contact-us">Contact us</h2>' in html
    assert '<h2 class="heading-l" id="contact-us-2">Contact us</h2>' in html
    assert '<a class="contents__link" href="#contact-us">Contact us</a>' in html
    assert '<a class="contents__link" href="#contact-us-2">Contact us</a>' in html
    assert '<h2 class="heading-l" id="main-content-2">Main content</h2>' in html
    assert '<a class="contents__link" href="#main-content-2">Main content</a>' in html


def test_the_ids_on_the_seeded_pages_stay_the_same(seeded_site, client):
    """Partners link to these: written down from the site before headings got unique ids."""
    ids = {url: ids_in(client.get(url).text) for url in PAGES}

    assert ids == json.loads(SEEDED_IDS.read_text())


TEMPLATE_IDS = [
    "header-search",
    "contents-heading",
    "notification-banner-title",
    "feedback-comment",
]


@pytest.mark.parametrize("anchor", TEMPLATE_IDS)
def test_an_anchor_the_templates_use_is_refused(seeded_site, anchor):
    page = InequalityPage.objects.get()
    data = list(page.ways.raw_data)
    data[0]["value"]["anchor"] = anchor
    page.ways = data

    with pytest.raises(ValidationError) as error:
        page.full_clean()

    message = error.value.error_dict["ways"][0].block_errors[0].block_errors["anchor"].messages
    assert message == [
        f"The page itself uses '{anchor}' (for a heading or section). Choose a different anchor."
    ]


@pytest.mark.parametrize("anchor", ["header-search", "contents-heading"])
def test_the_editor_cannot_give_a_value_an_id_the_page_already_has(
    seeded_site, admin_client, anchor
):
    page = ValuesPage.objects.get()
    values = [
        ("value", {"name": "Collaborative", "description": rich_text(""), "anchor": anchor}),
        ("value", {"name": "Ambitious", "description": rich_text(""), "anchor": "ambitious"}),
    ]
    data = values_page_form_data(page, values)

    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)

    assert "The page could not be saved due to validation errors" in response.text
    assert f"The page itself uses &#x27;{anchor}&#x27;" in response.text.replace(
        "\\u0027", "&#x27;"
    )
    page.refresh_from_db()
    assert [child.value["anchor"] for child in page.values][0] == "collaborative"
