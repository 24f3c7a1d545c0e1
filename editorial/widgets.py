"""Date and time inputs that use the browser's own picker.

Wagtail's jQuery picker offers hourly slots only, opens over the schedule
dialog's "Save schedule" button, and needs a script that not every admin page
loads (`initDateChooser is not defined` on the review date form). The browser's
date and datetime-local inputs pick any minute, open once, stay inside the
window, work from the keyboard and with screen readers, and need no script.
"""

from django import forms
from wagtail.admin.panels import FieldPanel, PublishingPanel


class NativeDateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class NativeDateTimeInput(forms.DateTimeInput):
    """Date and time to the minute, in the site's time zone (Django's form field converts)."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs={"step": 60, **(attrs or {})}, format="%Y-%m-%dT%H:%M")


class SchedulePanel(PublishingPanel):
    """Wagtail's publishing schedule (go-live and expiry), with the browser's pickers."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.children = [
            FieldPanel(child.field_name, widget=NativeDateTimeInput(attrs=child.widget.attrs))
            for child in self.children
        ]
