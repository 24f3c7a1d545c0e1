from django import template

from languages.translations import page_languages

register = template.Library()


@register.simple_tag(takes_context=True)
def languages_of_page(context):
    """The page's language (for <html lang dir>) and the languages it can be read in."""
    return page_languages(context.get("page"), context.get("request"))


@register.inclusion_tag("components/language_switcher.html")
def language_switcher(languages):
    return {"languages": languages}
