"""The council's text reaches residents word for word, and stays the editors' to change."""

from unittest import mock

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.utils.html import strip_tags
from wagtail.fields import StreamField
from wagtail.models import Page, Revision, Site

from pages.models import HomePage, SiteSettings
from priorities.models import PriorityPage
from seed.paths import PUBLIC_PATHS
from tests.html_text import page_text
from tests.seed_text import normalise, source_sentences


def quiet_seed(*args):
    with open("/dev/null", "w") as devnull:
        call_command("load_seed_content", *args, stdout=devnull)


@pytest.mark.django_db
def test_every_sentence_of_the_source_reaches_the_public_site(seeded_site, client):
    site_text = " ".join(page_text(client.get(url).text) for url in PUBLIC_PATHS)

    missing = [sentence for sentence in source_sentences() if sentence not in site_text]

    assert missing == []


def _editable_text(instance, field_names):
    texts = []
    model_fields = {field.name: field for field in instance._meta.get_fields()}
    for name in field_names:
        value = getattr(instance, name, None)
        if isinstance(model_fields.get(name), StreamField):
            texts.extend(model_fields[name].stream_block.get_searchable_content(value))
        elif hasattr(value, "description"):  # an image chosen on the page
            texts.append(value.description)
        elif isinstance(value, str):
            texts.append(strip_tags(value))
    return texts


@pytest.mark.django_db
def test_every_sentence_of_the_source_is_in_a_field_editors_can_change(seeded_site):
    texts = []
    for page in Page.objects.live().specific():
        form_class = page.get_edit_handler().get_form_class()
        texts += _editable_text(page, form_class._meta.fields)
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    texts += _editable_text(site_settings, ["organisation_name", "service_name"])
    editable = normalise(" ".join(texts))

    # "A decent home for everyone: building new council homes, ..." is a priority's
    # title and its summary: two fields, shown together on the list of priorities.
    missing = [
        sentence
        for sentence in source_sentences()
        if not all(part in editable for part in sentence.split(": ", 1))
    ]

    assert missing == []


@pytest.mark.django_db
def test_the_home_page_is_the_root_of_the_default_site(seeded_site, client):
    site = Site.objects.get(is_default_site=True)

    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()


@pytest.mark.django_db
def test_a_second_run_changes_nothing(seeded_site):
    pages_before = list(Page.objects.values_list("pk", "latest_revision_id", "live_revision_id"))
    revisions_before = Revision.objects.count()

    quiet_seed()

    assert list(Page.objects.values_list("pk", "latest_revision_id", "live_revision_id")) == (
        pages_before
    )
    assert Revision.objects.count() == revisions_before


def every_row():
    """The primary keys in every table: Wagtail's, third parties' and ours."""
    tables = set(connection.introspection.table_names())
    return {
        model._meta.label: set(model._base_manager.values_list("pk", flat=True))
        for model in apps.get_models(include_auto_created=True)
        if model._meta.db_table in tables
    }


@pytest.mark.django_db
def test_loading_the_seed_again_adds_and_removes_nothing(settings):
    # As `make run` does it, renditions for the live pages included.
    settings.PAGE_CACHE_WARM_RENDITIONS = True
    quiet_seed()
    first = every_row()

    for _ in range(2):
        quiet_seed()
        changed = {
            label: f"{len(first[label])} rows, then {len(rows)}"
            for label, rows in every_row().items()
            if rows != first[label]
        }
        assert changed == {}


@pytest.mark.django_db
def test_a_second_run_keeps_what_an_editor_changed(seeded_site, client):
    priority = PriorityPage.objects.get(slug="a-decent-home-for-everyone")
    priority.summary = "Edited by the communications team"
    priority.save_revision().publish()

    quiet_seed()

    assert "Edited by the communications team" in client.get(priority.url).text


@pytest.mark.django_db
def test_reset_restores_the_original_text(seeded_site, client):
    priority = PriorityPage.objects.get(slug="a-decent-home-for-everyone")
    original = priority.summary
    priority.summary = "Edited by the communications team"
    priority.save_revision().publish()

    quiet_seed("--reset")

    response = client.get(priority.url)
    assert "Edited by the communications team" not in response.text
    assert original[0].upper() + original[1:] in response.text


@pytest.mark.django_db
def test_the_seed_images_carry_the_alt_text_of_the_source(seeded_site, client):
    home = client.get("/").text
    partnership = client.get("/fairer-together/").text

    assert (
        'alt="Young boy wearing a yellow top laying on the floor with his dad reading a book"'
        in (home)
    )
    assert 'alt="fairer together logo"' in partnership


@pytest.mark.django_db
def test_the_site_takes_its_public_address_from_the_settings(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://about.islington.gov.uk"

    quiet_seed()

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("about.islington.gov.uk", 443)
    assert site.root_url == "https://about.islington.gov.uk"


@pytest.mark.django_db
def test_an_address_an_administrator_gave_the_site_is_kept(seeded_site, settings):
    Site.objects.filter(is_default_site=True).update(hostname="www.example.org", port=443)
    settings.WAGTAILADMIN_BASE_URL = "https://about.islington.gov.uk"

    quiet_seed()

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("www.example.org", 443)


@pytest.mark.django_db
def test_a_local_run_on_another_port_names_that_port(seeded_site, settings, client):
    # `PORT=8221 make run` on a database an earlier `make run` set up for port 8000.
    Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=8000)
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8221"

    quiet_seed()

    site = Site.objects.get(is_default_site=True)
    assert site.root_url == "http://127.0.0.1:8221"
    robots = client.get("/robots.txt", HTTP_HOST="127.0.0.1:8221")
    assert "Sitemap: http://127.0.0.1:8221/sitemap.xml" in robots.text
    page = client.get("/", HTTP_HOST="127.0.0.1:8221")
    assert '<link rel="canonical" href="http://127.0.0.1:8221/">' in page.text


@pytest.mark.django_db
def test_the_first_seed_of_a_fresh_database_renders_every_page(settings, caplog):
    # Publishing renders each page to make its image renditions; the home page
    # was once rendered before its site existed, a traceback on the first `make run`.
    settings.PAGE_CACHE_WARM_RENDITIONS = True
    rendered = []

    def render_as_visitor(page):
        site = page.get_site()
        rendered.append((page.title, site and SiteSettings.for_site(site).organisation_name))

    with mock.patch("images.renditions.render_as_visitor", side_effect=render_as_visitor):
        quiet_seed()

    assert len(rendered) >= Page.objects.live().filter(depth__gt=1).count()
    assert [title for title, organisation in rendered if not organisation] == []
    assert "Pre-rendering" not in caplog.text
