"""Site-wide settings editors change under Settings: names, footer links, the banner."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Names and footer links shown on every page."""

    organisation_name = models.CharField(max_length=100, default="Islington Council")
    service_name = models.CharField(
        max_length=100,
        default="About us",
        help_text="Shown in the header beside the organisation name.",
    )
    contact_url = models.URLField("contact page", default="https://www.islington.gov.uk/contact-us")
    privacy_url = models.URLField(
        "privacy notice", default="https://www.islington.gov.uk/about-the-council/privacy"
    )
    cookies_url = models.URLField("cookies page", default="https://www.islington.gov.uk/cookies")

    panels = [
        MultiFieldPanel([FieldPanel("organisation_name"), FieldPanel("service_name")], "Names"),
        MultiFieldPanel(
            [FieldPanel("contact_url"), FieldPanel("privacy_url"), FieldPanel("cookies_url")],
            "Footer links",
        ),
    ]

    class Meta:
        verbose_name = "site settings"


@register_setting(icon="warning")
class NotificationBanner(BaseSiteSetting):
    """A message at the top of every page, such as an emergency or a service change.

    Whether it shows depends only on these fields and the time, never on the
    visitor, so cached pages stay correct: a full-page cache can keep a page
    until `next_change()`.
    """

    class Level(models.TextChoices):
        INFORMATION = "information", "Information"
        EMERGENCY = "emergency", "Emergency"

    is_enabled = models.BooleanField(
        "show the banner",
        default=False,
        help_text="Untick to take the banner down at once, whatever the times below say.",
    )
    level = models.CharField(max_length=20, choices=Level.choices, default=Level.INFORMATION)
    message = RichTextField(
        features=["bold", "link"],
        blank=True,
        max_length=1000,
        help_text="One or two sentences. Link to where residents can find out more.",
    )
    starts_at = models.DateTimeField(
        "show from", null=True, blank=True, help_text="Leave blank to show it straight away."
    )
    ends_at = models.DateTimeField(
        "show until", null=True, blank=True, help_text="Leave blank to show it until unticked."
    )

    panels = [
        FieldPanel("is_enabled"),
        FieldPanel("level"),
        FieldPanel("message"),
        MultiFieldPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], "When to show it"),
    ]

    class Meta:
        verbose_name = "notification banner"

    def clean(self):
        super().clean()
        if self.is_enabled and not self.message:
            raise ValidationError({"message": "Write the message residents should see."})
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "The end must come after the start."})

    def is_showing(self, now):
        return (
            self.is_enabled
            and bool(self.message)
            and (self.starts_at is None or self.starts_at <= now)
            and (self.ends_at is None or now < self.ends_at)
        )

    def next_change(self, now):
        """The next moment the banner appears or disappears, or None if it never will."""
        if not (self.is_enabled and self.message):
            return None
        upcoming = [moment for moment in (self.starts_at, self.ends_at) if moment and moment > now]
        return min(upcoming, default=None)

    @property
    def is_showing_now(self):
        """For templates, which cannot pass arguments."""
        return self.is_showing(timezone.now())

    @property
    def is_emergency(self):
        return self.level == self.Level.EMERGENCY
