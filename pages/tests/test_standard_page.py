"""Long standard pages, such as the accessibility statement, open with a contents list."""

import pytest

from pages.factories import StandardPageFactory
from tests.html_text import page_text


@pytest.mark.django_db
def test_the_accessibility_statement_lists_its_sections_and_what_the_regulations_require(
    seeded_site, client
):
    html = client.get("/accessibility/").text

    assert '<nav class="contents" aria-labelledby="contents-heading">' in html
    assert '<a class="contents__link" href="#enforcement-procedure">' in html
    assert '<h2 class="heading-l" id="enforcement-procedure">' in html
    text = page_text(html)
    for required in [
        "Compliance status",
        "Known problems",
        "Asking for information in another format",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "It was last reviewed on",
    ]:
        assert required in text


@pytest.mark.django_db
def test_a_page_with_one_heading_has_no_contents_list(client):
    StandardPageFactory(
        slug="short",
        body=[
            ("heading", {"text": "Only section", "level": "h2"}),
            ("paragraph", "<p>Not much here.</p>"),
        ],
    )

    html = client.get("/short/").text

    assert 'id="only-section"' in html
    assert "contents-heading" not in html
