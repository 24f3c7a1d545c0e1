"""Every app says whether its content appears on public pages, and the cache follows it."""

from datetime import date

import pytest
from django.apps import AppConfig, apps
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db.models.signals import post_save
from wagtail.models import Page, Site

from editorial.models import ContentReview
from feedback.models import Feedback
from pagecache import signals
from pagecache.models import ContentVersion
from pagecache.tests.undeclared_app.apps import NewsletterConfig
from pages.models import SiteSettings
from partnership.models import Partner


def check():
    call_command("check", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def new_app():
    """A newcomer's new app with a model (pagecache/tests/undeclared_app), installed for
    the test as INSTALLED_APPS would install it. (Changing INSTALLED_APPS itself would
    run every app's ready() again, which Wagtail's apps do not allow.)"""
    config = AppConfig.create("pagecache.tests.undeclared_app")
    config.apps = apps
    config.import_models()
    apps.app_configs[config.label] = config
    apps.clear_cache()
    try:
        yield config
    finally:
        del apps.app_configs[config.label]
        apps.clear_cache()
        for model in config.get_models():
            uid = f"pagecache.{model._meta.label_lower}.save"
            post_save.disconnect(sender=model, dispatch_uid=uid)


@pytest.mark.django_db  # Django's model checks may ask SQLite what it supports
def test_every_app_of_the_project_says_whether_its_content_is_public():
    check()  # raises SystemCheckError otherwise


@pytest.mark.django_db  # Django's model checks may ask SQLite what it supports
def test_a_new_app_with_models_that_does_not_say_is_refused(new_app):
    with pytest.raises(SystemCheckError) as refused:
        check()

    message = str(refused.value)
    assert "(pagecache.E001) The app 'newsletter' does not say" in message
    assert "affects_public_pages = True` on NewsletterConfig" in message


@pytest.mark.django_db  # Django's model checks may ask SQLite what it supports
@pytest.mark.parametrize("declared", [True, False])
def test_a_new_app_that_says_either_way_is_accepted(monkeypatch, new_app, declared):
    monkeypatch.setattr(NewsletterConfig, "affects_public_pages", declared, raising=False)

    check()


def changes_the_content_version(make_change):
    before = ContentVersion.read()
    make_change()
    return ContentVersion.read() != before


@pytest.mark.django_db
def test_saving_content_of_an_app_that_says_yes_changes_the_content_version():
    site_settings = SiteSettings.for_site(Site.objects.get())  # made with its defaults
    site_settings.organisation_name = "Islington"
    partner = Partner(name="Islington Giving", web_address="https://example.org/")

    assert changes_the_content_version(site_settings.save)
    assert changes_the_content_version(partner.save)
    assert changes_the_content_version(partner.delete)


@pytest.mark.django_db
def test_saving_in_an_app_that_says_no_leaves_the_content_version():
    root = Page.objects.get(depth=1)
    feedback = Feedback(page=root, page_url="/", answer="yes")
    review = ContentReview(page=root, review_by=date(2030, 1, 1))

    assert not changes_the_content_version(feedback.save)
    assert not changes_the_content_version(review.save)


@pytest.mark.django_db
@pytest.mark.parametrize(("declared", "changes"), [(None, False), (False, False), (True, True)])
def test_the_cache_follows_a_new_apps_declaration(monkeypatch, new_app, declared, changes):
    if declared is not None:
        monkeypatch.setattr(NewsletterConfig, "affects_public_pages", declared, raising=False)
    signals.connect()  # as the page cache's ready() does at start-up
    issue_model = new_app.get_model("Issue")

    # The table was never made: a save is its post_save signal, all the cache listens to.
    def save():
        post_save.send(issue_model, instance=issue_model(pk=1, title="Spring"), created=True)

    assert changes_the_content_version(save) is changes
