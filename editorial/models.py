import datetime

from django.db import models
from django.utils import timezone

# How far ahead the report and the reminders look.
REVIEW_DUE_SOON = datetime.timedelta(days=30)


def default_review_date(published_at=None):
    """Twelve months after publishing (28 February when published on 29 February)."""
    published_on = timezone.localdate(published_at or timezone.now())
    try:
        return published_on.replace(year=published_on.year + 1)
    except ValueError:
        return published_on.replace(year=published_on.year + 1, day=28)


class ContentReviewQuerySet(models.QuerySet):
    def due(self, today=None):
        """Reviews overdue or due within REVIEW_DUE_SOON, soonest first."""
        today = today or timezone.localdate()
        return (
            self.filter(review_by__lte=today + REVIEW_DUE_SOON, page__live=True)
            .select_related("page", "page__owner")
            .order_by("review_by", "page__title")
        )


class ContentReview(models.Model):
    """When a page's content must next be checked by its owner.

    Kept beside the page, one to one, so that no page model needs a new field.
    Set when a page is published (see signals.py); editors may change the date.
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="content_review",
    )
    review_by = models.DateField(
        "review by",
        help_text="The date by which the page's owner must check that the page is still "
        "correct. Set to 12 months after publishing, and again when a page that is due "
        "for review is published. Change it if the content needs checking sooner or later.",
    )

    objects = ContentReviewQuerySet.as_manager()

    class Meta:
        verbose_name = "content review"
        ordering = ["review_by"]

    def __str__(self):
        return f"{self.page.title}: review by {self.review_by:%d %B %Y}"

    @property
    def is_overdue(self):
        return self.review_by < timezone.localdate()
