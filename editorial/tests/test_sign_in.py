"""Admin sign-in: failed attempts cool off, and two-factor sign-in when set up or required."""

import base64
import datetime
import re

from axes.models import AccessAttempt
from django.core.files.base import ContentFile
from django.test import TestCase, override_settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from .utils import EDITORS, SeededRolesTestCase, make_user, seed_site

LOGIN_URL = reverse("wagtailadmin_login")
ADMIN_HOME = reverse("wagtailadmin_home")


def current_code(device):
    return str(TOTP(device.bin_key, device.step, device.t0, device.digits).token()).zfill(6)


class SignInThrottleTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor", EDITORS)
        make_user("colleague", EDITORS)

    def sign_in(self, username="editor", password="password"):  # noqa: S107
        return self.client.post(LOGIN_URL, {"username": username, "password": password})

    def test_five_wrong_passwords_pause_that_username_with_a_friendly_message(self):
        for _attempt in range(5):
            response = self.sign_in(password="wrong")
        self.assertEqual(response.status_code, 429)

        response = self.sign_in()  # even the right password waits for the cool-off

        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "Too many sign-in attempts", status_code=429)
        self.assertContains(response, "paused for 15 minutes", status_code=429)
        # A colleague at the same address is not locked out.
        self.assertRedirects(self.sign_in("colleague"), ADMIN_HOME)

    def test_the_pause_ends_after_the_cool_off(self):
        for _attempt in range(5):
            self.sign_in(password="wrong")
        AccessAttempt.objects.update(
            attempt_time=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=16)
        )

        self.assertRedirects(self.sign_in(), ADMIN_HOME)

    def test_fewer_failures_do_not_lock_anyone_out(self):
        for _attempt in range(4):
            self.sign_in(password="wrong")
        self.assertRedirects(self.sign_in(), ADMIN_HOME)


class TwoFactorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        seed_site()
        cls.editor = make_user("editor", EDITORS)

    def sign_in(self):
        self.client.post(LOGIN_URL, {"username": "editor", "password": "password"})

    def test_not_required_by_default(self):
        self.sign_in()
        self.assertEqual(self.client.get(ADMIN_HOME).status_code, 200)

    def test_any_admin_user_can_turn_it_on_from_their_account(self):
        self.sign_in()
        account = self.client.get(reverse("wagtailadmin_account"))
        self.assertContains(account, reverse("editorial_two_factor_setup"))

        self.assertContains(account, "Two-factor sign-in")
        self.assertContains(account, "<strong>Off.</strong>", html=True)

        setup = self.client.get(reverse("editorial_two_factor_setup"))
        self.assertContains(setup, 'src="data:image/svg+xml;base64,')
        device = TOTPDevice.objects.get(user=self.editor, confirmed=False)
        # Authenticator apps ask for base32, not the hex django-otp stores.
        base32_key = base64.b32encode(device.bin_key).decode().rstrip("=")
        shown_key = re.search(r"<code[^>]*data-two-factor-key>([^<]+)</code>", setup.text)
        self.assertEqual(shown_key.group(1).replace(" ", ""), base32_key)

        response = self.client.post(
            reverse("editorial_two_factor_setup"), {"code": current_code(device)}
        )
        self.assertRedirects(response, reverse("wagtailadmin_account"))
        device.refresh_from_db()
        self.assertTrue(device.confirmed)

    def test_a_user_with_an_app_must_enter_a_code_after_the_password(self):
        device = TOTPDevice.objects.create(user=self.editor, name="Phone", confirmed=True)
        self.sign_in()

        response = self.client.get(ADMIN_HOME)
        verify_url = reverse("editorial_two_factor_verify")
        self.assertRedirects(response, f"{verify_url}?next={ADMIN_HOME}")

        wrong = self.client.post(verify_url, {"code": "000000", "next": ADMIN_HOME})
        self.assertContains(wrong, "That code did not match")
        self.assertEqual(self.client.get(ADMIN_HOME).status_code, 302)
        # django-otp makes each wrong code wait longer before the next; skip the wait.
        device.refresh_from_db()
        device.throttle_reset()

        right = self.client.post(verify_url, {"code": current_code(device), "next": ADMIN_HOME})
        self.assertRedirects(right, ADMIN_HOME)
        self.assertEqual(self.client.get(ADMIN_HOME).status_code, 200)

    def test_public_pages_never_ask_for_a_code(self):
        TOTPDevice.objects.create(user=self.editor, name="Phone", confirmed=True)
        self.sign_in()
        self.assertEqual(self.client.get("/").status_code, 200)

    def test_an_unsafe_next_address_is_ignored(self):
        device = TOTPDevice.objects.create(user=self.editor, name="Phone", confirmed=True)
        self.sign_in()
        response = self.client.post(
            reverse("editorial_two_factor_verify"),
            {"code": current_code(device), "next": "https://evil.example/"},
        )
        self.assertRedirects(response, ADMIN_HOME)

    @override_settings(WAGTAIL_2FA_REQUIRED=True)
    def test_when_required_every_admin_user_must_set_it_up_first(self):
        self.sign_in()

        response = self.client.get(reverse("wagtailadmin_explore_root"))
        setup_url = reverse("editorial_two_factor_setup")
        self.assertRedirects(response, f"{setup_url}?next={reverse('wagtailadmin_explore_root')}")
        setup = self.client.get(setup_url)
        self.assertContains(setup, "Two-factor sign-in is required")

        device = TOTPDevice.objects.get(user=self.editor, confirmed=False)
        self.client.post(setup_url, {"code": current_code(device)})
        self.assertEqual(self.client.get(reverse("wagtailadmin_explore_root")).status_code, 200)


class TwoFactorResetTests(SeededRolesTestCase):
    """An administrator turns off two-factor sign-in for someone who lost their phone."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.admin = make_user("admin", is_superuser=True)

    def setUp(self):
        TOTPDevice.objects.create(user=self.editor, name="Lost phone", confirmed=True)
        self.reset_url = reverse("editorial_two_factor_reset", args=[self.editor.pk])

    def test_an_administrator_resets_it_from_the_users_list(self):
        self.client.force_login(self.admin)
        users = self.client.get(reverse("wagtailusers_users:index"))
        self.assertContains(users, self.reset_url)
        self.assertContains(users, "Reset two-factor sign-in")

        confirm = self.client.get(self.reset_url)
        self.assertContains(confirm, "has lost their phone")
        response = self.client.post(self.reset_url)

        self.assertRedirects(response, reverse("wagtailusers_users:index"))
        self.assertFalse(TOTPDevice.objects.filter(user=self.editor).exists())
        messages = [str(m) for m in response.wsgi_request._messages]
        self.assertEqual(
            messages,
            [
                "Two-factor sign-in is off for editor. They can sign in with their password "
                "and set it up again from Account."
            ],
        )
        # The editor signs in with their password alone, and may set it up again.
        self.client.logout()
        self.client.post(LOGIN_URL, {"username": "editor", "password": "password"})
        self.assertEqual(self.client.get(ADMIN_HOME).status_code, 200)

    def test_nobody_else_can_reset_it(self):
        self.client.force_login(self.approver)
        # Wagtail answers a permission error in the admin by going back to the dashboard.
        self.assertRedirects(self.client.post(self.reset_url), ADMIN_HOME)
        self.assertTrue(TOTPDevice.objects.filter(user=self.editor).exists())


class HalfSignedInTests(TestCase):
    """A session that gave the password but not the code is anonymous everywhere: on
    pages and documents restricted to signed-in users as much as in the admin."""

    @classmethod
    def setUpTestData(cls):
        seed_site()
        cls.editor = make_user("editor", EDITORS)
        values = Page.objects.get(slug="values")
        PageViewRestriction.objects.create(page=values, restriction_type="login")
        reports = Collection.get_first_root_node().add_child(name="Reports")
        CollectionViewRestriction.objects.create(collection=reports, restriction_type="login")
        cls.document = get_document_model().objects.create(
            title="Budget", collection=reports, file=ContentFile(b"The budget", name="budget.txt")
        )

    def sign_in_with_password_only(self):
        self.client.post(LOGIN_URL, {"username": "editor", "password": "password"})

    def assertAsksToSignIn(self, url):  # noqa: N802 - unittest's naming
        response = self.client.get(url)
        self.assertEqual(response.status_code, 302, url)
        self.assertIn("/_util/login/", response["Location"])

    @override_settings(WAGTAIL_2FA_REQUIRED=True)
    def test_with_two_factor_required_restricted_pages_and_documents_stay_closed(self):
        self.sign_in_with_password_only()

        self.assertAsksToSignIn("/values/")
        self.assertAsksToSignIn(self.document.url)
        self.assertEqual(self.client.get("/").status_code, 200)  # public pages as anyone

        setup_url = reverse("editorial_two_factor_setup")
        self.client.get(setup_url)
        device = TOTPDevice.objects.get(user=self.editor, confirmed=False)
        self.client.post(setup_url, {"code": current_code(device)})

        self.assertEqual(self.client.get("/values/").status_code, 200)
        self.assertEqual(self.client.get(self.document.url).status_code, 200)

    def test_a_user_with_an_app_who_has_not_entered_the_code_is_anonymous(self):
        TOTPDevice.objects.create(user=self.editor, name="Phone", confirmed=True)
        self.sign_in_with_password_only()

        self.assertAsksToSignIn("/values/")
        self.assertAsksToSignIn(self.document.url)

    def test_without_two_factor_the_password_is_enough(self):
        self.sign_in_with_password_only()

        self.assertEqual(self.client.get("/values/").status_code, 200)
        self.assertEqual(self.client.get(self.document.url).status_code, 200)
