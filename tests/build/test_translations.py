"""A post and its translation (same Slug:, one with Lang: en) each get their own page,
linked both ways with hreflang; a lone English post keeps the plain address."""

import pytest

from authoring.lint import main as check_main
from authoring.messages import run_pelican
from tests.conftest import ROOT
from tests.support.html import soup
from tests.support.vnu import vnu_errors

PUBLIC = "https://www.hippisch-va.example"
DUTCH = """Title: Uitbesteden aan een virtueel assistent
Slug: uitbesteden
Date: 2024-02-01 10:00
Category: Ondernemen

Waarom ik mijn administratie uitbesteed.
"""
ENGLISH = """Title: Outsourcing to a virtual assistant
Slug: uitbesteden
Date: 2024-02-02 10:00
Category: Ondernemen
Lang: en

Why I outsource my paperwork.
"""
LONE = """Title: A guest post in English
Slug: guest-post
Date: 2024-02-03 10:00
Category: Ondernemen
Lang: en

Only in English.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    work = tmp_path_factory.mktemp("translations")
    posts = work / "content" / "posts"
    posts.mkdir(parents=True)
    for name, text in (("nl.md", DUTCH), ("en.md", ENGLISH), ("lone.md", LONE)):
        (posts / name).write_text(text, "utf-8")
    told: list[str] = []
    args = [str(work / "content"), "-o", str(work / "output"), "-e"]
    args += ['CHECKLIST_DEFAULT="none"', 'WORKSHEET_DEFAULT="none"']
    assert run_pelican(ROOT / "pelicanconf.py", args, told.append, False) == 0, told
    return work / "output"


def alternates(page) -> dict[str, str]:
    return {
        link["hreflang"]: link["href"]
        for link in page.select('head link[rel="alternate"][hreflang]')
    }


def test_each_language_has_its_own_page_linked_both_ways(site):
    dutch = soup(site / "blog/uitbesteden/index.html")
    english = soup(site / "en/blog/uitbesteden/index.html")
    assert dutch.h1.get_text() == "Uitbesteden aan een virtueel assistent"
    assert english.h1.get_text() == "Outsourcing to a virtual assistant"
    assert english.article["lang"] == "en"
    both = {
        "nl": f"{PUBLIC}/blog/uitbesteden/",
        "en": f"{PUBLIC}/en/blog/uitbesteden/",
    }
    assert alternates(dutch) == alternates(english) == both
    to_english = dutch.select_one('article a[hreflang="en"]')
    to_dutch = english.select_one('article a[hreflang="nl"]')
    assert to_english["href"] == "../../en/blog/uitbesteden/"
    assert to_dutch["href"] == "../../../blog/uitbesteden/"
    assert to_english["lang"] == "en" and to_dutch["lang"] == "nl"


def test_a_lone_english_post_keeps_the_plain_address(site):
    page = soup(site / "blog/guest-post/index.html")
    assert page.h1.get_text() == "A guest post in English"
    assert alternates(page) == {}
    assert not (site / "en/blog/guest-post").exists()


def test_the_translation_is_in_the_sitemap_but_not_twice_in_the_lists(site):
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert f"{PUBLIC}/en/blog/uitbesteden/" in sitemap
    listed = soup(site / "blog/index.html").select("article h2, article h3")
    titles = [title.get_text(strip=True) for title in listed]
    assert "Outsourcing to a virtual assistant" not in titles


def test_check_accepts_a_translation_but_not_a_second_post_with_its_slug(site, capsys):
    content = site.parent / "content"
    check_main(ROOT / "pelicanconf.py", content)
    assert "de slug" not in capsys.readouterr().out
    twin = content / "posts" / "nl-twee.md"
    twin.write_text(DUTCH.replace("2024-02-01", "2024-02-05"), "utf-8")
    try:
        assert check_main(ROOT / "pelicanconf.py", content) == 1
        assert "fout: de slug 'uitbesteden' heeft" in capsys.readouterr().out
    finally:
        twin.unlink()


def test_both_pages_are_valid_html(site):
    pages = [
        site / "blog/uitbesteden/index.html",
        site / "en/blog/uitbesteden/index.html",
    ]
    assert vnu_errors(pages) == []
