def test_a_resident_opens_the_home_page_and_follows_the_navigation(site_url, browser_page):
    browser_page.goto(site_url + "/")
    assert browser_page.locator("h1").inner_text() == "Our vision for a fairer Islington"

    browser_page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Our priorities"
    ).click()

    assert browser_page.url == site_url + "/priorities/"
    assert browser_page.locator(".priority-card").count() == 4
