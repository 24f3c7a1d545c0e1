"""Admin views for content reviews: the report of reviews due, and the review date form."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.admin.ui.tables import Column, TitleColumn, UserColumn
from wagtail.admin.views.reports import ReportView
from wagtail.log_actions import log
from wagtail.models import Page

from operations.spreadsheets import SafeSpreadsheetExportMixin

from .models import ContentReview, default_review_date
from .roles import communications_staff
from .widgets import NativeDateInput


class ReviewByColumn(Column):
    def get_value(self, instance):
        return f"{instance.review_by:%d %B %Y}"


class ReviewStatusColumn(Column):
    def get_value(self, instance):
        return "Overdue" if instance.is_overdue else "Due soon"


class ContentReviewsReportView(SafeSpreadsheetExportMixin, ReportView):
    """Pages whose review is overdue or due within 30 days, soonest first."""

    page_title = "Content reviews due"
    header_icon = "time"
    index_url_name = "editorial_content_reviews"
    index_results_url_name = "editorial_content_reviews_results"
    columns = [
        TitleColumn(
            "page",
            label="Page",
            accessor="page.title",
            get_url=lambda review: reverse("wagtailadmin_pages:edit", args=[review.page_id]),
        ),
        UserColumn("owner", label="Owner", accessor="page.owner"),
        ReviewByColumn("review_by", label="Review by"),
        ReviewStatusColumn("status", label="Status"),
    ]
    list_export = ["page.title", "page.owner", "review_by"]
    export_headings = {"page.title": "Page", "page.owner": "Owner", "review_by": "Review by"}

    def get_queryset(self):
        return ContentReview.objects.due()


class ReviewDateForm(forms.ModelForm):
    """The review date, and the page's owner: the person reminded to review it."""

    owner = forms.ModelChoiceField(
        queryset=None,  # set per form: communications staff only
        required=False,
        help_text="Who checks this page by the review date and receives the reminders. "
        "Only people in the communications teams, and staff, can own a page.",
    )

    class Meta:
        model = ContentReview
        fields = ["review_by"]
        widgets = {"review_by": NativeDateInput}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["owner"].queryset = communications_staff().order_by("username")
        self.fields["owner"].initial = self.instance.page.owner_id

    def save(self, commit=True):
        review = super().save(commit=commit)
        page = self.instance.page
        old_owner, new_owner = page.owner, self.cleaned_data["owner"]
        if old_owner != new_owner:
            # Only the owner column changes: no new revision, no publishing side effects.
            Page.objects.filter(pk=page.pk).update(owner=new_owner)
            log(
                instance=page,
                action="editorial.change_owner",
                user=self.user,
                data={"owner": {"old": owner_name(old_owner), "new": owner_name(new_owner)}},
            )
        return review


def owner_name(user):
    return (user.get_full_name() or user.get_username()) if user else "nobody"


def edit_review_date(request, page_id):
    """Set when a page must next be reviewed; open to anyone who may edit the page."""
    page = get_object_or_404(Page, pk=page_id).specific_deferred
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    review = ContentReview.objects.filter(page=page).first() or ContentReview(
        page=page, review_by=default_review_date()
    )
    form = ReviewDateForm(request.POST or None, instance=review, user=request.user)
    if form.is_valid():
        form.save()
        messages.success(
            request, f"'{page.title}' is now due for review by {review.review_by:%d %B %Y}."
        )
        next_url = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
            next_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        return redirect(next_url)
    context = {"page": page, "form": form, "today": timezone.localdate()}
    return TemplateResponse(request, "editorial/edit_review_date.html", context)
