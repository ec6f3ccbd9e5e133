"""In real Chromium, with the strict CSP sent as a header, every page: no CSP violation,
no script error, no request to another host, and zero axe-core violations, as
`invoke publish` checks it (authoring/gates/browser.py)."""

from functools import partial

import pytest

from authoring.gates.browser import check_pages
from authoring.source import site_settings


@pytest.mark.browser
def test_every_page_is_clean(site):
    from sitekit.security import content_security_policy

    policy = partial(content_security_policy, site_settings())
    pages = {p.relative_to(site).as_posix(): True for p in sorted(site.rglob("*.html"))}
    assert [str(finding) for finding in check_pages(site, "", pages, policy)] == []


@pytest.mark.browser
def test_missing_page_gets_the_404_page(probe):
    response = probe.goto("/bestaat/niet/")
    assert response.status == 404
    assert probe.page.locator("h1").inner_text() == "Pagina niet gevonden"
    # Its stylesheets (site.css, pages.css) load from the root, whatever the depth of
    # the missing address.
    loaded = "[...document.styleSheets].filter((s) => s.cssRules.length).length"
    assert probe.page.evaluate(loaded) == 2
    assert probe.csp_violations() == []
    assert probe.axe_violations() == []


@pytest.mark.browser
def test_key_pages_pass_axe_in_dark_mode(probe):
    """Contrast is checked in the dark colour scheme too, on every page type."""
    probe.page.emulate_media(color_scheme="dark")
    problems = {}
    for path in [
        "/",
        "/diensten/",
        "/over-mij/",
        "/blog/",
        "/blog/dilemmas/",
        "/blog/lange-inhoud/",
        "/blog/gastpost-engels/",
        "/blog/tag/planning/",
        "/contact/",
        "/404.html",
    ]:
        probe.goto(path)
        assert probe.page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
        if violations := probe.axe_violations():
            problems[path] = violations
    assert problems == {}


# A minimal WebAssembly module (magic number and version), compiled in the page.
COMPILE_WASM = """() => WebAssembly
  .compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))
  .then(() => "compiled", (error) => `${error.name}: ${error.message}`)"""


@pytest.mark.browser
def test_only_the_search_page_may_compile_webassembly(probe):
    """The served CSP refuses WebAssembly everywhere but on the search page, where
    Pagefind needs it (tests/browser/test_search.py searches there)."""
    for path in ["/", "/blog/dilemmas/", "/contact/"]:
        probe.goto(path)
        refused = probe.page.evaluate(COMPILE_WASM)
        assert refused.startswith("CompileError"), (path, refused)
        assert "Content Security Policy" in refused, (path, refused)
    probe.goto("/zoeken/")
    assert probe.page.evaluate(COMPILE_WASM) == "compiled"
