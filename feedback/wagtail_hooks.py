"""Page feedback in the admin, under "Page feedback", for communications staff."""

import django_filters
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from operations.spreadsheets import SafeSpreadsheetExportMixin

from .models import Feedback


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Feedback is what residents sent: staff read, export and delete it, never write it."""

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)


register_permission_policy(Feedback, ReadOnlyPermissionPolicy(Feedback))


class FeedbackFilterSet(WagtailFilterSet):
    page = django_filters.ModelChoiceFilter(
        queryset=Page.objects.filter(depth__gt=1).order_by("path"), label="Page"
    )
    created_at = django_filters.DateFromToRangeFilter(
        label="Sent between", widget=DateRangePickerWidget
    )

    class Meta:
        model = Feedback
        fields = ["page", "answer", "created_at"]


class FeedbackIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The list of feedback; its CSV and XLSX exports never carry live formulas."""


class FeedbackViewSet(ModelViewSet):
    model = Feedback
    index_view_class = FeedbackIndexView
    icon = "comment"
    url_prefix = "page-feedback"
    menu_label = "Page feedback"
    add_to_admin_menu = True
    menu_order = 300
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["created_at", "page_url", "answer", "comment"]
    list_export = ["created_at", "page_url", "get_answer_display", "comment"]
    export_headings = {"get_answer_display": "Useful?"}
    export_filename = "page-feedback"
    filterset_class = FeedbackFilterSet
    form_fields = ["answer", "comment"]  # required by ModelViewSet; the policy bars editing
    search_fields = ["comment", "page_url"]
    search_backend_name = None  # plain database filtering; feedback is not in the search index


@hooks.register("register_admin_viewset")
def register_feedback_viewset():
    return FeedbackViewSet("page_feedback")
