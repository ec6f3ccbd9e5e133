"""A real nginx (Debian's package) serving a production build with the generated
rules, checked in Chromium: headers, the CSP, compressed files, old Wix addresses."""

import gzip
import re
import urllib.error
import urllib.request

import pytest
from sitekit.security import content_security_policy

from tests.gates.test_browser_gates import COMPILE_WASM
from tests.publish.hosting import HOST, production_settings
from tests.support.html import site_paths
from tests.support.nginx import fetch
from tests.support.probe import PageProbe


@pytest.mark.browser
def test_headers_arrive_with_the_sites_policy(nginx, page):
    responses = []
    page.on("response", lambda response: responses.append(response))
    main = page.goto(nginx["url"] + "/blog/dilemmas/")
    page.wait_for_load_state("networkidle")
    headers = main.all_headers()
    assert main.status == 200
    assert headers["content-security-policy"] == content_security_policy(
        production_settings()
    )
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in headers["permissions-policy"]
    assert headers["strict-transport-security"] == "max-age=31536000"
    assert headers["cache-control"] == "no-cache"
    css = [r for r in responses if re.search(r"/site\.[0-9a-f]{10}\.css$", r.url)]
    assert len(css) == 1 and css[0].status == 200
    css_headers = css[0].all_headers()
    assert css_headers["cache-control"] == "public, max-age=31536000, immutable"
    assert css_headers["x-content-type-options"] == "nosniff"


@pytest.mark.browser
def test_search_gets_its_own_policy_and_works(nginx, page):
    settings = production_settings()
    response = page.goto(nginx["url"] + "/zoeken/?q=planning")
    policies = [
        header["value"]
        for header in response.headers_array()
        if header["name"].lower() == "content-security-policy"
    ]
    assert policies == [content_security_policy(settings, "/zoeken/")]
    page.locator(".search-status").filter(has_text="gevonden").wait_for()
    assert page.locator(".search-list h3 a").count() >= 1
    # Elsewhere, the header nginx sends refuses WebAssembly.
    page.goto(nginx["url"] + "/blog/dilemmas/")
    refused = page.evaluate(COMPILE_WASM)
    assert refused.startswith("CompileError") and "Content Security" in refused


# Every stylesheet a page links (site.css, and pages.css or later.css) loaded, rules
# and all: none refused by the policy or missing.
STYLESHEETS_LOADED = """(() => {
  const linked = document.querySelectorAll("link[rel=stylesheet]").length;
  const loaded = [...document.styleSheets].filter((s) => s.cssRules.length).length;
  return linked > 0 && loaded === linked;
})()"""


@pytest.mark.browser
def test_every_page_passes_the_csp_check(nginx, page):
    probe = PageProbe(page, nginx["url"])
    problems = {}
    for path in site_paths(nginx["output"]):
        probe.requests.clear()
        probe.errors.clear()
        probe.goto(path)
        found = {
            "csp": probe.csp_violations(),
            "errors": probe.errors[:],
            "foreign": probe.foreign_requests(),
            "no stylesheet": not page.evaluate(STYLESHEETS_LOADED),
        }
        found = {key: value for key, value in found.items() if value}
        if found:
            problems[path] = found
    assert problems == {}


@pytest.mark.browser
def test_chromium_gets_the_brotli_copy(nginx, page):
    response = page.goto(nginx["url"] + "/blog/")
    assert response.all_headers()["content-encoding"] == "br"
    assert "accept-encoding" in response.all_headers()["vary"].lower()
    assert page.locator("h1").count() >= 1


def test_gzip_copy_for_gzip_clients_and_the_plain_file_for_others(nginx):
    for path in ["blog/dilemmas/index.html", "sitemap.xml"]:
        original = (nginx["output"] / path).read_bytes()
        url = nginx["url"] + "/" + path.removesuffix("index.html")
        headers, body = fetch(url, "gzip")
        assert headers["Content-Encoding"] == "gzip"
        assert body == (nginx["output"] / (path + ".gz")).read_bytes()
        assert gzip.decompress(body) == original
        headers, body = fetch(url, "identity")
        assert "Content-Encoding" not in headers
        assert body == original


def test_text_without_a_compressed_copy_is_compressed_on_the_fly(nginx):
    # robots.txt is too small for copies.
    robots = nginx["output"] / "robots.txt"
    assert not robots.with_name("robots.txt.gz").exists()
    headers, body = fetch(nginx["url"] + "/robots.txt", "gzip")
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == robots.read_bytes()


@pytest.mark.browser
@pytest.mark.parametrize("slash", ["", "/"])
def test_an_old_wix_address_redirects_to_the_post(nginx, page, slash):
    response = page.goto(nginx["url"] + "/post/testpost-een-planning" + slash)
    assert response.url == nginx["url"] + "/blog/testpost-1/"
    assert response.status == 200
    redirect = response.request.redirected_from.response()
    assert redirect.status == 301
    assert "content-security-policy" in redirect.all_headers()
    assert page.locator("h1").inner_text().startswith("Testpost 1")


@pytest.mark.browser
def test_a_missing_address_gets_the_404_page(nginx, page):
    response = page.goto(nginx["url"] + "/bestaat/niet/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Pagina niet gevonden"
    assert response.all_headers()["x-content-type-options"] == "nosniff"
    assert page.evaluate(STYLESHEETS_LOADED)


def test_nginx_logged_no_errors(nginx):
    log = nginx["error_log"].read_text() if nginx["error_log"].exists() else ""
    problems = [line for line in log.splitlines() if "[error]" in line]
    problems += [line for line in log.splitlines() if "[emerg]" in line]
    assert problems == []


def status_of(url: str, host: str | None = None) -> tuple[int, dict]:
    """Status and headers of a GET, redirects not followed."""
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request) as response:
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.mark.parametrize(
    "path", ["/.env", "/images/.DS_Store", "/.git/config", "/_headers", "/_redirects"]
)
def test_hidden_files_and_the_hosts_own_files_are_not_served(nginx, path):
    hidden = nginx["output"] / path.lstrip("/")
    hidden.parent.mkdir(parents=True, exist_ok=True)
    if not hidden.exists():
        hidden.write_text("SECRET=1\n")
    status, headers = status_of(nginx["url"] + path)
    assert status == 404
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_port_80_redirects_to_the_configured_host_whatever_the_request_names(nginx):
    for host in (None, "evil.example"):
        status, headers = status_of(nginx["port_80"] + "/blog/?q=1", host)
        assert (status, headers["Location"]) == (301, f"https://{HOST}/blog/?q=1")


def test_the_manifest_is_served_as_a_web_app_manifest(nginx):
    status, headers = status_of(nginx["url"] + "/manifest.webmanifest")
    assert status == 200
    assert headers["Content-Type"] == "application/manifest+json"
    assert headers["Cache-Control"] == "no-cache"
    assert "Content-Security-Policy" in headers
