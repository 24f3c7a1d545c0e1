"""Email each page owner the pages whose content review is overdue or due soon."""

from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.urls import reverse

from editorial.models import REVIEW_DUE_SOON, ContentReview


class Command(BaseCommand):
    help = (
        "Email each page owner a list of their pages that are overdue for review or due "
        f"within {REVIEW_DUE_SOON.days} days. Run it daily or weekly, for example from cron."
    )

    def handle(self, *args, **options):
        reviews_by_owner = defaultdict(list)
        unowned = 0
        for review in ContentReview.objects.due():
            owner = review.page.owner
            if owner is None or not owner.email or not owner.is_active:
                unowned += 1
                continue
            reviews_by_owner[owner].append(review)

        for owner, reviews in reviews_by_owner.items():
            send_mail(
                subject=f"{len(reviews)} page(s) to review on {settings.WAGTAIL_SITE_NAME}",
                message=self.message(owner, reviews),
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[owner.email],
            )
        self.stdout.write(f"Sent {len(reviews_by_owner)} reminder(s).")
        if unowned:
            self.stdout.write(
                f"{unowned} page(s) due for review have no owner with an email address: "
                "see Reports › Content reviews due."
            )

    @staticmethod
    def message(owner, reviews):
        base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        lines = [
            f"Hello {owner.get_full_name() or owner.get_username()},",
            "",
            "You own these pages. Please check that each is still correct, then publish it "
            "or set a new review date (the 'Review date and owner' item in the page's menu).",
            "",
        ]
        for review in reviews:
            status = "OVERDUE" if review.is_overdue else "due"
            edit_url = base_url + reverse("wagtailadmin_pages:edit", args=[review.page_id])
            lines.append(f"- {review.page.title}: {status} {review.review_by:%d %B %Y}")
            lines.append(f"  {edit_url}")
        return "\n".join(lines) + "\n"
