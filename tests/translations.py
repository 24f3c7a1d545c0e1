"""Translations of the seeded site, made as an editor makes them: with wagtail-localize,
page by page from the home page down, then published.

The words are test data written for these tests, not the council's translations: only
the titles are translated (the rest of each page keeps the English text it was copied
from), which is enough to tell the languages apart on screen.
"""

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from seed.paths import PUBLIC_PATHS

TITLES = {
    "tr": {
        "home": "Daha adil bir Islington için vizyonumuz",
        "priorities": "Önceliklerimiz",
        "a-decent-home-for-everyone": "Herkes için insana yakışır bir ev",
        "a-local-economy-that-works-for-everyone": "Herkes için işleyen bir yerel ekonomi",
        "a-safe-place-for-everyone": "Herkes için güvenli bir yer",
        "a-greener-cleaner-healthier-place-to-live": (
            "Daha yeşil, daha temiz, daha sağlıklı bir yaşam yeri"
        ),
        "values": "Değerlerimiz ve davranışlarımız",
        "challenging-inequality": "Eşitsizlikle mücadele taahhüdümüz",
        "fairer-together": "Birlikte Daha Adil",
        "accessibility": "Erişilebilirlik beyanı",
    },
    "ar": {
        "home": "رؤيتنا لإيزلينغتون أكثر عدلاً",
        "priorities": "أولوياتنا",
        "a-decent-home-for-everyone": "منزل لائق للجميع",
        "a-local-economy-that-works-for-everyone": "اقتصاد محلي يعمل لصالح الجميع",
        "a-safe-place-for-everyone": "مكان آمن للجميع",
        "a-greener-cleaner-healthier-place-to-live": "مكان أكثر خضرة ونظافة وصحة للعيش",
        "values": "قيمنا وسلوكياتنا",
        "challenging-inequality": "التزامنا بمواجهة عدم المساواة",
        "fairer-together": "معاً أكثر عدلاً",
        "accessibility": "بيان إمكانية الوصول",
    },
}


def translated_urls(language_code):
    """The seeded site's public addresses in a language: /tr/, /tr/priorities/…"""
    return [f"/{language_code}{url}" for url in PUBLIC_PATHS]


def english_pages():
    default = Locale.get_default()
    return Page.objects.filter(depth__gte=2, locale=default).order_by("path").specific()


def draft_translation(page, language_code, title=None):
    """Translate one page into a language and leave it a draft, as "Translate this
    page" does (its parent must be translated already, live or not)."""
    locale = Locale.objects.get(language_code=language_code)
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    translation.save_target(publish=False)
    target = page.get_translation(locale).specific
    if title:
        target.title = title
        target.save_revision()
    return target


def translate_page(page, language_code, title=None):
    """Translate one page into a language (its parent must be translated already), or
    bring its translation up to date, and publish it, as an editor does with 'Translate
    this page' (or 'Sync translated pages') and then 'Publish' in wagtail-localize."""
    locale = Locale.objects.get(language_code=language_code)
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()  # "Sync translated pages": read the English text again
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    # wagtail-localize publishes when the transaction commits, which a test's never
    # does: save a draft, then publish it here.
    translation.save_target(publish=False)
    target = page.get_translation(locale).specific
    if title:
        target.title = title
    target.save_revision().publish()
    return page.get_translation(locale).specific  # as published


def translate_site(language_code):
    """Every seeded page in a language, published."""
    titles = TITLES.get(language_code, {})
    for page in english_pages():
        translate_page(page, language_code, titles.get(page.slug))
