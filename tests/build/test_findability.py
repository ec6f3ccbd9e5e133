"""Under each post: related posts, next/previous, share links; rich results; search."""

import json
import re
import shutil
import subprocess
from datetime import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from findability.search import pagefind_executable

from tests.conftest import FIXTURES, build_site
from tests.publish.hosting import PUBLIC
from tests.support.html import soup, text_of

CORPUS = FIXTURES / "related"
# The corpus has no worksheets or checklists of its own.
NO_EMBEDS = ('CHECKLIST_DEFAULT="none"', 'WORKSHEET_DEFAULT="none"')


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory):
    """The small related-posts corpus, built with room for six related posts, and
    without the worksheet and checklist that the real content defines."""
    work = tmp_path_factory.mktemp("related")
    content = work / "content"
    shutil.copytree(CORPUS, content)
    output = work / "output"
    result = build_site(
        content,
        output,
        "pelicanconf.py",
        "RELATED_POSTS_MAX=6",
        *NO_EMBEDS,
        f'CACHE_PATH="{work / "cache"}"',
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def slugs(page, selector: str) -> list[str]:
    return [a["href"].strip("/").split("/")[-1] for a in page.select(selector)]


def test_related_posts_rank_shared_tags_then_category_then_recency(corpus_site):
    page = soup(corpus_site / "blog/a/index.html")
    # b shares both tags; c one tag and the category; d and e one tag each, d newer;
    # f and g only the category, f newer. h shares nothing; n3 is listed as recent.
    assert slugs(page, ".related-posts li a") == ["b", "c", "d", "e", "f", "g"]
    assert slugs(page, ".recent-posts li a") == ["n1", "n2", "n3"]
    assert text_of(page.select_one(".related-posts h2")) == "Lees ook"


def test_three_related_posts_by_default(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CORPUS, content)
    result = build_site(content, tmp_path / "output", "pelicanconf.py", *NO_EMBEDS)
    assert result.returncode == 0, result.stdout + result.stderr
    page = soup(tmp_path / "output/blog/a/index.html")
    assert slugs(page, ".related-posts li a") == ["b", "c", "d"]


def test_a_post_without_related_posts_has_no_empty_box(corpus_site):
    page = soup(corpus_site / "blog/n1/index.html")
    # n1 has no tags; its category Nieuws holds only n2, which is a recent post.
    assert page.select_one(".related-posts") is None


def test_next_and_previous_follow_the_dates(corpus_site):
    page = soup(corpus_site / "blog/d/index.html")
    nav = page.select_one("nav.post-nav")
    assert nav.select_one("a[rel=prev]")["href"] == "../../blog/c/"
    assert nav.select_one("a[rel=next]")["href"] == "../../blog/a/"
    assert "Vorige blogpost" in text_of(nav.select_one("a[rel=prev]"))
    newest = soup(corpus_site / "blog/n1/index.html").select_one("nav.post-nav")
    assert newest.select_one("a[rel=next]") is None
    assert newest.select_one("a[rel=prev]")["href"] == "../../blog/n2/"
    oldest = soup(corpus_site / "blog/g/index.html").select_one("nav.post-nav")
    assert oldest.select_one("a[rel=prev]") is None


def share_hrefs(page) -> dict[str, str]:
    links = page.select(".share li a")
    return {text_of(a): a["href"] for a in links}


def test_share_links_carry_the_encoded_public_url_and_title(site):
    title = """<script>alert("titel")</script> Paard & "wagen" 'n test"""
    url = PUBLIC + "/blog/vijandige-invoer/"
    hrefs = share_hrefs(soup(site / "blog/vijandige-invoer/index.html"))
    assert list(hrefs) == ["WhatsApp", "LinkedIn", "Facebook", "E-mail"]
    whatsapp = urlsplit(hrefs["WhatsApp"])
    assert (whatsapp.scheme, whatsapp.netloc) == ("https", "wa.me")
    assert parse_qs(whatsapp.query) == {"text": [f"{title} {url}"]}
    linkedin = urlsplit(hrefs["LinkedIn"])
    assert linkedin.netloc == "www.linkedin.com"
    assert parse_qs(linkedin.query) == {"url": [url]}
    facebook = urlsplit(hrefs["Facebook"])
    assert facebook.netloc == "www.facebook.com"
    assert parse_qs(facebook.query) == {"u": [url]}
    mail = urlsplit(hrefs["E-mail"])
    assert mail.scheme == "mailto" and mail.path == ""
    assert parse_qs(mail.query) == {"subject": [title], "body": [url]}
    # Encoded, not merely escaped: no raw space, quote, ampersand or angle bracket.
    for href in hrefs.values():
        query = urlsplit(href).query
        for raw in ' "<>':
            assert raw not in query
        assert query.count("&") <= 1


def test_share_box_loads_nothing_from_other_sites(site):
    page = soup(site / "blog/dilemmas/index.html")
    share = page.select_one(".share")
    assert share.select("img, script, iframe, link") == []
    button = share.select_one("button[data-copy-url]")
    assert button["data-copy-url"] == PUBLIC + "/blog/dilemmas/"
    assert button.has_attr("hidden")  # shown by the script, where a clipboard exists
    for script in page.select("script[src]"):
        assert "://" not in script["src"]


def json_ld(page) -> dict[str, dict]:
    scripts = page.find_all("script", type="application/ld+json")
    found = [json.loads(script.string) for script in scripts]
    by_type = {data["@type"]: data for data in found}
    assert len(by_type) == len(found), "one block per type"
    return by_type


def is_url(value) -> bool:
    return isinstance(value, str) and value.startswith(PUBLIC + "/")


def check_required(data: dict, required: dict[str, object]) -> list[str]:
    """The properties missing or wrong; `required` maps each to a check."""
    problems = []
    for name, check in required.items():
        if name not in data or data[name] in ("", None, []):
            problems.append(f"{data.get('@type')}.{name} missing")
        elif not check(data[name]):
            problems.append(f"{data.get('@type')}.{name} = {data[name]!r}")
    return problems


def iso(value) -> bool:
    return datetime.fromisoformat(value).tzinfo is not None


def person(value) -> bool:
    return value["@type"] == "Person" and value["name"] and is_url(value["url"])


def organization(value) -> bool:
    return value["@type"] == "Organization" and value["name"] and is_url(value["url"])


# schema.org's and Google's rich-result requirements, per type.
BLOG_POSTING = {
    "headline": lambda v: isinstance(v, str) and len(v) <= 110,
    "author": person,
    "datePublished": iso,
    "dateModified": iso,
    "image": lambda v: all(is_url(u) for u in v),
    "publisher": organization,
    "mainEntityOfPage": is_url,
}
BREADCRUMBS = {"itemListElement": lambda v: len(v) >= 2}
LIST_ITEM = {"position": lambda v: isinstance(v, int), "name": bool, "item": is_url}
ORGANIZATION = {"name": bool, "url": is_url}


def test_article_json_ld_has_every_required_property(site):
    page = soup(site / "blog/dilemmas/index.html")
    blocks = json_ld(page)
    assert set(blocks) == {"BlogPosting", "BreadcrumbList", "Organization"}
    for data in blocks.values():
        assert data["@context"] == "https://schema.org"
    post = blocks["BlogPosting"]
    assert check_required(post, BLOG_POSTING) == []
    assert post["image"] == [page.find("meta", property="og:image")["content"]]
    assert post["publisher"]["@id"] == blocks["Organization"]["@id"]
    crumbs = blocks["BreadcrumbList"]
    assert check_required(crumbs, BREADCRUMBS) == []
    items = crumbs["itemListElement"]
    assert [check_required(item, LIST_ITEM) for item in items] == [[]] * len(items)
    assert [item["position"] for item in items] == [1, 2, 3, 4]
    assert [item["name"] for item in items] == [
        "Home",
        "Blog",
        "Ondernemen",
        "Dilemma's",
    ]
    assert items[-1]["item"] == PUBLIC + "/blog/dilemmas/"
    assert items[2]["item"] == PUBLIC + "/blog/categorie/ondernemen/"


def test_organization_has_only_the_details_that_are_filled_in(site):
    data = json_ld(soup(site / "index.html"))["Organization"]
    assert check_required(data, ORGANIZATION) == []
    assert data["name"] == "Hippisch virtueel assistent"  # BUSINESS name is None
    assert data["email"] == "info@hippisch-va.example"
    # phone, KvK and region are None in pelicanconf.py: left out, not made up.
    assert not {"telephone", "identifier", "areaServed", "address"} & set(data)
    assert None not in data.values()


def test_posts_without_an_image_get_their_title_on_the_brand_background(site):
    from PIL import Image

    def og_image(file):
        return soup(file).find("meta", property="og:image")["content"]

    page = soup(site / "blog/dilemmas/index.html")
    url = og_image(site / "blog/dilemmas/index.html")
    assert re.fullmatch(
        re.escape(PUBLIC) + r"/theme/img/og/dilemmas\.[0-9a-f]{10}\.png", url
    )
    assert page.find("meta", property="og:image:width")["content"] == "1200"
    assert page.find("meta", property="og:image:height")["content"] == "630"
    assert page.find("meta", property="og:image:alt")["content"] == "Dilemma's"
    with Image.open(site / url.removeprefix(PUBLIC + "/")) as image:
        assert (image.format, image.size) == ("PNG", (1200, 630))
        # The brand's green, with the title drawn in the paper colour on it.
        colours = {rgb for _n, rgb in image.convert("RGB").getcolors(1 << 16)}
        assert (0x2D, 0x5A, 0x37) in colours and (0xFB, 0xFA, 0xF6) in colours
    other = og_image(site / "blog/testpost-1/index.html")
    assert other != url and "/og/testpost-1." in other
    # The pages that are no post keep the site's default image.
    default = og_image(site / "index.html")
    assert default.startswith(PUBLIC + "/theme/img/og-default.")
    for file in site.rglob("*.html"):
        if not soup(file).find("meta", property="og:type", content="article"):
            assert og_image(file) == default, file


def test_a_post_with_its_own_image_uses_it(corpus_site):
    """As its published JPEG: the original is not published (plugins/pictures)."""
    page = soup(corpus_site / "blog/b/index.html")
    url = page.find("meta", property="og:image")["content"]
    assert re.fullmatch(re.escape(PUBLIC) + r"/images/paard-40\.[0-9a-f]{10}\.jpg", url)
    assert page.find("meta", property="og:image:width")["content"] == "40"
    assert page.find("meta", property="og:image:height")["content"] == "30"
    assert page.find("meta", property="og:image:alt")["content"] == "Een bruin vlak"
    assert json_ld(page)["BlogPosting"]["image"] == [url]
    assert (corpus_site / url.removeprefix(PUBLIC + "/")).is_file()
    assert not (corpus_site / "images/paard.png").exists()


def test_a_missing_post_image_fails_the_build_naming_file_and_field(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CORPUS, content)
    post = content / "posts" / "c.md"
    post.write_text(
        post.read_text().replace("Category:", "Image: images/weg.jpg\nCategory:")
    )
    result = build_site(content, tmp_path / "output", "pelicanconf.py", *NO_EMBEDS)
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert "c.md" in log and "Image" in log and "images/weg.jpg" in log


def test_post_bodies_and_listed_pages_are_marked_for_the_search_index(site):
    marked = {
        file.relative_to(site).as_posix()
        for file in site.rglob("*.html")
        if "data-pagefind-body" in file.read_text(encoding="utf-8")
    }
    assert marked == {
        "blog/dilemmas/index.html",
        "blog/gastpost-engels/index.html",
        "blog/lange-inhoud/index.html",
        "blog/testpost-1/index.html",
        "blog/testpost-2/index.html",
        "blog/vijandige-invoer/index.html",
        "diensten/index.html",
        "over-mij/index.html",
        "contact/index.html",
    }
    body = soup(site / "blog/dilemmas/index.html").select("[data-pagefind-body]")
    assert [node["class"][0] for node in body] == ["post-body"]


def test_the_search_index_is_dutch(site):
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["nl"]
    assert entry["languages"]["nl"]["page_count"] == 9
    assert (site / "pagefind/wasm.nl.pagefind").is_file()


def test_the_index_is_the_one_pagefind_makes_from_the_whole_pages(site, tmp_path):
    """The build hands Pagefind only what it indexes; the index must not change."""
    whole = tmp_path / "whole"
    command = [pagefind_executable(), "--site", site, "--output-path", whole]
    subprocess.run([*command, "--force-language", "nl", "--silent"], check=True)
    built = site / "pagefind"

    def listing(folder):
        return sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file())

    files = listing(whole)
    assert files == listing(built)
    assert any(file.suffix == ".pf_fragment" for file in files)
    for file in files:
        assert (built / file).read_bytes() == (whole / file).read_bytes(), file


def test_the_search_page_has_a_form_that_works_without_javascript(site):
    page = soup(site / "zoeken/index.html")
    form = page.select_one("form[role=search]")
    assert form["method"] == "get" and form["action"] == "../zoeken/"
    field = form.select_one("input[name=q]")
    assert form.select_one(f"label[for={field['id']}]")
    assert page.select_one("#zoeken-zonder-js a[href='../blog/archief/']")
    menu = [text_of(a) for a in page.select("nav .menu a")]
    assert menu[-2:] == ["Zoeken", "Contact"]  # the call to action last
    assert page.select_one("nav .menu a[aria-current=page]").get_text() == "Zoeken"


def test_only_the_search_page_loads_the_search_script(site):
    for file in site.rglob("*.html"):
        text = file.read_text(encoding="utf-8")
        uses = "js/search." in text or "pagefind" in text.replace("data-pagefind", "")
        assert uses == (file == site / "zoeken/index.html"), file


def test_same_sources_give_byte_identical_output_search_index_included(
    corpus_site, tmp_path
):
    content = tmp_path / "content"
    shutil.copytree(CORPUS, content)
    again = tmp_path / "output"
    # A cache of its own, as corpus_site has: nothing comes from the first build.
    cache = f'CACHE_PATH="{tmp_path / "cache"}"'
    result = build_site(
        content, again, "pelicanconf.py", "RELATED_POSTS_MAX=6", *NO_EMBEDS, cache
    )
    assert result.returncode == 0, result.stdout + result.stderr

    def files(root):
        return {
            p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()
        }

    first, second = files(corpus_site), files(again)
    assert any(path.parts[0] == "pagefind" for path in first)
    assert sorted(first) == sorted(second)
    assert [path for path in first if first[path] != second[path]] == []
