from django.db import models
from wagtail.models import Page

COMMENT_MAX_LENGTH = 1000


class Feedback(models.Model):
    """One answer to "Is this page useful?". Nothing here identifies the visitor."""

    class Answer(models.TextChoices):
        YES = "yes", "Yes"
        NO = "no", "No"

    page = models.ForeignKey(
        Page,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Empty when the page has since been deleted.",
    )
    # The address at the time, so feedback on a deleted or moved page still says where.
    page_url = models.CharField("address", max_length=255, blank=True)
    answer = models.CharField("useful?", max_length=3, choices=Answer.choices)
    comment = models.TextField(blank=True, max_length=COMMENT_MAX_LENGTH)
    created_at = models.DateTimeField("sent", auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "page feedback"
        verbose_name_plural = "page feedback"

    def __str__(self):
        return f"{self.get_answer_display()} on {self.page_url or 'a deleted page'}"
