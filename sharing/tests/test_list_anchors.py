"""`manage.py list_anchors`: the anchors partners can link to, read from the content."""

import io

import pytest
from django.core.management import call_command

from priorities.models import PriorityPage


def list_anchors(*args):
    out = io.StringIO()
    call_command("list_anchors", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_lists_every_pages_anchors_from_the_seeded_content(seeded_site):
    output = list_anchors()
    lines = output.splitlines()

    assert "/priorities/a-decent-home-for-everyone/#preventing-homelessness" in lines
    assert "/values/#collaborative" in lines
    assert "/fairer-together/#a-shared-approach-to-strategy-and-investment" in lines
    assert "/challenging-inequality/#getting-to-know-people-and-their-differences" in lines
    # Four priorities with 4, 3, 4 and 4 commitments; 4 values; 7 ways; 4 aims.
    assert len(lines) == 30


@pytest.mark.django_db
def test_follows_an_editors_change_of_anchor(seeded_site):
    page = PriorityPage.objects.get(slug="a-decent-home-for-everyone")
    page.commitments[0].value["anchor"] = "new-council-homes"
    page.save_revision().publish()

    lines = list_anchors().splitlines()

    assert "/priorities/a-decent-home-for-everyone/#new-council-homes" in lines
    assert "/priorities/a-decent-home-for-everyone/#building-new-council-homes" not in lines


@pytest.mark.django_db
def test_full_addresses_with_text_for_a_reader(seeded_site):
    output = list_anchors("--full")

    assert "http://" in output or "https://" in output
    assert "#preventing-homelessness\tPreventing homelessness" in output
