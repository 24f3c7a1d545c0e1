from django.dispatch import receiver
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.signals import page_published, page_slug_changed

from .models import REVIEW_DUE_SOON, ContentReview, default_review_date


@receiver(page_published)
def set_review_date_on_publish(sender, instance, revision, **kwargs):
    """A page is due for review 12 months after it is published.

    Publishing again resets the date only when the review is due (overdue or
    within 30 days), since publishing a due page is its review; otherwise the
    date an editor chose stands, so a quick typo fix never moves it.
    """
    new_date = default_review_date(instance.last_published_at)
    review, created = ContentReview.objects.get_or_create(
        page_id=instance.pk, defaults={"review_by": new_date}
    )
    if not created and review.review_by <= timezone.localdate() + REVIEW_DUE_SOON:
        review.review_by = new_date
        review.save(update_fields=["review_by"])


@receiver(page_published)
@receiver(page_slug_changed)
def remove_redirects_to_itself(sender, instance, **kwargs):
    """A slug changed back to an earlier one would leave a redirect from the page's own
    address to itself, listed in Settings › Redirects; the live page answers there now."""
    url_parts = instance.get_url_parts()
    if url_parts is None:
        return
    _site_id, _root_url, page_path = url_parts
    Redirect.objects.filter(
        old_path=Redirect.normalise_path(page_path), redirect_page_id=instance.pk
    ).delete()
