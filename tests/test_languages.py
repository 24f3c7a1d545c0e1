"""Residents read About us in their own language (issue 14): addresses, the language of
each page, the switcher, search engines' alternates, and the page cache."""

import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from editorial.tests.utils import EDITORS, ensure_roles, make_user
from pagecache.middleware import recent_pages
from seed.paths import PUBLIC_PATHS
from tests.test_query_budget import QUERY_BUDGET, empty_every_cache
from tests.translations import (
    draft_translation,
    english_pages,
    translate_page,
    translate_site,
    translated_urls,
)

PRIORITY_URL = "/priorities/a-decent-home-for-everyone/"


def html_tag(response):
    return re.search(r"<html[^>]*>", response.text).group(0)


def switcher(response):
    found = re.search(r'<nav class="language-switcher".*?</nav>', response.text, re.S)
    return found.group(0) if found else ""


def navigation(response):
    return re.search(r'<nav class="navigation".*?</nav>', response.text, re.S).group(0)


def alternates(response):
    return dict(
        re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', response.text)
    )


@pytest.fixture
def translated_site(seeded_site):
    """The seeded site, translated into Turkish and Arabic and published."""
    translate_site("tr")
    translate_site("ar")


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    recent_pages.clear()


@pytest.mark.django_db
def test_the_seed_creates_every_language_but_publishes_no_translation(seeded_site):
    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert codes == {"en-gb", "tr", "bn", "so", "ar"}
    assert not Page.objects.exclude(locale=Locale.get_default()).exists()

    call_command("load_seed_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Locale.objects.count() == 5


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "html", "content_language"),
    [
        ("", '<html lang="en-GB">', "en-gb"),  # English addresses stay where they are
        ("/tr", '<html lang="tr">', "tr"),
        ("/ar", '<html lang="ar" dir="rtl">', "ar"),  # Arabic reads right to left
    ],
)
def test_each_language_lives_under_its_prefix_and_says_its_language(
    translated_site, client, prefix, html, content_language
):
    for url in PUBLIC_PATHS:
        response = client.get(prefix + url)

        assert response.status_code == 200, prefix + url
        assert html_tag(response) == html
        assert response["Content-Language"] == content_language


@pytest.mark.django_db
def test_a_translated_page_shows_its_own_words_and_its_own_languages_menu(translated_site, client):
    response = client.get("/ar" + PRIORITY_URL)

    assert "<h1" in response.text
    assert "منزل لائق للجميع" in response.text
    menu = navigation(response)
    assert 'href="/ar/values/">قيمنا وسلوكياتنا</a>' in menu
    assert "Our values" not in menu
    breadcrumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', response.text, re.S).group(0)
    assert 'href="/ar/"' in breadcrumbs
    assert 'href="/ar/priorities/">أولوياتنا' in breadcrumbs


@pytest.mark.django_db
def test_the_site_s_own_english_words_say_they_are_english_on_a_translated_page(
    translated_site, client
):
    response = client.get("/ar/values/")

    assert '<a href="#main-content" class="skip-link" lang="en-GB" dir="ltr">' in response.text
    english = client.get("/values/")
    assert 'class="skip-link">' in english.text
    assert 'lang="en-GB" dir="ltr"' not in english.text


@pytest.mark.django_db
def test_a_language_without_the_page_is_not_found_never_the_english_page(seeded_site, client):
    translate_page(Page.objects.get(url_path="/home/").specific, "ar")

    for url in ["/so/", "/so/values/", "/bn/priorities/", "/ar/values/", "/ar/no-such-page/"]:
        assert client.get(url).status_code == 404, url


@pytest.mark.django_db
def test_the_browser_s_language_never_chooses_the_page(translated_site, client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar,tr;q=0.9")

    assert response.status_code == 200
    assert html_tag(response) == '<html lang="en-GB">'
    assert "Accept-Language" not in response.get("Vary", "")


@pytest.mark.django_db
def test_the_switcher_lists_only_the_languages_the_page_is_published_in(seeded_site, client):
    home, index, priority = (
        Page.objects.get(url_path=path).specific
        for path in ("/home/", "/home/priorities/", "/home/priorities/a-decent-home-for-everyone/")
    )
    for page in (home, index):
        translate_page(page, "tr")
    translate_page(home, "ar")

    on_the_index = switcher(client.get("/priorities/"))
    assert re.findall(r"<(a|span)[^>]*>([^<]+)</", on_the_index) == [
        ("span", "English"),
        ("a", "Türkçe"),
    ]
    assert '<span class="language-switcher__current" lang="en-GB" aria-current="true">' in (
        on_the_index
    )
    assert 'href="/tr/priorities/" lang="tr" hreflang="tr">Türkçe</a>' in on_the_index
    # The priority page is in English only: nothing to switch to.
    assert switcher(client.get(PRIORITY_URL)) == ""
    # Every language of the home page, each in its own script and its own `lang`.
    on_the_home_page = switcher(client.get("/"))
    assert 'lang="tr" hreflang="tr">Türkçe</a>' in on_the_home_page
    assert 'lang="ar" hreflang="ar" dir="rtl">العربية</a>' in on_the_home_page


@pytest.mark.django_db
def test_an_unpublished_translation_is_not_offered(seeded_site, client):
    turkish = translate_page(Page.objects.get(url_path="/home/").specific, "tr")
    turkish.unpublish()

    assert switcher(client.get("/")) == ""
    assert client.get("/tr/").status_code == 404


@pytest.mark.django_db
def test_search_engines_find_each_language_and_the_english_default(translated_site, client):
    response = client.get("/tr" + PRIORITY_URL)

    assert alternates(response) == {
        "en-GB": "http://localhost" + PRIORITY_URL,
        "tr": "http://localhost/tr" + PRIORITY_URL,
        "ar": "http://localhost/ar" + PRIORITY_URL,
        "x-default": "http://localhost" + PRIORITY_URL,
    }


@pytest.mark.django_db
def test_a_page_in_one_language_names_no_alternates(seeded_site, client):
    assert alternates(client.get(PRIORITY_URL)) == {}


@pytest.mark.django_db
def test_the_page_cache_never_serves_one_language_for_another(translated_site, client):
    # Each language filled the cache first in turn, then every one is read from it.
    for first in ("/ar/values/", "/tr/values/", "/values/"):
        assert client.get(first)["X-Page-Cache"] == "miss"
    expected = {"/values/": "en-gb", "/tr/values/": "tr", "/ar/values/": "ar"}
    for url, language in expected.items():
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="ar")
        assert response["X-Page-Cache"] == "hit"
        assert response["Content-Language"] == language
        tag = {"en-gb": "en-GB"}.get(language, language)
        assert html_tag(response).startswith(f'<html lang="{tag}"')
        assert "Accept-Language" not in response.get("Vary", "")


@pytest.mark.django_db
def test_the_shared_menu_is_kept_once_per_language(translated_site, client):
    """The navigation is shared through the cache until the content changes: the
    Turkish menu, read first, must not be shown on English pages, nor the reverse."""
    turkish = navigation(client.get("/tr/values/"))
    english = navigation(client.get("/challenging-inequality/"))
    arabic = navigation(client.get("/ar/challenging-inequality/"))

    assert 'href="/tr/priorities/">Önceliklerimiz</a>' in turkish
    assert 'href="/priorities/">Our priorities</a>' in english
    assert "/tr/" not in english
    assert 'href="/ar/priorities/">أولوياتنا</a>' in arabic
    assert "/tr/" not in arabic


# Each language's home page, the locales and the sites' root paths are kept in each
# process until the content next changes (pages.middleware), so a translation costs no
# more queries than its English page.
TRANSLATED_QUERY_BUDGET = QUERY_BUDGET


@pytest.mark.django_db
def test_translated_pages_stay_within_the_query_budget(
    translated_site, client, django_assert_max_num_queries
):
    for url in [*translated_urls("tr"), *translated_urls("ar")]:
        client.get(url)
        empty_every_cache()
        with django_assert_max_num_queries(TRANSLATED_QUERY_BUDGET, info=url):
            response = client.get(url)
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "miss"


def title_of(response):
    return re.search(r"<h1[^>]*>(.*?)</h1>", response.text, re.S).group(1).strip()


@pytest.mark.django_db
def test_a_new_translation_is_served_on_the_next_request(seeded_site, client):
    """Routing keeps each language's home page in memory: a newly published translation
    must not wait for a restart."""
    assert client.get("/tr/values/").status_code == 404

    home, values = (
        Page.objects.get(url_path=path).specific for path in ("/home/", "/home/values/")
    )
    translate_page(home, "tr")
    translate_page(values, "tr", "Değerlerimiz ve davranışlarımız")

    response = client.get("/tr/values/")
    assert response.status_code == 200
    assert title_of(response) == "Değerlerimiz ve davranışlarımız"


@pytest.mark.django_db
def test_a_change_of_locale_is_served_on_the_next_request(translated_site, client):
    """An administrator turns the Turkish locale into Bengali (Settings, Locales): its
    pages move to /bn/ at once."""
    assert client.get("/tr/values/").status_code == 200
    Locale.objects.get(language_code="bn").delete()

    turkish = Locale.objects.get(language_code="tr")
    turkish.language_code = "bn"
    turkish.save()

    assert client.get("/tr/values/").status_code == 404
    response = client.get("/bn/values/")
    assert response.status_code == 200
    assert title_of(response) == "Değerlerimiz ve davranışlarımız"


@pytest.mark.django_db
def test_every_english_page_can_be_translated(seeded_site):
    translate_site("tr")

    english = {page.translation_key for page in english_pages()}
    turkish = Page.objects.filter(locale__language_code="tr").live()
    assert {page.translation_key for page in turkish} == english


@pytest.mark.django_db
def test_the_sitemap_lists_every_language_with_its_alternates(translated_site, client):
    sitemap = client.get("/sitemap.xml").content.decode()

    for url in [*PUBLIC_PATHS, *translated_urls("tr"), *translated_urls("ar")]:
        assert f"<loc>http://localhost{url}</loc>" in sitemap
    entry = re.search(
        rf"<url><loc>http://localhost/ar{PRIORITY_URL}</loc>.*?</url>", sitemap, re.S
    ).group(0)
    assert set(re.findall(r'hreflang="([^"]+)" href="([^"]+)"', entry)) == {
        ("en-GB", "http://localhost" + PRIORITY_URL),
        ("tr", "http://localhost/tr" + PRIORITY_URL),
        ("ar", "http://localhost/ar" + PRIORITY_URL),
        ("x-default", "http://localhost" + PRIORITY_URL),
    }


def notice(response):
    found = re.search(r'<div class="inset-text translation-notice".*?</div>', response.text, re.S)
    return found.group(0) if found else ""


@pytest.mark.django_db
def test_a_translation_says_when_the_english_page_has_changed_since(seeded_site, client):
    english = Page.objects.get(url_path="/home/").specific
    turkish = translate_page(english, "tr")
    assert notice(client.get("/tr/")) == ""

    english.introduction = "A new introduction."
    english.save_revision().publish()

    shown = notice(client.get("/tr/"))
    translated_on = turkish.last_published_at.astimezone(timezone.get_current_timezone())
    assert f"This translation was last updated on {translated_on:%-d %B %Y}" in shown
    assert "the English version has changed since" in shown
    assert '<a href="/" hreflang="en-GB">Read the English version</a>' in shown
    assert notice(client.get("/")) == ""

    # The translator brings it up to date ("Sync translated pages"), and it is published.
    translate_page(english, "tr")
    assert notice(client.get("/tr/")) == ""


@pytest.mark.django_db
def test_an_editor_s_dashboard_lists_the_translations_out_of_date(seeded_site, client):
    ensure_roles()
    client.force_login(make_user("editor", EDITORS))
    english = Page.objects.get(url_path="/home/").specific
    turkish = translate_page(english, "tr", "Daha adil bir Islington için vizyonumuz")
    assert "Translations out of date" not in client.get("/admin/").text

    english.introduction = "A new introduction."
    english.save_revision().publish()

    panel = re.search(
        r'<section[^>]*id="out-of-date-translations-section".*?</section>',
        client.get("/admin/").text,
        re.S,
    ).group(0)
    assert f'href="/admin/pages/{turkish.pk}/edit/" lang="tr">Daha adil bir Islington' in panel
    assert "Out of date" in panel
    source = TranslationSource.objects.get(object_id=english.translation_key)
    assert f'href="/admin/localize/update/{source.pk}/">Sync translated pages' in panel

    translate_page(english, "tr")  # synced and published again
    assert "Translations out of date" not in client.get("/admin/").text


@pytest.mark.django_db
def test_partners_software_asks_the_api_for_a_language_or_a_page_s_translations(
    seeded_site, client
):
    english = Page.objects.get(url_path="/home/").specific
    translate_page(english, "ar", title="رؤيتنا لإيزلينغتون أكثر عدلاً")

    arabic = client.get("/api/v2/pages/", {"locale": "ar", "fields": "title"}).json()
    assert [(item["title"], item["meta"]["locale"]) for item in arabic["items"]] == [
        ("رؤيتنا لإيزلينغتون أكثر عدلاً", "ar")
    ]
    assert arabic["items"][0]["meta"]["html_url"] == "http://localhost/ar/"
    translations = client.get("/api/v2/pages/", {"translation_of": english.pk}).json()
    assert [item["meta"]["locale"] for item in translations["items"]] == ["ar"]
    only_english = client.get("/api/v2/pages/", {"locale": "en-gb"}).json()
    assert only_english["meta"]["total_count"] == len(PUBLIC_PATHS)


@pytest.mark.django_db
def test_search_finds_the_pages_in_the_language_searched(seeded_site, client):
    home = Page.objects.get(url_path="/home/").specific
    translate_page(home, "tr")
    translate_page(Page.objects.get(url_path="/home/priorities/").specific, "tr", "Önceliklerimiz")

    turkish = client.get("/tr/search/", {"q": "Önceliklerimiz"})
    assert 'href="/tr/priorities/"' in turkish.text
    english = client.get("/search/", {"q": "Önceliklerimiz priorities"})
    assert "/tr/" not in english.text.split("<main")[1].split("</main>")[0]
    assert client.get("/search/", {"q": "priorities"}).text.count('href="/priorities/"') >= 1


@pytest.mark.django_db
def test_the_admin_preview_of_a_translation_shows_its_language_s_menu(
    seeded_site, client, django_user_model
):
    """What an approver checks before approving a new translation: the page in its
    own language, menu included, though no page in that language is live yet."""
    for url_path in ["/home/", "/home/priorities/", "/home/values/"]:
        values = draft_translation(Page.objects.get(url_path=url_path).specific, "tr")
    translation = Translation.objects.get(
        source__object_id=values.translation_key, target_locale=values.locale
    )
    revision = values.get_latest_revision()
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.com", "x"))

    for preview in [
        f"/admin/localize/translate/{translation.pk}/preview/",  # the translation editor's
        f"/admin/pages/{values.pk}/revisions/{revision.pk}/view/",  # a version in History
    ]:
        response = client.get(preview)

        assert response.status_code == 200
        assert html_tag(response) == '<html lang="tr">', preview
        menu = navigation(response)
        assert 'href="/tr/priorities/"' in menu, preview
        assert 'href="/priorities/"' not in menu, preview
    assert client.get("/tr/values/").status_code == 404  # and residents see nothing yet


@pytest.mark.django_db
def test_each_language_has_its_own_feed_found_from_its_pages(translated_site, client):
    turkish = client.get("/tr/feeds/updates/")
    feed = turkish.content.decode()

    assert turkish.status_code == 200
    assert 'xml:lang="tr"' in feed
    assert '<link href="http://localhost/tr/feeds/updates/" rel="self"/>' in feed
    assert "<title>Herkes için insana yakışır bir ev</title>" in feed
    links = re.findall(r'<entry>.*?<link href="([^"]+)"', feed, re.S)
    assert links
    assert all(link.startswith("http://localhost/tr/") for link in links)
    english = client.get("/feeds/updates/").content.decode()
    assert 'xml:lang="en-gb"' in english
    assert "/tr/" not in english
    assert "/ar/" not in english
    # Each page's head names its own language's feed.
    assert 'href="/tr/feeds/updates/" hreflang="tr">' in client.get("/tr" + PRIORITY_URL).text
    assert client.get("/so/feeds/updates/").status_code == 404  # nothing published in Somali
