"""Any page, any content, any screen: no sideways scroll, a menu that opens without
JavaScript, the footer at the bottom, a good measure, code that scrolls inside."""

import colorsys
import io
import re

import pytest
from PIL import Image
from sitekit.colours import contrast, luminance

from tests.support.html import site_paths
from tests.support.probe import wait_until

WIDTHS = (320, 390, 768, 1366)
CORPUS = "/blog/lange-inhoud/"

# The longest line of the first long paragraph of the article, in characters.
LONGEST_LINE = """() => {
  const p = [...document.querySelectorAll('.post-body > p')]
    .find((el) => el.textContent.length > 400);
  const text = p.firstChild;
  const lines = new Map();
  const range = document.createRange();
  for (let i = 0; i < text.length; i++) {
    range.setStart(text, i);
    range.setEnd(text, i + 1);
    const top = Math.round(range.getBoundingClientRect().top);
    lines.set(top, (lines.get(top) || 0) + 1);
  }
  return Math.max(...lines.values());
}"""


@pytest.mark.browser
def test_no_page_scrolls_sideways_at_any_width(site, page, base_url):
    assert CORPUS in site_paths(site), "the test corpus post is missing"
    wide = {}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        for path in site_paths(site):
            page.goto(base_url + path)
            scroll = page.evaluate("document.documentElement.scrollWidth")
            if scroll > width:
                wide[(path, width)] = scroll
    assert wide == {}


@pytest.mark.browser
def test_long_code_and_tables_scroll_inside_their_box(page, base_url):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(base_url + CORPUS)
    for selector in (".post-body pre", ".post-body .table-scroll"):
        box = page.locator(selector).first
        assert box.evaluate("el => el.scrollWidth > el.clientWidth"), selector
        assert box.get_attribute("tabindex") == "0", selector
        box.focus()
        page.keyboard.press("ArrowRight")
        scrolled = "el => el.scrollLeft > 0"  # keyboard scrolling may be smooth
        wait_until(page, scrolled, box.element_handle(), limit=3)


@pytest.mark.browser
def test_the_phone_menu_opens_without_javascript(browser, base_url):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 390, "height": 800}
    )
    page = context.new_page()
    page.goto(base_url + "/")
    contact = page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Contact"
    )
    assert contact.is_hidden()
    page.locator(".nav-toggle > summary").click()
    assert contact.is_visible()
    box = contact.bounding_box()
    assert box["height"] >= 44 and box["x"] + box["width"] <= 390
    context.close()


@pytest.mark.browser
def test_escape_closes_the_phone_menu_and_returns_to_its_button(page, base_url):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(base_url + "/")
    menu = page.locator(".nav-toggle")
    page.locator(".nav-toggle > summary").click()
    page.locator(".menu a").nth(1).focus()
    page.keyboard.press("Escape")
    assert menu.evaluate("el => !el.open")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"


@pytest.mark.browser
def test_headings_and_body_are_set_in_the_sites_own_faces_without_a_shift(
    page, base_url
):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(base_url + "/blog/dilemmas/")
    wait_until(page, "document.fonts.status === 'loaded'")
    assert page.evaluate("document.fonts.check('600 1rem Lora')")
    family = page.locator("h1").evaluate("el => getComputedStyle(el).fontFamily")
    assert family.startswith("Lora")
    # The body in its own humanist sans, both weights.
    for weight in (400, 600):
        assert page.evaluate(f"document.fonts.check('{weight} 1rem \"Source Sans 3\"')")
    body = page.locator(".post-body p").first
    assert body.evaluate("el => getComputedStyle(el).fontFamily").startswith(
        '"Source Sans 3"'
    )
    # The body's 400 is used when it is there in time, never swapped in later: a
    # paragraph reflowed one line longer would move everything under it.
    displays = page.evaluate(
        "[...document.fonts].filter((f) => f.family.includes('Source Sans 3'))"
        ".map((f) => f.display)"
    )
    assert displays == ["optional", "swap"]


# The layout shift (CLS, as Lighthouse sums it) while the faces arrive after the first
# paint: Lora and the body's 600 (kickers, labels, buttons) swap in over their
# size-adjusted fallbacks; the body's 400 then comes too late and is never used
# (font-display: optional), as on a slow first visit.
SHIFT = """() => new Promise((done) => new PerformanceObserver((list) =>
  done(list.getEntries().reduce((sum, entry) => sum + entry.value, 0))
).observe({type: "layout-shift", buffered: true}))"""


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize(
    "path", ["/", "/blog/dilemmas/", "/diensten/", "/over-mij/", "/contact/"]
)
def test_nothing_shifts_when_the_fonts_arrive_late(browser, base_url, path, width):
    context = browser.new_context(
        service_workers="block", viewport={"width": width, "height": 850}
    )
    page = context.new_page()
    held = []
    page.route("**/*.woff2", lambda route: held.append(route))
    page.goto(base_url + path, wait_until="domcontentloaded")
    page.evaluate("new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300)))")
    assert held, "no font was asked for"
    for route in held:
        route.continue_()
    page.evaluate("document.fonts.ready.then(() => null)")
    assert page.evaluate("document.fonts.check('600 1rem Lora')")
    # An entry comes only with a shift: none is zero. Below 0.001 Lighthouse shows 0.
    shift = page.evaluate(
        f"Promise.race([({SHIFT})(), new Promise((r) => setTimeout(() => r(0), 500))])"
    )
    context.close()
    assert shift < 0.001, shift


@pytest.mark.browser
@pytest.mark.parametrize("width", [375, 390, 430])
def test_on_a_phone_the_name_sits_on_one_line_beside_the_menu_button(
    page, base_url, width
):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base_url + "/")
    wait_until(page, "document.fonts.status === 'loaded'")
    name = page.locator(".brand span")
    line = name.evaluate("el => parseFloat(getComputedStyle(el).lineHeight)")
    assert name.bounding_box()["height"] < 1.5 * line
    # The button keeps its name for screen readers and its size for a thumb.
    toggle = page.locator(".nav-toggle > summary")
    assert toggle.evaluate("el => el.textContent.trim()") == "Menu"
    box = toggle.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44


@pytest.mark.browser
def test_on_a_laptop_the_menu_and_the_name_sit_on_one_line(page, base_url):
    page.set_viewport_size({"width": 1366, "height": 800})
    page.goto(base_url + "/")
    assert page.get_by_text("Menu", exact=True).is_hidden()
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    tops = {round(link.bounding_box()["y"]) for link in nav.get_by_role("link").all()}
    assert len(tops) == 1, tops
    brand = page.locator(".brand").bounding_box()
    assert brand["height"] < 60
    header = page.locator(".site-header").bounding_box()
    assert header["height"] < 90


@pytest.mark.browser
def test_the_footer_sits_at_the_bottom_of_a_short_page(page, base_url):
    page.set_viewport_size({"width": 1366, "height": 1600})
    page.goto(base_url + "/bedankt/")
    footer = page.locator(".site-footer").bounding_box()
    assert footer["y"] + footer["height"] == pytest.approx(1600, abs=1)


@pytest.mark.browser
def test_an_article_reads_at_60_to_75_characters_a_line(page, base_url):
    for width in (768, 1366):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(base_url + "/blog/dilemmas/")
        assert 60 <= page.evaluate(LONGEST_LINE) <= 75, width


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1366])
def test_over_mij_sets_her_card_beside_her_tip_as_a_pull_quote(page, base_url, width):
    """On a laptop the header's two columns go on down the page: her card under the
    title, over the lower edge of the header's tint, her story beside it under the
    lead, its words on the lead's; her tip left-aligned at 26 to 28 px, not centred.
    Her drawing heads her card at its width, her name under it. On
    a phone all one under the other; never wider than the window."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base_url + "/over-mij/")
    header = page.locator("main .page-header").bounding_box()
    card = page.locator(".about-card").bounding_box()
    art = page.locator(".about-id .about-art").bounding_box()
    name = page.locator(".about-id p").bounding_box()
    lead = page.locator("main .page-header .lead")
    quote = page.locator(".about-quote blockquote")
    story = quote.bounding_box()
    align, size = quote.evaluate(
        "q => [getComputedStyle(q).textAlign, parseFloat(getComputedStyle(q).fontSize)]"
    )
    assert align in ("start", "left")
    bottom = header["y"] + header["height"]
    # Her drawing over her name, the card's width, not a logo's tile.
    assert name["y"] >= art["y"] + art["height"]
    assert art["width"] >= 0.8 * card["width"] - 80 and art["height"] == pytest.approx(
        art["width"] * 330 / 480, abs=1
    )
    if width == 1366:
        assert 26 <= size <= 28, size
        assert card["y"] < bottom < card["y"] + card["height"]
        assert card["y"] > lead.bounding_box()["y"] + lead.bounding_box()["height"]
        assert story["x"] >= card["x"] + card["width"] + 32
        assert story["y"] >= bottom and story["y"] < card["y"] + card["height"]
        words = lead.evaluate(
            """(l) => l.getBoundingClientRect().x
                     + parseFloat(getComputedStyle(l).paddingLeft)
                     + parseFloat(getComputedStyle(l).borderLeftWidth)"""
        )
        assert story["x"] == pytest.approx(words, abs=2)
    else:
        assert 20 <= size <= 24, size
        assert card["y"] >= bottom
        assert story["y"] >= card["y"] + card["height"]
    assert card["x"] >= 0 and card["x"] + card["width"] <= width
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.browser
def test_on_a_phone_the_worksheet_invitation_stands_above_its_words(page, base_url):
    """At 390 px the invitation's icon sits above its text, which gets the full width
    of the panel instead of a column beside the icon."""
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(base_url + "/")
    icon = page.locator(".teaser-icon").first.bounding_box()
    heading = page.locator(".teaser :is(h2, h3)").first.bounding_box()
    assert heading["y"] >= icon["y"] + icon["height"]
    assert heading["x"] <= icon["x"] + 1


@pytest.mark.browser
def test_on_a_laptop_search_is_an_icon_and_the_menu_ends_with_its_button(
    page, base_url
):
    page.set_viewport_size({"width": 1366, "height": 800})
    page.goto(base_url + "/contact/")
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    # Search: a plain link to its page (no script needed), its icon a square target,
    # its name for screen readers.
    search = nav.get_by_role("link", name="Zoeken", exact=True)
    assert search.get_attribute("href").endswith("/zoeken/")
    box = search.bounding_box()
    assert 44 <= box["width"] < 56 and box["height"] >= 44
    assert search.locator("svg").is_visible()
    links = [link.get_attribute("href") for link in nav.get_by_role("link").all()]
    assert [href.rsplit("/", 2)[-2] for href in links[-2:]] == ["zoeken", "contact"]
    # The call to action on its own page: the filled button, no underline in it.
    cta = nav.get_by_role("link", name="Contact")
    assert cta.get_attribute("aria-current") == "page"
    assert cta.evaluate("el => getComputedStyle(el).textDecorationLine") == "none"


@pytest.fixture
def night_home(browser, base_url):
    """The home page on a laptop at night."""
    context = browser.new_context(
        color_scheme="dark", viewport={"width": 1366, "height": 800}
    )
    page = context.new_page()
    page.goto(base_url + "/")
    yield page
    context.close()


def colour_at(shot: Image.Image, x: float, y: float) -> str:
    return "#{:02x}{:02x}{:02x}".format(*shot.getpixel((round(x), round(y))))


@pytest.mark.browser
def test_at_night_the_footer_stands_apart_from_the_band_above_it(night_home):
    page = night_home
    shot = Image.open(io.BytesIO(page.screenshot(full_page=True))).convert("RGB")
    band = page.locator(".cta-band").bounding_box()
    footer = page.locator(".site-footer").bounding_box()
    x = 8  # the left edge: no text there
    above = colour_at(shot, x, band["y"] + band["height"] - 4)
    below = colour_at(shot, x, footer["y"] + 8)
    assert contrast(above, below) >= 1.4


@pytest.mark.browser
def test_on_paper_the_menu_goes_and_a_button_shows_its_address(page, base_url):
    page.goto(base_url + "/blog/dilemmas/")
    page.emulate_media(media="print")
    assert page.locator(".site-header nav").is_hidden()
    address = page.locator("aside.cta .print-url")
    assert address.is_visible() and "/contact/" in address.inner_text()
    page.emulate_media(media="screen")
    assert address.is_hidden()


@pytest.mark.browser
def test_on_a_laptop_the_home_service_cards_stand_two_by_two_names_on_one_line(
    page, base_url
):
    """At 1366 px the four cards two by two, each name on one line beside its icon
    ("Telefonische opvang" too), and the cards of a row end in their links at one
    height however long their texts."""
    page.set_viewport_size({"width": 1366, "height": 800})
    page.goto(base_url + "/")
    cards = [c.bounding_box() for c in page.locator(".home-services .service").all()]
    assert len({round(c["x"]) for c in cards}) == 2
    assert len({round(c["y"]) for c in cards}) == 2
    for card in page.locator(".home-services .service").all():
        icon = card.locator(".icon-badge").bounding_box()
        name = card.locator("h3")
        lines = name.evaluate(
            """(e) => { const r = document.createRange(); r.selectNodeContents(e);
                       const tops = [...r.getClientRects()].map((x) => x.top);
                       return new Set(tops).size; }"""
        )
        assert lines == 1, name.text_content()
        box = name.bounding_box()
        assert box["x"] >= icon["x"] + icon["width"]
        assert box["y"] + box["height"] / 2 == pytest.approx(
            icon["y"] + icon["height"] / 2, abs=2
        )
    links = page.locator(".home-services .service-more").all()
    bottoms = [round(a.bounding_box()["y"] + a.bounding_box()["height"]) for a in links]
    assert bottoms[0] == bottoms[1] and bottoms[2] == bottoms[3], bottoms


# An element's text: the words that open a line and would have fitted at the end of
# the line before (a line left short), the number of lines, the words broken over
# two lines.
LINES = """(p) => {
    const node = p.firstChild, right = p.getBoundingClientRect().right;
    const rects = (m) => { const r = document.createRange();
        r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
        return [...r.getClientRects()]; };
    const words = [...node.textContent.matchAll(/\\S+/g)];
    const tops = new Set(words.flatMap((w) => rects(w).map((r) => Math.round(r.top))));
    return [words.slice(1).filter((word, i) => {
        const end = rects(words[i]).at(-1), next = rects(word);
        return next[0].top > end.top + 1 && end.right + 5 + next[0].width <= right;
    }).map((word) => word[0]), tops.size,
    words.filter((w) => new Set(rects(w).map((r) => Math.round(r.top))).size > 1)
         .map((w) => w[0])]; }"""


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1366])
def test_the_audience_reads_as_open_items_in_whole_words(page, base_url, width):
    """ "Voor wie ik werk": no cards (the services are), and each item's words in
    lines as full as they can be, two or three of them, no word broken
    ("africh-tingsstallen"). On a laptop the items in one row of four under the head
    (no empty column beside them)."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base_url + "/")
    for tile in page.locator(".tile").all():
        look = tile.evaluate(
            """(e) => { const s = getComputedStyle(e);
                       return [s.backgroundColor, s.boxShadow, s.borderTopStyle]; }"""
        )
        assert look == ["rgba(0, 0, 0, 0)", "none", "none"], look  # no hairlines
    for text in page.locator(".tile p").all():
        assert "\u00ad" not in text.inner_text()
        short, lines, broken = text.evaluate(LINES)
        assert short == [] and broken == [], (text.inner_text(), short, broken)
        assert lines <= (4 if width > 1000 else 3), (text.inner_text(), lines)
    if width > 1000:
        head = page.locator(".audience .section-head").bounding_box()
        items = [t.bounding_box() for t in page.locator(".tile").all()]
        assert all(item["y"] >= head["y"] + head["height"] for item in items)
        assert len({round(i["x"]) for i in items}) == 4
        assert len({round(i["y"]) for i in items}) == 1
        # The band as deep under the items' words as over its head (no ~120 px
        # under against ~80 over).
        band = page.locator(".audience").bounding_box()
        bottom = max(i["y"] + i["height"] for i in items)
        above, below = head["y"] - band["y"], band["y"] + band["height"] - bottom
        assert abs(above - below) <= 8, (above, below)


@pytest.mark.browser
def test_on_a_laptop_the_home_service_cards_are_one_card_style(page, base_url):
    """One padding, one icon disc, one title size for the four services' cards."""
    page.set_viewport_size({"width": 1366, "height": 800})
    page.goto(base_url + "/")
    style = """(e) => { const s = getComputedStyle(e);
                        const b = getComputedStyle(e.querySelector('.icon-badge'));
                        const h = getComputedStyle(e.querySelector('h3'));
                        return [s.paddingTop, s.paddingRight, b.width, h.fontSize]; }"""
    cards = page.locator(".home-services .service").all()
    assert len(cards) == 4
    assert len({tuple(card.evaluate(style)) for card in cards}) == 1


@pytest.mark.browser
def test_on_a_laptop_the_home_sections_take_turns_in_shape(page, base_url):
    """Not one shape for every section: "Voor wie" its items in a row under its head,
    the services' cards under their head, "Zo werkt het" centred; the ways to all
    services and all posts beside their heads, not alone under the cards."""
    page.set_viewport_size({"width": 1366, "height": 800})
    page.goto(base_url + "/")

    def box(selector):
        return page.locator(selector).first.bounding_box()

    audience = box(".audience .section-head")
    assert box(".tile")["y"] > audience["y"] + audience["height"]
    services = box(".home-services .section-head")
    assert box(".home-services .service")["y"] > services["y"] + services["height"]
    more = box(".home-services .section-more")
    assert more["x"] > services["x"] + services["width"]
    assert more["y"] < services["y"] + services["height"]
    steps = page.locator(".steps .section-head h2")
    assert steps.evaluate("(e) => getComputedStyle(e).textAlign") == "center"
    middle = box(".steps .section-head h2")
    assert middle["x"] + middle["width"] / 2 == pytest.approx(1366 / 2, abs=20)
    latest, more = box(".latest .section-head"), box(".latest .section-more")
    assert more["x"] > latest["x"] + latest["width"]
    assert more["y"] < latest["y"] + latest["height"]


# A tile's look: its colours (as #rrggbb), its corner's radius, width and padding.
TILE_LOOK = """(e) => { const s = getComputedStyle(e);
  const hex = (c) => '#' + c.match(/\\d+/g).slice(0, 3)
    .map((n) => (+n).toString(16).padStart(2, '0')).join('');
  const width = e.getBoundingClientRect().width, r = s.borderTopLeftRadius;
  const radius = parseFloat(r) * (r.endsWith('%') ? width / 100 : 1);
  return [hex(s.backgroundColor), hex(s.color), radius, width,
          parseFloat(s.paddingLeft)]; }"""
FONT_SIZE = "(e) => parseFloat(getComputedStyle(e).fontSize)"


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_audience_icons_stand_on_tiles_of_the_marks_shape(
    browser, base_url, scheme
):
    """ "Voor wie ik werk" is designed, not small icons over grey words: each icon on
    a tile of the mark's shape (a rounded square, not the services' disc) in the
    buttons' colours (the mark's green by day, the light accent at night), larger
    than the services' discs, its drawing 34 to 40 px on a laptop, its name a size
    over the services' names."""
    context = browser.new_context(
        color_scheme=scheme, viewport={"width": 1366, "height": 800}
    )
    page = context.new_page()
    page.goto(base_url + "/")
    colours = [page.evaluate(TOKEN, n) for n in ("--accent", "--accent-text")]
    disc = page.locator(".home-services .icon-badge").first.bounding_box()
    service = page.locator(".home-services .service h3").first.evaluate(FONT_SIZE)
    tiles = page.locator(".tile").all()
    assert len(tiles) == 4
    for tile in tiles:
        look = tile.locator(".icon-badge").evaluate(TILE_LOOK)
        background, colour, radius, width, padding = look
        assert [background, colour] == colours, look
        assert 0.15 * width <= radius <= 0.3 * width, look  # a tile, not a disc
        assert width >= disc["width"] + 8, (look, disc)
        # The drawing: the tile less its padding, less the 24-unit grid's margin.
        assert 34 <= (width - 2 * padding) * 20 / 24 <= 40, look
        name = tile.locator("h3").evaluate(FONT_SIZE)
        assert name >= service + 4, (name, service)
    context.close()


@pytest.mark.browser
def test_on_a_laptop_dienstens_promises_are_one_row_over_the_headers_foot(
    page, base_url
):
    page.set_viewport_size({"width": 1366, "height": 800})
    page.goto(base_url + "/diensten/")
    header = page.locator("main .page-header").bounding_box()
    panel = page.locator(".services-promises").bounding_box()
    assert panel["y"] < header["y"] + header["height"] < panel["y"] + panel["height"]
    items = page.locator(".promises li").all()
    promises = [li.bounding_box() for li in items]
    assert len(promises) == 3
    assert len({round(box["y"]) for box in promises}) == 1
    for left, right in zip(promises, promises[1:], strict=False):
        assert right["x"] >= left["x"] + left["width"]
    # Each promise about 18 px semibold in the body's face, on one line.
    for item in items:
        size, weight, family, lines = item.evaluate(
            """li => { const s = getComputedStyle(li);
                       return [parseFloat(s.fontSize), s.fontWeight, s.fontFamily,
                               li.getBoundingClientRect().height
                               / parseFloat(s.lineHeight)]; }"""
        )
        assert 17 <= size <= 19 and weight == "600", (size, weight)
        assert not family.startswith("Lora"), family
        assert lines < 1.5, lines


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 390, 1366])
def test_over_mij_goes_on_to_what_she_does_and_how_it_works(page, base_url, width):
    """After her card and story: who she works for two by two (one a row on the
    narrowest phone); what she does as one card of rows, on a laptop beside the
    section's head, each row (icon, name, first line) one link at least 44 px high;
    how it works as a card per step on the sage band, its words from the left, in a
    row on a laptop: not the home page's centred discs."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base_url + "/over-mij/")
    story = page.locator(".about-story").bounding_box()
    chips = [li.bounding_box() for li in page.locator(".about-audience li").all()]
    assert len(chips) == 4
    per_row = 1 if width == 320 else 2
    assert len({round(c["y"]) for c in chips}) == 4 // per_row
    for chip in chips:
        assert chip["x"] >= story["x"] - 1
        assert chip["x"] + chip["width"] <= story["x"] + story["width"] + 1
    head = page.locator(".about-services .section-head").bounding_box()
    card = page.locator(".about-services-list").bounding_box()
    assert card["y"] >= story["y"] + story["height"]
    if width == 1366:
        assert card["x"] >= head["x"] + head["width"] + 32
        assert card["y"] == pytest.approx(head["y"], abs=16)
    else:
        assert card["y"] >= head["y"] + head["height"]
    rows = page.locator(".about-services-list li").all()
    assert len(rows) == 4
    for row in rows:
        row.scroll_into_view_if_needed()
        box = row.bounding_box()
        assert box["height"] >= 44
        assert row.locator(".icon-badge").is_visible()
        # The whole row is its link's target: a tap in its far corner follows it.
        target = page.evaluate(
            "([x, y]) => document.elementFromPoint(x, y).closest('a')?.href",
            [box["x"] + box["width"] - 4, box["y"] + box["height"] - 4],
        )
        assert target and "/diensten/#" in target, target
    steps = [s.bounding_box() for s in page.locator(".about .step").all()]
    assert len(steps) == 3
    band = page.locator(".about .steps")
    background = "el => getComputedStyle(el).backgroundColor"
    title = page.locator(".about .steps h2")
    align = title.evaluate("h => getComputedStyle(h).textAlign")
    assert align in ("start", "left")
    if width == 1366:
        assert len({round(s["y"]) for s in steps}) == 1
        cards = {
            step.evaluate(background) for step in page.locator(".about .step").all()
        }
        assert len(cards) == 1 and cards != {band.evaluate(background)}
        assert cards != {"rgba(0, 0, 0, 0)"}
        text = page.locator(".about .step p").first
        assert text.evaluate("p => getComputedStyle(p).textAlign") in ("start", "left")
    else:
        assert steps[1]["y"] >= steps[0]["y"] + steps[0]["height"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width


INNER_PAGES = ("/over-mij/", "/diensten/", "/contact/", "/blog/", "/privacy/")


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1366])
def test_an_inner_pages_header_sets_its_lead_beside_its_title(page, base_url, width):
    """On a laptop the header uses the window's width: the title on the left, the lead
    beside it on the right, their feet on one line, no half of it left empty; on a
    phone the lead under the title."""
    page.set_viewport_size({"width": width, "height": 800})
    for path in INNER_PAGES:
        page.goto(base_url + path)
        header = page.locator("main .page-header").bounding_box()
        title = page.locator("main .page-header h1").bounding_box()
        lead = page.locator("main .page-header .lead").bounding_box()
        if width == 1366:
            assert lead["x"] >= title["x"] + title["width"], path
            assert lead["x"] < header["x"] + 0.6 * header["width"], path
            assert lead["x"] + lead["width"] > header["x"] + 0.8 * header["width"], path
            feet = (lead["y"] + lead["height"], title["y"] + title["height"])
            assert feet[0] == pytest.approx(feet[1], abs=16), path
        else:
            assert lead["y"] >= title["y"] + title["height"], path
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path


@pytest.mark.browser
def test_on_a_laptop_diensten_lists_each_service_on_a_row_its_tasks_beside_it(
    page, base_url
):
    """At 1366 px the services are a list, not the home page's cards: one under the
    other between hairlines. On the left its icon on a disc beside its number (01,
    02... in the accent) over its name, its text under them, so the left half is not
    a name over empty space; on the right its tasks on a panel of their own, from the
    row's top."""
    page.set_viewport_size({"width": 1366, "height": 800})
    page.goto(base_url + "/diensten/")
    services = page.locator(".services .service").all()
    assert len({round(s.bounding_box()["x"]) for s in services}) == 1
    accent = page.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--accent')"
    )
    probe = "c => { const d = document.createElement('i'); d.style.color = c;"
    probe += " document.body.append(d); const v = getComputedStyle(d).color;"
    probe += " d.remove(); return v; }"
    accent = page.evaluate(probe, accent.strip())
    background = "el => getComputedStyle(el).backgroundColor"
    for service in services:
        row = service.bounding_box()
        icon = service.locator(".icon-badge")
        assert icon.is_visible()
        badge = icon.bounding_box()
        name = service.locator("h2")
        box = name.bounding_box()
        text = service.locator("p").first.bounding_box()
        tasks = service.locator("ul").bounding_box()
        assert 48 <= badge["width"] <= 64 and badge["x"] == pytest.approx(row["x"], 1)
        assert box["x"] >= badge["x"] + badge["width"]
        assert text["x"] == pytest.approx(box["x"], abs=1)
        assert text["y"] >= box["y"] + box["height"]
        assert tasks["x"] >= text["x"] + text["width"] + 32
        assert tasks["x"] < row["x"] + 0.5 * row["width"]
        assert tasks["y"] == pytest.approx(badge["y"], abs=8)
        # The left half carries the text beside the tasks, not a name over a gap.
        assert text["y"] + text["height"] >= tasks["y"] + 0.5 * tasks["height"]
        assert service.locator("ul").evaluate(background) != service.evaluate(
            background
        )
        count, color = name.evaluate(
            """h => { const s = getComputedStyle(h, "::before");
                      return [s.content, s.color]; }"""
        )
        assert "counter(service, decimal-leading-zero)" in count, count
        assert color == accent
        border = service.evaluate("s => getComputedStyle(s).borderBottomWidth")
        assert border == "1px"


@pytest.mark.browser
@pytest.mark.parametrize("width, low, high", [(390, 35, 41), (1366, 56, 64)])
def test_an_inner_pages_title_stands_a_size_above_its_sections(
    page, base_url, width, low, high
):
    """Diensten, Over mij, Contact and privacy open with one header: the title about
    38 px on a phone and 60 px on a laptop, larger than any section heading under it."""
    page.set_viewport_size({"width": width, "height": 800})
    size_of = "el => parseFloat(getComputedStyle(el).fontSize)"
    for path in ("/diensten/", "/over-mij/", "/contact/", "/privacy/"):
        page.goto(base_url + path)
        title = page.locator("main .page-header h1").evaluate(size_of)
        assert low <= title <= high, (path, title)
        sections = [h.evaluate(size_of) for h in page.locator("main h2").all()]
        assert title >= 1.15 * max(sections), (path, title, sections)


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1366])
def test_every_band_before_the_footer_has_one_alignment_and_one_measure(
    page, base_url, width
):
    """Home, Diensten (her "Hoe begin je?") and Over mij end in bands alike: centred,
    their words in one measure."""
    page.set_viewport_size({"width": width, "height": 800})
    looks = set()
    for path in ("/", "/diensten/", "/over-mij/"):
        page.goto(base_url + path)
        style = page.locator(".cta-band p").first.evaluate(
            """(p) => [getComputedStyle(p).textAlign, getComputedStyle(p).maxWidth,
                          getComputedStyle(p).textWrapStyle]"""
        )
        looks.add(tuple(style))
    assert len(looks) == 1, looks
    align, measure, wrap = looks.pop()
    assert align == "center" and wrap == "balance", looks


@pytest.mark.browser
def test_the_contact_form_is_compact_with_a_quiet_hint_under_its_button(page, base_url):
    """At 1366 px the message's field about 140 px tall, not a 200 px empty box; what
    the mail button does one quiet line under it; what to expect, under the quick
    ways, each item on one line and the panel as tall as its words: no panel
    stretched to the form's foot with a hole under its last line."""
    page.set_viewport_size({"width": 1366, "height": 800})
    page.goto(base_url + "/contact/")
    form = page.locator(".contact-form")
    assert 120 <= form.locator("textarea").bounding_box()["height"] <= 160
    button = form.locator("button[type=submit]").bounding_box()
    hint = form.locator(".help")
    box = hint.bounding_box()
    foot = button["y"] + button["height"]
    assert foot <= box["y"] <= foot + 16
    line = hint.evaluate("h => parseFloat(getComputedStyle(h).lineHeight)")
    assert box["height"] == pytest.approx(line, abs=1)
    side = page.locator(".contact-side").bounding_box()
    expect = page.locator(".contact-expect")
    box = expect.bounding_box()
    items = expect.locator("li").all()
    for item in items:
        height, line = item.evaluate(
            "li => [li.getBoundingClientRect().height,"
            " parseFloat(getComputedStyle(li).lineHeight)"
            " + parseFloat(getComputedStyle(li).paddingTop) * 2]"
        )
        assert height == pytest.approx(line, abs=1), item.inner_text()
    last = items[-1].bounding_box()
    padding = expect.evaluate("(e) => parseFloat(getComputedStyle(e).paddingBottom)")
    assert box["y"] > side["y"] + side["height"]
    assert box["y"] + box["height"] == pytest.approx(
        last["y"] + last["height"] + padding, abs=2
    )


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1366])
def test_an_inner_pages_kicker_sits_on_its_title_on_every_page(page, base_url, width):
    """The kicker right on the title, one gap on every inner page, however tall the
    lead beside them (Diensten's is five lines at 1366 px, Contact's three)."""
    page.set_viewport_size({"width": width, "height": 800})
    gaps = {}
    for path in INNER_PAGES:
        page.goto(base_url + path)
        kicker = page.locator("main .page-header .kicker").bounding_box()
        title = page.locator("main .page-header h1").bounding_box()
        gaps[path] = round(title["y"] - kicker["y"] - kicker["height"])
    assert all(0 <= gap <= 6 for gap in gaps.values()), gaps
    assert len(set(gaps.values())) == 1, gaps


@pytest.mark.browser
def test_dienstens_questions_are_set_lighter_than_its_services(page, base_url):
    """At 1366 px a question about 20 px, well under a service's name."""
    page.set_viewport_size({"width": 1366, "height": 800})
    page.goto(base_url + "/diensten/")
    size_of = "el => parseFloat(getComputedStyle(el).fontSize)"
    questions = {q.evaluate(size_of) for q in page.locator(".faq-item h3").all()}
    service = page.locator(".services .service h2").first.evaluate(size_of)
    assert len(questions) == 1 and 18 <= min(questions) <= 20.5, questions
    assert service >= 1.3 * min(questions), (service, questions)


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1366])
def test_dienstens_questions_are_a_finished_block_on_a_band(page, base_url, width):
    """Her questions are no three loose lines: on a band of their own (it meets the
    band before the footer), a card of folds whose first stands open with its answer,
    the others closed; the ways to ask another after a chat icon, beside the card
    on a laptop (under it on a phone)."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base_url + "/diensten/")
    background = "el => getComputedStyle(el).backgroundColor"
    faq = page.locator(".faq")
    card = page.locator(".faq-list")
    body = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert len({body, faq.evaluate(background), card.evaluate(background)}) == 3
    band = faq.evaluate("f => getComputedStyle(f).borderImageSource")
    assert "gradient" in band, band
    opened = [item.evaluate("d => d.open") for item in page.locator(".faq-item").all()]
    assert opened[0] and not any(opened[1:]), opened
    answer = page.locator(".faq-item").first.locator("p").first
    assert answer.is_visible() and answer.bounding_box()["height"] > 40
    # The band ends where the band before the footer begins.
    bottom = faq.evaluate("f => f.getBoundingClientRect().bottom + scrollY")
    closing = page.locator(".cta-band").evaluate("b => b.offsetTop")
    assert closing - bottom == pytest.approx(0, abs=1)
    ask = page.locator(".faq-ask").bounding_box()
    icon = page.locator(".faq-ask > .icon").bounding_box()
    assert icon["x"] == pytest.approx(ask["x"], abs=1)
    boxed = card.bounding_box()
    if width == 1366:
        assert boxed["x"] >= ask["x"] + ask["width"]
    else:
        assert ask["y"] >= boxed["y"] + boxed["height"]
        assert boxed["x"] >= 0 and boxed["x"] + boxed["width"] <= width


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1366])
def test_without_her_photo_her_words_are_the_focus_of_even_voorstellen(
    page, base_url, width
):
    """No empty portrait slot (a large initial reads as "photo still to come"): her
    words take the section's width beside the facts, large (a size over the
    sections' intros: ~40 px on a laptop, in two or three even lines), signed with
    her name after a short rule and her role (no mark in a tile, which reads as a
    placeholder avatar). The facts are a card level with the top of her words, not
    afloat in an empty column."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base_url + "/")
    assert page.locator(".meet .meet-initial, .meet .photo").count() == 0
    main = page.locator("main").bounding_box()
    words = page.locator(".meet-quote blockquote")
    box = words.bounding_box()
    assert box["x"] - main["x"] < 50  # from the left edge, nothing before them
    assert box["width"] >= (0.55 if width > 1000 else 0.9) * main["width"]
    size, lines = words.evaluate(
        """(e) => { const s = getComputedStyle(e);
                   return [parseFloat(s.fontSize),
                           Math.round(e.offsetHeight / parseFloat(s.lineHeight))]; }"""
    )
    if width > 1000:
        assert 36 <= size <= 44 and 2 <= lines <= 3, (size, lines)
    else:
        assert size >= 26, size
    sign = page.locator(".meet-sign")
    signed = " ".join(sign.inner_text().split())
    assert signed == "Wilhelmien hippisch virtueel assistent", signed
    assert sign.locator("b").inner_text() == "Wilhelmien"
    assert sign.locator(".mark, img, svg").count() == 0
    rule = sign.evaluate(
        """(e) => { const s = getComputedStyle(e, "::before");
                   return [s.content, parseFloat(s.width), s.borderTopStyle]; }"""
    )
    assert rule[0] == '""' and 16 <= rule[1] <= 64 and rule[2] == "solid", rule
    assert sign.bounding_box()["y"] > box["y"] + box["height"]
    facts = page.locator(".meet-facts")
    look = facts.evaluate(
        """(e) => { const s = getComputedStyle(e);
                   return [s.backgroundColor, s.borderTopLeftRadius]; }"""
    )
    assert look[0] != "rgba(0, 0, 0, 0)" and look[1] != "0px", look
    card = facts.bounding_box()
    if width > 1000:
        assert card["x"] > box["x"] + box["width"]
        assert abs(card["y"] - box["y"]) <= 4, (card["y"], box["y"])
    else:
        assert card["y"] > sign.bounding_box()["y"]


@pytest.mark.browser
def test_on_a_phone_the_home_services_are_compact_rows_each_a_link(page, base_url):
    """A phone's home page is not a stack of tall cards: the services are rows of
    one card (apart by hairlines), each its icon, name, short words and the way to
    the service, the whole row that link's target (at least 44 px high)."""
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(base_url + "/")
    grid = page.locator(".home-services .service-grid")
    gap = grid.evaluate("(e) => getComputedStyle(e).rowGap")
    assert gap == "0px", gap
    rows = page.locator(".home-services .service").all()
    assert len(rows) >= 4
    for row in rows:
        row.scroll_into_view_if_needed()
        box = row.bounding_box()
        assert 44 <= box["height"] <= 180, (row.inner_text(), box)
        icon = row.locator(".icon-badge").bounding_box()
        name = row.locator("h3").bounding_box()
        assert icon["x"] + icon["width"] <= name["x"]
        assert abs(icon["y"] - box["y"]) < 24  # at the row's top, beside its name
        href = row.locator(".service-more a").get_attribute("href")
        # A tap anywhere on the row (here: its lower right, away from the link's
        # words) follows the link.
        hit = page.evaluate(
            """([x, y]) => document.elementFromPoint(x, y).closest('a')?.href""",
            [box["x"] + box["width"] - 12, box["y"] + box["height"] - 8],
        )
        assert hit and hit.endswith(href.split("/")[-1]), (hit, href)


# Lines of a text: [left, right] of each, from its words' boxes.
LINE_SPANS = """(p) => { const lines = new Map(); const node = p.firstChild;
    for (const m of node.textContent.matchAll(/\\S+/g)) {
        const r = document.createRange(); r.setStart(node, m.index);
        r.setEnd(node, m.index + m[0].length);
        for (const b of r.getClientRects()) { const top = Math.round(b.top);
            const [l, rt] = lines.get(top) || [b.left, b.right];
            lines.set(top, [Math.min(l, b.left), Math.max(rt, b.right)]); } }
    return [...lines.values()]; }"""


@pytest.mark.browser
def test_on_a_phone_the_home_intros_and_steps_fill_their_width(page, base_url):
    """Balance is for headings and short centred lines: on a phone a section's intro
    and a step's words run to the width they have (no "Van eerste gesprek tot /
    vaste hulp" at 200 of 358 px); every line but the last at least 70 % of it."""
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(base_url + "/")
    texts = page.locator(".home-services .section-intro, .steps :is(.section-intro, p)")
    assert texts.count() >= 5
    for text in texts.all():
        width = text.bounding_box()["width"]
        spans = text.evaluate(LINE_SPANS)
        for left, right in spans[:-1]:
            assert right - left >= 0.7 * width, (text.inner_text(), spans, width)


@pytest.mark.browser
def test_at_night_the_page_card_and_band_are_three_clear_levels(night_home):
    """Dark mode: the page, its tinted sections and the cards about 8 L* apart, and
    the band before the footer a deep, saturated green (not greyed towards the
    accent)."""
    page = night_home
    shot = Image.open(io.BytesIO(page.screenshot(full_page=True))).convert("RGB")

    def lightness(selector, dx=8, dy=8):  # CIE L* of a point inside its box
        box = page.locator(selector).first.bounding_box()
        y = luminance(colour_at(shot, box["x"] + dx, box["y"] + dy))
        return 116 * y ** (1 / 3) - 16 if y > 0.008856 else 903.3 * y

    body = lightness(".hero")
    surface = lightness(".audience", dx=-20)  # its band, left of the content
    card = lightness(".home-services .service", dx=100, dy=6)
    assert surface - body >= 7.5 and card - surface >= 8, (body, surface, card)
    band = page.locator(".cta-band").bounding_box()
    red, green, blue = shot.getpixel((8, round(band["y"] + band["height"] - 4)))
    _hue, _light, saturation = colorsys.rgb_to_hls(red / 255, green / 255, blue / 255)
    assert saturation >= 0.45 and green > 1.4 * red, (red, green, blue)


# Where the brand's motif (img/motif.svg, motif.css) is drawn: the mask of a
# pseudo-element, or "none" where it is not.
MOTIF = """() => [['.hero-art', '::before'], ['.cta-band', '::before'],
                  ['.post-header', '::after'], ['.page-header', '::after']]
  .filter(([sel]) => document.querySelector(sel))
  .map(([sel, pseudo]) => {
    const style = getComputedStyle(document.querySelector(sel), pseudo);
    return [sel, style.content === 'none' ? 'none' : style.maskImage];
  })"""


@pytest.mark.browser
def test_the_motif_is_drawn_from_the_site_itself_in_the_band(probe):
    """The line drawings in the band before the footer on a wide screen (the hero's
    card has a drawing of its own), never beside a header; the SVG served by the site
    itself. On paper and on a phone nowhere."""
    page = probe.page
    page.set_viewport_size({"width": 1366, "height": 800})
    probe.goto("/")
    drawn = dict(page.evaluate(MOTIF))
    assert drawn == {".hero-art": "none", ".cta-band": drawn[".cta-band"]}
    mask = drawn[".cta-band"]
    assert "/img/motif.svg" in mask and mask.startswith(f'url("{probe.base_url}/')
    svg = [url for url in probe.requests if url.endswith("/img/motif.svg")]
    assert svg and page.request.get(svg[0]).headers["content-type"] == "image/svg+xml"
    assert probe.foreign_requests() == []

    # Not beside a header (read as a placeholder there), wide or narrow.
    for path in ("/blog/dilemmas/", "/contact/", "/diensten/"):
        probe.goto(path)
        drawn = dict(page.evaluate(MOTIF))
        assert drawn.get(".post-header", "none") == "none", path
        assert drawn.get(".page-header", "none") == "none", path
    assert "/img/motif.svg" in drawn[".cta-band"]  # Diensten's band
    probe.goto("/")

    page.emulate_media(media="print")
    assert set(dict(page.evaluate(MOTIF)).values()) == {"none"}
    page.emulate_media(media="screen")
    # On a phone the band's words take its width: no pattern behind them.
    page.set_viewport_size({"width": 390, "height": 800})
    assert dict(page.evaluate(MOTIF))[".cta-band"] == "none"


@pytest.mark.browser
@pytest.mark.parametrize(
    "width, low, high", [(390, 36, 42), (768, 46, 56), (1366, 64, 72)]
)
def test_the_home_hero_has_a_large_title_and_a_drawing_of_its_own(
    probe, width, low, high
):
    """The title about 38 px on a phone and 64 to 72 on a laptop, within the screen
    however long its words; the card of work done under the horseshoe of the brand's
    own drawing (inline: no request), which spans the art's width and ends within it."""
    page = probe.page
    page.set_viewport_size({"width": width, "height": 800})
    probe.goto("/")
    wait_until(page, "document.fonts.status === 'loaded'")
    title = page.locator(".hero h1")
    size = title.evaluate("(e) => parseFloat(getComputedStyle(e).fontSize)")
    assert low <= size <= high, size
    assert title.evaluate("(e) => e.scrollWidth <= e.clientWidth")
    art = page.locator(".hero-art").bounding_box()
    drawing = page.locator(".hero-art > svg.hero-lines").bounding_box()
    assert drawing["width"] == pytest.approx(art["width"], abs=1)
    assert drawing["y"] + drawing["height"] <= art["y"] + art["height"] + 1
    # Its geometry (Playwright's box of an SVG group is wider: its quads').
    top, bottom = page.locator(".hero-lines g.art-line").first.evaluate(
        "(e) => [e.getBoundingClientRect().top, e.getBoundingClientRect().bottom]"
    )
    card = page.locator(".hero-art .today").bounding_box()
    assert art["y"] <= top and bottom <= card["y"], (art, top, bottom, card)
    assert probe.foreign_requests() == []


# The colour a custom property of the page's root resolves to, as #rrggbb.
TOKEN = """(name) => {
  const probe = document.createElement('i');
  probe.style.color = `var(${name})`;
  document.body.append(probe);
  const [r, g, b] = getComputedStyle(probe).color.match(/\\d+/g).map(Number);
  probe.remove();
  return '#' + [r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('');
}"""


# The boxes of the cover's parts, top to bottom, and its drawing.
COVER_PARTS = """() => {
  const box = (sel) => {
    const el = document.querySelector(sel);
    const r = el.getBoundingClientRect();
    return {x: r.x, y: r.y, right: r.right, bottom: r.bottom, shown: r.width > 0};
  };
  const art = document.querySelector('.post-header img.cover-art');
  return {
    header: box('.post-header'), kicker: box('.post-header .kicker'),
    title: box('.post-header h1'), lead: box('.post-header .lead'),
    byline: box('.post-header .byline'), button: box('.post-header .ws-jump .button'),
    brand: box('.site-header .brand'), art: box('.post-header img.cover-art'),
    drawn: art.complete && art.naturalWidth > 0, src: art.currentSrc,
    loading: art.loading,
  };
}"""


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1366])
def test_an_article_opens_on_its_cover_in_the_marks_colour(
    browser, base_url, width, scheme
):
    """The post's header is its cover, editorial: the mark's green across the whole
    window (at night a livelier green than the page, so it stands apart), its words
    a group's space apart, with room above and below; the title large, in the band's
    text colour. On a phone the words on the text's column (one left edge with the
    text). On a laptop two columns of the page: the words on its left edge (the
    site's name's), the brand's drawing in the rest, large, up to the page's right
    edge and centred on the cover's height (not a small picture in a corner), a file
    of the site's own, drawn when the page has loaded (not lazy), and a pause of 72 to
    96 px before the text. The text's first paragraph at the text's size (the
    cover's standfirst is the lead)."""
    context = browser.new_context(
        color_scheme=scheme, viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base_url + "/blog/dilemmas/")
    page.wait_for_load_state("load")
    wait_until(page, "document.fonts.status === 'loaded'")
    shot = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    parts = page.evaluate(COVER_PARTS)
    header = parts["header"]
    band, band_text, bg = (
        page.evaluate(TOKEN, name) for name in ("--band", "--band-text", "--bg")
    )
    # The cover's colour at both edges of the window: the band's (light), or one
    # clearly apart from the page (at night the band alone is too near it).
    middle = header["y"] + (header["bottom"] - header["y"]) / 2
    cover = colour_at(shot, 1, middle)
    assert contrast(colour_at(shot, width - 2, middle), cover) < 1.03
    assert contrast(cover, bg) > (3 if scheme == "light" else 1.8), (cover, bg)
    if scheme == "light":
        assert contrast(cover, band) < 1.03, (cover, band)
    assert contrast(band_text, cover) >= 4.5, (band_text, cover)
    # The words on the text's left edge (a laptop: the page's), a group's space apart.
    text = page.locator(".post-body > p").first.bounding_box()
    edge = parts["brand"]["x"] if width == 1366 else text["x"]
    for name in ("kicker", "title", "lead", "byline", "button"):
        assert parts[name]["x"] == pytest.approx(edge, abs=2), (name, parts)
    pause = text["y"] - header["bottom"]
    assert (72 <= pause <= 96) if width == 1366 else pause <= 48, pause
    room = 40 if width == 390 else 64
    assert parts["kicker"]["y"] - header["y"] >= room, parts
    assert header["bottom"] - parts["button"]["bottom"] >= room, parts
    for above, below in (("title", "lead"), ("lead", "byline"), ("byline", "button")):
        gap = parts[below]["y"] - parts[above]["bottom"]
        assert gap >= (22 if width == 390 else 27), (above, below, gap)
    title = page.locator(".post-header h1")
    size, colour = title.evaluate(
        "(e) => [parseFloat(getComputedStyle(e).fontSize), getComputedStyle(e).color]"
    )
    assert size >= (70 if width == 1366 else 38), size
    assert "#{:02x}{:02x}{:02x}".format(*map(int, colour[4:-1].split(","))) == band_text
    # The drawing: beside the words within the cover on a laptop, none on a phone.
    art = parts["art"]
    drawings = [url for url in requested if "/img/cover." in url]
    if width == 1366:
        assert parts["drawn"] and drawings == [parts["src"]], (parts, drawings)
        assert parts["src"].startswith(base_url) and parts["loading"] == "auto"
        assert re.search(r"/img/cover\.[0-9a-f]{10}\.svg$", parts["src"]), parts
        assert art["x"] >= max(parts[n]["right"] for n in ("title", "lead")) + 32
        assert header["y"] + 32 <= art["y"] and art["bottom"] <= header["bottom"] - 32
        middle = (header["y"] + header["bottom"]) / 2
        assert (art["y"] + art["bottom"]) / 2 == pytest.approx(middle, abs=4), art
        assert art["right"] == pytest.approx(width - parts["brand"]["x"], abs=2), art
        assert art["right"] - art["x"] >= 400, art
    else:
        assert not art["shown"], art
    sizes = page.locator(".post-body > p").evaluate_all(
        "ps => ps.slice(0, 2).map((p) => parseFloat(getComputedStyle(p).fontSize))"
    )
    assert sizes[0] == sizes[1], sizes
    context.close()


@pytest.mark.browser
def test_on_paper_an_articles_cover_is_black_on_white(page, base_url):
    page.goto(base_url + "/blog/dilemmas/")
    page.emulate_media(media="print")
    header = page.locator(".post-header")
    assert header.evaluate("el => getComputedStyle(el).borderImageSource") == "none"
    assert (
        page.locator(".post-header h1").evaluate("el => getComputedStyle(el).color")
        == "rgb(0, 0, 0)"
    )
    assert page.locator(".post-header .ws-jump").is_hidden()
    page.set_viewport_size({"width": 1366, "height": 900})
    assert page.locator(".post-header .cover-art").is_hidden()


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1366])
def test_contacts_what_to_expect_reads_at_the_forms_size_in_full_lines(
    page, base_url, width
):
    """What to expect at the form labels' size (not the 20 px body), each line as
    wide as the panel allows: no balanced or "pretty" early breaks on a phone."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base_url + "/contact/")
    label = page.locator(".contact-form label").first.evaluate(
        "l => parseFloat(getComputedStyle(l).fontSize)"
    )
    items = page.locator(".contact-expect .checks li").all()
    assert items
    for item in items:
        size, wrap = item.evaluate(
            """li => { const s = getComputedStyle(li);
                       return [parseFloat(s.fontSize), s.textWrapStyle]; }"""
        )
        assert size <= label + 1, (size, label)
        assert wrap == "auto", wrap
