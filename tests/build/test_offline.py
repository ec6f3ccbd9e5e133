"""The built files for offline reading and installing: the service worker, the web
app manifest and its icons, the headers hosts send them with, the privacy page."""

import json
import re

from PIL import Image

from tests.support.html import soup
from tests.support.server import site_policy
from tests.support.worker import worker_build


def test_the_worker_keeps_the_theme_files_the_pages_use_and_the_offline_page(site):
    build = worker_build(site)
    assert re.fullmatch(r"[0-9a-f]{10}", build["version"])
    assert build["offline"] == "offline/" and "offline/" in build["precache"]
    # The ways to reach her, from the first visit on.
    assert {"contact/", "diensten/", "over-mij/"} <= set(build["precache"])
    for path in build["precache"]:
        assert (site / path).is_file() or (site / path / "index.html").is_file(), path
    page = soup(site / "blog/dilemmas/index.html")
    used = [page.select_one("link[rel=stylesheet]")["href"]]
    used += [script["src"] for script in page.select("script[src]")]
    for href in used:
        assert href.removeprefix("../../") in build["precache"], href


def test_every_page_offers_the_manifest_and_registers_the_worker_deferred(site):
    for path in [site / "index.html", site / "blog/dilemmas/index.html"]:
        head = soup(path).head
        assert head.select_one('link[rel="manifest"][href$="/manifest.webmanifest"]')
        assert head.select_one('meta[name="theme-color"]')["content"] == "#2d5a37"
        script = head.select_one('script[src*="/theme/js/offline."]')
        assert script["type"] == "module"


def test_the_manifest_names_the_app_in_dutch_with_icons_of_the_declared_size(site):
    manifest = json.loads((site / "manifest.webmanifest").read_text())
    assert manifest["name"] == "Hippisch virtueel assistent"
    assert manifest["short_name"] == "Hippisch VA"
    assert manifest["lang"] == "nl" and manifest["start_url"] == "./"
    assert manifest["theme_color"] == "#2d5a37"
    purposes = set()
    for icon in manifest["icons"]:
        with Image.open(site / icon["src"]) as image:
            assert f"{image.width}x{image.height}" == icon["sizes"], icon
        purposes.add(icon["purpose"])
    assert purposes == {"any", "maskable"}
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}


def test_hosts_always_ask_for_the_worker_and_allow_it_in_the_policy(site):
    headers = (site / "_headers").read_text()
    assert "\n/sw.js\n  Cache-Control: no-cache\n" in headers
    policy = site_policy()
    # Written before the hosting plugin lists the files: the worker has its policy.
    assert f"\n/sw.js\n  Content-Security-Policy: {policy}\n" in headers
    assert "worker-src 'self'" in policy and "manifest-src 'self'" in policy
    assert "'unsafe-inline'" not in policy


def test_the_privacy_page_says_what_is_kept_on_the_device_and_how_to_remove_it(site):
    page = soup(site / "privacy/index.html")
    text = page.select_one('[data-privacy="offline"]').get_text(" ", strip=True)
    assert "op jouw apparaat" in text and "websitegegevens" in text and "wissen" in text
