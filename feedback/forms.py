from django import forms
from wagtail.models import Page

from .models import COMMENT_MAX_LENGTH, Feedback


class FeedbackForm(forms.Form):
    page = forms.ModelChoiceField(
        queryset=Page.objects.none(),
        error_messages={"invalid_choice": "We could not tell which page this was about."},
    )
    answer = forms.ChoiceField(
        choices=Feedback.Answer.choices,
        error_messages={"required": "Select yes if this page is useful, or no if it is not."},
    )
    comment = forms.CharField(
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        strip=True,
        error_messages={
            "max_length": f"Your comment must be {COMMENT_MAX_LENGTH} characters or fewer."
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Set here, not above: public() reads view restrictions from the database.
        self.fields["page"].queryset = Page.objects.live().public()

    def save(self):
        page = self.cleaned_data["page"]
        return Feedback.objects.create(
            page=page,
            page_url=(page.get_url() or page.url_path)[:255],
            answer=self.cleaned_data["answer"],
            comment=self.cleaned_data["comment"],
        )
