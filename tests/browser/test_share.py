"""The share box in Chromium: plain links, and a copy button only where it can work."""

import pytest
from playwright.sync_api import expect

from tests.publish.hosting import PUBLIC

PUBLIC_URL = PUBLIC + "/blog/dilemmas/"


@pytest.mark.browser
def test_copy_link_puts_the_public_address_on_the_clipboard(probe, context):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    probe.goto("/blog/dilemmas/")
    button = probe.page.get_by_role("button", name="Kopieer link")
    button.click()
    status = probe.page.locator(".share .share-status")
    expect(status).to_have_text("De link is gekopieerd.")  # written asynchronously
    assert probe.page.evaluate("navigator.clipboard.readText()") == PUBLIC_URL
    # Nothing went to WhatsApp, LinkedIn or Facebook: no request leaves the site.
    assert probe.foreign_requests() == []
    assert probe.csp_violations() == [] and probe.errors == []


@pytest.mark.browser
def test_without_javascript_the_copy_button_stays_hidden(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/blog/dilemmas/")
    share = page.get_by_role("navigation", name="Deel deze blogpost")
    assert share.get_by_role("link").all_inner_texts() == [
        "WhatsApp",
        "LinkedIn",
        "Facebook",
        "E-mail",
    ]
    assert share.locator("button").is_hidden()
    context.close()
