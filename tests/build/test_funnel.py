"""The funnel in the built site: the call to action per article, settings errors that
stop the build, analytics off by default and switched on by a setting, Netlify Forms."""

import json
import re

import pytest
from pelican.settings import read_settings
from sitekit.security import content_security_policy

from tests.conftest import ROOT, build_site, copy_content
from tests.support.funnel import build_with
from tests.support.html import soup, text_of
from tests.support.server import site_policy
from tests.support.vnu import vnu_errors

ANALYTICS = {
    "name": "Plausible Analytics (EU)",
    "script": "https://stats.example.eu/js/script.js",
    "endpoint": "https://collect.example.eu/api/event",
    "attributes": {"data-domain": "www.hippisch-va.example"},
}
NETLIFY = {"contact": {"provider": "netlify"}, "newsletter": {"provider": "netlify"}}


def folded(text: str) -> str:
    """Text without any white space, so a wrapped log line still matches."""
    return "".join(text.split())


# Wording meant for the owner: forms or details "not yet" set up, settings, placeholder.
OWNER_WORDS = re.compile(
    r"nog niet (aangesloten|ingesteld|ingevuld|geregeld|beschikbaar|mogelijk)"
    r"|kan nog niet|niet (aangesloten|geconfigureerd|ingesteld)|instelling"
    r"|pelicanconf|placeholder|(?-i:\b(FORMS|BUSINESS|OWNER|TODO)\b)",
    re.IGNORECASE,
)


def test_no_page_speaks_to_the_owner_with_the_shipped_settings(site):
    """FORMS = {} and a placeholder e-mail address: readers still see no notice."""
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    found = {
        str(page.relative_to(site)): [
            m.group(0) for m in OWNER_WORDS.finditer(page.read_text("utf-8"))
        ]
        for page in pages
    }
    assert {page: words for page, words in found.items() if words} == {}


def test_articles_get_the_default_call_to_action(site):
    block = soup(site / "blog/dilemmas/index.html").select_one("aside.cta")
    assert text_of(block.select_one("h2")) == "Plan een gratis kennismakingsgesprek"
    link = block.select_one("a.button")
    assert link["href"] == (
        "../../contact/?bron=dilemmas&cta=kennismaking#contactformulier"
    )


def test_an_article_chooses_its_call_to_action_or_none(site):
    chosen = soup(site / "blog/testpost-1/index.html").select_one("aside.cta")
    assert chosen["data-cta"] == "vraag"
    assert text_of(chosen.select_one("h2")) == "Heb je een vraag?"
    assert soup(site / "blog/testpost-2/index.html").select("aside.cta") == []


def test_the_call_to_action_comes_after_the_article(site):
    page = soup(site / "blog/dilemmas/index.html")
    order = [
        el.name + "." + " ".join(el.get("class", []))
        for el in page.main.children
        if getattr(el, "name", None)
    ]
    assert order.index("aside.cta panel") > order.index("article.post")


def test_an_unknown_call_to_action_fails_the_build_naming_file_and_field(tmp_path):
    content = copy_content(tmp_path)
    post = content / "posts" / "verkeerd.md"
    post.write_text(
        "Title: Verkeerd\nDate: 2024-01-01\nCta: kennismakin\n\nTekst.\n",
        encoding="utf-8",
    )
    result = build_site(content, tmp_path / "output")
    assert result.returncode != 0
    assert folded(
        f"{post}:3: Cta: definition-unknown (kind='call to action', "
        "options=['kennismaking', 'nieuwsbrief', 'vraag'], value='kennismakin')"
    ) in folded(result.stdout + result.stderr)
    assert not list((tmp_path / "output").rglob("*.html"))


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (
            "Checklist_gate: ja",
            "Checklist_gate: value-not-allowed (options=['nieuwsbrief', 'none'], "
            "value='ja')",
        ),
        (
            "Checklist: none\nChecklist_gate: nieuwsbrief",
            "Checklist_gate: gate-no-checklist",
        ),
    ],
)
def test_a_wrong_checklist_gate_fails_the_build_naming_file_and_line(
    tmp_path, header, message
):
    content = copy_content(tmp_path)
    post = content / "posts" / "poort.md"
    post.write_text(f"Title: Poort\nDate: 2024-01-01\n{header}\n\nTekst.\n", "utf-8")
    line = 3 + header.count("\n")
    result = build_site(content, tmp_path / "output")
    assert result.returncode != 0
    assert folded(f"{post}:{line}: {message}") in folded(result.stdout + result.stderr)


@pytest.mark.parametrize(
    ("forms", "message"),
    [
        (
            {"contact": {"provider": "formspree"}},
            "pelicanconf.py: FORMS.contact.provider: value-not-allowed (options="
            "['netlify', 'backend', 'mailing'], value='formspree')",
        ),
        (
            {"contact": {"provider": "backend", "endpoint": "formspree.io/f/x"}},
            "pelicanconf.py: FORMS.contact.endpoint: url-not-http "
            "(value='formspree.io/f/x')",
        ),
        (
            {"nieuwsbrief": {"provider": "netlify"}},
            "pelicanconf.py: FORMS: forms-unknown (keys=['nieuwsbrief'], "
            "options=['contact', 'newsletter'])",
        ),
    ],
)
def test_a_wrong_form_setting_fails_the_build_with_a_clear_message(
    tmp_path, forms, message
):
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    result = build_site(
        content, tmp_path / "output", "pelicanconf.py", "FORMS=" + json.dumps(forms)
    )
    assert result.returncode != 0
    assert folded(message) in folded(result.stdout + result.stderr)
    assert not (tmp_path / "output").exists()


def test_analytics_are_off_by_default(site):
    for file in site.rglob("*.html"):
        for script in soup(file).select("script[src]"):
            assert script["src"].startswith(("../", "./", "/", "theme/")), file
    privacy = soup(site / "privacy/index.html")
    assert text_of(privacy.select_one("[data-privacy=analytics]")) == (
        "Deze website houdt geen bezoekersstatistieken bij en gebruikt geen trackers."
    )
    assert privacy.select("[data-privacy=third-parties-forms]") == []
    policy = site_policy()
    assert directive(policy, "script-src") == ["'self'"]
    assert "connect-src 'self';" in policy
    # Only the search page may compile WebAssembly (Pagefind).
    search = site_policy("/zoeken/")
    assert directive(search, "script-src") == ["'self'", "'wasm-unsafe-eval'"]
    assert site_policy("/zoeken/?q=paard") == search
    assert site_policy("/blog/zoeken-naar-rust/") == policy


@pytest.fixture(scope="module")
def analytics_site(tmp_path_factory):
    """The site with analytics switched on and both forms on Netlify Forms."""
    work = tmp_path_factory.mktemp("analytics")
    return build_with(work, ANALYTICS=ANALYTICS, FORMS=NETLIFY)


def test_analytics_setting_adds_the_script_to_every_page(analytics_site):
    pages = sorted(analytics_site.rglob("*.html"))
    assert pages
    for file in pages:
        scripts = soup(file).select(f"script[src='{ANALYTICS['script']}']")
        assert len(scripts) == 1, file
        assert scripts[0]["data-domain"] == "www.hippisch-va.example"
        assert scripts[0].has_attr("defer")


def test_analytics_setting_changes_the_csp(analytics_site):
    settings = read_settings(
        str(ROOT / "pelicanconf.py"), override={"ANALYTICS": ANALYTICS}
    )
    policy = content_security_policy(settings)
    assert "https://stats.example.eu" in directive(policy, "script-src")
    assert "connect-src 'self' https://collect.example.eu;" in policy
    assert policy != site_policy()


def test_analytics_setting_changes_the_privacy_page(analytics_site):
    page = soup(analytics_site / "privacy/index.html")
    analytics = text_of(page.select_one("[data-privacy=analytics]"))
    assert analytics.startswith(
        "Deze website telt bezoeken met Plausible Analytics (EU)"
    )
    assert "zonder cookies" in analytics
    third = text_of(page.select_one("[data-privacy=third-parties]"))
    assert "stats.example.eu" in third


def test_netlify_forms_get_their_attributes(analytics_site):
    page = soup(analytics_site / "contact/index.html")
    form = page.select_one("form#contact-form")
    assert form["data-netlify"] == "true"
    assert form["name"] == "contact"
    assert form["method"] == "post"
    assert form["action"] == "../bedankt/"
    assert form["data-netlify-honeypot"] == "bot-field"
    assert form.select_one("input[name=form-name]")["value"] == "contact"
    assert form.select_one(".hp input")["name"] == "bot-field"
    assert form.select_one("input[name=bron]")["value"] == "contact"
    newsletter = soup(analytics_site / "blog/dilemmas/index.html").select_one(
        "form#newsletter-form"
    )
    assert newsletter["name"] == "newsletter"
    assert newsletter.select_one("input[name=bron]")["value"] == "dilemmas"
    privacy = soup(analytics_site / "privacy/index.html")
    assert "naar Netlify" in text_of(privacy.select_one("[data-privacy=form-contact]"))


def test_every_form_has_labels_consent_and_a_hidden_honeypot(analytics_site):
    form = soup(analytics_site / "contact/index.html").select_one("form#contact-form")
    for field in form.select("input:not([type=hidden]), textarea"):
        assert form.select_one(f"label[for='{field['id']}']"), field["id"]
    consent = form.select_one("input[name=toestemming]")
    assert consent["type"] == "checkbox"
    assert consent.has_attr("required") and not consent.has_attr("checked")
    label = form.select_one("label[for=contact-toestemming]")
    assert label.select_one("a")["href"] == "../privacy/"
    honeypot = form.select_one(".hp")
    assert honeypot["aria-hidden"] == "true"
    field = honeypot.select_one("input")
    assert field["tabindex"] == "-1"
    assert field["autocomplete"] == "off"
    assert not field.has_attr("required")


def test_netlify_configured_pages_are_valid_html(analytics_site):
    """Netlify's attributes must pass the Nu Html Checker too, or the gates would
    stop every publish of a site that uses Netlify Forms."""
    pages = [
        analytics_site / path
        for path in ("contact/index.html", "blog/dilemmas/index.html", "index.html")
    ]
    assert vnu_errors(pages) == []


def test_thank_you_page_is_hidden_from_lists(site):
    page = soup(site / "bedankt/index.html")
    assert text_of(page.select_one("h1")) == "Bedankt!"
    assert "bedankt" not in (site / "sitemap.xml").read_text(encoding="utf-8")


def directive(policy: str, name: str) -> list[str]:
    """The sources of one CSP directive."""
    for part in policy.split(";"):
        key, *sources = part.split()
        if key == name:
            return sources
    return []


BOOKING = "https://calendly.com/wilhelmien/kennismaking"


@pytest.fixture(scope="module")
def direct_site(tmp_path_factory):
    """The site with her booking page, a mobile number, and the newsletter on Netlify
    (the contact form stays with the reader's own mail program)."""
    work = tmp_path_factory.mktemp("direct")
    business = read_settings(str(ROOT / "pelicanconf.py"))["BUSINESS"]
    return build_with(
        work,
        BUSINESS={**business, "phone": "06 12345678", "kvk": "87654321"},
        BOOKING_URL=BOOKING,
        BOOKING_TOOL="Calendly (VS)",
        FORMS={"newsletter": {"provider": "netlify"}},
    )


def channel_links(element) -> dict[str, str]:
    return {text_of(a): a["href"] for a in element.select(".channels a")}


def test_with_a_booking_page_the_call_to_action_plans_the_conversation(direct_site):
    page = soup(direct_site / "blog/dilemmas/index.html")
    cta = page.select_one("aside.cta")
    button = cta.select_one("a.button:not(.button-secondary)")
    assert text_of(button) == "Plan een gratis kennismaking"
    # A plain link: nothing of the tool loads before she taps, nothing of her reading
    # goes along (no ?bron=, no referrer); the worksheet's end leads there alike.
    for link in (button, page.select_one(".ws-cta a")):
        assert link["href"] == BOOKING
        assert link["rel"] == ["external", "noreferrer"]
    assert channel_links(cta) == {
        "Bel 06 12345678": "tel:+31612345678",
        "Stuur een WhatsApp": "https://wa.me/31612345678",
    }


def test_over_mij_offers_a_call_and_whatsapp_as_quiet_links_on_her_card(
    direct_site, site
):
    card = soup(direct_site / "over-mij/index.html").select_one(".about-card")
    # Links, not buttons: the booking is the band's, after the page, its one action.
    links = {text_of(a): a["href"] for a in card.select(".about-reach a")}
    assert links == {
        "Bel 06 12345678": "tel:+31612345678",
        "Stuur een WhatsApp": "https://wa.me/31612345678",
    }
    assert card.select(".button") == []
    # Without a phone her e-mail address.
    shipped = soup(site / "over-mij/index.html").select(".about-reach a")
    assert [a["href"] for a in shipped] == ["mailto:info@hippisch-va.example"]
    # Her KvK is the footer's; her card does not repeat it.
    assert "87654321" not in text_of(card)


def test_the_contact_page_offers_booking_call_and_whatsapp_before_the_form(
    direct_site,
):
    page = soup(direct_site / "contact/index.html")
    channels = page.select_one("section.contact-channels")
    # Each way a row, its name over what it does; the booking page the main one.
    rows = {text_of(a.strong): a["href"] for a in channels.select("a.contact-row")}
    assert rows == {
        "Plan een gratis kennismaking": BOOKING,
        "Bellen": "tel:+31612345678",
        "WhatsApp": "https://wa.me/31612345678",
        "E-mail": "mailto:"
        + text_of(channels.select_one("a[href^=mailto] strong + span")),
    }
    assert channels.select_one(".contact-row-main")["href"] == BOOKING
    sections = page.select("main section")
    assert sections.index(channels) < sections.index(page.select_one(".contact-form"))
    # One card: the quick ways and her e-mail under one heading, the phone once.
    assert page.select_one("#direct-contact").parent is channels
    assert len(page.select("h2#direct-contact")) == 1
    assert text_of(channels).count("06 12345678") == 1
    assert channels.select_one("a[href^=mailto]")


def test_the_privacy_page_names_the_booking_tool_and_whatsapp(direct_site, site):
    privacy = soup(direct_site / "privacy/index.html")
    assert text_of(privacy.select_one("[data-privacy=booking]")).startswith(
        "Calendly (VS): als je via mijn online agenda een gesprek plant"
    )
    assert privacy.select_one("[data-privacy=whatsapp]")
    shipped = soup(site / "privacy/index.html")
    assert shipped.select("[data-privacy=booking], [data-privacy=whatsapp]") == []


def test_without_booking_page_or_phone_nothing_points_elsewhere(site):
    cta = soup(site / "blog/dilemmas/index.html").select_one("aside.cta")
    assert cta.select_one("a.button")["href"].startswith("../../contact/?bron=")
    assert cta.select(".channels") == []
    assert soup(site / "contact/index.html").select(".contact-channels") == []


def test_the_mail_contact_form_asks_what_a_reader_must_give(site):
    """By mail her address is the mail's sender: the form does not ask for it, so the
    phone is its one optional field, marked; the rest required, unmarked."""
    page = soup(site / "contact/index.html")
    assert page.select("#contact-email, [for=contact-email]") == []
    labels = [text_of(label) for label in page.select("#contact-form label")]
    assert labels == ["Naam", "Telefoonnummer (optioneel)", "Je bericht"]
    assert not page.select_one("#contact-telefoon").has_attr("required")
    # A required field says so by `required` alone; only the optional one is marked.
    for name in ("naam", "bericht"):
        assert page.select_one(f"#contact-{name}").has_attr("required")


def test_each_thank_you_page_says_what_happened_to_its_form(direct_site, site):
    contact = text_of(soup(site / "bedankt/index.html").select_one("main"))
    assert "Je bericht is verstuurd" in contact
    assert not re.search("nieuwsbrief|checklist|aangemeld", contact, re.IGNORECASE)
    # Only a signup that comes back to the site has a page of its own.
    assert not (site / "bedankt/nieuwsbrief").exists()
    signed_up = soup(direct_site / "bedankt/nieuwsbrief/index.html")
    assert text_of(signed_up.select_one("h1")) == "Je bent aangemeld"
    assert "checklist" not in text_of(signed_up.select_one("main")).lower()
    assert signed_up.select("#nieuwsbrief") == []  # no second signup
    netlify = soup(direct_site / "blog/dilemmas/index.html")
    assert netlify.select_one("form#newsletter-form")["action"] == (
        "../../bedankt/nieuwsbrief/"
    )


def test_booking_and_phone_pages_are_valid_html(direct_site):
    pages = [
        direct_site / path
        for path in (
            "contact/index.html",
            "blog/dilemmas/index.html",
            "privacy/index.html",
            "bedankt/nieuwsbrief/index.html",
        )
    ]
    assert vnu_errors(pages) == []
