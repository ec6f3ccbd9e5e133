"""Offline in real Chromium: a post opened once keeps working without a connection
(the page, its worksheet, its checklist PDF), any other page then gives the offline
page with the kept posts, and a new build takes over cleanly at the next visit."""

import io
import json
import shutil

import pytest
from offline.icons import draw_mark
from PIL import Image, ImageChops, ImageStat

from tests.conftest import build_site, copy_project
from tests.support.nginx import fetch
from tests.support.probe import wait_until
from tests.support.server import SiteServer
from tests.support.worker import worker_build
from tests.support.worksheet import fill

pytestmark = pytest.mark.browser
POST = "/blog/dilemmas/"
TITLE = "Dilemma's"
PDF = "a[type='application/pdf']"
KEPT = """async ([page, pdf]) => {
  const pdfs = [...document.querySelectorAll(pdf)].map((link) => link.href);
  for (const url of [page, ...pdfs]) if (!(await caches.match(url))) return false;
  return true;
}"""
CONTROLLED = """() => navigator.serviceWorker.controller !== null"""
ONLY_CACHE = """async (name) =>
  (await caches.keys()).filter((key) => key.startsWith("hva-")).join() === name"""
STYLESHEETS = "[...document.styleSheets].map((sheet) => sheet.href)"
BUILD_MARK = "getComputedStyle(document.documentElement).getPropertyValue('--build')"


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """The site's service worker on: the rest of the tests block it (conftest.py)."""
    return {**browser_context_args, "service_workers": "allow"}


def open_and_keep(page, url: str) -> None:
    """Open a page and wait until the service worker controls it and has kept it
    with its checklist PDF, as it does for a reader after her first visit."""
    page.goto(url)
    wait_until(page, CONTROLLED)
    wait_until(page, KEPT, [url, PDF])


def test_a_post_once_opened_works_offline_with_its_worksheet_and_pdf(
    context, page, site
):
    with SiteServer(site) as server:
        open_and_keep(page, server.url + POST)
    # Offline, and the host gone too: the browser fetches a download itself, not
    # through the page, so only a server that is gone shows where the PDF comes from.
    context.set_offline(True)
    page.reload()
    assert page.locator("h1").inner_text() == TITLE
    assert page.evaluate(STYLESHEETS)[0].startswith(server.url + "/theme/css/site.")
    # The worksheet's script runs from the device: it computes as before.
    page.wait_for_selector("[data-tools]:not([hidden])", state="attached")
    fill(page, "#ws-doelen-1-doel", "Meer tijd voor de paarden")
    fill(page, "#ws-uurtarief", "50")
    fill(page, "#ws-uren_per_klant", "4")
    assert page.text_content("#ws-uren_kwijt") == "20 uur per maand"
    assert page.text_content("#ws-omzet_kwijt") == "€ 1.000 per maand"
    assert page.text_content("#ws-klanten_extra") == "ongeveer 5 klanten"
    # Answers are kept as before (this tab's storage): still there after a reload.
    page.reload()
    page.wait_for_selector("[data-tools]:not([hidden])", state="attached")
    assert page.text_content("#ws-omzet_kwijt") == "€ 1.000 per maand"
    with page.expect_download() as download:
        page.click(PDF)
    assert download.value.failure() is None
    assert download.value.suggested_filename == "uitbesteden.pdf"
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


def test_a_page_never_opened_gives_the_offline_page_with_the_kept_posts(
    context, probe, base_url
):
    page = probe.page
    open_and_keep(page, base_url + POST)
    context.set_offline(True)
    response = page.goto(base_url + "/privacy/")
    assert response.ok
    assert page.locator("h1").inner_text() == "Je bent offline"
    # The pages to reach her by are listed, and kept: they open offline.
    kept = page.locator(".kept-pages a")
    assert kept.all_inner_texts() == ["Contact", "Diensten", "Over mij"]
    saved = page.locator("[data-saved-posts] a")
    saved.first.wait_for()
    assert saved.all_inner_texts() == [TITLE]
    assert page.locator("[data-no-saved-posts]").is_hidden()
    saved.first.click()
    page.wait_for_url(base_url + POST)
    assert page.locator("h1").inner_text() == TITLE
    assert probe.csp_violations() == []
    assert probe.foreign_requests() == []


def test_the_contact_page_services_and_about_work_offline_after_any_first_visit(
    context, probe, base_url
):
    """She opened one post; in the stable, without a connection, she can still
    reach the owner: the contact page, Diensten and Over mij were kept at once."""
    page = probe.page
    page.set_viewport_size({"width": 390, "height": 844})
    open_and_keep(page, base_url + POST)
    context.set_offline(True)
    for path, title in [
        ("/diensten/", "Diensten"),
        ("/over-mij/", "Over mij"),
        ("/contact/", "Contact"),
    ]:
        assert page.goto(base_url + path).ok
        assert page.locator("h1").inner_text() == title
    assert page.get_by_role("link", name="info@hippisch-va.example").first.is_visible()
    assert probe.csp_violations() == []
    assert probe.foreign_requests() == []


def test_search_results_and_forms_are_never_kept(context, page, base_url):
    open_and_keep(page, base_url + POST)
    page.goto(base_url + "/zoeken/?q=administratie")
    page.wait_for_selector(".search-list li")
    kept = page.evaluate(
        "async () => (await Promise.all((await caches.keys()).map(async (name) =>"
        " (await (await caches.open(name)).keys()).map((r) => r.url)))).flat()"
    )
    assert base_url + POST in kept
    assert not [url for url in kept if "?" in url or "/pagefind/" in url]


def test_search_offline_says_it_cannot_search_now(context, page, base_url):
    open_and_keep(page, base_url + "/zoeken/")
    context.set_offline(True)
    page.reload()
    page.fill("#zoekterm", "administratie")
    page.click(".search-form button")
    status = page.locator(".search-status")
    status.filter(has_text="heeft een internetverbinding nodig").wait_for()
    assert page.locator(".search-list li").count() == 0


def test_the_app_icon_is_the_brand_mark(page, site, base_url):
    svg = next((site / "theme" / "img").glob("icon.*.svg"))
    page.set_viewport_size({"width": 192, "height": 192})
    page.goto(f"{base_url}/{svg.relative_to(site).as_posix()}")
    rendered = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    drawn = Image.new("RGB", (192, 192), "white")
    icon = draw_mark(192, svg.read_text(encoding="utf-8"))
    drawn.paste(icon, mask=icon)
    difference = ImageStat.Stat(ImageChops.difference(rendered, drawn)).mean
    assert max(difference) < 1.5, difference  # measured: about 1.2, the edges


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    """The site built twice from the same sources, and once with changed CSS. Each
    build has a cache of its own: with a shared one the second build would copy the
    first's icons, and comparing them would prove nothing."""
    work = tmp_path_factory.mktemp("rebuild")
    project = copy_project(work / "project")
    builds = []
    for name in ("a", "a-again", "b"):
        if name == "b":
            tokens = project / "theme" / "static" / "css" / "tokens.css"
            tokens.write_text(tokens.read_text() + ':root { --build: "b"; }\n')
        output = work / name
        result = build_site(
            project / "content",
            output,
            str(project / "pelicanconf.py"),
            f'CACHE_PATH="{work / ("cache-" + name)}"',
        )
        assert result.returncode == 0, result.stdout + result.stderr
        builds.append(output)
    return builds


def test_the_same_sources_build_the_same_worker_manifest_and_icons(two_builds):
    first, again, changed = two_builds
    pngs = [p.relative_to(first).as_posix() for p in first.glob("theme/img/*.png")]
    # The app icons the manifest names are among the files compared.
    manifest = json.loads((first / "manifest.webmanifest").read_text())
    icons = {icon["src"] for icon in manifest["icons"]}
    assert icons and icons <= set(pngs), (icons, pngs)
    for name in ["sw.js", "manifest.webmanifest", *pngs]:
        assert (first / name).read_bytes() == (again / name).read_bytes(), name
    assert worker_build(first)["version"] != worker_build(changed)["version"]


def test_a_new_build_takes_over_at_the_next_visit_without_a_mix(
    context, page, two_builds, tmp_path
):
    first, _again, changed = two_builds
    served = tmp_path / "served"
    shutil.copytree(first, served)
    with SiteServer(served) as server:
        post = server.url + POST
        open_and_keep(page, post)
        old_css = page.evaluate(STYLESHEETS)
        assert page.evaluate(BUILD_MARK) == ""
        shutil.rmtree(served)
        shutil.copytree(changed, served)  # the new deploy
        page.goto(server.url + "/diensten/")  # the next visit, to another page
        new_css = page.evaluate(STYLESHEETS)
        assert new_css != [] and new_css != old_css
        for href in new_css:
            assert (changed / href.removeprefix(server.url + "/")).is_file(), href
        assert page.evaluate(BUILD_MARK).strip() == '"b"'
        # The new worker takes over and removes the old cache...
        wait_until(page, ONLY_CACHE, "hva-" + worker_build(changed)["version"])
    # ...having fetched the kept post again from the new build: offline, the post
    # comes with the new CSS, not its old HTML with the new CSS or the reverse.
    context.set_offline(True)
    page.goto(post)
    assert page.locator("h1").inner_text() == TITLE
    offline_css = page.evaluate(STYLESHEETS)
    assert offline_css != [] and offline_css != old_css
    for href in offline_css:
        assert (changed / href.removeprefix(server.url + "/")).is_file(), href
    assert page.evaluate(BUILD_MARK).strip() == '"b"'


def test_nginx_serves_the_worker_uncached_and_it_controls_the_published_site(
    nginx,
    page,
):
    """The production build (absolute addresses, compressed copies) on a real nginx
    with the generated rules."""
    headers, _body = fetch(nginx["url"] + "/sw.js", "br")
    assert headers["Cache-Control"] == "no-cache"
    assert headers["Content-Encoding"] == "br"  # written before the copies were made
    assert "worker-src 'self'" in headers["Content-Security-Policy"]
    open_and_keep(page, nginx["url"] + POST)


def test_without_javascript_nothing_is_registered_and_the_post_reads_as_before(
    browser, base_url
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + POST)
    assert page.locator("h1").inner_text() == TITLE
    assert page.locator(PDF).get_attribute("href").endswith(".pdf")
    assert context.service_workers == []
    context.close()


def test_chromium_finds_the_site_installable(
    browser_type, browser_type_launch_args, base_url, tmp_path
):
    # A profile on disk: Chromium installs nothing from an incognito context.
    context = browser_type.launch_persistent_context(
        tmp_path, **browser_type_launch_args
    )
    page = context.new_page()
    open_and_keep(page, base_url + POST)
    devtools = context.new_cdp_session(page)
    manifest = devtools.send("Page.getAppManifest")
    assert manifest["errors"] == []
    assert manifest["manifest"]["name"] == "Hippisch virtueel assistent"
    assert manifest["manifest"]["startUrl"] == base_url + "/"
    assert devtools.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
    context.close()
