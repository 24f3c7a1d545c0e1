"""Who may change an image or document that residents see, or are about to see.

Wagtail's rule for images and documents: the collection's "add" permission lets a
user upload, and edit or delete what they uploaded; its "change" permission lets
them edit or delete anything. Communications editors hold "add" and "choose";
approvers also hold "change" (editorial/migrations/0001_squashed_…, step 3).

Left as it is, "edit what you uploaded" is a side door past approval: an editor
could replace the file or alt text of a picture a live page shows, and residents
would see it at once. So here an upload stops being its uploader's to change as
soon as it is *guarded*:

- something live uses it: a live page, a published partner, a setting; or
- a change waiting to go live uses it: a page or partner submitted for approval
  (the approver approves what they saw, not a picture swapped afterwards), or one
  approved and scheduled to go live.

From then on only the collection's "change" permission (approvers) covers it, and
an approver's change is logged with their name.

The check is made in the permission policy, which every route asks: the edit and
delete views, replacing the file, the multiple-upload edit and delete, bulk
actions, the library's listing, the URL generator.
"""

import logging

from django.apps import apps
from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from wagtail.models import DraftStateMixin, ReferenceIndex, Revision, WorkflowState
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

logger = logging.getLogger(__name__)

CHANGING = {"change", "delete"}


def references_from_live_content(model):
    """ReferenceIndex rows to `model`'s objects from what residents can see.

    A page's database row (and a draft-enabled snippet's, such as a partner's) holds
    its live content while it is live; drafts are kept in revisions, which the index
    does not read. So a reference from a live page or a live partner counts, and one
    from a page that was never published does not. Settings and other models have
    no drafts: their references always count.
    """
    from_live = Q()
    draft_types = []
    for source in apps.get_models():
        # Pages are indexed under wagtailcore.Page, which has the `live` field: one
        # condition for the base model covers every page type.
        if not issubclass(source, DraftStateMixin) or source._meta.get_parent_list():
            continue
        content_type = ReferenceIndex._get_base_content_type(source)
        live_ids = source._default_manager.filter(live=True).annotate(
            id_text=Cast("pk", output_field=CharField())
        )
        from_live |= Q(base_content_type=content_type, object_id__in=live_ids.values("id_text"))
        draft_types.append(content_type)
    always_live = ~Q(base_content_type__in=draft_types)
    return ReferenceIndex.objects.filter(
        to_content_type=ReferenceIndex._get_base_content_type(model)
    ).filter(from_live | always_live)


def ids_awaiting_publication(model):
    """Primary keys of `model`'s objects that a revision will publish without another
    look: one submitted for approval, or one approved and scheduled to go live.

    The reference index does not read revisions, so these few are read here.
    """
    in_review = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).values(
        "current_task_state__revision"
    )
    revisions = Revision.objects.filter(Q(pk__in=in_review) | Q(approved_go_live_at__isnull=False))
    content_type_id = ReferenceIndex._get_base_content_type(model).pk
    ids = set()
    for revision in revisions:
        try:
            content = revision.as_object()
        except Exception:
            # A revision of a model that has since changed shape: skip it rather than
            # break the image library for everyone.
            logger.exception("Could not read revision %s for references", revision.pk)
            continue
        for to_content_type_id, to_object_id, *_ in ReferenceIndex._extract_references_from_object(
            content
        ):
            if to_content_type_id == content_type_id:
                ids.add(model._meta.pk.to_python(to_object_id))
    return ids


def is_guarded(instance):
    """Whether residents see `instance`, or will once an approved change goes live."""
    model = type(instance)
    return references_from_live_content(model).filter(
        to_object_id=instance.pk
    ).exists() or instance.pk in ids_awaiting_publication(model)


class ApprovalPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's image and document policy, minus 'edit what you uploaded' once it is
    guarded (see the module's docstring)."""

    def user_has_any_permission_for_instance(self, user, actions, instance):
        actions = set(actions)
        if (
            actions & CHANGING
            and not self._check_perm(user, ["change"], collection=instance.collection)
            and is_guarded(instance)
        ):
            # Having uploaded it is not enough any more; only other actions (choose) remain.
            actions -= CHANGING
            if not actions:
                return False
        return super().user_has_any_permission_for_instance(user, actions, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if not set(actions) & CHANGING or "choose" in actions or user.is_superuser:
            return instances
        # What the library lists for editing, and bulk actions act on: what the user
        # uploaded unless it is guarded, plus all of a collection where they hold "change".
        live_use = references_from_live_content(self.model).filter(
            to_object_id=Cast(OuterRef("pk"), output_field=CharField())
        )
        unguarded = ~Exists(live_use) & ~Q(pk__in=ids_awaiting_publication(self.model))
        return instances.filter(
            Q(collection__in=self._collections_with_perm(user, ["change"])) | unguarded
        )


def register_image_and_document_policies():
    """Use ApprovalPermissionPolicy for the image and document models.

    wagtail.images and wagtail.documents register their own policy in ready(),
    after this project's apps; a registration for the exact class takes precedence
    over theirs whatever the order.
    """
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permissions import register_permission_policy

    for model, auth_model in [
        (get_image_model(), "wagtailimages.Image"),
        (get_document_model(), "wagtaildocs.Document"),
    ]:
        policy = ApprovalPermissionPolicy(
            model, auth_model=auth_model, owner_field_name="uploaded_by_user"
        )
        register_permission_policy(model, policy, exact_class=True)
