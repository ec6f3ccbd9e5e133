"""`invoke import-wix`: old Wix posts become Markdown, the author's words intact."""

import io
import ipaddress
import re
import shutil
import socket
import time
from html import escape as html_escape
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import example, given, settings
from hypothesis import strategies as st
from PIL import Image
from sitekit.header import read_source

from authoring.lint import check_content
from authoring.source import site_settings
from authoring.wix_fetch import MAX_BYTES, FetchError, fetch_image
from authoring.wix_import import (
    WixImportError,
    import_wix,
    read_posts,
    report,
)
from tests.conftest import FIXTURES, ROOT, build_site, copy_project
from tests.support.html import soup, text_of
from tests.support.images import image_bytes
from tests.support.server import LocalServer, SiteServer
from tests.support.tasks import invoke

WIX = FIXTURES / "wix"
SEED = WIX / "dilemmas-wix-page.txt"
FEED = WIX / "blog-feed.xml"
PAGE = WIX / "dilemmas-wix-post.html"
HAND_MADE = read_source(ROOT / "content/posts/dilemmas.md")


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    """No test here reaches the internet, on any machine: host names other than
    localhost do not resolve, as without a network; numeric addresses still do."""
    lookup = socket.getaddrinfo

    def local_only(host, *args, **kwargs):
        try:
            ipaddress.ip_address(host)
        except ValueError:
            if host != "localhost":
                raise socket.gaierror(
                    socket.EAI_NONAME, "no network in tests"
                ) from None
        return lookup(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", local_only)


def fields(path: Path) -> dict[str, str]:
    return {f.name: f.value for f in read_source(path).fields}


@pytest.mark.parametrize("source", [SEED, FEED, PAGE], ids=["text", "feed", "page"])
def test_every_kind_of_source_gives_the_body_of_the_hand_converted_post(source):
    [post] = [p for p in read_posts(source) if p.title == "Dilemma's"]
    assert post.markdown() == HAND_MADE.body


def test_importing_the_seed_writes_the_post_with_the_given_date_and_old_address(
    workspace,
):
    posts = workspace.parent / "content/posts"
    (posts / "dilemmas.md").unlink()
    outcome = import_wix(
        SEED,
        workspace,
        when="2024-01-15 09:00",
        wix_url="https://x.example/post/dilemma-s",
    )
    assert outcome.written == [posts / "dilemmas.md"]
    source = read_source(posts / "dilemmas.md")
    assert source.body == HAND_MADE.body
    meta = fields(posts / "dilemmas.md")
    assert {k: meta[k] for k in ("Title", "Slug", "Date", "Category", "Wix_url")} == {
        "Title": "Dilemma's",
        "Slug": "dilemmas",
        "Date": "2024-01-15 09:00",
        "Category": "Ondernemen",
        "Wix_url": "/post/dilemma-s",
    }


def test_a_text_copy_without_date_or_address_says_what_to_fill_in(workspace):
    (workspace.parent / "content/posts/dilemmas.md").unlink()
    outcome = import_wix(SEED, workspace)
    # Date: holds the day of the import, on line 3; Wix_url: is not there at all.
    assert [str(note) for note in outcome.notes] == [
        "content/posts/dilemmas.md:3: waarschuwing: de datum stond niet in de bron "
        "(vul bij Date de echte datum in)",
        "content/posts/dilemmas.md:1: waarschuwing: het oude Wix-adres is onbekend "
        "(zet het bij Wix_url, bijvoorbeeld Wix_url: /post/mijn-post)",
    ]


def test_the_feed_carries_title_date_categories_and_the_wix_address(workspace, capsys):
    posts = workspace.parent / "content/posts"
    outcome = import_wix(FEED, workspace)
    # The hand-made Dilemma's is there already and was never imported: left alone.
    assert outcome.refused == [posts / "dilemmas.md"]
    assert (posts / "dilemmas.md").read_text() == (
        ROOT / "content/posts/dilemmas.md"
    ).read_text()
    assert outcome.written == [posts / "agendabeheer-zo-houd-je-overzicht.md"]
    meta = fields(outcome.written[0])
    assert {k: v for k, v in meta.items() if k != "Import_hash"} == {
        "Title": "Agendabeheer: zo houd je overzicht",
        "Slug": "agendabeheer-zo-houd-je-overzicht",
        "Date": "2024-02-20 10:30",  # 09:30 GMT is 10:30 in Amsterdam in winter
        "Category": "Planning",
        "Tags": "Agenda",
        "Summary": "Drie vragen die je agenda rustiger maken.",
        "Wix_url": "/post/agendabeheer-zo-houd-je-overzicht",
    }
    assert report(outcome, workspace.parent) == 1
    out = capsys.readouterr().out
    assert "Geïmporteerd: content/posts/agendabeheer-zo-houd-je-overzicht.md" in out
    assert (
        "content/posts/dilemmas.md:1: fout: niet overschreven, want je hebt deze post "
        "na het importeren aangepast (of zelf geschreven) (gebruik --force om hem "
        "toch te vervangen)"
    ) in out.splitlines()


def test_images_that_cannot_be_reached_are_listed_and_caught_by_the_check(workspace):
    outcome = import_wix(FEED, workspace)
    post = workspace.parent / "content/posts/agendabeheer-zo-houd-je-overzicht.md"
    missing = [url for url, path, _ in outcome.images_missing if path == post]
    # The originals, not the resized copies the feed links to.
    assert missing == [
        "https://static.wixstatic.com/media/3f9a1c_1b2c3d4e5f~mv2.jpg",
        "https://static.wixstatic.com/media/3f9a1c_8d2e4b6f0a~mv2.jpg",
    ]
    assert outcome.images_saved == []
    assert not (
        workspace.parent / "content/images/agendabeheer-zo-houd-je-overzicht"
    ).exists()
    problems = [str(p) for p in check_content(workspace) if p.file.endswith(post.name)]
    assert any("staat op een andere website" in p for p in problems)


def test_images_that_can_be_reached_are_downloaded_next_to_the_post(
    workspace, tmp_path
):
    served = tmp_path / "wix"
    (served / "media").mkdir(parents=True)
    picture = image_bytes()
    # The original: the feed links to a resized copy, the import takes the original.
    (served / "media/abc_123~mv2.jpg").write_bytes(picture)
    with SiteServer(served, policy="default-src 'none'") as server:
        url = f"{server.url}/media/abc_123~mv2.jpg/v1/fill/w_740/abc_123~mv2.jpg"
        feed = tmp_path / "blog-feed.xml"
        feed.write_text(
            FEED.read_text(encoding="utf-8").replace(
                "https://static.wixstatic.com/media/3f9a1c_1b2c3d4e5f~mv2.jpg/v1/fill/"
                "w_740,h_493,al_c,q_80/3f9a1c_1b2c3d4e5f~mv2.jpg",
                url,
            ),
            encoding="utf-8",
        )
        outcome = import_wix(feed, workspace, allow_loopback=True)
    saved = workspace.parent / "content/images/agendabeheer-zo-houd-je-overzicht"
    assert outcome.images_saved == [saved / "abc_123-mv2.jpg"]
    assert (saved / "abc_123-mv2.jpg").read_bytes() == picture
    body = read_source(outcome.written[0]).body
    assert (
        "![Agenda op een staldeur]({static}/images/agendabeheer-zo-houd-je-overzicht/"
        "abc_123-mv2.jpg)" in body
    )


def test_reimporting_keeps_an_edited_post_unless_forced(workspace):
    post = workspace.parent / "content/posts/agendabeheer-zo-houd-je-overzicht.md"
    import_wix(FEED, workspace)
    first = post.read_text(encoding="utf-8")
    # Not edited: importing again simply writes it again.
    assert import_wix(FEED, workspace).written == [post]
    assert post.read_text(encoding="utf-8") == first
    edited = first.replace("Liefs Wilhelmien", "Liefs, Wilhelmien")
    post.write_text(edited, encoding="utf-8")
    outcome = import_wix(FEED, workspace)
    assert outcome.refused == [post, workspace.parent / "content/posts/dilemmas.md"]
    assert post.read_text(encoding="utf-8") == edited
    assert post in import_wix(FEED, workspace, force=True).written
    assert post.read_text(encoding="utf-8") == first


def test_a_broken_feed_is_refused_and_nothing_is_written(workspace, tmp_path):
    feed = tmp_path / "blog-feed.xml"
    feed.write_text(FEED.read_text(encoding="utf-8")[:-40], encoding="utf-8")
    before = sorted((workspace.parent / "content").rglob("*"))
    with pytest.raises(WixImportError, match="de feed is geen geldige XML"):
        import_wix(feed, workspace)
    assert sorted((workspace.parent / "content").rglob("*")) == before


def test_a_page_without_an_article_is_refused(workspace, tmp_path):
    page = tmp_path / "leeg.html"
    page.write_text("<!DOCTYPE html><html><body><p>Niets</p></body></html>")
    with pytest.raises(WixImportError, match="geen opgeslagen Wix-post"):
        import_wix(page, workspace)


def test_imported_posts_build_into_pages_with_list_quote_and_no_wix_chrome(
    workspace, tmp_path
):
    content = workspace.parent / "content"
    (content / "posts/dilemmas.md").unlink()
    import_wix(PAGE, workspace)
    import_wix(FEED, workspace)
    result = build_site(content, tmp_path / "output")
    assert result.returncode == 0, result.stdout + result.stderr
    page = soup(tmp_path / "output/blog/dilemmas/index.html")
    body = page.select_one(".post-body")
    assert [text_of(li) for li in body.select("ul > li")] == [
        "Stel jezelf allereerst de vraag; Wat zijn mijn doelstellingen?",
        "Wil je alles zelf doen en lukt je dat ook?",
    ]
    assert text_of(body.select_one("blockquote")) == (
        "“Great things in business are never done by one person!”"
    )
    assert "(maar die verdien je terug! *)" in text_of(body)
    assert "weergaven" not in text_of(page) and "top of page" not in text_of(page)
    for chrome in ("Recente blogposts", "Alles weergeven", "Foto van schrijver"):
        assert chrome not in text_of(body)
    other = soup(tmp_path / "output/blog/agendabeheer-zo-houd-je-overzicht/index.html")
    other_body = other.select_one(".post-body")
    assert text_of(other_body.select_one("h2")) == "Vraag 1: wat moet echt vandaag?"
    assert "klanten_en_paarden" in text_of(other_body)
    assert other_body.select_one("strong").get_text() == "overvolle"


def test_a_text_copy_with_the_wix_header_finds_title_and_date_below_it(workspace):
    [post] = read_posts(WIX / "header-wix-page.txt")
    assert (post.title, post.date.isoformat()) == ("Agendabeheer", "2024-01-15")
    assert post.markdown() == (
        "- Eerste punt\n\n"
        "Gewone tekst met een # en \\_onderstreping\\_ en 1. nummer.\n\n"
        '> "Een citaat tussen rechte aanhalingstekens"\n'
    )
    outcome = import_wix(WIX / "header-wix-page.txt", workspace)
    assert fields(outcome.written[0])["Date"] == "2024-01-15"


def test_a_date_that_cannot_be_read_stops_the_import_before_anything_is_written(
    workspace,
):
    before = sorted((workspace.parent / "content").rglob("*"))
    with pytest.raises(WixImportError, match="de datum '15 januari' is niet te lezen"):
        import_wix(SEED, workspace, force=True, when="15 januari")
    assert sorted((workspace.parent / "content").rglob("*")) == before


# -- real exports: the promise ------------------------------------------------------
FEED_HR = WIX / "feed-hr-enclosure.xml"
UMLAUTS = WIX / "feed-umlauts.xml"
TEASERS = WIX / "feed-teaser-only.xml"
MIRRORED = WIX / "mirrored-post.html"
EXPORTS = [FEED_HR, UMLAUTS, TEASERS, MIRRORED]
MEDIA_ID = re.compile(r"[0-9a-f]{6}_[0-9a-f]{32}~mv2\.(jpg|png)")
ORIGINAL_SIZE, PLACEHOLDER_SIZE = (40, 30), (4, 3)


class WixStatic(BaseHTTPRequestHandler):
    """static.wixstatic.com on 127.0.0.1: every image of the fixtures at its original
    address, and a small different image at every resized or blurred address."""

    def do_GET(self):
        match = re.fullmatch(r"/media/([^/]+)(/v1/.*)?", self.path)
        if not match or not MEDIA_ID.fullmatch(match[1]):
            self.send_error(404)
            return
        body = image_bytes(match[1], PLACEHOLDER_SIZE if match[2] else ORIGINAL_SIZE)
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def wix_media():
    with LocalServer(WixStatic) as server:
        yield server


def localised(fixture: Path, server, folder: Path) -> Path:
    """The fixture with its Wix image addresses pointing at the local stand-in."""
    folder.mkdir(parents=True, exist_ok=True)
    text = fixture.read_text(encoding="utf-8")
    for wix in ("https://static.wixstatic.com", "../../static.wixstatic.com"):
        text = text.replace(wix, server.url)
    (folder / fixture.name).write_text(text, encoding="utf-8")
    return folder / fixture.name


@pytest.fixture(scope="module")
def imported_project(tmp_path_factory, wix_media) -> tuple[Path, dict]:
    """A copy of the project after importing every real-looking export, checked with
    `invoke check` and built with `invoke build` (warnings fatal)."""
    work = tmp_path_factory.mktemp("imported")
    project = copy_project(work / "project")
    for fixture in EXPORTS:
        source = localised(fixture, wix_media, work / "exports")
        outcome = import_wix(source, project / "pelicanconf.py", allow_loopback=True)
        assert outcome.images_missing == [] and outcome.refused == []
    runs = {  # every finding on its own line: the test reads them one by one
        "check": invoke("check", "--alles", cwd=project),
        "build": invoke("build", cwd=project),
    }
    return project, runs


def test_after_importing_real_exports_check_finds_no_error_and_the_build_succeeds(
    imported_project,
):
    project, runs = imported_project
    check = runs["check"]
    assert check.returncode == 0, check.stdout + check.stderr
    assert ": fout:" not in check.stdout
    undescribed = [
        line.split(":")[0]
        for line in check.stdout.splitlines()
        if "beschrijf deze afbeelding: " in line
    ]
    assert sorted(undescribed) == [
        "content/posts/cuidar-al-caballo-mayor-lo-que-aprendi-con-lucero.md",  # cover
        "content/posts/cuidar-al-caballo-mayor-lo-que-aprendi-con-lucero.md",
        "content/posts/five-things-i-wish-i-knew-before-buying-a-horse.md",  # cover
        "content/posts/paard-ruiter-de-winterstop.md",  # cover
        "content/posts/paard-ruiter-de-winterstop.md",
        "content/posts/uber-weidegang-und-hufpflege.md",  # cover
    ]
    shortened = [
        line.split(":")[0]
        for line in check.stdout.splitlines()
        if "deze post was in de feed ingekort" in line
    ]
    assert shortened == [
        "content/posts/five-things-i-wish-i-knew-before-buying-a-horse.md",
        "content/posts/winter-rugs-a-short-guide.md",
    ]
    build = runs["build"]
    assert build.returncode == 0, build.stdout + build.stderr
    redirects = (project / "output/_redirects").read_text(encoding="utf-8")
    lucero = "cuidar-al-caballo-mayor-lo-que-aprendi-con-lucero"
    for old, new in [
        ("/post/nieuws-uit-de-stal-1", "/blog/nieuws-uit-de-stal/"),
        ("/post/nieuws-uit-de-stal", "/blog/nieuws-uit-de-stal-2/"),
        (
            "/post/%C3%BCber-weidegang-und-hufpflege",
            "/blog/uber-weidegang-und-hufpflege/",
        ),
        ("/post/cuidar-al-caballo-mayor", f"/blog/{lucero}/"),
    ]:
        assert f"{old}  {new}  301" in redirects


def test_every_kind_of_wix_formatting_survives_the_build(imported_project):
    project, _ = imported_project
    built = project / "output/blog/paard-ruiter-de-winterstop/index.html"
    page = soup(built)
    assert text_of(page.select_one("h1")) == "Paard & ruiter: de winterstop"
    body = page.select_one(".post-body")
    tip = next(p for p in body.select("p") if "Tip:" in p.get_text())
    assert tip.select_one("strong").get_text() == "Tip:"
    assert (
        tip.get_text()
        == "Tip: begin met je facturen.\nDaarna je agenda.\nEn dan pas de rest."
    )
    assert len(tip.select("br")) == 2
    assert [s.get_text() for s in body.select("strong")][2:4] == [
        "belangrijkste",
        "nooit",
    ]
    assert body.select_one("u").get_text() == "uitstellen"
    assert len(body.select("hr")) == 2
    assert [text_of(li) for li in body.select("ul > li > ul > li")] == ["Eén per maand"]
    assert [text_of(th) for th in body.select("table th")] == ["Taak", "Hoe vaak"]
    assert [text_of(td) for td in body.select("table td")][:2] == [
        "Facturen & bonnetjes",
        "Wekelijks",
    ]
    assert (
        "Druk op <Enter> om een regel toe te voegen; schrijf nooit &lt;b&gt; in"
        in text_of(body)
    )
    assert text_of(body.select_one("blockquote")) == "Wie goed doet, goed ontmoet."
    links = {text_of(a): a["href"] for a in body.select("a")}
    assert links["de site van de overheid"] == "https://www.rvo.example/ondernemen"
    images = body.select("img")
    assert [i["alt"] for i in images] == [
        "Afbeelding zonder beschrijving",
        "Mijn bureau in de stal",
    ]
    for image in images:
        saved = built.parent / image["src"]
        with Image.open(saved) as opened:
            assert opened.size == ORIGINAL_SIZE  # never the resized or blurred copy
    assert "Mijn bureau in de stal" in text_of(body)  # the caption, under the image
    # The feed's cover image is the post's image for sharing (as published: the
    # widest JPEG plugins/pictures made of it).
    shared = page.select_one('meta[property="og:image"]')["content"]
    assert re.search(
        r"/images/paard-ruiter-de-winterstop/"
        r"5c1e2a_9f8e7d6c5b4a39281706f5e4d3c2b1a0-mv2-\d+\.[0-9a-f]{10}\.jpg$",
        shared,
    )


def test_a_mirrored_page_keeps_its_metadata_video_and_full_images(imported_project):
    project, _ = imported_project
    post = (
        project / "content/posts/cuidar-al-caballo-mayor-lo-que-aprendi-con-lucero.md"
    )
    meta = fields(post)
    assert {k: meta[k] for k in ("Category", "Tags", "Author", "Wix_url", "Date")} == {
        "Category": "Salud",
        "Tags": "caballos mayores, dientes",
        "Author": "Lucía Fernández",
        "Wix_url": "/post/cuidar-al-caballo-mayor",  # og:url, not the canonical
        "Date": "2024-10-02 18:45",
    }
    body = read_source(post).body
    video = "https://www.youtube.com/watch?v=aB3dE5fG7hI"
    assert f"[Video: Cómo revisar los dientes de un caballo mayor]({video})" in body
    image = f"{post.stem}/2b7d9e_5f60718293a4b5c6d7e8f90a1b2c3d4e-mv2.jpg"
    assert f"![Lucero en el prado]({{static}}/images/{image})" in body
    for chrome in (
        "Contact",
        "contact.html",
        "visualizaciones",
        "Publicaciones recientes",
        "Foto del escritor",
    ):
        assert chrome not in body
    assert "Dos veces al año viene la dentista.  \nSin excepción." in body


def test_a_video_becomes_a_link_and_the_report_says_so(workspace, capsys):
    outcome = import_wix(MIRRORED, workspace)
    [post] = outcome.written
    report(outcome, workspace.parent)
    video = "https://www.youtube.com/watch?v=aB3dE5fG7hI"
    line = post.read_text(encoding="utf-8").split(f"({video})")[0].count("\n") + 1
    assert (
        f"content/posts/{post.name}:{line}: waarschuwing: de video "
        f"'Cómo revisar los dientes de un caballo mayor' is nu een link naar {video} "
        "(de site toont geen ingesloten video's)"
        in capsys.readouterr().out.splitlines()
    )


def test_teaser_only_feeds_become_drafts_with_a_warning(tmp_path, workspace, capsys):
    outcome = import_wix(TEASERS, workspace)
    [first, second] = outcome.written
    assert fields(first)["Status"] == "draft"
    assert "Summary" not in fields(first)  # the feed's "..." is no summary
    report(outcome, workspace.parent)
    rugs = workspace.parent / "content/posts/winter-rugs-a-short-guide.md"
    status = list(fields(rugs)).index("Status") + 1  # its line in the header
    assert (
        f"content/posts/winter-rugs-a-short-guide.md:{status}: waarschuwing: deze post "
        "was in de feed ingekort en staat daarom als concept klaar (importeer de "
        "opgeslagen pagina van de post, zie docs/handleiding.md, "
        "'Een pagina opslaan in je browser')"
    ) in capsys.readouterr().out.splitlines()


# -- never lose, never half-write ---------------------------------------------------
def feed_with(tmp_path: Path, *items: str) -> Path:
    """A Wix feed of these <item> bodies."""
    feed = tmp_path / "blog-feed.xml"
    feed.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        + "".join(f"<item>{item}</item>" for item in items)
        + "</channel></rss>",
        encoding="utf-8",
    )
    return feed


def item(title: str, html: str, link: str = "", extra: str = "") -> str:
    return (
        f"<title><![CDATA[{title}]]></title><link>{link}</link>"
        "<pubDate>Mon, 15 Jan 2024 08:00:00 GMT</pubDate>"
        f"{extra}<content:encoded><![CDATA[{html}]]></content:encoded>"
    )


def test_a_feed_with_dividers_and_cover_images_imports_every_post(workspace):
    outcome = import_wix(FEED_HR, workspace)  # images unreachable here: listed
    assert len(outcome.written) == 3
    assert read_source(outcome.written[0]).body.count("\n***\n") == 2
    cover = "https://static.wixstatic.com/media/5c1e2a_9f8e7d6c5b4a39281706f5e4d3c2b1a0~mv2.jpg"
    assert cover in [url for url, _, _ in outcome.images_missing]
    assert "Image" not in fields(outcome.written[0])  # only a downloaded cover


def test_one_run_writes_all_its_posts_or_none(workspace, tmp_path):
    feed = feed_with(
        tmp_path,
        item("Eerste post", "<p>Tekst</p>", "https://x.example/post/eerste"),
        item("!!!", "<p>Van deze titel is geen slug te maken</p>"),
    )
    before = sorted((workspace.parent / "content").rglob("*"))
    with pytest.raises(WixImportError, match="kan geen slug worden gemaakt"):
        import_wix(feed, workspace)
    assert sorted((workspace.parent / "content").rglob("*")) == before
    assert not list(workspace.parent.glob(".wix-import-*"))  # no staging left over


def test_posts_with_the_same_title_keep_their_own_file_on_every_import(workspace):
    posts = workspace.parent / "content/posts"
    for _ in range(2):
        outcome = import_wix(FEED_HR, workspace)
        assert outcome.written == [
            posts / "paard-ruiter-de-winterstop.md",
            posts / "nieuws-uit-de-stal.md",
            posts / "nieuws-uit-de-stal-2.md",
        ]
    assert fields(posts / "nieuws-uit-de-stal.md")["Wix_url"] == (
        "/post/nieuws-uit-de-stal-1"
    )
    assert fields(posts / "nieuws-uit-de-stal-2.md")["Wix_url"] == (
        "/post/nieuws-uit-de-stal"
    )


def test_reimporting_without_a_date_keeps_the_date_and_address_it_had(workspace):
    post = workspace.parent / "content/posts/dilemmas.md"
    post.unlink()
    import_wix(SEED, workspace, when="2024-01-15 09:00", wix_url="/post/dilemma-s")
    outcome = import_wix(SEED, workspace)
    assert outcome.written == [post] and outcome.notes == []
    meta = fields(post)
    assert (meta["Date"], meta["Wix_url"]) == ("2024-01-15 09:00", "/post/dilemma-s")


# -- safe by construction -----------------------------------------------------------
class Answers(BaseHTTPRequestHandler):
    """A local server answering each path as the attack needs it."""

    routes: dict = {}

    def do_GET(self):
        status, headers, body = self.routes.get(self.path, (404, {}, b""))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


@pytest.fixture
def answers():
    Answers.routes = {
        "/paard.jpg": (200, {}, image_bytes()),
        "/paard.png": (200, {}, image_bytes()),
        "/fout.png": (200, {"Content-Type": "image/png"}, b"<html>Not found</html>"),
        "/groot.jpg": (200, {}, image_bytes() + b"\0" * MAX_BYTES),
        "/door": (302, {"Location": "http://169.254.169.254/latest/meta-data"}, b""),
    }
    with LocalServer(Answers) as server:
        yield server


def test_only_http_and_https_images_are_fetched(workspace, tmp_path):
    with pytest.raises(FetchError, match="alleen http- en https-adressen"):
        fetch_image(f"file://{ROOT / 'pelicanconf.py'}")
    feed = feed_with(
        tmp_path, item("Bestand", f'<p>x</p><img src="file://{ROOT}/pelicanconf.py">')
    )
    outcome = import_wix(feed, workspace, allow_loopback=True)
    assert outcome.images_saved == []
    assert "file:" not in outcome.written[0].read_text(encoding="utf-8")
    assert not (workspace.parent / "content/images/bestand").exists()


def test_loopback_is_refused_unless_a_test_allows_its_own_server(answers):
    for url in (f"{answers.url}/paard.jpg", "http://localhost:9/paard.jpg"):
        with pytest.raises(FetchError, match="eigen computer of netwerk"):
            fetch_image(url)
    assert fetch_image(f"{answers.url}/paard.jpg", allow_loopback=True)[1] == ".jpg"


@pytest.mark.parametrize(
    "host", ["10.0.0.8", "192.168.1.1", "172.16.0.1", "169.254.169.254", "[fe80::1]"]
)
def test_private_and_link_local_addresses_are_refused_even_in_tests(host):
    with pytest.raises(FetchError, match="eigen computer of netwerk"):
        fetch_image(f"http://{host}/paard.jpg", allow_loopback=True)


def test_a_redirect_is_checked_like_the_first_address(answers):
    with pytest.raises(FetchError, match="169.254.169.254"):
        fetch_image(f"{answers.url}/door", allow_loopback=True)


def test_an_error_page_answered_with_200_is_not_saved_as_an_image(answers):
    with pytest.raises(FetchError, match="geen afbeelding"):
        fetch_image(f"{answers.url}/fout.png", allow_loopback=True)


def test_an_image_is_saved_with_the_suffix_of_what_it_is(answers):
    data, suffix = fetch_image(f"{answers.url}/paard.png", allow_loopback=True)
    assert (suffix, Image.open(io.BytesIO(data)).format) == (".jpg", "JPEG")


def test_a_download_larger_than_the_cap_is_refused(answers):
    with pytest.raises(FetchError, match="groter dan 20 MB"):
        fetch_image(f"{answers.url}/groot.jpg", allow_loopback=True)


def test_a_server_that_never_answers_times_out():
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/paard.jpg"
        with pytest.raises(FetchError, match="de server antwoordde niet op tijd"):
            fetch_image(url, allow_loopback=True, timeout=0.2)


class Trickle(BaseHTTPRequestHandler):
    """A server that sends one byte at a time, a moment apart: of the headers
    (/kop) or of the image (/beeld), never quiet long enough for a time-out."""

    def do_GET(self):
        body = image_bytes("paard.jpg")
        head = f"HTTP/1.0 200 OK\r\nContent-Length: {len(body)}\r\n\r\n".encode()
        slow = head + body if self.path.startswith("/kop") else body
        try:
            if not self.path.startswith("/kop"):
                self.wfile.write(head)
            for number in range(len(slow)):
                self.wfile.write(slow[number : number + 1])
                self.wfile.flush()
                time.sleep(0.05)
        except OSError:
            return  # the importer hung up: as it should

    def log_message(self, format, *args):
        pass


@pytest.fixture
def trickle():
    with LocalServer(Trickle) as server:
        yield server


@pytest.mark.parametrize("path", ["/kop.jpg", "/beeld.jpg"])
def test_a_server_sending_a_byte_at_a_time_is_cut_off_at_the_deadline(trickle, path):
    with pytest.raises(FetchError, match="de server antwoordde niet op tijd"):
        fetch_image(
            trickle.url + path,
            allow_loopback=True,
            timeout=5,
            deadline=time.monotonic() + 0.5,
        )


def test_an_import_ends_at_its_deadline_and_names_what_did_not_come(
    workspace, tmp_path, trickle
):
    images = "".join(f'<img src="{trickle.url}/beeld{n}.jpg">' for n in range(3))
    feed = feed_with(tmp_path, item("Traag", f"<p>x</p>{images}", "https://x.nl/t"))
    outcome = import_wix(feed, workspace, allow_loopback=True, seconds=0.5)
    assert outcome.written and outcome.images_saved == []
    assert [why for *_, why in outcome.images_missing] == [
        "de server antwoordde niet op tijd"
    ] * 3


def test_two_images_with_the_same_file_name_get_a_file_each(workspace, tmp_path):
    small, large = image_bytes("paard.jpg"), image_bytes("paard.jpg", (16, 12))
    Answers.routes = {
        "/a/paard.jpg": (200, {}, small),
        "/b/paard.jpg": (200, {}, large),
    }
    with LocalServer(Answers) as server:
        html = f'<p>x</p><img src="{server.url}/a/paard.jpg" alt="Klein">'
        html += f'<img src="{server.url}/b/paard.jpg" alt="Groot">'
        feed = feed_with(tmp_path, item("Twee paarden", html, "https://x.nl/p"))
        outcome = import_wix(feed, workspace, allow_loopback=True)
    folder = workspace.parent / "content/images/twee-paarden"
    assert outcome.images_saved == [folder / "paard.jpg", folder / "paard-2.jpg"]
    assert (folder / "paard.jpg").read_bytes() == small
    assert (folder / "paard-2.jpg").read_bytes() == large
    body = read_source(outcome.written[0]).body
    assert "![Klein]({static}/images/twee-paarden/paard.jpg)" in body
    assert "![Groot]({static}/images/twee-paarden/paard-2.jpg)" in body


def test_a_very_long_title_gives_a_short_slug_the_site_accepts(workspace, tmp_path):
    title = "Paardenwelzijnsverbeteringsprogramma voor de stal " * 6  # 300 characters
    feed = feed_with(tmp_path, item(title, "<p>Tekst</p>", "https://x.nl/post/lang"))
    [post] = import_wix(feed, workspace).written
    slug = fields(post)["Slug"]
    assert post.name == f"{slug}.md" and len(slug) <= 80
    assert slug == "paardenwelzijnsverbeteringsprogramma-voor-de-stal"  # whole words
    problems = check_content(workspace)
    assert not [p for p in problems if p.file.endswith(post.name) and p.level == "fout"]


def test_images_that_are_not_on_the_internet_are_named(workspace, tmp_path, capsys):
    sources = [
        "file:///C:/Users/Anna/Pictures/paard.jpg",
        "Mijn post_files/paard.jpg",
        "ftp://x.example/paard.jpg",
    ]
    html = "<p>x</p>" + "".join(f'<img src="{s}" alt="Paard">' for s in sources)
    feed = feed_with(tmp_path, item("Lokaal", html, "https://x.nl/post/lokaal"))
    outcome = import_wix(feed, workspace)
    report(outcome, workspace.parent)
    printed = capsys.readouterr().out.splitlines()
    for source in sources:
        assert (
            f"content/posts/lokaal.md:1: waarschuwing: afbeelding overgeslagen: "
            f"{source} (alleen afbeeldingen op internet (http of https) worden "
            "overgezet; sla hem zelf op in content/images/ en zet hem in de post)"
        ) in printed


def test_a_newline_in_title_category_or_author_adds_no_header_line(workspace, tmp_path):
    feed = feed_with(
        tmp_path,
        item(
            "Kwaad\nSave_as: contact/index.html",
            "<p>Tekst</p>",
            "https://x.example/post/kwaad",
            "<category>Nieuws\nStatus: hidden</category>"
            "<dc:creator>Iemand\r\nUrl: contact/</dc:creator>",
        ),
    )
    [post] = import_wix(feed, workspace).written
    meta = fields(post)
    assert sorted(meta) == [
        "Author", "Category", "Date", "Import_hash", "Slug", "Title", "Wix_url"
    ]  # fmt: skip
    assert meta["Title"] == "Kwaad Save_as: contact/index.html"
    assert meta["Category"] == "Nieuws Status: hidden"


def rendered(path: Path, settings_file: Path) -> tuple[str, dict]:
    """The post's HTML and metadata as the build reads them (its slug checked, its
    HTML held to what a post may contain)."""
    return site_reader(settings_file).read(str(path))


def test_link_targets_text_and_tags_from_the_feed_stay_text(workspace, tmp_path):
    hostile = (
        """<p><a href='https://x.example/" onmouseover="alert(1)'>hier</a> en """
        '<a href="javascript:alert(2)">klik</a> en <a href="data:text/html,x">d</a>'
        '<img src="x" onerror="alert(3)"><script>alert(4)</script>'
        '<iframe src="https://evil.example/"></iframe> &lt;b onclick=x&gt;</p>'
    )
    feed = feed_with(
        tmp_path,
        item(
            "Aanval",
            hostile,
            "https://x.example/post/aanval",
            "<description><![CDATA[Toon &lt;img src=x onerror=alert(5)&gt; als tekst"
            "]]></description>",
        ),
    )
    [post] = import_wix(feed, workspace).written
    html, meta = rendered(post, workspace)
    page = BeautifulSoup(html + str(meta["summary"]), "html.parser")
    assert [tag.name for tag in page.find_all(True)] == ["p", "a", "p"]
    assert page.a["href"] == "https://x.example/%22%20onmouseover=%22alert%281%29"
    assert "<b onclick=x>" in page.get_text()
    assert "<img src=x onerror=alert(5)>" in page.get_text()


# -- every word kept ----------------------------------------------------------------
DUTCH = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéëèêïöüçàñÉÖ")
    + list("0123456789.,;:!?'\"‘’“”„()[]{}<>&*_#-+=~|\\/`%@^$ ")
    + ["😀", "🐴", "\xa0", "&amp;", "&lt;b&gt;", "&#38;", "<Enter>", "1. ", "- "]
)
TEXT = st.lists(DUTCH, min_size=1, max_size=12).map("".join).filter(str.strip)
STYLES = ["", "strong", "em", "u", "b", "i", "span-bold", "span", "a"]
RUN = st.tuples(st.sampled_from(STYLES), TEXT)
# Between runs: nothing, a space, a raw newline or <br> (a line break in Wix).
GAP = st.sampled_from(["", " ", "\n", "<br>"])
PARAGRAPH = st.lists(st.tuples(RUN, GAP), min_size=1, max_size=6)
BLOCK = st.tuples(st.sampled_from(["p", "h2", "li", "blockquote", "td"]), PARAGRAPH)


def wix_html(blocks) -> tuple[str, str, int]:
    """Wix-like HTML of the blocks, the words it shows and its line breaks."""
    parts, shown, breaks = [], [], 0
    for kind, runs in blocks:
        html, text = "", ""
        for index, ((style, words), gap) in enumerate(runs):
            escaped = html_escape(words, quote=False)
            if style == "a":
                html += f'<a href="www.paard.example/?a=1&amp;b=(2)">{escaped}</a>'
            elif style.startswith("span"):
                weight = ' style="font-weight:bold"' if style == "span-bold" else ""
                html += f"<span{weight}>{escaped}</span>"
            else:
                html += f"<{style}>{escaped}</{style}>" if style else escaped
            text += words
            if index == len(runs) - 1 or not gap:
                continue
            if gap != " " and kind in ("p", "li"):
                html, breaks = html + gap, breaks + 1
            else:
                html += " "
            text += " "
        wrapped = {
            "li": f"<ul><li><p>{html}</p></li></ul>",
            "blockquote": f"<blockquote><p>{html}</p></blockquote>",
            "td": f"<table><tr><td><p>{html}</p></td><td>x</td></tr></table>",
        }.get(kind, f"<{kind}>{html}</{kind}>")
        parts.append(wrapped)
        shown.append(text + (" x" if kind == "td" else ""))
    return "".join(parts), " ".join(shown), breaks


def words_on_page(html: str) -> tuple[list[str], int]:
    """The words a reader sees, and the number of line breaks inside paragraphs."""
    page = BeautifulSoup(html, "html.parser")
    breaks = len(page.find_all("br"))
    for tag in page.find_all(["br", "p", "li", "h2", "td", "th", "blockquote"]):
        tag.insert_after(" ")
    return page.get_text("").split(), breaks


@pytest.fixture(scope="module")
def words_site(tmp_path_factory) -> Path:
    """A site folder to import into, kept for all examples of the property test."""
    folder = tmp_path_factory.mktemp("words")
    shutil.copy(ROOT / "pelicanconf.py", folder / "pelicanconf.py")
    (folder / "content/posts").mkdir(parents=True)
    shutil.copy(ROOT / "content/instellingen.yaml", folder / "content")
    (folder / "theme").symlink_to(ROOT / "theme")
    return folder / "pelicanconf.py"


@settings(max_examples=500, deadline=None)
@given(title=TEXT, blocks=st.lists(BLOCK, min_size=1, max_size=5))
def test_every_word_of_wix_html_is_on_the_built_page(words_site, title, blocks):
    html, shown, breaks = wix_html(blocks)
    title = f"Post {title}"
    feed = feed_with(
        words_site.parent,
        item(html_escape(title), html, "https://x.example/post/p"),
    )
    [post] = import_wix(feed, words_site, force=True).written
    page, meta = rendered(post, words_site)  # as the build reads it
    words, shown_breaks = words_on_page(page)
    assert words == shown.split(), post.read_text(encoding="utf-8")
    assert shown_breaks == breaks, post.read_text(encoding="utf-8")
    assert meta["title"] == " ".join(title.split())


def test_check_asks_for_an_old_address_the_build_can_redirect(workspace):
    post = workspace.parent / "content/posts/dilemmas.md"
    text = post.read_text(encoding="utf-8")
    post.write_text(
        text.replace(
            "Slug: dilemmas\n", "Slug: dilemmas\nWix_url: /post/über-paarden\n"
        ),
        encoding="utf-8",
    )
    problems = [str(p) for p in check_content(workspace) if p.file.endswith(post.name)]
    assert (
        "content/posts/dilemmas.md:3: fout: Wix_url '/post/über-paarden' bevat tekens "
        "die niet in een webadres mogen (schrijf het zo: Wix_url: "
        "/post/%C3%BCber-paarden)" in problems
    )


def test_a_post_whose_old_address_was_written_as_a_full_url_is_the_same_post(
    workspace,
):
    posts = workspace.parent / "content/posts"
    [first, *_] = import_wix(FEED_HR, workspace).written
    text = first.read_text(encoding="utf-8")
    first.write_text(
        text.replace(
            "Wix_url: /post/", "Wix_url: https://www.stal-hoefslag.example/post/"
        ),
        encoding="utf-8",
    )
    outcome = import_wix(FEED_HR, workspace, force=True)
    assert outcome.written[0] == first == posts / "paard-ruiter-de-winterstop.md"


def test_the_command_line_never_fetches_from_this_computer(tmp_path, answers):
    project = copy_project(tmp_path / "project")
    url = f"{answers.url}/paard.jpg"
    feed = feed_with(
        tmp_path,
        item("Lokaal", f'<p>x</p><img src="{url}" alt="Paard">', "https://x.nl/post/l"),
    )
    result = invoke("import-wix", str(feed), cwd=project)
    post = (project / "content/posts/lokaal.md").read_text(encoding="utf-8")
    line = post.split(url)[0].count("\n") + 1
    assert (
        f"content/posts/lokaal.md:{line}: waarschuwing: afbeelding niet gedownload: "
        f"{url}: 127.0.0.1 is een adres op je eigen computer of netwerk (127.0.0.1), "
        "niet op internet (sla hem zelf op in content/images/ en pas de link in de "
        "post aan)"
    ) in result.stdout.splitlines()
    assert not (project / "content/images/lokaal").exists()


def test_the_saved_page_replaces_the_draft_of_a_shortened_post(workspace, tmp_path):
    [_, draft] = import_wix(TEASERS, workspace).written
    page = tmp_path / "Winter rugs.html"
    text = MIRRORED.read_text(encoding="utf-8")
    title = "Cuidar al caballo mayor: lo que aprendí con Lucero"
    text = text.replace(title, "Winter rugs: a short guide").replace(
        "caballos-del-sur.example/post/cuidar-al-caballo-mayor",
        "meadow-riding.example/post/winter-rugs-a-short-guide",
    )
    page.write_text(text, encoding="utf-8")
    assert import_wix(page, workspace).written == [draft]
    assert "Status" not in fields(draft)
    assert "Dos veces al año viene la dentista." in read_source(draft).body


# -- no markup from text ------------------------------------------------------------
# Text that would be markup if it were read as Markdown or HTML: fences, raw tags,
# Markdown's own syntax, indentation and blank lines.
MARKUP = st.sampled_from(
    ["`", "``", "```", "````", "~~~", "\n", "\n\n", "    ", "\t", "> ", "- ", "1. "]
    + ["# ", "* ", "***", "|", ":", "\\", "[x](javascript:alert(1))", "{: onclick=x }"]
    + ["<script>alert(1)</script>", '<form action="https://evil.example/">', "</pre>"]
    + ["<base href=//evil.example/>", '<meta http-equiv="refresh" content="0">']
    + ["<iframe src=//evil.example>", "<img src=x onerror=alert(1)>", "<!--", "-->"]
    + ["<div markdown=1>", "</code>", "&lt;b&gt;", "&#60;i&#62;", "<http://x.example>"]
    + list("ab <>&\"'=*_#")
)
MARKUP_TEXT = st.lists(MARKUP, min_size=1, max_size=10).map("".join)
CONTEXTS = [
    "<pre>{t}</pre>",
    "<pre><code>{t}</code></pre>",
    '<pre class="{a}">{t}</pre>',
    "<p>a <code>{t}</code> b</p>",
    "<p>{t}</p>",
    "<h2>{t}</h2>",
    '<p title="{a}"><a href="https://paard.example/{a}">{t}</a></p>',
    '<p><a href="{a}">{t}</a></p>',
    '<p><img src="https://paard.example/{a}.jpg" alt="{a}"></p>',
    "<p>a<pre>{t}</pre>b</p>",
    "<h2><pre>{t}</pre></h2>",
    '<p><a href="https://paard.example/">a<pre>{t}</pre></a></p>',
    "<pre><strong>{t}</strong><code>{t}</code></pre>",
]
WRAPS = ["{}", "<ul><li>{}</li></ul>", "<blockquote>{}</blockquote>"]
WRAPS += ["<table><tr><td>{}</td></tr></table>", "<ol><li><p>x</p>{}</li></ol>"]
# What Markdown makes of the tags above, and the attributes it gives them.
MADE = {"p", "pre", "code", "h2", "a", "img", "br", "ul", "ol", "li", "blockquote"}
MADE |= {"table", "thead", "tbody", "tr", "th", "td"}
ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt"}}


@settings(max_examples=400, deadline=None)
@example(
    blocks=[("{}", "<pre>{t}</pre>", '```\n<form action="https://evil.example/">')]
)
@given(
    blocks=st.lists(
        st.tuples(st.sampled_from(WRAPS), st.sampled_from(CONTEXTS), MARKUP_TEXT),
        min_size=1,
        max_size=4,
    )
)
def test_no_text_of_a_wix_post_becomes_an_element_on_the_page(words_site, blocks):
    html = "".join(
        wrap.format(
            context.format(
                t=html_escape(text, quote=False), a=html_escape(text, quote=True)
            )
        )
        for wrap, context, text in blocks
    )
    source = BeautifulSoup(html, "html.parser")
    feed = feed_with(words_site.parent, item("Opmaak", html, "https://x.example/p"))
    [post] = import_wix(feed, words_site, force=True).written
    page, _ = site_reader(words_site).read(str(post))  # raises on refused markup
    written = post.read_text(encoding="utf-8")
    built = BeautifulSoup(page, "html.parser").find_all(True)
    assert {tag.name for tag in built} <= MADE, written
    for name in ("a", "img"):
        assert len([t for t in built if t.name == name]) <= len(source(name)), written
    for tag in built:
        assert set(tag.attrs) <= ATTRIBUTES.get(tag.name, set()), written
    hrefs = [t["href"] for t in built if t.name == "a"]
    assert all(h.startswith("https://paard.example/") for h in hrefs), written


def test_a_code_block_with_a_fence_inside_stays_one_code_block(words_site):
    code = 'Zet dit in je notities:\n```\n<form action="https://evil.example/">\n```'
    html = f"<p>Voorbeeld</p><div><pre>{html_escape(code)}</pre></div><p>Einde</p>"
    feed = feed_with(words_site.parent, item("Code", html, "https://x.example/c"))
    [post] = import_wix(feed, words_site, force=True).written
    assert "\n````\n" + code + "\n````\n" in post.read_text(encoding="utf-8")
    page = BeautifulSoup(site_reader(words_site).read(str(post))[0], "html.parser")
    assert [t.name for t in page.find_all(True)] == ["p", "pre", "code", "p"]
    assert page.pre.get_text() == code + "\n"


def site_reader(settings_file: Path):
    """The reader the build reads posts with (sitekit.reading)."""
    from sitekit.reading import ReusingMarkdownReader

    return ReusingMarkdownReader(site_settings(settings_file))


# -- what the feed and the page each know -------------------------------------------
SAVED_PAGE = (
    '<!doctype html><html><head><meta property="og:url" content="{url}">'
    '<meta name="description" content="{description}"></head><body>'
    "<h1>{title}</h1><article>{html}</article></body></html>"
)


def test_a_saved_page_after_its_feed_keeps_the_category_and_tags(workspace, tmp_path):
    url = "https://x.nl/post/dekens-in-de-winter"
    categories = "".join(
        f"<category>{c}</category>" for c in ("Stal", "Winter", "Deken")
    )
    feed = feed_with(tmp_path, item("Dekens in de winter", "", url, categories))
    [draft] = import_wix(feed, workspace).written
    page = tmp_path / "Dekens in de winter.html"
    page.write_text(
        SAVED_PAGE.format(
            url=url,
            description="",
            title="Dekens in de winter",
            html="<p>De hele tekst.</p>",
        ),
        encoding="utf-8",
    )
    assert import_wix(page, workspace).written == [draft]
    meta = fields(draft)
    assert (meta["Category"], meta["Tags"]) == ("Stal", "Winter, Deken")
    assert "Status" not in meta and "De hele tekst." in read_source(draft).body


def test_her_names_on_wix_make_her_posts_hers_and_check_warns_of_others(
    workspace, tmp_path
):
    posts = [
        item(
            title,
            "<p>Tekst.</p>",
            f"https://x.nl/post/{n}",
            f"<dc:creator>{who}</dc:creator>",
        )
        for n, (title, who) in enumerate(
            [("Van mij", "Wilhelmien  van Dijk"), ("Van een gast", "Sarah")]
        )
    ]
    feed = feed_with(tmp_path, *posts)
    mine, guest = import_wix(
        feed, workspace, owner_names=("wilhelmien van dijk",)
    ).written
    assert "Author" not in fields(mine) and fields(guest)["Author"] == "Sarah"
    line = read_source(guest).first("author").line
    assert (
        f"content/posts/{guest.name}:{line}: waarschuwing: deze geïmporteerde post "
        "staat op naam van Sarah, niet van Wilhelmien: de site noemt hem een "
        "gastauteur (was het jouw post? haal de regel Author weg, of importeer "
        'opnieuw met --owner "Sarah" --force)'
    ) in [str(p) for p in check_content(workspace)]
    assert not [
        p
        for p in check_content(workspace)
        if p.file.endswith(mine.name) and "naam van" in p.message
    ]


@pytest.mark.parametrize("kind", ["feed", "page"])
def test_wix_excerpts_are_left_out_and_her_own_summary_is_kept(
    workspace, tmp_path, kind
):
    html = "<p>Earth.</p><p>Dear friends, the winter is coming to the stables</p>"
    excerpt, own = (
        "Earth.Dear friends, the wint",
        "Een samenvatting die ze zelf schreef.",
    )
    written = {}
    for title, description in (("Uittreksel", excerpt), ("Eigen", own)):
        url = f"https://x.nl/post/{title.lower()}"
        if kind == "feed":
            extra = f"<description><![CDATA[{description}]]></description>"
            source = feed_with(tmp_path, item(title, html, url, extra))
        else:
            source = tmp_path / f"{title}.html"
            page = SAVED_PAGE.format(
                url=url, description=description, title=title, html=html
            )
            source.write_text(page, encoding="utf-8")
        [written[title]] = import_wix(source, workspace).written
    assert "Summary" not in fields(written["Uittreksel"])
    assert fields(written["Eigen"])["Summary"] == own


# -- no traceback for any input ------------------------------------------------------
ANY = st.text(
    st.characters(blacklist_categories=["Cs"]) | st.sampled_from(list("<>&\"'/:.-_ ")),
    max_size=40,
)


def xml_text(text: str) -> str:
    """Text as XML allows it: characters XML cannot hold are left out."""
    allowed = (c for c in text if c in "\t\n\r" or ord(c) >= 32)
    return html_escape("".join(c for c in allowed if c not in "\ufffe\uffff"))


def imports_or_is_refused_in_one_line(source: Path, site: Path) -> None:
    """Importing `source` writes posts Pelican reads, or is refused in one line."""
    try:
        outcome = import_wix(source, site, force=True)
    except WixImportError as problem:
        assert "\n" not in problem.told(source)
        return
    for post in outcome.written:
        site_reader(site).read(str(post))


@settings(max_examples=300, deadline=None)
@given(
    title=ANY, html=ANY, link=ANY, date=ANY, category=ANY, creator=ANY, image=ANY,
    description=ANY,
)  # fmt: skip
def test_any_feed_imports_or_is_refused_in_one_dutch_line(
    words_site, title, html, link, date, category, creator, image, description
):
    extra = (
        f"<category>{xml_text(category)}</category>"
        f"<dc:creator>{xml_text(creator)}</dc:creator>"
        f"<description>{xml_text(description)}</description>"
        f'<enclosure url="{xml_text(image)}"/>'
    )
    feed = feed_with(
        words_site.parent,
        item(xml_text(title), xml_text(html) + f'<img src="{xml_text(image)}">', link),
    ).read_text(encoding="utf-8")
    feed = feed.replace(
        "<pubDate>Mon, 15 Jan 2024 08:00:00 GMT</pubDate>",
        f"<pubDate>{xml_text(date)}</pubDate>{extra}",
    ).replace(f"<link>{link}</link>", f"<link>{xml_text(link)}</link>")
    source = words_site.parent / "blog-feed.xml"
    source.write_text(feed, encoding="utf-8")
    imports_or_is_refused_in_one_line(source, words_site)


PAGE_PARTS = (
    st.sampled_from(
        ['<meta property="og:url" content="', '<meta name="description" content="']
        + ['<meta property="article:published_time" content="', '">', "<h1>", "</h1>"]
        + [
            '<script type="application/ld+json">',
            "</script>",
            '{"@type": "BlogPosting"',
        ]
        + [
            ', "author": ',
            ', "keywords": ',
            ', "datePublished": ',
            "}",
            "[",
            "]",
            "null",
        ]
        + ["<article>", "</article>", '<img src="', '<div data-hook="post-title">', "1"]
        + ["\n", "\n\n", "Top of page", "3 min lezen", "15 jan. 2024", "·", "<p>", '"']
    )
    | ANY
)


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(PAGE_PARTS, max_size=30),
    suffix=st.sampled_from([".html", ".txt", ".xml", ""]),
)
def test_any_page_or_text_imports_or_is_refused_in_one_dutch_line(
    words_site, parts, suffix
):
    source = words_site.parent / f"bron{suffix}"
    source.write_text("<!doctype html>" * (suffix == ".html") + "".join(parts))
    imports_or_is_refused_in_one_line(source, words_site)
