"""Booking and direct contact in real Chromium at 390 px, under the CSP: with her
booking page and a mobile number set, the call to action and the contact page offer
them as plain links, next to the form, and nothing of another site loads."""

import io

import pytest
from pelican.settings import read_settings
from PIL import Image
from sitekit.colours import contrast

from tests.conftest import ROOT
from tests.support.funnel import build_with
from tests.support.probe import PageProbe
from tests.support.server import SiteServer

pytestmark = pytest.mark.browser

BOOKING = "https://calendly.com/wilhelmien/kennismaking"


@pytest.fixture(scope="module")
def direct(tmp_path_factory):
    work = tmp_path_factory.mktemp("channels")
    business = read_settings(str(ROOT / "pelicanconf.py"))["BUSINESS"]
    output = build_with(
        work, BUSINESS={**business, "phone": "06 12345678"}, BOOKING_URL=BOOKING
    )
    with SiteServer(output) as server:
        yield server.url


@pytest.fixture
def phone(browser, direct):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    yield PageProbe(context.new_page(), direct)
    context.close()


def test_the_call_to_action_books_calls_or_apps_in_one_tap(phone):
    phone.goto("/blog/dilemmas/")
    cta = phone.page.locator("aside.cta")
    book = cta.get_by_role("link", name="Plan een gratis kennismaking")
    assert book.get_attribute("href") == BOOKING
    call = cta.get_by_role("link", name="Bel 06 12345678")
    app = cta.get_by_role("link", name="Stuur een WhatsApp")
    assert call.get_attribute("href") == "tel:+31612345678"
    assert app.get_attribute("href") == "https://wa.me/31612345678"
    for link in (book, call, app):
        box = link.bounding_box()
        assert box["height"] >= 44 and box["x"] >= 0 and box["x"] + box["width"] <= 390
    # Plain links: before she taps, nothing of Calendly or WhatsApp loads.
    assert phone.foreign_requests() == []
    assert phone.csp_violations() == []


def test_the_contact_page_puts_the_direct_ways_before_the_form(phone):
    phone.goto("/contact/")
    page = phone.page
    channels = page.locator("section.contact-channels")
    form = page.locator("#contact-form")
    assert channels.get_by_role("link", name="Plan een gratis kennismaking").count()
    assert channels.bounding_box()["y"] < form.bounding_box()["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert phone.axe_violations() == []
    assert phone.foreign_requests() == []
    assert phone.csp_violations() == []
    assert phone.errors == []


def test_the_buttons_to_call_or_app_her_are_full_width_and_equal(phone):
    phone.goto("/diensten/")
    page = phone.page
    buttons = [b.bounding_box() for b in page.locator("main .channels .button").all()]
    assert len(buttons) == 2
    assert buttons[0]["width"] == buttons[1]["width"]
    row = page.locator("main .channels").bounding_box()
    assert buttons[0]["width"] == pytest.approx(row["width"], abs=1)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_contacts_booking_row_is_even_and_its_icon_clear_by_day_and_night(
    browser, direct, scheme
):
    """The booking row: as much room left of its icon as right of its arrow, its icon's
    disc set off from the row (3:1, WCAG 1.4.11)."""
    for width in (390, 1366):
        context = browser.new_context(
            color_scheme=scheme, viewport={"width": width, "height": 900}
        )
        page = context.new_page()
        page.goto(direct + "/contact/")
        row = page.locator(".contact-row-main")
        style = "el => getComputedStyle(el)"
        left, right = row.evaluate(
            f"el => [({style})(el).paddingLeft, ({style})(el).paddingRight]"
        )
        assert left == right, (width, left, right)
        shot = Image.open(io.BytesIO(row.screenshot())).convert("RGB")
        box = row.bounding_box()
        disc = row.locator(".icon-badge").bounding_box()
        middle = round(disc["y"] - box["y"] + disc["height"] / 2)
        inside = shot.getpixel((round(disc["x"] - box["x"]) + 4, middle))
        outside = shot.getpixel((round(disc["x"] - box["x"]) - 4, middle))
        inside, outside = ("#{:02x}{:02x}{:02x}".format(*c) for c in (inside, outside))
        assert contrast(inside, outside) >= 3, (width, inside, outside)
        context.close()


def test_contacts_booking_tile_reads_on_one_line_on_a_laptop(browser, direct):
    """At 1366 px the booking tile's title on one line, its arrow on the tile's
    middle; its words fill their lines (no early breaks) on a phone too."""
    for width in (390, 1366):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(direct + "/contact/")
        tile = page.locator(".contact-row-main")
        if width == 1366:
            lines = tile.locator("strong").evaluate(
                """t => t.getBoundingClientRect().height
                       / parseFloat(getComputedStyle(t).lineHeight)"""
            )
            assert lines < 1.5, lines
        assert tile.evaluate("a => getComputedStyle(a).alignItems") == "center"
        for text in tile.locator("span:not(.icon-badge)").all():
            wrap = text.evaluate("s => getComputedStyle(s).textWrapStyle")
            assert wrap == "auto", (width, wrap)
        context.close()


@pytest.fixture(scope="module")
def direct_with_service(tmp_path_factory):
    """Her direct ways and a form service: the form asks for the address and consent,
    so it is the taller column."""
    work = tmp_path_factory.mktemp("channels-service")
    business = read_settings(str(ROOT / "pelicanconf.py"))["BUSINESS"]
    output = build_with(
        work,
        BUSINESS={**business, "phone": "06 12345678"},
        BOOKING_URL=BOOKING,
        FORMS={"contact": {"provider": "netlify"}},
    )
    with SiteServer(output) as server:
        yield server.url


@pytest.mark.parametrize("service", [False, True])
def test_on_a_laptop_the_contact_pages_columns_end_on_one_line(
    browser, direct, direct_with_service, service
):
    """With her direct ways the form's card and the column beside it (the quick ways,
    what to expect under them) start and end on one line, whichever is the taller;
    what to expect keeps its words in its middle, not over an empty foot."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto((direct_with_service if service else direct) + "/contact/")
    assert page.locator("#contact-email").count() == (1 if service else 0)
    form, side, expect = (
        page.locator(selector).bounding_box()
        for selector in (".contact-form", ".contact-side", ".contact-expect")
    )
    assert side["x"] > form["x"] + form["width"]
    assert side["y"] == pytest.approx(form["y"], abs=1)
    bottom = form["y"] + form["height"]
    assert expect["y"] + expect["height"] == pytest.approx(bottom, abs=1)
    heading = page.locator(".contact-expect h2").bounding_box()
    last = page.locator(".contact-expect li").last.bounding_box()
    above = heading["y"] - expect["y"]
    below = expect["y"] + expect["height"] - last["y"] - last["height"]
    assert above == pytest.approx(below, abs=12), (above, below)
    context.close()
