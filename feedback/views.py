"""'Is this page useful?': the form posts here, then the visitor is redirected
to a thank-you page (post/redirect/get). No cookie is read or set."""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Page

from . import spam_protection
from .forms import FeedbackForm


def _problem(request, message, status, errors=()):
    return render(
        request,
        "feedback/problem.html",
        {"message": message, "errors": errors},
        status=status,
    )


# Pages come from a shared cache, so there is no CSRF cookie to check against:
# spam_protection checks where the form came from instead.
@csrf_exempt
@require_POST
def submit(request):
    if not spam_protection.comes_from_our_site(request):
        return _problem(request, "Send your feedback from a page of this website.", 403)
    if spam_protection.is_rate_limited(request):
        return _problem(request, "You have sent a lot of feedback. Try again later.", 429)
    thanks_url = reverse("feedback:thanks")
    if spam_protection.honeypot_is_filled(request.POST):
        # Tell software nothing: it looks like success, and nothing is stored.
        return redirect(thanks_url)

    form = FeedbackForm(request.POST)
    if not form.is_valid():
        errors = [error for field_errors in form.errors.values() for error in field_errors]
        return _problem(request, "We could not save your feedback.", 400, errors)
    feedback = form.save()
    return redirect(f"{thanks_url}?page={feedback.page_id}")


@require_GET
def thanks(request):
    page_id = request.GET.get("page", "")
    page = None
    if page_id.isdigit() and len(page_id) < 10:
        page = Page.objects.live().public().filter(pk=int(page_id)).first()
    return render(request, "feedback/thanks.html", {"feedback_page": page})
