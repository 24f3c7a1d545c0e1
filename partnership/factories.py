"""Test factories for the partnership app (see pages/factories.py)."""

import factory
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from .models import Partner


class PartnerFactory(DjangoModelFactory):
    """A published partner, shown on the partnership page in `sort_order`."""

    name = factory.Sequence(lambda number: f"Partner {number}")
    web_address = factory.LazyAttribute(
        lambda partner: f"https://{slugify(partner.name)}.example.org/"
    )
    description = factory.LazyAttribute(lambda partner: f"{partner.name} works with the council.")
    sort_order = factory.Sequence(int)

    class Meta:
        model = Partner
