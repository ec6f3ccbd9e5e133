"""The built site: the first post word for word, URLs, Dutch dates, feeds, escaping."""

import json
import re
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import FIXTURES, ROOT, build_site, copy_content
from tests.publish.hosting import PUBLIC
from tests.support.html import soup, text_of

ATOM = "{http://www.w3.org/2005/Atom}"
WIX_CHROME = {
    "top of page",
    "bottom of page",
    "Recente blogposts",
    "Alles weergeven",
    "Dilemma's",
}


def seed_sentences() -> list[str]:
    """Every sentence of the author's Wix page, without the page chrome."""
    text = (FIXTURES / "wix/dilemmas-wix-page.txt").read_text(encoding="utf-8")
    lines = [line.strip().removeprefix("· ") for line in text.splitlines()]
    lines = [
        line
        for line in lines
        if line and line not in WIX_CHROME and not re.match(r"\d+ weergaven", line)
    ]
    return [s for line in lines for s in re.split(r"(?<=[.?!;])\s+(?=\S)", line)]


def test_first_post_keeps_every_sentence_of_the_author(site):
    body = text_of(soup(site / "blog/dilemmas/index.html").select_one(".post-body"))
    sentences = seed_sentences()
    assert len(sentences) >= 40
    missing = [s for s in sentences if s not in body]
    assert missing == []


def test_first_post_drops_the_wix_chrome_and_has_list_quote_and_signature(site):
    page = soup(site / "blog/dilemmas/index.html")
    body = page.select_one(".post-body")
    assert "weergaven" not in text_of(page)
    assert "Alles weergeven" not in text_of(page)
    assert "top of page" not in text_of(page)
    questions = [text_of(li) for li in body.select("ul > li")]
    assert questions == [
        "Stel jezelf allereerst de vraag; Wat zijn mijn doelstellingen?",
        "Wil je alles zelf doen en lukt je dat ook?",
    ]
    quote = text_of(body.select_one("blockquote"))
    assert quote == "“Great things in business are never done by one person!”"
    assert text_of(body.find_all("p")[-1]) == "Liefs Wilhelmien"


@pytest.mark.parametrize(
    "path",
    [
        "index.html",
        "blog/index.html",
        "blog/pagina/2/index.html",
        "blog/dilemmas/index.html",
        "blog/archief/index.html",
        "blog/categorie/ondernemen/index.html",
        "blog/categorieen/index.html",
        "blog/tag/uitbesteden/index.html",
        "blog/tags/index.html",
        "diensten/index.html",
        "over-mij/index.html",
        "contact/index.html",
        "privacy/index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
    ],
)
def test_urls(site, path):
    assert (site / path).is_file()


def test_article_page_parts(site):
    page = soup(site / "blog/dilemmas/index.html")
    assert page.html["lang"] == "nl"
    assert text_of(page.select_one("h1")) == "Dilemma's"
    assert page.select_one(".post-meta time").get_text() == "15 januari 2024"
    assert page.select_one(".post-meta time")["datetime"].startswith("2024-01-15T09:00")
    # The byline: her initial in a disc (decorative), "Door Wilhelmien" over the date
    # and the reading time, apart by a dot.
    byline = page.select_one(".post-header .byline")
    assert text_of(byline.select_one(".avatar[aria-hidden=true]")) == "W"
    assert text_of(byline.b) == "Door Wilhelmien"
    assert re.fullmatch(
        r"15 januari 2024 · \d+ min lezen", text_of(byline.b.find_next("span"))
    )
    # The header: back to the blog, the summary as a standfirst, the byline.
    back = page.select_one(".post-header .kicker a")
    assert text_of(back) == "← Blog" and back["href"].endswith("/blog/")
    lead = page.select_one(".post-header .lead")
    assert text_of(lead).startswith("Twijfel je of je taken")
    # The category once, in the kicker; the tags at the end.
    kicker = page.select(".post-header .kicker a")
    assert text_of(kicker[1]) == "Ondernemen" and "categorie" in kicker[1]["href"]
    terms = text_of(page.select_one(".post-terms"))
    assert terms.startswith("Tags:") and "uitbesteden" in terms
    assert "Ondernemen" not in terms
    assert "Geschreven door Wilhelmien" in text_of(page.select_one(".author-box"))
    recent = page.select(".recent-posts li a")
    assert len(recent) == 3
    assert "dilemmas" not in " ".join(a["href"] for a in recent)
    assert page.select_one(".recent-posts p a")["href"] == "../../blog/"


def test_dutch_month_names_in_archives(site):
    archive = text_of(soup(site / "blog/archief/index.html").select_one("main"))
    for date in (
        "15 januari 2024",
        "10 maart 2023",
        "10 april 2023",
        "1 februari 2023",
    ):
        assert date in archive
    assert not re.search(r"January|March|April|February", archive)


def test_every_page_has_title_description_canonical_and_open_graph(site):
    for file in site.rglob("*.html"):
        page = soup(file)
        where = file.relative_to(site)
        assert page.title.get_text().strip(), where
        assert page.find("meta", attrs={"name": "description"})["content"], where
        canonical = page.find("link", rel="canonical")["href"]
        assert canonical.startswith(PUBLIC + "/"), where
        for prop in ("og:title", "og:description", "og:url", "og:type"):
            assert page.find("meta", property=prop)["content"], (where, prop)


def test_article_json_ld_is_a_blog_posting(site):
    page = soup(site / "blog/dilemmas/index.html")
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == "Dilemma's"
    assert data["datePublished"].startswith("2024-01-15")
    assert data["url"] == PUBLIC + "/blog/dilemmas/"


def test_feed_entries(production_site):
    feed = ET.parse(production_site / "feeds/alle.atom.xml").getroot()
    entries = {
        e.find(ATOM + "title").text: e.find(ATOM + "link").get("href")
        for e in feed.iter(ATOM + "entry")
    }
    assert entries["Dilemma's"] == PUBLIC + "/blog/dilemmas/"
    links = [e.find(ATOM + "link").get("href") for e in feed.iter(ATOM + "entry")]
    assert sorted(links) == sorted(published_post_urls())


def published_post_urls() -> set[str]:
    """Each published post's address, from the Slug and Status of its source (the
    posts that copy_content builds: content/posts and the fixture posts)."""
    sources = [
        *(ROOT / "content/posts").glob("*.md"),
        *(FIXTURES / "posts").glob("*.md"),
    ]
    urls = set()
    for source in sources:
        header = source.read_text(encoding="utf-8").split("\n\n", 1)[0]
        fields = dict(line.split(": ", 1) for line in header.splitlines())
        if fields.get("Status", "published") == "published":
            urls.add(f"{PUBLIC}/blog/{fields['Slug']}/")
    return urls


def test_sitemap_and_robots(site):
    sitemap = ET.parse(site / "sitemap.xml").getroot()
    locs = [loc.text for loc in sitemap.findall(".//{*}loc")]
    assert PUBLIC + "/blog/dilemmas/" in locs
    assert PUBLIC + "/privacy/" in locs
    assert not any("404" in loc for loc in locs)
    robots = (site / "robots.txt").read_text()
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in robots


HOSTILE_TITLE = """<script>alert("titel")</script> Paard & "wagen" 'n test"""


def test_hostile_title_and_tags_are_escaped_in_html(site):
    raw = (site / "blog/vijandige-invoer/index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in raw
    assert "<script>tag" not in raw
    assert "<b>vet</b>" not in raw
    page = soup(site / "blog/vijandige-invoer/index.html")
    assert text_of(page.select_one("h1")) == HOSTILE_TITLE
    tags = [text_of(a) for a in page.select(".post-terms a[rel=tag]")]
    assert tags == ["<script>tag</script>", "paard & wagen", '"aanhalingstekens"']
    for listing in ("blog/index.html", "blog/archief/index.html", "index.html"):
        assert "<script>alert" not in (site / listing).read_text(encoding="utf-8")


def test_hostile_title_survives_json_ld(site):
    page = soup(site / "blog/vijandige-invoer/index.html")
    script = page.find("script", type="application/ld+json").string
    assert "</script" not in script
    data = json.loads(script)
    assert data["headline"] == HOSTILE_TITLE
    assert "<script>tag</script>" in data["keywords"]


def test_hostile_title_is_escaped_in_the_feed(production_site):
    raw = (production_site / "feeds/alle.atom.xml").read_text(encoding="utf-8")
    assert "<script>" not in raw
    feed = ET.fromstring(raw)  # still well-formed XML
    titles = [e.find(ATOM + "title").text for e in feed.iter(ATOM + "entry")]
    assert HOSTILE_TITLE in titles  # escaped, not stripped: the author's text is whole


def test_production_build_is_absolute_and_clean(production_site):
    assert not (production_site / "stale.html").exists()
    page = soup(production_site / "blog/dilemmas/index.html")
    assert page.find("link", rel="stylesheet")["href"].startswith(PUBLIC + "/theme/")
    feed_link = page.find("link", type="application/atom+xml")["href"]
    assert feed_link == PUBLIC + "/feeds/alle.atom.xml"


def test_preview_build_is_relative_without_feeds(site):
    page = soup(site / "blog/dilemmas/index.html")
    assert page.find("link", rel="stylesheet")["href"].startswith("../../theme/")
    assert not (site / "feeds").exists()


def test_a_broken_post_fails_the_build(tmp_path):
    content = copy_content(tmp_path)
    (content / "posts" / "kapot.md").write_text(
        "Title: Kapot\nDate: geen datum\n\nTekst.\n", encoding="utf-8"
    )
    result = build_site(content, tmp_path / "output")
    assert result.returncode != 0
    assert "kapot.md" in result.stdout + result.stderr


def test_drafts_are_previewed_but_never_published(site, production_site):
    assert (site / "concepten/geheim-concept/index.html").is_file()
    published = [
        path
        for path in production_site.rglob("*")
        if path.is_file() and not path.name.endswith((".gz", ".br"))
    ]
    assert not (production_site / "concepten").exists()
    leaks = [p for p in published if b"geheimzinnig" in p.read_bytes()]
    assert leaks == []
    assert published, "the production build is empty"
