"""A communications officer turns on two-factor sign-in with an authenticator app.

The test plays the app: it reads the key the page shows for manual entry (the
base32 that authenticator apps expect) and computes the codes from it.
"""

import base64
import re
import time

from django_otp.oath import totp
from playwright.sync_api import expect


def code_from(key, steps_ahead=0):
    """What an authenticator app shows for a base32 key (a later code with steps_ahead)."""
    secret = base64.b32decode(key.replace(" ", "").upper())
    return f"{totp(secret, drift=steps_ahead):06d}"


def wrong_code(key):
    return next(
        code for code in ("000000", "111111") if code not in {code_from(key, d) for d in (-1, 0, 1)}
    )


def test_an_editor_sets_up_two_factor_and_signs_in_with_a_code(site_url, chromium, editor):
    # The account menu, bottom left, leads to the account page, which says it is off.
    editor.get_by_role("button", name="editor").click()
    editor.get_by_role("complementary", name="Sidebar").get_by_role("link", name="Account").click()
    section = editor.locator("#two-factor-section")
    expect(section).to_contain_text("Off")
    section.get_by_role("link", name="Set up two-factor sign-in").click()

    expect(editor.get_by_role("heading", level=1)).to_have_text("Set up two-factor sign-in")
    expect(editor.get_by_role("img", name="QR code")).to_be_visible()
    key = editor.locator("[data-two-factor-key]").inner_text()
    assert re.fullmatch(r"[A-Z2-7]{4}( [A-Z2-7]{1,4})+", key), key
    editor.screenshot(path=".tmp/two-factor-set-up.png")

    code_field = editor.get_by_label("Code from your authenticator app")
    code_field.fill(wrong_code(key))
    editor.get_by_role("button", name="Turn on two-factor sign-in").click()
    expect(editor.get_by_text("That code did not match")).to_be_visible()

    time.sleep(1.1)  # django-otp makes a second try wait a second after a wrong code
    code_field.fill(code_from(key))
    editor.get_by_role("button", name="Turn on two-factor sign-in").click()
    expect(editor.locator(".messages")).to_contain_text("Two-factor sign-in is on")

    # Next time, the password alone is not enough.
    editor.context.clear_cookies()
    editor.goto(site_url + "/admin/login/")
    editor.get_by_label("Username").fill("editor")
    editor.get_by_label("Password").fill("password")
    editor.get_by_role("button", name="Sign in").click()
    expect(editor.get_by_role("heading", level=1)).to_have_text("Enter your sign-in code")
    editor.get_by_label("Code from your authenticator app").fill(wrong_code(key))
    editor.get_by_role("button", name="Continue").click()
    error = editor.get_by_role("alert").get_by_text("That code did not match")
    expect(error).to_be_visible()
    editor.screenshot(path=".tmp/two-factor-wrong-code.png")

    time.sleep(1.1)
    # The code of the next 30 seconds: the one just used cannot be used twice.
    editor.get_by_label("Code from your authenticator app").fill(code_from(key, steps_ahead=1))
    editor.get_by_role("button", name="Continue").click()
    expect(editor).to_have_url(site_url + "/admin/")
