"""Telling an editor why they cannot change an image or document residents can see.

editorial/permissions.py refuses the change; Wagtail then says only "Sorry, you do
not have permission to access this area", which puzzles someone who uploaded the
picture themselves. These wrappers around Wagtail's own edit and delete views catch
that refusal and say what happened and what to do instead. They decide nothing:
the permission policy has already refused.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path
from wagtail.documents import get_document_model
from wagtail.documents.views import documents
from wagtail.images import get_image_model
from wagtail.images.views import images

from .permissions import is_guarded

REFUSAL = (
    "“{title}” is used on the live site, or in a change waiting to go live, so only a "
    "Communications approver can change, replace or delete it. To show a different "
    "{noun}, upload a new one and choose it in the page, then submit the page for "
    "approval, or ask an approver."
)


def explain_refusal(view, get_model, pk_kwarg, noun, index_url_name):
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            instance = get_model().objects.filter(pk=kwargs[pk_kwarg]).first()
            if instance is None or not is_guarded(instance):
                raise
            messages.error(request, REFUSAL.format(title=instance.title, noun=noun))
            return redirect(index_url_name)

    return wrapped


def urlpatterns():
    """The same addresses as Wagtail's views; registered first, so they answer first."""
    image = (get_image_model, "image_id", "image", "wagtailimages:index")
    document = (get_document_model, "document_id", "document", "wagtaildocs:index")
    return [
        path(route, explain_refusal(view.as_view(), *library))
        for route, view, library in [
            ("images/<int:image_id>/", images.EditView, image),
            ("images/<int:image_id>/delete/", images.DeleteView, image),
            ("documents/edit/<int:document_id>/", documents.EditView, document),
            ("documents/delete/<int:document_id>/", documents.DeleteView, document),
        ]
    ]
