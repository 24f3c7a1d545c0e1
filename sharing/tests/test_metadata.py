"""Shared links look right: description, canonical URL, previews and structured data."""

import json
import re
from html.parser import HTMLParser

import pytest

from priorities.models import PriorityPage
from sharing.metadata import json_ld

PRIORITY_URL = "/priorities/a-decent-home-for-everyone/"


class _HeadParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta = {}
        self.links = {}
        self.json_ld = []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.meta[key] = attrs.get("content")
        elif tag == "link":
            self.links[attrs["rel"]] = attrs["href"]
        elif tag == "script":
            assert attrs.get("type") == "application/ld+json", "only JSON-LD may be inline"
            self._in_json_ld = True

    def handle_endtag(self, tag):
        self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld.append(json.loads(data))


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parser = _HeadParser()
    parser.feed(response.text)
    return parser


def graph_node(parser, node_type):
    (data,) = parser.json_ld
    return next(node for node in data["@graph"] if node["@type"] == node_type)


@pytest.mark.django_db
def test_a_priority_page_describes_itself_for_search_and_previews(seeded_site, client):
    page = head(client, PRIORITY_URL)

    description = (
        "Building new council homes, being a good landlord, standing up for private "
        "renters, and preventing homelessness"
    )
    assert page.meta["description"] == description
    assert page.links["canonical"] == f"http://localhost{PRIORITY_URL}"
    assert page.meta["og:url"] == f"http://localhost{PRIORITY_URL}"
    assert page.meta["og:title"] == "A decent home for everyone"
    assert page.meta["og:description"] == description
    assert page.meta["twitter:card"] == "summary_large_image"
    assert page.meta["og:image"] == "http://localhost/static/images/share-default.png"
    assert (page.meta["og:image:width"], page.meta["og:image:height"]) == ("1200", "630")
    assert page.meta["twitter:image"] == page.meta["og:image"]


@pytest.mark.django_db
def test_the_editors_search_description_wins_over_the_summary(seeded_site, client):
    priority = PriorityPage.objects.get(slug="a-decent-home-for-everyone")
    priority.search_description = "Homes for everyone in Islington."
    priority.save_revision().publish()

    page = head(client, PRIORITY_URL)

    assert page.meta["description"] == "Homes for everyone in Islington."


@pytest.mark.django_db
def test_rich_text_summaries_become_short_plain_descriptions(seeded_site, client):
    description = head(client, "/fairer-together/").meta["description"]

    assert "<" not in description
    assert len(description) <= 160
    assert description.endswith("…")


@pytest.mark.django_db
def test_the_home_page_is_shared_with_its_hero_image_at_1200_by_630(seeded_site, client):
    page = head(client, "/")

    assert re.fullmatch(
        r"http://localhost/media/images/hero\S*\.fill-1200x630\.jpg", page.meta["og:image"]
    )
    assert (page.meta["og:image:width"], page.meta["og:image:height"]) == ("1200", "630")
    assert page.meta["og:image:alt"].startswith("Young boy wearing a yellow top")


@pytest.mark.django_db
def test_every_page_has_the_council_the_page_and_its_breadcrumbs_as_json_ld(seeded_site, client):
    page = head(client, PRIORITY_URL)

    council = graph_node(page, "GovernmentOrganization")
    assert council["name"] == "Islington Council"
    web_page = graph_node(page, "WebPage")
    assert web_page["url"] == f"http://localhost{PRIORITY_URL}"
    assert web_page["publisher"] == {"@id": council["@id"]}
    assert web_page["dateModified"]
    trail = graph_node(page, "BreadcrumbList")["itemListElement"]
    assert [(crumb["position"], crumb["name"], crumb["item"]) for crumb in trail] == [
        (1, "Home", "http://localhost/"),
        (2, "Our priorities", "http://localhost/priorities/"),
        (3, "A decent home for everyone", f"http://localhost{PRIORITY_URL}"),
    ]


@pytest.mark.django_db
def test_a_title_cannot_break_out_of_the_json_ld_script(seeded_site, client):
    priority = PriorityPage.objects.get(slug="a-decent-home-for-everyone")
    priority.title = "Homes </script><script>alert(1)</script> & more"
    priority.save_revision().publish()

    html = client.get(PRIORITY_URL).text
    script = html[html.index('<script type="application/ld+json">') :]
    script = script[: script.index("</script>")]

    assert "<" not in script.removeprefix('<script type="application/ld+json">')
    assert "\\u003c/script\\u003e" in script
    assert graph_node(head(client, PRIORITY_URL), "WebPage")["name"].startswith("Homes </script>")


def test_json_ld_escapes_every_character_that_could_end_the_script():
    assert str(json_ld({"a": "<&>"})) == '{"a": "\\u003c\\u0026\\u003e"}'
