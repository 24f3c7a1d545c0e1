"""Which languages a page can be read in, with the address of each."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.html import format_html
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from pagecache.generation import memoised_for_this_generation
from pages.navigation import public_only

from .locales import Language, page_language, source_language

URL_FIELDS = ("url_path", "path", "depth", "locale_id", "translation_key", "last_published_at")


@dataclass
class Version:
    language: Language
    url: str  # for the switcher's link
    full_url: str  # for hreflang alternates
    is_current: bool


@dataclass
class OutOfDate:
    """A translation whose English page was published again after it was translated."""

    translated_on: object  # the translation's last publication (a datetime)
    english_url: str


@dataclass
class PageLanguages:
    """The language of the page being shown, and each language it can be read in."""

    current: Language
    versions: list[Version] = field(default_factory=list)
    out_of_date: OutOfDate | None = None

    @property
    def alternates(self):
        """What the switcher offers: nothing when the page exists in one language."""
        return self.versions if len(self.versions) > 1 else []

    @property
    def interface_attributes(self):
        """` lang="en-GB" dir="ltr"` for the site's own words (the skip link, the
        footer, the feedback form) on a page in another language: they are English
        until translated, and screen readers and the bidi algorithm must know it."""
        if self.current.is_source:
            return ""
        return format_html(' lang="{}" dir="ltr"', source_language().tag)

    @property
    def default_url(self):
        """The English version, for hreflang="x-default"."""
        return next((v.full_url for v in self.versions if v.language.is_source), None)


def version_of(page, request, is_current):
    return Version(
        language=page_language(page),
        url=page.get_url(request),
        full_url=page.get_full_url(request),
        is_current=is_current,
    )


@dataclass
class PublishedTranslations:
    # translation key -> the live, public pages sharing it (two or more)
    groups: dict
    # translation key -> when wagtail-localize last read the English page's text
    english_read_at: dict


def published_translations():
    """Every live, public page that has a translation, grouped by translation key, and
    when each English page was last read for translation: the switchers, alternates
    and notices of every page from two queries per content change."""
    groups = defaultdict(list)
    for page in public_only(Page.objects.live().filter(depth__gt=1).only(*URL_FIELDS)):
        groups[page.translation_key].append(page)
    sources = TranslationSource.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    return PublishedTranslations(
        groups={key: pages for key, pages in groups.items() if len(pages) > 1},
        english_read_at=dict(sources.values_list("object_id", "last_updated_at")),
    )


def english_changed_since(english, read_at):
    """Whether the English page was published after wagtail-localize last read its text
    for translation ("Sync translated pages" reads it again): the rule of the public
    notice and of the dashboard's list. None (not translated with wagtail-localize) or
    an English page never published is not out of date."""
    published_at = english.last_published_at
    return read_at is not None and published_at is not None and published_at > read_at


def out_of_date(page, english, published, request):
    read_at = published.english_read_at.get(page.translation_key)
    if not english_changed_since(english, read_at):
        return None
    return OutOfDate(translated_on=page.last_published_at, english_url=english.get_url(request))


def page_languages(page, request):
    """The languages `page` is published in (live, public translations), in the order of
    settings.LANGUAGES; kept on the request for the head and the switcher."""
    if not isinstance(page, Page):
        return PageLanguages(current=source_language())
    memo = getattr(request, "_page_languages", None)
    if memo is not None and memo[0] is page:
        return memo[1]
    result = PageLanguages(current=page_language(page))
    published = memoised_for_this_generation("published-translations", published_translations)
    same_page = published.groups.get(page.translation_key, [])
    translations = [other for other in same_page if other.pk != page.pk]
    if page.pk is not None and translations:
        versions = [version_of(other, request, is_current=False) for other in translations]
        versions.append(version_of(page, request, is_current=True))
        known = [code for code, _name in settings.LANGUAGES]
        result.versions = sorted(
            (v for v in versions if v.language.code in known),
            key=lambda v: known.index(v.language.code),
        )
        english = next((p for p in translations if page_language(p).is_source), None)
        if english is not None and not result.current.is_source:
            result.out_of_date = out_of_date(page, english, published, request)
    if request is not None:
        request._page_languages = (page, result)
    return result


@dataclass
class StaleTranslation:
    """For the admin: a published translation whose English page has changed since."""

    page: Page
    language: Language
    english: Page
    source: TranslationSource  # its id is the "Sync translated pages" address


def stale_translations():
    """Every live translation marked out of date on the site (`english_changed_since`),
    for the dashboard; a handful of queries, whatever the number of pages."""
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    }
    english = {
        page.translation_key: page
        for page in Page.objects.filter(
            translation_key__in=sources, locale__language_code=settings.LANGUAGE_CODE
        ).live()
    }
    changed = {
        key
        for key, page in english.items()
        if english_changed_since(page, sources[key].last_updated_at)
    }
    translated = (
        Page.objects.filter(translation_key__in=changed)
        .exclude(locale__language_code=settings.LANGUAGE_CODE)
        .live()
        .order_by("path")
    )
    return [
        StaleTranslation(
            page, page_language(page), english[page.translation_key], sources[page.translation_key]
        )
        for page in translated
    ]
