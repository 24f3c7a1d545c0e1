"""A partner copies the link to one commitment, in a browser with JavaScript off."""

PRIORITY = "/priorities/a-decent-home-for-everyone/"


def test_a_partner_links_to_one_commitment_without_javascript(site_url, chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + PRIORITY)
        page.get_by_role("link", name="Link to this commitment: Preventing homelessness").click()

        assert page.url == f"{site_url}{PRIORITY}#preventing-homelessness"
        assert page.locator(":target").inner_text().startswith("Preventing homelessness")

        page.goto(f"{site_url}{PRIORITY}#being-a-good-landlord")
        assert page.locator(":target").inner_text().startswith("Being a good landlord")
    finally:
        context.close()
