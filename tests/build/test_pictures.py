"""A 4 MB phone photo in content/images/ is published resized, never as the original."""

import re
import shutil

import pytest
from PIL import Image

from tests.conftest import build_site
from tests.support.html import soup, text_of

NO_EMBEDS = ('CHECKLIST_DEFAULT="none"', 'WORKSHEET_DEFAULT="none"')
POST = """Title: Een post met foto's
Slug: met-foto
Date: 2024-02-01 10:00
Category: Ondernemen
Image: images/wei.jpg
Image_alt: Paarden in de wei

Een alinea, met [de foto in het groot]({static}/images/wei.jpg).

![Een paard bij het hek]({static}/images/wei.jpg "Bij het hek, in de ochtend")
"""
HOME = """Title: Uitbesteden aan een hippisch virtueel assistent
Slug: home
URL:
Save_as: index.html
Template: home
Status: hidden
Photo: images/wei.jpg
Photo_alt: Wilhelmien met een paard

Wie ik help, en waarmee.
"""
QUOTES = """Title: Wat klanten zeggen
Slug: wat-klanten-zeggen
Status: hidden

> Eindelijk weer tijd voor de paarden.

Klant A, stal in Gelderland

> Alles loopt op rolletjes.

Klant B, instructeur
"""
LINK_ONLY = """Title: Alleen een link
Slug: alleen-een-link
Status: hidden

Geen foto op deze pagina, wel [een link naar de foto]({static}/images/wei.jpg).
"""


def phone_photo(path) -> None:
    """A photo-like 4000x3000 JPEG (gradient and grain), shot with the phone on its
    side: EXIF says to turn it a quarter, so it is 3000 wide and 4000 high upright."""
    grain = Image.effect_noise((4000, 3000), 40).convert("RGB")
    sky = Image.linear_gradient("L").resize((4000, 3000)).convert("RGB")
    photo = Image.blend(sky, grain, 0.35)
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to view
    exif[0x010F] = "Telefoonmerk"  # camera make: must not be published
    photo.save(path, "JPEG", quality=95, exif=exif.tobytes())


def build(work, content, cache):
    output = work / "output"
    feed = 'FEED_ALL_ATOM="feeds/alle.atom.xml"', 'FEED_DOMAIN="https://x.example"'
    extra = (*NO_EMBEDS, *feed, f'CACHE_PATH="{cache}"')
    result = build_site(content, output, "pelicanconf.py", *extra)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture(scope="module")
def photo_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("pictures")
    content = work / "content"
    (content / "posts").mkdir(parents=True)
    (content / "images").mkdir()
    (content / "posts" / "met-foto.md").write_text(POST, "utf-8")
    (content / "pages").mkdir()
    (content / "pages" / "home.md").write_text(HOME, "utf-8")
    (content / "pages" / "wat-klanten-zeggen.md").write_text(QUOTES, "utf-8")
    (content / "pages" / "alleen-een-link.md").write_text(LINK_ONLY, "utf-8")
    phone_photo(content / "images" / "wei.jpg")
    assert (content / "images" / "wei.jpg").stat().st_size > 3_000_000
    return work, content, build(work / "a", content, work / "cache")


def test_the_original_is_never_published(photo_site):
    _work, _content, output = photo_site
    assert not (output / "images" / "wei.jpg").exists()
    published = sorted(p.name for p in (output / "images").iterdir())
    assert all(re.fullmatch(r"wei-\d+\.[0-9a-f]{10}\.(webp|jpg)", n) for n in published)
    assert len(published) == 6


def test_each_variant_is_upright_resized_and_without_exif(photo_site):
    _work, _content, output = photo_site
    sizes = {}
    for file in (output / "images").iterdir():
        with Image.open(file) as image:
            assert image.format == ("WEBP" if file.suffix == ".webp" else "JPEG")
            assert not image.getexif(), file.name
            sizes.setdefault(image.size, set()).add(file.suffix)
    assert sizes == {
        (480, 640): {".webp", ".jpg"},
        (960, 1280): {".webp", ".jpg"},
        (1440, 1920): {".webp", ".jpg"},
    }
    largest = max(
        (output / "images").glob("*-1440.*.jpg"), key=lambda p: p.stat().st_size
    )
    assert largest.stat().st_size < 600_000


def test_pages_show_a_picture_with_sizes_and_lazy_loading(photo_site):
    _work, _content, output = photo_site
    page = soup(output / "blog" / "met-foto" / "index.html")
    cover, body = page.select("picture")
    for picture in (cover, body):
        webp = picture.select_one("source")["srcset"]
        jpeg = picture.img["srcset"]
        assert picture.select_one("source")["type"] == "image/webp"
        assert [w for w in re.findall(r" (\d+)w", webp)] == ["480", "960", "1440"]
        assert [w for w in re.findall(r" (\d+)w", jpeg)] == ["480", "960", "1440"]
        assert all(u.startswith("../../images/wei-") for u in webp.split(", "))
        img = picture.img
        assert (img["width"], img["height"]) == ("1440", "1920")
        assert img["src"].endswith(".jpg") and img["sizes"]
    assert cover.img["alt"] == "Paarden in de wei"
    assert cover.img["loading"] == "eager"
    assert body.img["alt"] == "Een paard bij het hek"
    assert body.img["loading"] == "lazy"
    assert body.parent.name == "figure" and "title" not in body.img.attrs
    assert body.parent.figcaption.get_text() == "Bij het hek, in de ochtend"
    large = page.find("a", string="de foto in het groot")["href"]
    assert re.fullmatch(r"\.\./\.\./images/wei-1440\.[0-9a-f]{10}\.jpg", large)
    og = page.find("meta", property="og:image")["content"]
    assert re.search(r"/images/wei-1440\.[0-9a-f]{10}\.jpg$", og)
    assert page.find("meta", property="og:image:width")["content"] == "1440"


def test_a_page_that_only_links_to_a_photo_links_its_widest_jpeg(photo_site):
    _work, _content, output = photo_site
    page = soup(output / "alleen-een-link" / "index.html")
    assert not page.select("img, picture")
    link = page.find("a", string="een link naar de foto")["href"]
    assert re.fullmatch(r"\.\./images/wei-1440\.[0-9a-f]{10}\.jpg", link)


def test_the_home_page_shows_her_photo_and_what_clients_say(photo_site):
    _work, _content, output = photo_site
    page = soup(output / "index.html")
    photo = page.select_one(".hero picture img")
    assert photo["alt"] == "Wilhelmien met een paard"
    assert photo["loading"] == "eager"
    said = page.select_one(".testimonials")
    assert said.h2.get_text() == "Wat klanten zeggen"
    quotes = [text_of(quote) for quote in said.select("figure")]
    assert quotes == [
        "Eindelijk weer tijd voor de paarden. Klant A, stal in Gelderland",
        "Alles loopt op rolletjes. Klant B, instructeur",
    ]


def test_without_a_photo_or_quotes_nothing_is_made_up(site):
    # No empty photo slot: the hero stands on its illustration, the author box and
    # "Over mij" on their text.
    page = soup(site / "index.html")
    assert page.select_one(".hero .hero-art svg") is not None
    assert page.select_one(".hero img, .photo") is None
    assert page.select_one(".testimonials") is None
    for path in ("over-mij/index.html", "blog/dilemmas/index.html"):
        assert soup(site / path).select_one(".photo, [class*=photo-]") is None, path


def test_the_feed_shows_the_widest_jpeg(photo_site):
    _work, _content, output = photo_site
    feed = (output / "feeds" / "alle.atom.xml").read_text("utf-8")
    assert re.search(r"images/wei-1440\.[0-9a-f]{10}\.jpg", feed)
    assert "images/wei.jpg" not in feed


def test_rebuilds_are_identical_and_reuse_the_cache(photo_site):
    work, content, first = photo_site
    again = build(work / "b", content, work / "other-cache")
    names = sorted(p.name for p in (first / "images").iterdir())
    assert names == sorted(p.name for p in (again / "images").iterdir())
    for name in names:
        assert (first / "images" / name).read_bytes() == (
            again / "images" / name
        ).read_bytes()
    cached = next((work / "cache" / "pictures").glob("wei-480.*.webp"))
    shutil.copyfile(first / "images" / names[0], cached)  # mark the cached copy
    reused = build(work / "c", content, work / "cache")
    assert (reused / "images" / cached.name).read_bytes() == cached.read_bytes()
