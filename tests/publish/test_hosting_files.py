"""The files written for the host: `_headers`, `_redirects`, nginx, .gz/.br copies."""

import gzip
import hashlib
import re

import brotli
import pytest
from hosting.compress import precompress
from hosting.headers import headers_file
from hosting.policy import hashed_assets, security_headers
from hosting.redirects import check_targets, collect_redirects
from sitekit.errors import DefinitionError
from sitekit.security import content_security_policy

from tests.conftest import build_site, copy_content
from tests.publish.hosting import (
    HOST,
    PUBLIC,
    headers_for,
    matches,
    parse_headers_file,
    production_settings,
)
from tests.support.html import soup

SECURITY = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Strict-Transport-Security": "max-age=31536000",
}


@pytest.fixture(scope="module")
def rules(production_site):
    return parse_headers_file((production_site / "_headers").read_text())


def test_every_path_gets_the_sites_policy_and_the_security_headers(rules):
    policy = content_security_policy(production_settings())
    assert "'wasm-unsafe-eval'" not in policy
    for path in ["/", "/blog/dilemmas/", "/404.html", "/feeds/alle.atom.xml"]:
        headers = headers_for(rules, path)
        assert headers["Content-Security-Policy"] == policy
        assert "frame-ancestors 'none'" in policy.split("; ")
        assert headers.items() >= SECURITY.items()
        assert "camera=()" in headers["Permissions-Policy"]


def test_only_search_may_compile_webassembly(rules):
    """The search page and Pagefind's worker get the relaxed policy, alone."""
    settings = production_settings()
    relaxed = content_security_policy(settings, "/zoeken/")
    assert relaxed.replace(" 'wasm-unsafe-eval'", "") == (
        content_security_policy(settings)
    )
    for path in ["/zoeken/", "/zoeken/index.html", "/pagefind/pagefind-worker.js"]:
        headers = headers_for(rules, path)
        assert headers["Content-Security-Policy"] == relaxed, path
        assert headers.items() >= SECURITY.items()


def test_every_file_of_the_site_matches_exactly_one_policy(rules, production_site):
    # Both hosts join the values of every matching rule: two CSP rules on one path
    # would be two policies, and the strict one would block search's WebAssembly.
    csp_rules = [pattern for pattern, h in rules if "Content-Security-Policy" in h]
    assert "/*" not in csp_rules
    paths = ["/", "/zoeken/", "/blog/"] + [
        "/" + file.relative_to(production_site).as_posix()
        for file in production_site.rglob("*")
        if file.is_file()
        and file.name not in ("_headers", "_redirects")
        # The .gz/.br copies next to a root file are for nginx, which picks them
        # itself; on Netlify and Cloudflare nothing links to them.
        and not (file.parent == production_site and file.suffix in (".gz", ".br"))
    ]
    for path in paths:
        matching = [pattern for pattern in csp_rules if matches(pattern, path)]
        assert len(matching) == 1, (path, matching)


def test_pages_are_revalidated_and_hashed_css_is_cached_for_a_year(
    rules, production_site
):
    page = soup(production_site / "blog/dilemmas/index.html")
    stylesheet = page.select_one('link[rel="stylesheet"]')["href"]
    path = stylesheet.removeprefix(PUBLIC)
    assert re.fullmatch(r"/theme/css/site\.[0-9a-f]{10}\.css", path)
    assert headers_for(rules, path)["Cache-Control"] == (
        "public, max-age=31536000, immutable"
    )
    # HTML keeps the hosts' default (max-age=0, must-revalidate): no rule caches it.
    for html in ["/", "/blog/dilemmas/", "/theme/css/site.css"]:
        assert "Cache-Control" not in headers_for(rules, html)


def test_every_hashed_file_of_a_fresh_build_is_cached_for_a_year(
    rules, production_site
):
    # Files other plugins write (the default Open Graph image) included: hosting
    # runs last, so on a build into an empty folder they exist when it lists them.
    found = [
        path.relative_to(production_site).as_posix()
        for path in (production_site / "theme").rglob("*.*.*")
    ]
    assert any(re.search(r"/og-default\.[0-9a-f]{10}\.png$", p) for p in found)
    for path in found:
        if re.search(r"\.[0-9a-f]{10}\.[a-z0-9]+$", path):
            assert headers_for(rules, "/" + path).get("Cache-Control") == (
                "public, max-age=31536000, immutable"
            ), path


def test_form_endpoints_reach_the_policy_in_both_host_files():
    settings = {"FORMS": {"contact": {"endpoint": "https://formspree.io/f/xyzzy"}}}
    security = security_headers(settings)
    rules = parse_headers_file(headers_file(security, []))
    policy = headers_for(rules, "/contact/")["Content-Security-Policy"]
    assert rules[1] == ("/*", {"Content-Security-Policy": policy})
    assert "form-action 'self' https://formspree.io" in policy
    assert policy == content_security_policy(settings)


def test_redirects_file_sends_old_wix_addresses_to_their_posts(production_site):
    lines = [
        line.split()
        for line in (production_site / "_redirects").read_text().splitlines()
        if line and not line.startswith("#")
    ]
    # From the fixture post's `Wix_url:` header (a full Wix address, as copied).
    assert ["/post/testpost-een-planning", "/blog/testpost-1/", "301"] in lines
    assert (production_site / "blog/testpost-1/index.html").is_file()
    # Missing pages: Netlify and Cloudflare serve the root 404.html themselves; a
    # catch-all rule would, on Cloudflare, hide every page that does exist.
    assert [line for line in lines if "*" in line[0]] == []
    assert (production_site / "404.html").is_file()


def test_redirects_from_the_setting_must_land_on_a_page(production_site):
    settings = {"WIX_REDIRECTS": {"/post/dilemma-s": "blog/dilemmas/"}}
    redirects = collect_redirects(settings, [])
    check_targets(redirects, production_site)
    assert [(r.source, r.target) for r in redirects] == [
        ("/post/dilemma-s", "/blog/dilemmas/")
    ]
    wrong = collect_redirects({"WIX_REDIRECTS": {"/post/x": "blog/bestaat-niet/"}}, [])
    with pytest.raises(DefinitionError) as error:
        check_targets(wrong, production_site)
    assert str(error.value) == (
        "pelicanconf.py: WIX_REDIRECTS['/post/x']: "
        "redirect-not-a-page (value='blog/bestaat-niet/')"
    )


def test_a_bad_wix_url_stops_the_build_naming_file_line_and_field(tmp_path):
    content = copy_content(tmp_path)
    post = content / "posts" / "verhuisd.md"
    post.write_text(
        "Title: Verhuisd\nDate: 2024-02-01 10:00\nWix_url: de oude blog\n\nTekst.\n",
        encoding="utf-8",
    )
    output = tmp_path / "output"
    result = build_site(content, output, "publishconf.py")
    assert result.returncode != 0
    message = " ".join((result.stdout + result.stderr).split())
    assert "posts/verhuisd.md:3: Wix_url: old-address (value='de oude blog')" in (
        message
    )
    assert not (output / "_redirects").exists()
    assert not output.exists() or not list(output.rglob("*.html"))


def test_one_old_address_claimed_by_two_settings_is_refused():
    with pytest.raises(DefinitionError) as error:
        collect_redirects(
            {"WIX_REDIRECTS": {"/post/a": "blog/a/", "/post/a/": "blog/b/"}}, []
        )
    assert error.value.code == "redirect-twice"
    assert error.value.params["target"] == "/blog/a/"


def test_text_files_have_compressed_copies_that_decode_to_the_same_bytes(
    production_site,
):
    texts = [
        production_site / "index.html",
        production_site / "blog/dilemmas/index.html",
        production_site / hashed_assets(production_site)[0],
        production_site / "feeds/alle.atom.xml",
        production_site / "sitemap.xml",
        # Pagefind writes its bundle before hosting compresses (PLUGINS order).
        production_site / "pagefind/pagefind.js",
        production_site / "pagefind/pagefind-worker.js",
    ]
    for path in texts:
        original = path.read_bytes()
        packed = path.with_name(path.name + ".gz").read_bytes()
        assert gzip.decompress(packed) == original
        assert packed[4:8] == b"\0\0\0\0"  # no time stamp: same input, same bytes
        br = path.with_name(path.name + ".br").read_bytes()
        assert brotli.decompress(br) == original
    assert not list(production_site.rglob("*.gz.gz"))


def test_compression_is_deterministic_and_skips_tiny_files(tmp_path):
    (tmp_path / "a.html").write_text("<p>Paard</p>" * 100)
    (tmp_path / "tiny.css").write_text("a{}")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8" * 500)
    assert precompress(tmp_path) == 1
    copies = [tmp_path / "a.html.gz", tmp_path / "a.html.br"]
    first = [path.read_bytes() for path in copies]
    precompress(tmp_path)
    assert [path.read_bytes() for path in copies] == first
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "a.html",
        "a.html.br",
        "a.html.gz",
        "photo.jpg",
        "tiny.css",
    ]


def test_nginx_example_is_written_into_the_project_not_the_output(production_site):
    # The project is the folder holding content/ (tests/publish/test_nginx.py builds
    # with the output elsewhere and serves the example from here).
    folder = production_site.parent / "deploy" / "nginx"
    server = (folder / f"sites-available/{HOST}.conf").read_text()
    snippet = (folder / f"snippets/{HOST}.conf").read_text()
    assert f"include snippets/{HOST}.conf;" in server
    assert f"server_name {HOST};" in server
    assert 'location = "/post/testpost-een-planning"' in snippet
    assert not list(production_site.rglob("*.conf"))


def test_compression_reuses_the_copies_of_unchanged_content(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    (site / "a.html").write_text("<p>Paard</p>" * 100)
    (site / "b.css").write_text("a{color:red}" * 100)
    assert precompress(site, cache) == 2
    assert len(list(cache.iterdir())) == 4
    first = (site / "a.html.br").read_bytes()
    assert brotli.decompress(first) == (site / "a.html").read_bytes()
    # Content already in the cache is not compressed again: its copies come from it.
    kept = cache / (hashlib.sha256((site / "a.html").read_bytes()).hexdigest() + ".br")
    kept.write_bytes(b"from the cache")
    (site / "b.css").write_text("a{color:blue}" * 100)
    precompress(site, cache)
    assert (site / "a.html.br").read_bytes() == b"from the cache"
    assert brotli.decompress((site / "b.css.br").read_bytes()) == b"a{color:blue}" * 100
    # What this build did not use (the old b.css) is gone from the cache.
    assert len(list(cache.iterdir())) == 4
