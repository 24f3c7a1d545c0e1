"""No request a stranger can send makes the site fail, or changes what it stores.

The barrage is tests/hostile_input.py: add an entry to ENDPOINTS to cover a new way in.
It runs on whichever database DATABASE_URL names (CI runs it on SQLite and PostgreSQL).
Set HOSTILE_INPUT_REPORT to a file name to write down every status code answered.
"""

import json
import os
from collections import Counter, defaultdict
from unittest import mock
from urllib.parse import unquote_to_bytes, urlencode

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client, TestCase
from hypothesis import HealthCheck, given, settings
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from tests.hostile_input import ENDPOINTS, stored_content

# Bounded, so the whole barrage takes well under a minute; derandomised, so CI is repeatable.
BARRAGE = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def as_wsgi(text):
    return text.encode("utf-8", "surrogatepass").decode("iso-8859-1")


class HostileInputTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        with open("/dev/null", "w") as devnull:
            call_command("load_seed_content", stdout=devnull)
        get_document_model().objects.create(
            title="Annual report",
            file=ContentFile(b"%PDF-1.4 annual report", name="annual-report.pdf"),
        )
        # A page and a collection with a shared password, for their password forms.
        values = Page.objects.get(slug="values")
        PageViewRestriction.objects.create(page=values, restriction_type="password", password="x")
        reports = Collection.get_first_root_node().add_child(name="Reports")
        CollectionViewRestriction.objects.create(
            collection=reports, restriction_type="password", password="x"
        )

    def setUp(self):
        # No session; CSRF checks off, so that hostile form data reaches the views themselves.
        # A server error is answered as a status code, so the sweep lists every one.
        self.stranger = Client(raise_request_exception=False)
        self.maxDiff = None

    def send(self, method, target, data, host, headers):
        """Send the request as a WSGI server passes it on: the path percent-decoded to
        bytes, every value as the bytes the client sent (UTF-8 here) read as latin-1."""
        path, _, query = target.partition("?")
        body = urlencode(data, doseq=True) if data is not None else ""
        return self.stranger.generic(
            method,
            "/",
            data=body,
            content_type="application/x-www-form-urlencoded",
            PATH_INFO=unquote_to_bytes(path).decode("iso-8859-1"),
            QUERY_STRING=as_wsgi(query),
            HTTP_HOST=as_wsgi(host),
            **{f"HTTP_{name.upper().replace('-', '_')}": value for name, value in headers.items()},
        )

    @mock.patch("feedback.spam_protection.RATE_LIMIT", 10**9)  # every form reaches the view
    def test_every_endpoint_answers_hostile_requests_without_a_server_error(self):
        # The first visit creates the site settings with their defaults; that is expected.
        self.stranger.get("/")
        before = stored_content()
        answered = defaultdict(Counter)

        for endpoint in ENDPOINTS:
            with self.subTest(endpoint=str(endpoint), part="sweep of known nasty values"):
                failures = []
                for method, path, data, host, headers in endpoint.sweep():
                    status = self.send(method, path, data, host, headers).status_code
                    answered[str(endpoint)][status] += 1
                    if not 200 <= status < 500:
                        failures.append(f"{method} {path!r} {data!r} (Host {host!r}): {status}")
                self.assertEqual(failures, [], f"{len(failures)} server errors")

            with self.subTest(endpoint=str(endpoint), part="random values"):

                @BARRAGE
                @given(request=endpoint.requests())
                def barrage(request):
                    method, path, data, host, headers = request
                    response = self.send(method, path, data, host, headers)
                    assert 200 <= response.status_code < 500, (
                        f"{method} {path!r} (Host {host!r}) answered {response.status_code}"
                    )

                barrage()

        if os.environ.get("HOSTILE_INPUT_REPORT"):
            with open(os.environ["HOSTILE_INPUT_REPORT"], "w") as report:
                json.dump({name: dict(codes) for name, codes in answered.items()}, report, indent=1)
        self.assertEqual(stored_content(), before, "the barrage changed what is stored")

    def test_the_real_document_is_still_served_after_all_that(self):
        document = get_document_model().objects.get()
        response = self.stranger.get(document.url)

        self.assertEqual(response.status_code, 200)
        self.assertEqual(b"".join(response.streaming_content), b"%PDF-1.4 annual report")
