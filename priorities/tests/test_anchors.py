"""Partners link to /priorities/<slug>/#<anchor>: anchors outlive rewording and reordering."""

import pytest
from django.core.exceptions import ValidationError

from pages.tests.test_anchors import anchors, reverse_and_reword
from priorities.models import PriorityPage


@pytest.fixture
def priority(seeded_site):
    return PriorityPage.objects.get(slug="a-decent-home-for-everyone")


@pytest.mark.django_db
def test_each_commitment_is_rendered_in_order_with_its_anchor(priority, client):
    html = client.get(priority.url).text

    positions = [html.index(f'id="{anchor}"') for anchor in anchors(priority.commitments)]
    assert positions == sorted(positions)
    assert 'href="#building-new-council-homes"' in html


@pytest.mark.django_db
def test_rewording_and_reordering_keep_each_anchor(priority):
    original_anchors = reverse_and_reword(
        priority, "commitments", "text", "Preventing homelessness across the borough"
    )

    priority.refresh_from_db()
    assert anchors(priority.commitments) == list(reversed(original_anchors))


@pytest.mark.django_db
def test_a_new_commitment_gets_an_anchor_from_its_text_and_never_a_duplicate(priority):
    data = list(priority.commitments.raw_data)
    data.append(
        {"type": "commitment", "value": {"text": "Building new council homes", "anchor": ""}}
    )
    data.append({"type": "commitment", "value": {"text": "Fixing repairs faster", "anchor": ""}})
    priority.commitments = data
    priority.full_clean()

    assert anchors(priority.commitments)[-2:] == [
        "building-new-council-homes-2",
        "fixing-repairs-faster",
    ]


@pytest.mark.django_db
def test_a_commitment_cannot_take_the_id_of_a_heading_on_the_page(priority):
    priority.body = [("heading", {"text": "Preventing homelessness", "level": "h2"})]

    with pytest.raises(ValidationError) as error:
        priority.full_clean()

    assert "commitments" in error.value.error_dict
