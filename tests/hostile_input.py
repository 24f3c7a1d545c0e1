"""A reusable barrage of hostile requests: a fixed sweep, then property-based tests.

Each Endpoint names one way into the site and the hostile values to send it.
Every endpoint is first sent every one of NASTY_FRAGMENTS in each of its
placeholders (and form fields), one at a time: a value known to have broken
something is always tried, on every run. Hypothesis then adds random values.
To cover a new endpoint, add an entry to ENDPOINTS, for example:

    Endpoint("GET", "/search/?q={q}", {"q": hostile_text}),
    Endpoint("GET", "/api/v2/pages/?{query}", {"query": hostile_query_string}),
    Endpoint("POST", "/feedback/", form={"comment": hostile_text}),

Placeholders in a path are filled with raw URL text: percent-escapes in the
values reach the server as the client wrote them, as with a real attacker.
"""

from dataclasses import dataclass, field
from itertools import product
from urllib.parse import unquote

from django.apps import apps
from hypothesis import strategies as st

# --- Building blocks -------------------------------------------------------------

# Every byte, percent-escaped: NUL, control characters and invalid UTF-8 sequences.
percent_escaped_bytes = st.binary(max_size=40).map(
    lambda data: "".join(f"%{byte:02X}" for byte in data)
)
# Strings that have broken parsers, routers, full-text search and SQL before.
# Sampling from these alone is not enough: with a bounded number of examples
# hypothesis may never draw a given one (it never drew '"' for the search box),
# so Endpoint.sweep() sends each of them explicitly.
NASTY_FRAGMENTS = [
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
    # Full-text search syntax (SQLite FTS5, PostgreSQL tsquery) and whitespace only.
    "%22",
    "a%22b",
    '"unbalanced',
    '""',
    "%20",
    "%09%0A",
    "+",
    "a*",
    "*a",
    "-a",
    "a:b",
    "a^b",
    "(a",
    "a)",
    "NEAR(a b)",
    "a AND",
    "OR",
    "!",
    "a&b|c",
    "a <-> b",
    "'a':*",
    "%5C",
    "_",
    "a" * 199 + "%22",
]
nasty_fragments = st.sampled_from(NASTY_FRAGMENTS)
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
HOSTILE_METHODS = [
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
hostile_methods = st.sampled_from(HOSTILE_METHODS)
HOSTILE_HOSTS = [
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
hostile_hosts = st.one_of(
    st.sampled_from(HOSTILE_HOSTS), st.text(st.characters(codec="latin-1"), max_size=40)
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
    """One way into the site and the hostile values to send it.

    params: placeholders in the path, each with a strategy of hostile values.
    choices: placeholders with a fixed list of values (an API parameter's name, say);
        the sweep tries every nasty fragment with each of them.
    form: form fields, each with a strategy of hostile values.
    form_defaults: valid values for the other fields, so that one hostile field
        at a time gets past the form's other checks (a callable is called first).
    """

    method: str | st.SearchStrategy
    path: str
    params: dict = field(default_factory=dict)
    choices: dict = field(default_factory=dict)
    form: dict | None = None
    form_defaults: dict = field(default_factory=dict)
    host: st.SearchStrategy | None = None
    headers: dict = field(default_factory=dict)

    def __str__(self):
        method = self.method if isinstance(self.method, str) else "ANY"
        return f"{method} {self.path}"

    def resolved_choices(self):
        return {
            name: [value() if callable(value) else value for value in values]
            for name, values in self.choices.items()
        }

    def requests(self):
        """A strategy of (method, path, body, host, headers) tuples."""
        method = st.just(self.method) if isinstance(self.method, str) else self.method
        placeholders = {
            **self.params,
            **{name: st.sampled_from(values) for name, values in self.resolved_choices().items()},
        }
        path = st.fixed_dictionaries(placeholders).map(lambda values: self.path.format(**values))
        data = form_data(self.form) if self.form is not None else st.none()
        host = self.host if self.host is not None else st.just("testserver")
        return st.tuples(method, path, data, host, st.just(self.headers))

    def sweep(self):
        """(method, path, body, host, headers) for every nasty fragment in each placeholder
        and form field, one at a time, with every combination of the choices."""
        methods = [self.method] if isinstance(self.method, str) else HOSTILE_METHODS
        hosts = ["testserver"] if self.host is None else HOSTILE_HOSTS
        defaults = {
            name: value() if callable(value) else value
            for name, value in self.form_defaults.items()
        }
        blank = dict.fromkeys(self.params, "")
        choices = self.resolved_choices()
        for chosen in product(*choices.values()):
            chosen = dict(zip(choices, chosen, strict=True))

            def path(**values):
                return self.path.format(**{**blank, **chosen, **values})  # noqa: B023

            targets = [path(**{name: value}) for name in self.params for value in NASTY_FRAGMENTS]
            # Form values are sent both as written and percent-decoded (a real NUL, say).
            bodies = [
                {**defaults, name: value}
                for name in self.form or {}
                for value in dict.fromkeys([*NASTY_FRAGMENTS, *map(unquote, NASTY_FRAGMENTS)])
            ]
            for method, host in product(methods, hosts):
                for target in targets or [path()]:
                    yield method, target, defaults or None, host, self.headers
                for body in bodies:
                    yield method, path(), body, host, self.headers


def home_page_id():
    from wagtail.models import Site

    return str(Site.objects.get(is_default_site=True).root_page_id)


# Every query parameter partners may send the JSON API, and some they may not: those
# its page and image endpoints share, then each one's own.
API_PARAMETERS = [
    "fields",
    "limit",
    "offset",
    "order",
    "search",
    "search_operator",
    "format",
    "id",
    "title",
    "_",
]
API_PAGE_PARAMETERS = [
    *API_PARAMETERS,
    "type",
    "locale",
    "translation_of",
    "child_of",
    "ancestor_of",
    "descendant_of",
    "site",
    "rich_text_format",
    "slug",
    "show_in_menus",
    "seo_title",
    "first_published_at",
    "last_published_at",
    "nosuchparameter",
]
API_IMAGE_PARAMETERS = [*API_PARAMETERS, "tags", "width"]

ENDPOINTS = [
    # Wagtail's page serving, the catch-all route.
    Endpoint("GET", "/{path}", {"path": hostile_path}),
    Endpoint("GET", "/priorities/{path}/", {"path": hostile_text}),
    Endpoint("GET", "/?{query}", {"query": hostile_query_string}),
    Endpoint("GET", "/priorities/?{query}", {"query": hostile_query_string}),
    Endpoint(hostile_methods, "/{path}", choices={"path": ["", "values/", "nowhere/"]}),
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
    Endpoint(hostile_methods, "/{path}", choices={"path": ["healthz", "readyz"]}),
    # The public forms: admin sign-in and password reset, the admin pages a stranger reaches.
    Endpoint(
        "POST",
        "/admin/login/?next={next}",
        {"next": hostile_text},
        form={"username": hostile_text, "password": hostile_text, "next": hostile_text},
        form_defaults={"username": "nobody", "password": "wrong"},
    ),
    Endpoint("GET", "/admin/login/?{query}", {"query": hostile_query_string}),
    Endpoint(
        "POST", "/admin/password_reset/", form={"email": hostile_text}, form_defaults={"email": ""}
    ),
    # The password forms of private pages and collections (small ids, to reach real ones).
    Endpoint(
        "POST",
        "/_util/authenticate_with_password/{restriction}/{page}/",
        {
            "restriction": st.sampled_from(["1", "2", "999"]),
            "page": st.sampled_from(["3", "4", "5"]),
        },
        form={"password": hostile_text, "return_url": hostile_text},
        form_defaults={"password": "wrong", "return_url": "/"},
    ),
    Endpoint(
        "POST",
        "/documents/authenticate_with_password/{restriction}/",
        {"restriction": st.sampled_from(["1", "999"])},
        form={"password": hostile_text, "return_url": hostile_text},
        form_defaults={"password": "wrong", "return_url": "/"},
    ),
    # Site search (a GET form), its page numbers and anything else in its query string.
    Endpoint("GET", "/search/?q={q}&page={page}", {"q": hostile_text, "page": hostile_text}),
    Endpoint("GET", "/search/?{query}", {"query": hostile_query_string}),
    # "Is this page useful?": from this site (past the Origin check) and from elsewhere.
    Endpoint(
        "POST",
        "/feedback/",
        form={"page": hostile_text, "answer": hostile_text, "comment": hostile_text},
        form_defaults={"page": home_page_id, "answer": "yes", "comment": ""},
        headers={"Origin": "http://testserver"},
    ),
    Endpoint("POST", "/feedback/", form={"comment": hostile_text}),
    Endpoint(hostile_methods, "/feedback/{path}", choices={"path": ["", "thanks/"]}),
    Endpoint("GET", "/feedback/thanks/?{query}", {"query": hostile_query_string}),
    # What partners read: every parameter of the API (search included), its addresses,
    # the sitemap and the feed.
    Endpoint(
        "GET",
        "/api/v2/pages/?{name}={value}",
        {"value": hostile_text},
        choices={"name": API_PAGE_PARAMETERS},
    ),
    Endpoint(
        "GET",
        "/api/v2/images/?{name}={value}",
        {"value": hostile_text},
        choices={"name": API_IMAGE_PARAMETERS},
    ),
    Endpoint("GET", "/api/v2/pages/?{query}", {"query": hostile_query_string}),
    Endpoint("GET", "/api/v2/images/?{query}", {"query": hostile_query_string}),
    Endpoint("GET", "/api/v2/pages/?search={q}&search_operator=or", {"q": hostile_text}),
    Endpoint(
        "GET", "/api/v2/pages/{id}/?{query}", {"id": hostile_text, "query": hostile_query_string}
    ),
    Endpoint(
        "GET",
        "/api/v2/pages/{id}/?{name}={value}",
        {"value": hostile_text},
        choices={"id": [home_page_id], "name": ["fields", "format", "rich_text_format", "_"]},
    ),
    Endpoint("GET", "/api/v2/images/{id}/", {"id": hostile_text}),
    Endpoint("GET", "/api/v2/pages/find/?html_path={path}", {"path": hostile_path}),
    Endpoint("GET", "/api/v2/{path}", {"path": hostile_path}),
    Endpoint("GET", "/sitemap.xml?{query}", {"query": hostile_query_string}),
    Endpoint("GET", "/feeds/updates/?{query}", {"query": hostile_query_string}),
]


# --- Integrity -------------------------------------------------------------------


# The sign-in throttle records each failed attempt, and the feedback form stores
# what visitors send (the sweep sends it valid forms): that is them doing their job.
RECORDS_OF_ATTEMPTS = {"axes", "feedback"}


def stored_content():
    """Everything stored, in a comparable form: row counts of every model, and what
    editors wrote (every page and revision) in full."""
    from wagtail.models import Page, ReferenceIndex, Revision

    counts = {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if not model._meta.proxy and model._meta.app_label not in RECORDS_OF_ATTEMPTS
    }
    # Stored feedback names its page, so Wagtail indexes that reference too.
    counts[ReferenceIndex._meta.label] = ReferenceIndex.objects.exclude(
        content_type__app_label__in=RECORDS_OF_ATTEMPTS
    ).count()
    pages = list(
        Page.objects.order_by("pk").values_list(
            "pk", "title", "slug", "url_path", "live", "latest_revision_id"
        )
    )
    revisions = list(Revision.objects.order_by("pk").values_list("pk", "content"))
    return counts, pages, revisions
