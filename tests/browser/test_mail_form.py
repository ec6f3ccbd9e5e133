"""With no form provider (the shipped settings), the contact form still works: it opens
the reader's own mail program with her fields in the mailto: link, encoded and bounded;
without JavaScript she gets a plain mail link and the other ways to get in touch."""

from urllib.parse import quote, unquote, urlsplit

import pytest
from sitekit import MAIL_LINK_MAX

from tests.conftest import copy_content
from tests.support.field_error import assert_no_field_error
from tests.support.funnel import build_with, leave_worksheet_message
from tests.support.html import soup
from tests.support.server import SiteServer

pytestmark = pytest.mark.browser

ADDRESS = "info@hippisch-va.example"


def mail_parts(url: str) -> tuple[str, dict[str, str]]:
    """The address and the fields of a mailto: URL, decoded as RFC 6068 says (a "+"
    is a plus, not a space)."""
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    fields = dict(pair.split("=", 1) for pair in parts.query.split("&"))
    return unquote(parts.path), {key: unquote(value) for key, value in fields.items()}


def submit_and_catch_mailto(page, form: str = "#contact-form") -> str:
    """Press the form's button; return the mailto: URL the page navigates to."""
    with page.expect_request(lambda request: request.url.startswith("mailto:")) as nav:
        page.click(f"{form} button[type=submit]")
    return nav.value.url


def test_the_contact_form_opens_the_readers_mail_program_with_her_fields(probe):
    probe.goto("/contact/?bron=dilemmas&cta=kennismaking")
    page = probe.page
    form = page.locator("#contact-form")
    assert form.is_visible()
    assert page.locator("[data-mail-fallback=contact]").is_hidden()
    # She is told what the button does: a hint under it, read with the button.
    button = form.locator("button[type=submit]")
    hint = form.locator("#" + button.get_attribute("aria-describedby"))
    assert hint.inner_text().startswith("Dit opent je eigen e-mailprogramma")
    assert hint.bounding_box()["y"] > button.bounding_box()["y"]
    assert form.locator("input[type=checkbox]").count() == 0
    page.fill("#contact-naam", "Zoë van 't Hof & Co")
    page.fill("#contact-telefoon", "+31 6 1234 5678")
    page.fill("#contact-bericht", "Kosten? 50% of € 1.200 #paard\nTweede regel")
    url = submit_and_catch_mailto(page)
    address, fields = mail_parts(url)
    assert address == ADDRESS
    assert set(fields) == {"subject", "body"}
    assert fields["subject"] == "Bericht via de website"
    assert fields["body"] == (
        "Naam: Zoë van 't Hof & Co\r\n"
        "Telefoonnummer: +31 6 1234 5678\r\n\r\n"
        "Kosten? 50% of € 1.200 #paard\r\nTweede regel\r\n\r\n"
        "Via: dilemmas, kennismaking"
    )
    # Every reserved character is escaped: nothing leaks into the query's structure.
    assert " " not in url and "\n" not in url
    assert "%2B" in url and "%26" in url and "%23" in url and "%25" in url
    status = form.locator("[data-mail-opened]")
    assert status.inner_text().startswith("Je e-mailprogramma is geopend")
    # ...with a link to the same e-mail, in case no mail program opened.
    again = status.locator("a").get_attribute("href")
    assert mail_parts(again) == (address, fields)
    assert probe.csp_violations() == []
    assert probe.errors == []


def test_a_long_message_is_cut_at_whole_characters_and_the_reader_is_told(probe):
    # Each unit is one character as a reader sees it: a horse (two UTF-16 units),
    # an e with a combining accent (two code points), a woman farmer (a ZWJ sequence).
    units = ["🐴", "e\u0301", "👩\u200d🌾", "a"] * 300
    message = "".join(units)
    leave_worksheet_message(probe, message)
    probe.goto("/contact/?bron=dilemmas")
    page = probe.page
    assert page.input_value("#contact-bericht") == message
    page.fill("#contact-naam", "Anna")
    url = submit_and_catch_mailto(page)
    assert len(url) <= MAIL_LINK_MAX
    _, fields = mail_parts(url)
    head = "Naam: Anna\r\n\r\n"
    tail = "[…]\r\n\r\nVia: dilemmas"
    body = fields["body"]
    assert body.startswith(head) and body.endswith(tail)
    kept = body.removeprefix(head).removesuffix(tail)
    count = next(n for n in range(len(units)) if "".join(units[:n]) == kept)
    assert count > 100  # cut to fit, not emptied
    # As much as fits: one more character would make the link too long.
    assert len(url) + len(quote(units[count], safe="-_.!~*'()")) > MAIL_LINK_MAX
    status = page.locator("[data-mail-opened]").inner_text()
    assert f"de laatste {len(units) - count} tekens staan er niet in" in status


def test_even_a_very_long_name_keeps_the_link_bounded(probe):
    probe.goto("/contact/")
    page = probe.page
    page.fill("#contact-naam", "é" * 400)
    page.fill("#contact-bericht", "Hallo")
    url = submit_and_catch_mailto(page)
    assert len(url) <= MAIL_LINK_MAX
    _, fields = mail_parts(url)
    assert fields["body"].startswith("Naam: éé")
    assert fields["body"].endswith("é[…]\r\n\r\nVia: contact")
    status = page.locator("[data-mail-opened]").inner_text()
    assert "tekens staan er niet in" in status


def test_empty_fields_stop_the_mail_and_are_named(probe):
    probe.goto("/contact/")
    page = probe.page
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.click("#contact-form button[type=submit]")
    summary = page.locator("#contact-form [data-summary]")
    # Name and message; the address is her mail program's own, the phone optional.
    assert summary.inner_text() == "Niet verstuurd: controleer 2 veld(en) hieronder."
    assert_no_field_error(page, "contact-telefoon")
    assert not [url for url in requests if url.startswith("mailto:")]
    assert probe.axe_violations() == []


def test_without_javascript_a_plain_mail_link_and_the_other_ways(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/contact/")
    assert page.locator("#contact-form").is_hidden()
    link = page.locator("[data-mail-fallback=contact] a")
    assert link.is_visible()
    address, fields = mail_parts(link.get_attribute("href"))
    assert (address, fields) == (ADDRESS, {"subject": "Bericht via de website"})
    details = page.locator("#direct-contact").locator("..")
    assert details.get_by_role("link", name=ADDRESS).is_visible()
    context.close()


CTA_POST = """Title: Testpost met de nieuwsbrief als volgende stap
Slug: nieuwsbrief-cta
Date: 2023-01-20 10:00
Cta: nieuwsbrief
Summary: Een testpost die naar de aanmelding voor de nieuwsbrief wijst.

Een korte testpost waarvan de volgende stap de nieuwsbrief is.
"""


def build_with_cta_post(work, **settings):
    """The test site plus a post whose next step is the newsletter."""
    content = copy_content(work)
    (content / "posts" / "nieuwsbrief-cta.md").write_text(CTA_POST, encoding="utf-8")
    return build_with(work, content, **settings)


def test_the_newsletter_waits_for_a_mailing_tool_by_default(tmp_path):
    output = build_with_cta_post(tmp_path)
    for path in ("blog/dilemmas/index.html", "index.html", "contact/index.html"):
        page = soup(output / path)
        assert page.select("#nieuwsbrief, [data-form=newsletter]") == [], path
    # A call to action to the (absent) signup gives way to the default next step.
    cta = soup(output / "blog/nieuwsbrief-cta/index.html").select_one("aside.cta")
    assert cta["data-cta"] == "kennismaking"


@pytest.fixture(scope="module")
def newsletter_by_mail(tmp_path_factory):
    """The site with the owner's choice of a newsletter signup by e-mail."""
    work = tmp_path_factory.mktemp("newsletter-by-mail")
    output = build_with_cta_post(work, NEWSLETTER_BY_MAIL=True)
    with SiteServer(output) as server:
        yield server.url


def test_the_owner_can_choose_a_newsletter_signup_by_mail(page, newsletter_by_mail):
    page.goto(newsletter_by_mail + "/blog/nieuwsbrief-cta/")
    page.click("aside.cta a.button")
    assert page.url.endswith("#nieuwsbrief")
    page.fill("#newsletter-voornaam", "Anna")
    page.fill("#newsletter-email", "anna@stal.example")
    address, fields = mail_parts(submit_and_catch_mailto(page, "#newsletter-form"))
    assert address == ADDRESS
    assert fields == {
        "subject": "Aanmelden nieuwsbrief",
        "body": "Voornaam: Anna\r\nE-mailadres: anna@stal.example\r\n\r\n"
        "Via: nieuwsbrief-cta, nieuwsbrief",
    }


# The sum of the page's layout shifts so far (Lighthouse's CLS), read after two frames.
LAYOUT_SHIFT = """() => new Promise((done) => {
  let shift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) shift += entry.value;
    }
  }).observe({type: "layout-shift", buffered: true});
  requestAnimationFrame(() => requestAnimationFrame(() => done(shift)));
})"""


def test_the_mail_form_is_there_from_the_first_paint_without_a_shift(probe):
    probe.goto("/contact/")
    assert probe.page.locator("#contact-form").is_visible()
    assert not probe.page.locator("[data-mail-fallback]").is_visible()
    assert probe.page.evaluate(LAYOUT_SHIFT) == 0


def test_her_mail_program_sends_from_her_address_and_the_phone_may_stay_empty(probe):
    """The form asks for no address (her mail program sends from hers), and the phone,
    its one optional field, may stay empty: name and message are enough."""
    probe.goto("/contact/")
    page = probe.page
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.locator("#contact-form input[type=email]").count() == 0
    page.fill("#contact-naam", "Marieke")
    page.fill("#contact-bericht", "Kun je me bellen over de planning?")
    _, fields = mail_parts(submit_and_catch_mailto(page))
    assert fields["body"].startswith("Naam: Marieke\r\n\r\nKun je me bellen")
    assert probe.axe_violations() == []
    assert probe.csp_violations() == []
    assert probe.errors == []
