"""The optional lead magnet: with `Checklist_gate: nieuwsbrief` a post's checklist
download becomes a short signup posted to the mailing tool (here a local stand-in);
after its double opt-in the tool sends the reader to /bedankt/<checklist>/, with the
PDF and a link back to the post. Without the setting the download stays free."""

from urllib.parse import urljoin

import pytest

from tests.conftest import copy_content
from tests.support.funnel import site_with_forms
from tests.support.html import soup
from tests.support.probe import PageProbe
from tests.support.vnu import vnu_errors

pytestmark = pytest.mark.browser

POST = """Title: Een checklist om te bewaren
Slug: lokker
Date: 2023-05-01 10:00
Summary: Een post met een checklist achter een aanmelding.
Checklist: proef
Checklist_gate: nieuwsbrief

Download de checklist.
"""


def mailing_forms(backend: str) -> dict:
    """FORMS with only a mailing tool at `backend` (scripts/screenshots.py too)."""
    newsletter = {"provider": "mailing", "endpoint": backend + "/subscribe"}
    newsletter |= {"recipient": "Mailingtool", "redirect_field": "redirect"}
    return {"newsletter": {**newsletter, "field_names": {"email": "EMAIL"}}}


@pytest.fixture(scope="module")
def gated(tmp_path_factory):
    """The site with a mailing tool and one post whose checklist is behind a signup."""
    work = tmp_path_factory.mktemp("gate")
    content = copy_content(work)
    (content / "posts" / "lokker.md").write_text(POST, encoding="utf-8")
    with site_with_forms(work, mailing_forms, content) as site:
        yield site


@pytest.mark.parametrize("javascript", [False, True], ids=["zonder-js", "met-js"])
def test_the_gated_download_is_a_signup_that_ends_at_the_pdf(
    browser, gated, javascript
):
    gated.backend.received.clear()
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    probe = PageProbe(page, gated.url)
    probe.goto("/blog/lokker/")
    section = page.locator("section.checklist")
    # No plain download link: the button opens the signup.
    assert section.locator("a[download]").count() == 0
    section.get_by_text("Ontvang de checklist als PDF").click()
    page.fill("#checklist-proef-email", "anna@stal.example")
    page.check("#checklist-proef-toestemming")
    assert section.locator("#checklist-proef-voornaam").count() == 0
    if javascript:
        assert probe.axe_violations() == []
    with page.expect_navigation(url=gated.url + "/bedankt/nieuwsbrief/"):
        section.get_by_role("button", name="Stuur me de checklist").click()
    assert gated.backend.received == [
        (
            "/subscribe",
            {
                "redirect": [gated.url + "/bedankt/nieuwsbrief/"],
                "bron": ["lokker"],
                "cta": ["checklist"],
                "checklist": ["proef"],
                "EMAIL": ["anna@stal.example"],
                "toestemming": ["ja"],
                "website": [""],
            },
        )
    ]
    # Until she confirms, the page says so, and that the checklist follows.
    assert (
        "Na je bevestiging kom je bij de checklist" in page.locator("main").inner_text()
    )
    # The tool's double opt-in: the confirmation link leads to the page set in the
    # tool, /bedankt/<checklist>/.
    probe.goto("/bedankt/proef/")
    assert page.locator("h1").inner_text() == "Je checklist staat klaar"
    pdf = page.locator("main a[download]")
    response = page.request.get(urljoin(page.url, pdf.get_attribute("href")))
    assert response.ok and response.body().startswith(b"%PDF-")
    with page.expect_navigation():
        page.get_by_role("link", name="Terug naar de blogpost").click()
    assert page.url == gated.url + "/blog/lokker/"
    assert probe.csp_violations() == []
    assert probe.errors == []
    context.close()


def test_the_gated_post_and_its_thank_you_page_are_valid_html(gated):
    pages = [gated.output / "blog/lokker/index.html"]
    pages.append(gated.output / "bedankt/proef/index.html")
    pages.append(gated.output / "bedankt/nieuwsbrief/index.html")
    assert vnu_errors(pages) == []


def test_the_thank_you_page_is_kept_out_of_search_engines(gated):
    page = soup(gated.output / "bedankt/proef/index.html")
    assert page.select_one("meta[name=robots]")["content"] == "noindex"
    assert "bedankt/proef" not in (gated.output / "sitemap.xml").read_text("utf-8")
    # Other checklists, and other posts, keep their free download.
    free = soup(gated.output / "blog/dilemmas/index.html")
    assert free.select_one("section.checklist a[download]")["href"].endswith(".pdf")
    assert not (gated.output / "bedankt/uitbesteden").exists()


def test_without_the_setting_the_download_stays_free(site):
    page = soup(site / "blog/dilemmas/index.html")
    assert page.select_one("section.checklist a[download]")["href"].endswith(".pdf")
    assert page.select("details.checklist-gate") == []
    assert not (site / "bedankt/uitbesteden").exists()
