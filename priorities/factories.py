"""Test factories for the priorities app (see pages/factories.py)."""

import factory

from pages.factories import SitePageFactory

from .models import PrioritiesIndexPage, PriorityPage


class PriorityPageFactory(SitePageFactory):
    parent = factory.LazyFunction(PrioritiesIndexPage.objects.get)
    title = factory.Sequence(lambda number: f"Priority {number}")
    icon = "house"
    summary = "A summary."
    commitments = factory.LazyFunction(
        lambda: [("commitment", {"text": "A commitment", "anchor": "a-commitment"})]
    )

    class Meta:
        model = PriorityPage
