from django.apps import AppConfig


class PartnershipConfig(AppConfig):
    name = "partnership"
    # Its page and the partners listed on it are public.
    affects_public_pages = True
