"""A reusable barrage of hostile requests, for property-based tests with hypothesis.

Each Endpoint names one way into the site and the hostile values to send it.
To cover a new endpoint, add an entry to ENDPOINTS, for example:

    Endpoint("GET", "/search/?q={q}", {"q": hostile_text}),
    Endpoint("GET", "/api/v2/pages/?{query}", {"query": hostile_query_string}),
    Endpoint("POST", "/feedback/", data=form_data({"comment": hostile_text})),

Placeholders in a path are filled with raw URL text: percent-escapes in the
values reach the server as the client wrote them, as with a real attacker.
"""

from dataclasses import dataclass, field

from django.apps import apps
from hypothesis import strategies as st

# --- Building blocks -------------------------------------------------------------

# Every byte, percent-escaped: NUL, control characters and invalid UTF-8 sequences.
percent_escaped_bytes = st.binary(max_size=40).map(
    lambda data: "".join(f"%{byte:02X}" for byte in data)
)
# Strings that have broken parsers, routers and SQL before.
nasty_fragments = st.sampled_from(
    [
        "",
        " ",
        "..",
        "../..",
        "%2e%2e/",
        "//",
        "\\",
        "%00",
        "%",
        "%zz",
        "%c0%ae",
        "%ff%fe",
        "'",
        '"',
        "<script>",
        "' OR 1=1 --",
        ";",
        "&",
        "=",
        "#",
        "*",
        "~",
        "{{ 7*7 }}",
        "${jndi:ldap://x}",
        "\u202e",
        "\ufeff",
        "é",
        "🏳️‍🌈",
        "-1",
        "0",
        "99999999999999999999999999",
        "1e309",
        "NaN",
        "a" * 300,
    ]
)
# Printable and unprintable text, escaped where a URL needs it.
url_text = st.text(
    st.characters(codec="utf-8", exclude_characters="?#"),
    max_size=60,
)
hostile_text = st.one_of(nasty_fragments, url_text, percent_escaped_bytes)
# One path segment, or a very long run of them.
hostile_path = st.one_of(
    st.lists(hostile_text, max_size=6).map("/".join),
    st.integers(min_value=1_000, max_value=12_000).map(lambda length: "a" * length),
)
# key=value pairs with junk on both sides, repeated keys and stray separators.
hostile_query_string = st.lists(
    st.tuples(
        st.one_of(st.sampled_from(["page", "q", "p", "id", "fields", ""]), hostile_text),
        hostile_text,
    ),
    max_size=6,
).map(lambda pairs: "&".join(f"{key}={value}" for key, value in pairs))
hostile_methods = st.sampled_from(
    [
        "GET",
        "HEAD",
        "POST",
        "PUT",
        "PATCH",
        "DELETE",
        "OPTIONS",
        "TRACE",
        "CONNECT",
        "PROPFIND",
        "MKCOL",
        "BREW",
        "get",
        "M-SEARCH",
    ]
)
hostile_hosts = st.one_of(
    st.sampled_from(
        [
            "",
            "evil.example",
            "localhost:99999",
            "localhost:abc",
            "[::1",
            "127.0.0.1:80:80",
            "localhost\x00",
            "local host",
            "localhost/../admin",
            "@localhost",
            "a" * 300,
        ]
    ),
    st.text(st.characters(codec="latin-1"), max_size=40),
)


def form_data(fields):
    """A form body: the given fields with hostile values, some of them missing or oversized."""
    return st.fixed_dictionaries(
        {},
        optional={
            name: st.one_of(strategy, st.just("x" * 100_000), st.lists(strategy, max_size=3))
            for name, strategy in fields.items()
        },
    )


# --- Endpoints -------------------------------------------------------------------


@dataclass(frozen=True)
class Endpoint:
    """One way into the site and the hostile values to send it."""

    method: str | st.SearchStrategy
    path: str
    params: dict = field(default_factory=dict)
    data: st.SearchStrategy | None = None
    host: st.SearchStrategy | None = None
    headers: dict = field(default_factory=dict)

    def __str__(self):
        method = self.method if isinstance(self.method, str) else "ANY"
        return f"{method} {self.path}"

    def requests(self):
        """A strategy of (method, path, body, host, headers) tuples."""
        method = st.just(self.method) if isinstance(self.method, str) else self.method
        path = st.fixed_dictionaries(self.params).map(lambda values: self.path.format(**values))
        data = self.data if self.data is not None else st.none()
        host = self.host if self.host is not None else st.just("testserver")
        return st.tuples(method, path, data, host, st.just(self.headers))


ENDPOINTS = [
    # Wagtail's page serving, the catch-all route.
    Endpoint("GET", "/{path}", {"path": hostile_path}),
    Endpoint("GET", "/priorities/{path}/", {"path": hostile_text}),
    Endpoint("GET", "/?{query}", {"query": hostile_query_string}),
    Endpoint("GET", "/priorities/?{query}", {"query": hostile_query_string}),
    Endpoint(hostile_methods, "/{path}", {"path": st.sampled_from(["", "values/", "nowhere/"])}),
    Endpoint("GET", "/", host=hostile_hosts),
    # Documents through Wagtail's serve view, and uploaded media.
    Endpoint(
        "GET",
        "/documents/{id}/{filename}?{query}",
        {
            "id": st.one_of(st.integers(min_value=0).map(str), nasty_fragments),
            "filename": st.one_of(st.just("annual-report.pdf"), hostile_text),
            "query": hostile_query_string,
        },
    ),
    Endpoint("GET", "/media/{path}", {"path": hostile_path}),
    # Health checks, under any method.
    Endpoint(hostile_methods, "/{path}", {"path": st.sampled_from(["healthz", "readyz"])}),
    # The admin sign-in form, the one admin page a stranger reaches.
    Endpoint(
        "POST",
        "/admin/login/?next={next}",
        {"next": hostile_text},
        data=form_data({"username": hostile_text, "password": hostile_text, "next": hostile_text}),
    ),
    Endpoint("GET", "/admin/login/?{query}", {"query": hostile_query_string}),
    # The password forms of private pages and collections (small ids, to reach real ones).
    Endpoint(
        "POST",
        "/_util/authenticate_with_password/{restriction}/{page}/",
        {
            "restriction": st.sampled_from(["1", "2", "999"]),
            "page": st.sampled_from(["3", "4", "5"]),
        },
        data=form_data({"password": hostile_text, "return_url": hostile_text}),
    ),
    Endpoint(
        "POST",
        "/documents/authenticate_with_password/{restriction}/",
        {"restriction": st.sampled_from(["1", "999"])},
        data=form_data({"password": hostile_text, "return_url": hostile_text}),
    ),
    # Site search, its page numbers and anything else in its query string.
    Endpoint("GET", "/search/?q={q}&page={page}", {"q": hostile_text, "page": hostile_text}),
    Endpoint("GET", "/search/?{query}", {"query": hostile_query_string}),
    # "Is this page useful?": from this site (past the Origin check) and from elsewhere.
    Endpoint(
        "POST",
        "/feedback/",
        data=form_data({"page": hostile_text, "answer": hostile_text, "comment": hostile_text}),
        headers={"Origin": "http://testserver"},
    ),
    Endpoint("POST", "/feedback/", data=form_data({"comment": hostile_text})),
    Endpoint(hostile_methods, "/feedback/{path}", {"path": st.sampled_from(["", "thanks/"])}),
    Endpoint("GET", "/feedback/thanks/?{query}", {"query": hostile_query_string}),
    # What partners read: the API, the sitemap and the feed.
    Endpoint("GET", "/api/v2/pages/?{query}", {"query": hostile_query_string}),
    Endpoint("GET", "/api/v2/images/?{query}", {"query": hostile_query_string}),
    Endpoint(
        "GET", "/api/v2/pages/{id}/?{query}", {"id": hostile_text, "query": hostile_query_string}
    ),
    Endpoint("GET", "/sitemap.xml?{query}", {"query": hostile_query_string}),
    Endpoint("GET", "/feeds/updates/?{query}", {"query": hostile_query_string}),
]


# --- Integrity -------------------------------------------------------------------


# The sign-in throttle records each failed attempt: that is it doing its job.
RECORDS_OF_ATTEMPTS = {"axes"}


def stored_content():
    """Everything stored, in a comparable form: row counts of every model, and what
    editors wrote (every page and revision) in full."""
    from wagtail.models import Page, Revision

    counts = {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if not model._meta.proxy and model._meta.app_label not in RECORDS_OF_ATTEMPTS
    }
    pages = list(
        Page.objects.order_by("pk").values_list(
            "pk", "title", "slug", "url_path", "live", "latest_revision_id"
        )
    )
    revisions = list(Revision.objects.order_by("pk").values_list("pk", "content"))
    return counts, pages, revisions
