"""`invoke import-wix`: old Wix posts become Markdown, the author's words intact."""

import io
from pathlib import Path

import pytest
from PIL import Image

from authoring.lint import check_content
from authoring.source import read_source
from authoring.wix_import import (
    WixImportError,
    import_wix,
    read_posts,
    report,
)
from tests.conftest import FIXTURES, ROOT, build_site
from tests.support.html import soup, text_of
from tests.support.server import SiteServer

WIX = FIXTURES / "wix"
SEED = WIX / "dilemmas-wix-page.txt"
FEED = WIX / "blog-feed.xml"
PAGE = WIX / "dilemmas-wix-post.html"
HAND_MADE = read_source(ROOT / "content/posts/dilemmas.md")


def jpeg(size=(8, 6)) -> bytes:
    """A real, small JPEG."""
    out = io.BytesIO()
    Image.new("RGB", size, (120, 80, 40)).save(out, "JPEG")
    return out.getvalue()


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
    assert [n.split(": ", 1)[1] for n in outcome.notes] == [
        "de datum stond niet in de bron; vul bij Date de echte datum in",
        "het oude Wix-adres is onbekend; zet het bij Wix_url, bijvoorbeeld "
        "Wix_url: /post/mijn-post",
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
    assert "content/posts/dilemmas.md: niet overschreven" in out


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
    media = served / "media/abc_123~mv2.jpg/v1/fill/w_740"
    media.mkdir(parents=True)
    picture = jpeg()
    (media / "abc_123~mv2.jpg").write_bytes(picture)
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
