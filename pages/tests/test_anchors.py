"""Values and ways of celebrating difference keep their anchors, and no two items share one."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from pages.models import InequalityPage, ValuesPage


def values_page_form_data(page, values):
    """What the values page editor posts, with these values."""
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "introduction": rich_text(page.introduction),
            "work_ethic": rich_text(page.work_ethic),
            "values": streamfield(values),
        }
    )


def anchors(stream_value):
    return [child.value["anchor"] for child in stream_value]


def reverse_and_reword(page, field_name, text_key, new_text):
    """Publish the page with the items of `field_name` in reverse order and the new first
    one reworded, as an editor would; returns the anchors from before."""
    original = anchors(getattr(page, field_name))
    data = list(reversed(getattr(page, field_name).raw_data))
    data[0]["value"][text_key] = new_text
    setattr(page, field_name, data)
    page.full_clean()
    page.save_revision().publish()
    return original


@pytest.mark.django_db
def test_each_value_is_rendered_with_its_anchor_and_a_link_to_it(seeded_site, client):
    html = client.get("/values/").text

    for anchor in ("collaborative", "ambitious", "resourceful", "empowering"):
        assert f'id="{anchor}"' in html
        assert f'href="#{anchor}"' in html
    assert 'Link to this<span class="visually-hidden"> value: Collaborative' in html


@pytest.mark.django_db
def test_rewording_and_reordering_values_keeps_each_anchor(seeded_site):
    page = ValuesPage.objects.get()
    original = reverse_and_reword(page, "values", "name", "Empowering everyone")

    page.refresh_from_db()
    assert anchors(page.values) == list(reversed(original))


@pytest.mark.django_db
def test_rewording_and_reordering_ways_keeps_each_anchor(seeded_site, client):
    original = reverse_and_reword(
        InequalityPage.objects.get(), "ways", "text", "A completely new wording"
    )

    html = client.get("/challenging-inequality/").text
    positions = [html.index(f'id="{anchor}"') for anchor in reversed(original)]
    assert positions == sorted(positions)
    assert "A completely new wording" in html


@pytest.mark.django_db
def test_a_new_way_gets_an_anchor_that_no_other_item_uses(seeded_site):
    page = InequalityPage.objects.get()
    first = page.ways.raw_data[0]["value"]
    page.ways = [
        *page.ways.raw_data,
        {"type": "way", "value": {"text": first["text"], "anchor": ""}},
        {"type": "way", "value": {"text": "Main content", "anchor": ""}},
    ]
    page.full_clean()

    copy_anchor, main_content_anchor = anchors(page.ways)[-2:]
    assert copy_anchor.endswith("-2")
    assert copy_anchor not in anchors(page.ways)[:-2]
    assert main_content_anchor == "main-content-2"


@pytest.mark.django_db
def test_an_anchor_typed_twice_is_refused_with_a_clear_message(seeded_site):
    page = ValuesPage.objects.get()
    data = list(page.values.raw_data)
    data[1]["value"]["anchor"] = data[0]["value"]["anchor"]
    page.values = data

    with pytest.raises(ValidationError) as error:
        page.full_clean()

    stream_error = error.value.error_dict["values"][0]
    assert list(stream_error.block_errors) == [1]
    message = stream_error.block_errors[1].block_errors["anchor"].messages[0]
    assert message == (
        "Another item on this page already uses the anchor 'collaborative'. "
        "Choose a different one, or clear it to make one from the text."
    )


@pytest.mark.django_db
def test_an_anchor_the_page_itself_uses_is_refused(seeded_site):
    page = InequalityPage.objects.get()
    data = list(page.ways.raw_data)
    data[0]["value"]["anchor"] = "main-content"
    page.ways = data

    with pytest.raises(ValidationError) as error:
        page.full_clean()

    stream_error = error.value.error_dict["ways"][0]
    message = stream_error.block_errors[0].block_errors["anchor"].messages[0]
    assert message == (
        "The page itself uses 'main-content' (for a heading or section). Choose a different anchor."
    )


@pytest.mark.django_db
def test_the_editor_sees_the_duplicate_anchor_error_beside_the_item(seeded_site, admin_client):
    page = ValuesPage.objects.get()
    values = [
        ("value", {"name": "Collaborative", "description": rich_text(""), "anchor": "caring"}),
        ("value", {"name": "Ambitious", "description": rich_text(""), "anchor": "caring"}),
    ]
    data = values_page_form_data(page, values)

    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)

    assert response.status_code == 200
    assert "The page could not be saved due to validation errors" in response.text
    assert "already uses the anchor &#x27;caring&#x27;" in response.text.replace(
        "\\u0027", "&#x27;"
    )
    page.refresh_from_db()
    assert [child.value["anchor"] for child in page.values][0] == "collaborative"
