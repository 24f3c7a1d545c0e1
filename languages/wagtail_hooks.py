from django.http import Http404
from django.utils import translation
from wagtail import hooks
from wagtail.admin.ui.components import Component

from .locales import locale_language_code
from .translations import stale_translations


@hooks.register("before_serve_page")
def serve_pages_only_at_their_own_language_address(page, request, serve_args, serve_kwargs):
    """`/so/values/` is the Somali values page or nothing. Wagtail routes a language
    without a live home page through the English tree, which would publish every
    English page again under `/so/`, `/bn/`… marked as that language."""
    if locale_language_code(page.locale_id) != translation.get_language():
        raise Http404


class OutOfDateTranslationsPanel(Component):
    """On the dashboard: the translations residents are told are out of date, each with
    the way to bring it up to date ("Sync translated pages" on its English page)."""

    name = "out_of_date_translations"
    template_name = "languages/out_of_date_translations_panel.html"
    order = 150  # below the pages awaiting review

    def __init__(self, translations):
        self.translations = translations

    def get_context_data(self, parent_context):
        return {"translations": self.translations}


@hooks.register("construct_homepage_panels")
def add_out_of_date_translations_panel(request, panels):
    if request.user.has_perm("wagtail_localize.submit_translation"):
        stale = stale_translations()
        if stale:
            panels.append(OutOfDateTranslationsPanel(stale))
