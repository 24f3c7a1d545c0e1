"""Translations go through "Communications approval" like any page (issue 14).

wagtail-localize's translation editor replaces the page editor on a translated page.
It offers "Publish in …" to those who may publish, and nothing to submit for approval;
and three of its routes would put a translation live without an approver:

- "Translate this page" publishes the new copy at once when the English page is live
  (settings: WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False makes it a draft);
- "Sync translated pages" has a "Publish immediately" box and asks only for the
  permission to submit translations;
- "Convert to alias page" makes the translation follow the English page, live at once,
  and asks only for the permission to edit.

So here: "Submit translation for approval" in the page's ⋯ menu in Pages (the
translation editor shows no menu of its own), which saves the translation as a draft
and starts the page's workflow (as the page editor's "Submit for approval" does); and
the other two routes, wrapped, for those who may publish the page only. The wrappers
answer at wagtail-localize's own addresses (editorial's admin URLs are registered first).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation
from wagtail_localize.views import convert, update_translations

PUBLISH_IS_FOR_APPROVERS = (
    "Only a Communications approver can publish. The translations are updated as "
    "drafts: submit each for approval from its translation editor (… › Submit "
    "translation for approval)."
)


def page_translation(page):
    """The wagtail-localize translation that `page` is the target of, if it is synced."""
    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()


def may_submit(page, user):
    """Whether `user` may submit `page` for approval now: they may edit it, it is not
    locked, and it is not already waiting (a change asked for may be submitted again)."""
    perms = page.permissions_for_user(user)
    state = page.current_workflow_state
    return perms.can_edit() and (
        perms.can_submit_for_moderation()
        or (state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES)
    )


def submit_translation(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    translation = page_translation(page)
    if translation is None:
        raise PermissionDenied
    if not may_submit(page, request.user):
        raise PermissionDenied
    language = translation.target_locale.get_display_name()
    if request.method == "POST":
        try:
            # The translated strings become a draft revision of the page, as
            # "Publish in …" would save them, but not published.
            translation.save_target(user=request.user, publish=False)
        except ValidationError:
            messages.error(
                request,
                "The translation could not be saved: open it, fix the sentences marked "
                "with an error and submit it again.",
            )
            return redirect("wagtailadmin_pages:edit", page.pk)
        page = Page.objects.get(pk=page.pk).specific
        state = page.current_workflow_state
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(request.user)
        else:
            page.get_workflow().start(page, request.user)
        messages.success(
            request,
            f"The {language} translation of '{page.get_admin_display_title()}' has been "
            "submitted for approval.",
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "editorial/submit_translation.html",
        {"page": page, "language": language},
    )


def may_publish(user, pages):
    return all(page.permissions_for_user(user).can_publish() for page in pages)


class SyncWithoutPublishing(update_translations.UpdateTranslationsView):
    """The "Sync translated pages" view, whose "Publish immediately" box is only for those who
    may publish every translated page. For anyone else the box is replaced by a
    sentence, and the field is disabled: a disabled field reads its initial value
    (False), whatever is posted."""

    template_name = "editorial/sync_translations.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return {**context, "publish_is_for_approvers": PUBLISH_IS_FOR_APPROVERS}

    def get_form(self):
        form = super().get_form()
        # Only pages are translated on this site (no snippet is translatable).
        translated_pages = Page.objects.filter(
            translation_key=self.object.object_id,
            locale__in=self.object.translations.filter(enabled=True).values("target_locale"),
        )
        if not may_publish(self.request.user, translated_pages):
            form.fields["publish_translations"].disabled = True
        return form


def convert_to_alias_for_publishers(request, page_id):
    """An alias shows the English page's live content at once: publishing, so for
    those who may publish."""
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


def urlpatterns():
    return [
        path(
            "translations/<int:page_id>/submit/",
            submit_translation,
            name="editorial_submit_translation",
        ),
        # The same addresses as wagtail-localize's views, registered before theirs.
        path(
            "localize/update/<int:translation_source_id>/",
            SyncWithoutPublishing.as_view(),
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            convert_to_alias_for_publishers,
        ),
    ]
