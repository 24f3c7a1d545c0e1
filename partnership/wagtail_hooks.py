from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Partner


class PartnerViewSet(SnippetViewSet):
    """Fairer Together partners, in their own menu item; drag to set the order on the page."""

    model = Partner
    icon = "group"
    menu_label = "Partners"
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "web_address"]


register_snippet(PartnerViewSet)
