from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """How communications staff run the site: roles, workflow, content reviews, sign-in."""

    name = "editorial"
    verbose_name = "Editorial"
    # Content reviews are reminders for staff; nothing of them shows on a public page.
    affects_public_pages = False

    def ready(self):
        from . import signals  # noqa: F401 - connects the content review signal handlers
        from .permissions import register_image_and_document_policies

        register_image_and_document_policies()
