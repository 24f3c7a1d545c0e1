"""'Is this page useful?': residents answer without a cookie; staff read and export it."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import caches
from django.db import connection
from wagtail.models import Page

from feedback import spam_protection
from feedback.models import COMMENT_MAX_LENGTH, Feedback

OUR_ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    caches["ratelimit"].clear()


@pytest.fixture
def priority_page(seeded_site):
    return Page.objects.get(url_path="/home/priorities/a-decent-home-for-everyone/")


def send(client, about, origin=OUR_ORIGIN, **data):
    """Post an answer about `about`; HTTP_* keywords are request headers, the rest fields."""
    headers = {key: value for key, value in data.items() if key.startswith("HTTP_")}
    fields = {key: value for key, value in data.items() if not key.startswith("HTTP_")}
    return client.post(
        "/feedback/", {"page": about.pk, "answer": "no", **fields}, **origin, **headers
    )


@pytest.mark.django_db
def test_every_content_page_asks_if_it_is_useful_without_setting_a_cookie(seeded_site, client):
    for url in ["/", "/priorities/a-decent-home-for-everyone/", "/accessibility/"]:
        response = client.get(url)
        assert "Is this page useful?" in response.text
        assert 'action="/feedback/"' in response.text
        assert "csrfmiddlewaretoken" not in response.text
        assert not response.cookies


@pytest.mark.django_db
def test_an_answer_is_stored_and_the_resident_is_thanked(client, priority_page):
    response = send(client, priority_page, comment="  Say when the new homes are ready.  ")

    assert response.status_code == 302
    assert response["Location"] == f"/feedback/thanks/?page={priority_page.pk}"
    feedback = Feedback.objects.get()
    assert (feedback.page_id, feedback.answer) == (priority_page.pk, "no")
    assert feedback.comment == "Say when the new homes are ready."
    assert feedback.page_url == "/priorities/a-decent-home-for-everyone/"

    thanks = client.get(response["Location"])
    assert "Thank you for your feedback" in thanks.text
    assert 'href="/priorities/a-decent-home-for-everyone/"' in thanks.text
    assert not thanks.cookies


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"answer": ""}, "Select yes if this page is useful"),
        ({"answer": "maybe"}, "Select a valid choice"),
        ({"page": "not-a-page"}, "We could not tell which page this was about."),
        ({"page": "99999999999999999999"}, "We could not tell which page this was about."),
        ({"comment": "x" * (COMMENT_MAX_LENGTH + 1)}, "must be 1000 characters or fewer"),
    ],
)
def test_bad_input_gets_a_clear_400(client, priority_page, data, message):
    response = send(client, priority_page, **data)

    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert message in response.text
    assert not Feedback.objects.exists()


@pytest.mark.django_db
def test_the_honeypot_looks_like_success_but_stores_nothing(client, priority_page):
    response = send(client, priority_page, website="https://spam.example/")

    assert response.status_code == 302
    assert not Feedback.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://evil.example/page/"},
    ],
)
def test_posts_from_other_sites_are_refused(client, priority_page, headers):
    response = send(client, priority_page, origin=headers)

    assert response.status_code == 403
    assert not Feedback.objects.exists()


@pytest.mark.django_db
def test_a_referer_from_our_site_is_enough_when_there_is_no_origin(client, priority_page):
    response = send(client, priority_page, origin={"HTTP_REFERER": "http://localhost/priorities/"})

    assert response.status_code == 302
    assert Feedback.objects.count() == 1


@pytest.mark.django_db
def test_too_many_answers_from_one_client_are_refused(client, priority_page):
    for _ in range(spam_protection.RATE_LIMIT):
        assert send(client, priority_page).status_code == 302

    response = send(client, priority_page)

    assert response.status_code == 429
    assert Feedback.objects.count() == spam_protection.RATE_LIMIT


PROXY = {"REMOTE_ADDR": "10.0.0.2"}  # every request arrives through our one proxy


def send_through_proxy(client, about, forwarded_for):
    return send(client, about, origin={**OUR_ORIGIN, **PROXY}, HTTP_X_FORWARDED_FOR=forwarded_for)


@pytest.mark.django_db
def test_behind_the_proxy_one_resident_cannot_silence_everyone(client, priority_page, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(spam_protection.RATE_LIMIT):
        assert send_through_proxy(client, priority_page, "203.0.113.7").status_code == 302

    assert send_through_proxy(client, priority_page, "203.0.113.7").status_code == 429
    assert send_through_proxy(client, priority_page, "198.51.100.20").status_code == 302


@pytest.mark.django_db
def test_addresses_the_client_wrote_itself_are_not_believed(client, priority_page, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(spam_protection.RATE_LIMIT):
        # The proxy appends the address it saw; what comes before is the client's own.
        send_through_proxy(client, priority_page, f"192.0.2.{number}, 203.0.113.7")

    response = send_through_proxy(client, priority_page, "192.0.2.200, 203.0.113.7")

    assert response.status_code == 429


@pytest.mark.django_db
def test_without_a_trusted_proxy_x_forwarded_for_is_ignored(client, priority_page, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for number in range(spam_protection.RATE_LIMIT):
        send_through_proxy(client, priority_page, f"192.0.2.{number}")

    assert send_through_proxy(client, priority_page, "192.0.2.250").status_code == 429


@pytest.mark.django_db
def test_the_count_is_kept_where_every_worker_and_server_sees_it(client, priority_page):
    send(client, priority_page)

    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM islington_rate_limits")
        assert cursor.fetchone() == (1,)


@pytest.mark.django_db
def test_a_get_on_the_form_address_is_not_an_error(client):
    assert client.get("/feedback/").status_code == 405


@pytest.mark.django_db
def test_thanks_copes_with_any_page_parameter(client):
    for value in ["", "abc", "99999999999999999999", "-3"]:
        response = client.get("/feedback/thanks/", {"page": value})
        assert response.status_code == 200
        assert 'href="/"' in response.text


@pytest.mark.django_db
def test_feedback_keeps_its_address_when_the_page_is_deleted(client, priority_page):
    send(client, priority_page)

    priority_page.delete()

    feedback = Feedback.objects.get()
    assert feedback.page is None
    assert feedback.page_url == "/priorities/a-decent-home-for-everyone/"


@pytest.fixture
def communications_officer(django_user_model):
    """An editor who may sign in to the admin and read feedback, nothing more."""
    group = Group.objects.create(name="Communications")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_feedback"),
    )
    user = django_user_model.objects.create_user("comms", password="password")
    user.groups.add(group)
    return user


@pytest.fixture
def some_feedback(seeded_site):
    home = Page.objects.get(depth=2)
    values = Page.objects.get(url_path="/home/values/")
    Feedback.objects.create(page=home, page_url="/", answer="yes", comment="Clear vision")
    Feedback.objects.create(page=values, page_url="/values/", answer="no", comment="Too short")
    return home, values


@pytest.mark.django_db
def test_staff_list_feedback_filtered_by_page(client, communications_officer, some_feedback):
    home, _values = some_feedback
    client.force_login(communications_officer)

    everything = client.get("/admin/page-feedback/")
    home_only = client.get("/admin/page-feedback/", {"page": home.pk})

    assert everything.status_code == 200
    assert "Clear vision" in everything.text
    assert "Too short" in everything.text
    assert "Clear vision" in home_only.text
    assert "Too short" not in home_only.text


@pytest.mark.django_db
def test_staff_filter_feedback_by_date(client, communications_officer, some_feedback):
    Feedback.objects.filter(comment="Too short").update(created_at="2025-01-15T12:00:00Z")
    client.force_login(communications_officer)

    response = client.get(
        "/admin/page-feedback/",
        {"created_at_from": "2025-01-01", "created_at_to": "2025-01-31"},
    )

    assert "Too short" in response.text
    assert "Clear vision" not in response.text


@pytest.mark.django_db
def test_staff_export_feedback_as_csv(client, communications_officer, some_feedback):
    client.force_login(communications_officer)

    response = client.get("/admin/page-feedback/", {"export": "csv", "answer": "no"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "page-feedback" in response["Content-Disposition"]
    content = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0] == ["Sent", "Address", "Useful?", "Comment"]
    assert [row[1:] for row in rows[1:]] == [["/values/", "No", "Too short"]]


@pytest.mark.django_db
def test_staff_cannot_write_feedback_in_the_admin(client, admin_user, some_feedback):
    client.force_login(admin_user)

    assert client.get("/admin/page-feedback/new/").status_code in (302, 403)


FORMULAS = [
    '=HYPERLINK("http://evil.example", "Click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.fixture
def formula_feedback(db):
    home = Page.objects.get(depth=2)
    for comment in FORMULAS:
        Feedback.objects.create(page=home, page_url="/", answer="no", comment=comment)
    Feedback.objects.create(page=home, page_url="/", answer="no", comment="Plain text - fine")


@pytest.mark.django_db
def test_the_csv_export_never_holds_a_formula(client, communications_officer, formula_feedback):
    client.force_login(communications_officer)

    response = client.get("/admin/page-feedback/", {"export": "csv"})

    content = b"".join(response.streaming_content).decode()
    comments = [row[3] for row in csv.reader(io.StringIO(content, newline=""))][1:]
    assert sorted(comments) == sorted(
        ["'" + formula for formula in FORMULAS] + ["Plain text - fine"]
    )


@pytest.mark.django_db
def test_the_xlsx_export_never_holds_a_formula(client, communications_officer, formula_feedback):
    client.force_login(communications_officer)

    response = client.get("/admin/page-feedback/", {"export": "xlsx"})

    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    cells = [row[3] for row in workbook.active.iter_rows(min_row=2)]
    assert all(cell.data_type == "s" for cell in cells)
    # (openpyxl reads a carriage return back as a line feed)
    assert sorted(cell.value.replace("\n", "\r") for cell in cells) == sorted(
        ["'" + formula for formula in FORMULAS] + ["Plain text - fine"]
    )
