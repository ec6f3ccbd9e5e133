"""The contact form and newsletter signup, posting to a real local form backend, with
and without JavaScript, under the CSP the settings produce for that endpoint."""

from urllib.parse import urlsplit

import pytest

from tests.support.field_error import assert_field_error, assert_no_field_error
from tests.support.funnel import (
    MESSAGE_KEY,
    leave_worksheet_message,
    site_with_forms,
)
from tests.support.probe import PageProbe
from tests.support.vnu import vnu_errors

pytestmark = pytest.mark.browser

CONTACT = {"naam": "Anna de Vries", "email": "anna@stal.example", "bericht": "Hoi!"}


@pytest.fixture(scope="module")
def funnel(tmp_path_factory):
    """The test site built once with both forms posting to a local backend."""

    def forms(backend: str) -> dict:
        return {
            "contact": {
                "provider": "backend",
                "endpoint": backend + "/f/contact",
                "recipient": "Testbackend",
            },
            "newsletter": {
                "provider": "mailing",
                "endpoint": backend + "/subscribe",
                "field_names": {"email": "EMAIL"},
                "redirect_field": "redirect",
                "honeypot": "website",
            },
        }

    with site_with_forms(tmp_path_factory.mktemp("funnel"), forms) as site:
        yield site


@pytest.fixture
def funnel_probe(page, funnel):
    funnel.backend.received.clear()
    return PageProbe(page, funnel.url)


@pytest.fixture
def no_js_page(browser, funnel):
    funnel.backend.received.clear()
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def fill_contact(page):
    page.fill("#contact-naam", CONTACT["naam"])
    page.fill("#contact-email", CONTACT["email"])
    page.fill("#contact-bericht", CONTACT["bericht"])
    page.check("#contact-toestemming")


def fill_newsletter(page):
    page.fill("#newsletter-voornaam", "Anna")
    page.fill("#newsletter-email", "anna@stal.example")
    page.check("#newsletter-toestemming")


def contact_fields(
    funnel, bron: str, bericht: str = CONTACT["bericht"], cta: str = ""
) -> dict:
    return {
        "_next": [funnel.thanks],
        "bron": [bron],
        "cta": [cta],
        "naam": [CONTACT["naam"]],
        "email": [CONTACT["email"]],
        "telefoon": [""],
        "bericht": [bericht],
        "toestemming": ["ja"],
        "_gotcha": [""],
    }


NEWSLETTER_FIELDS = {
    "bron": ["dilemmas"],
    "cta": ["voettekst"],
    "voornaam": ["Anna"],
    "EMAIL": ["anna@stal.example"],
    "toestemming": ["ja"],
    "website": [""],
}


def test_contact_form_without_javascript_posts_and_lands_on_thanks(no_js_page, funnel):
    page = no_js_page
    page.goto(funnel.url + "/contact/")
    fill_contact(page)
    with page.expect_navigation(url=funnel.thanks):
        page.click("#contact-form button[type=submit]")
    assert page.locator("h1").inner_text() == "Bedankt!"
    assert funnel.backend.received == [
        ("/f/contact", contact_fields(funnel, "contact"))
    ]


def test_required_fields_stop_the_form_without_javascript(no_js_page, funnel):
    page = no_js_page
    page.goto(funnel.url + "/contact/")
    page.fill("#contact-naam", CONTACT["naam"])
    page.click("#contact-form button[type=submit]")
    # The browser's own check keeps the reader on the page with the first empty field.
    assert page.evaluate("document.activeElement.id") == "contact-email"
    assert (
        page.evaluate("document.querySelector('#contact-email').validity.valid")
        is False
    )
    assert page.url == funnel.url + "/contact/"
    assert funnel.backend.received == []


def test_an_address_without_a_domain_is_refused_without_javascript(no_js_page, funnel):
    page = no_js_page
    page.goto(funnel.url + "/contact/")
    fill_contact(page)
    page.fill("#contact-email", "marieke@stal")  # type="email" alone lets it through
    page.click("#contact-form button[type=submit]")
    assert page.evaluate("document.activeElement.id") == "contact-email"
    mismatch = "document.querySelector('#contact-email').validity.patternMismatch"
    assert page.evaluate(mismatch) is True
    assert page.url == funnel.url + "/contact/"
    assert funnel.backend.received == []


def test_contact_form_with_javascript_takes_the_worksheet_message_and_source(
    funnel_probe, funnel
):
    probe = funnel_probe
    summary = "Mijn doelen:\n- Meer tijd voor de paarden & klanten\n- Omzet: € 1.200"
    leave_worksheet_message(probe, summary)
    probe.goto("/contact/?bron=dilemmas&cta=kennismaking#contactformulier")
    page = probe.page
    assert page.input_value("#contact-bericht") == summary
    assert page.locator("#contact-form input[name=bron]").input_value() == "dilemmas"
    assert page.evaluate(f"sessionStorage.getItem({MESSAGE_KEY!r})") is None
    page.fill("#contact-naam", CONTACT["naam"])
    page.fill("#contact-email", CONTACT["email"])
    page.check("#contact-toestemming")
    with page.expect_navigation(url=funnel.thanks):
        page.click("#contact-form button[type=submit]")
    # Form submission sends line breaks as CRLF, as the HTML standard says.
    sent = summary.replace("\n", "\r\n")
    assert funnel.backend.received == [
        ("/f/contact", contact_fields(funnel, "dilemmas", sent, "kennismaking"))
    ]
    assert probe.csp_violations() == []
    assert probe.errors == []


def test_a_hostile_source_parameter_is_ignored(funnel_probe):
    funnel_probe.goto('/contact/?bron="><script>x</script>')
    bron = funnel_probe.page.locator("#contact-form input[name=bron]").input_value()
    assert bron == "contact"


def test_every_slug_the_build_accepts_is_taken_as_the_source(funnel_probe):
    """forms.js reads the build's own slug rule (sitekit.dates.SLUG, data-slug)."""
    funnel_probe.goto("/contact/?bron=jamstack--unwrapping_x")
    bron = funnel_probe.page.locator("#contact-form input[name=bron]").input_value()
    assert bron == "jamstack--unwrapping_x"


def test_validation_errors_are_announced_and_linked(funnel_probe, funnel):
    probe = funnel_probe
    probe.goto("/contact/")
    page = probe.page
    page.fill("#contact-email", "geen-adres")
    page.click("#contact-form button[type=submit]")
    summary = page.locator("#contact-form [data-summary]")
    assert summary.get_attribute("aria-live") == "polite"
    assert summary.inner_text() == "Niet verstuurd: controleer 4 veld(en) hieronder."
    expected = {
        "contact-naam": "Vul dit veld in.",
        "contact-email": "Vul een geldig e-mailadres in, "
        "bijvoorbeeld naam@voorbeeld.nl.",
        "contact-bericht": "Vul dit veld in.",
        "contact-toestemming": "Vink dit vakje aan om te kunnen versturen.",
    }
    # The worksheet's markup (test_worksheet.py), the consent box's message included.
    for field_id, text in expected.items():
        assert_field_error(page, field_id, text)
    assert_no_field_error(page, "contact-telefoon")
    assert page.evaluate("document.activeElement.id") == "contact-naam"
    # Fixing a field takes its error away; nothing was sent.
    page.fill("#contact-naam", CONTACT["naam"])
    assert_no_field_error(page, "contact-naam")
    assert_field_error(page, "contact-email", expected["contact-email"])
    assert funnel.backend.received == []
    assert probe.axe_violations() == []
    assert probe.csp_violations() == []


def test_javascript_refuses_to_send_when_the_honeypot_is_filled(funnel_probe, funnel):
    probe = funnel_probe
    probe.goto("/contact/")
    page = probe.page
    fill_contact(page)
    page.eval_on_selector("#contact-hp", "field => { field.value = 'spam'; }")
    page.click("#contact-form button[type=submit]")
    summary = page.locator("#contact-form [data-summary]")
    summary.filter(has_text="Niet verstuurd.").wait_for()
    assert page.url == funnel.url + "/contact/"
    assert funnel.backend.received == []


def test_newsletter_without_javascript_posts_and_lands_on_thanks(no_js_page, funnel):
    page = no_js_page
    page.goto(funnel.url + "/blog/dilemmas/")
    fill_newsletter(page)
    with page.expect_navigation(url=funnel.signed_up):
        page.click("#newsletter-form button[type=submit]")
    fields = {"redirect": [funnel.signed_up], **NEWSLETTER_FIELDS}
    assert funnel.backend.received == [("/subscribe", fields)]
    # The page says what happened: the mailing tool's confirmation comes first.
    assert page.locator("h1").inner_text() == "Bevestig je aanmelding"


def test_newsletter_with_javascript_posts_and_lands_on_thanks(funnel_probe, funnel):
    probe = funnel_probe
    probe.goto("/blog/dilemmas/")
    page = probe.page
    page.click("#newsletter-form button[type=submit]")
    assert page.locator("#newsletter-email").get_attribute("aria-invalid") == "true"
    assert funnel.backend.received == []
    fill_newsletter(page)
    with page.expect_navigation(url=funnel.signed_up):
        page.click("#newsletter-form button[type=submit]")
    fields = {"redirect": [funnel.signed_up], **NEWSLETTER_FIELDS}
    assert funnel.backend.received == [("/subscribe", fields)]
    # The page says what happened: the mailing tool's confirmation comes first.
    assert page.locator("h1").inner_text() == "Bevestig je aanmelding"
    assert probe.csp_violations() == []


def test_javascript_refuses_newsletter_signup_with_filled_honeypot(
    funnel_probe, funnel
):
    probe = funnel_probe
    probe.goto("/blog/dilemmas/")
    page = probe.page
    fill_newsletter(page)
    page.eval_on_selector("#newsletter-hp", "field => { field.value = 'spam'; }")
    page.click("#newsletter-form button[type=submit]")
    page.locator("#newsletter-form [data-summary]").filter(
        has_text="Niet verstuurd."
    ).wait_for()
    assert funnel.backend.received == []


def test_pages_with_an_endpoint_are_clean(funnel_probe, funnel):
    """Zero CSP violations, script errors, foreign requests or axe findings."""
    probe = funnel_probe
    assert funnel.backend.url.removeprefix("http://") in funnel.policy
    problems = {}
    for path in ("/contact/", "/blog/dilemmas/", "/bedankt/", "/privacy/", "/"):
        probe.errors.clear()
        probe.requests.clear()
        assert probe.goto(path).status == 200
        found = {
            "csp": probe.csp_violations(),
            "errors": probe.errors[:],
            "foreign": probe.foreign_requests(),
            "axe": probe.axe_violations(),
        }
        found = {key: value for key, value in found.items() if value}
        if found:
            problems[path] = found
    assert problems == {}


def test_pages_with_forms_are_valid_html(funnel):
    pages = [
        funnel.output / path
        for path in ("contact/index.html", "blog/dilemmas/index.html", "index.html")
    ]
    assert vnu_errors(pages) == []


def test_privacy_page_names_where_each_form_goes(funnel):
    from tests.support.html import soup, text_of

    page = soup(funnel.output / "privacy/index.html")
    contact = text_of(page.select_one("[data-privacy=form-contact]"))
    newsletter = text_of(page.select_one("[data-privacy=form-newsletter]"))
    assert "naar Testbackend" in contact
    assert "(naam, e-mailadres, telefoonnummer, je bericht)" in contact
    host = urlsplit(funnel.backend.url).netloc
    assert f"naar {host}" in newsletter
    assert "(voornaam, e-mailadres)" in newsletter
    assert page.select_one("[data-privacy=third-parties-forms]")
