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
    def what_to_do(owner, page):
        """Approvers publish; editors cannot, so they submit the page for approval."""
        if page.permissions_for_user(owner).can_publish():
            return "publish it"
        return "submit it for approval (a Communications approver then publishes it)"

    def message(self, owner, reviews):
        # The address staff use for the admin: WAGTAILADMIN_BASE_URL, as in Wagtail's own emails.
        base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        lines = [
            f"Hello {owner.get_full_name() or owner.get_username()},",
            "",
            "You own these pages. Please check that each is still correct. If it needs a "
            f"change, edit it and {self.what_to_do(owner, reviews[0].page)}: that counts as "
            "its review. If it is still right as it is, set a new review date instead.",
            "",
        ]
        for review in reviews:
            status = "OVERDUE" if review.is_overdue else "due"
            edit_url = base_url + reverse("wagtailadmin_pages:edit", args=[review.page_id])
            review_url = base_url + reverse("editorial_edit_review_date", args=[review.page_id])
            lines.append(f"- {review.page.title}: {status} {review.review_by:%d %B %Y}")
            lines.append(f"  Edit: {edit_url}")
            lines.append(f"  New review date: {review_url}")
        return "\n".join(lines) + "\n"
