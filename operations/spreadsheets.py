"""Spreadsheet exports (CSV and XLSX) that a spreadsheet program cannot run as formulas.

A resident's comment such as `=HYPERLINK("http://evil.example", "Click")` or
`+cmd|' /C calc'!A0` would be a live formula when staff open an export in Excel or
LibreOffice. Any text cell that starts with a character those programs read as
the start of a formula gets a leading apostrophe, as OWASP's CSV injection advice
says: the cell then shows the text, and the apostrophe tells a reader why.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeSpreadsheetExportMixin:
    """Mix into a Wagtail view that exports spreadsheets (before the Wagtail view class)."""

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))
