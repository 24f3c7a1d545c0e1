"""Vague link text is marked in previews for the accessibility checker, and only there."""

from editorial.link_text import mark_vague_links


def test_vague_link_text_is_marked_whatever_its_case_punctuation_and_markup():
    html = (
        '<a href="/a">Click here</a> <a href="/b"><strong>Read more…</strong></a> '
        '<a href="/c">Read the housing strategy</a>'
    )

    marked = mark_vague_links(html)

    assert marked.count('data-link-text="vague"') == 2
    assert '<a href="/c">Read the housing strategy</a>' in marked


def test_the_live_site_never_gets_the_mark(client, seeded_site):
    from wagtail.rich_text import RichText

    from pages.models import StandardPage

    page = StandardPage.objects.get(slug="accessibility")
    page.body.append(("paragraph", RichText('<p><a href="https://example.org/">here</a></p>')))
    page.save_revision().publish()

    response = client.get(page.url)

    assert b'href="https://example.org/">here</a>' in response.content
    assert b"data-link-text" not in response.content
