"""Only images that pages show are published from content/images/, and never with
their metadata: no dotfiles, notes, SVGs or HEIC originals, no EXIF, GPS, XMP or
comments, no photo too large to process; a mistake is one Dutch line."""

import re
import shutil

import pytest
from PIL import Image

from authoring.lint import main as check_main
from authoring.messages import run_pelican
from tests.conftest import ROOT

SETTINGS = ROOT / "pelicanconf.py"
NO_EMBEDS = ('CHECKLIST_DEFAULT="none"', 'WORKSHEET_DEFAULT="none"')
POST = """Title: Foto's van de stal
Slug: fotos
Date: 2024-02-01 10:00
Category: Ondernemen
Image: images/stal.jpg
Image_alt: De stal

Een zin.

![Het logo]({static}/images/logo.gif)

![Een oude scan]({static}/images/scan.tiff)
"""
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/'
    b'1999/02/22-rdf-syntax-ns#"><rdf:Description>Dorpsstraat 3</rdf:Description>'
    b"</rdf:RDF></x:xmpmeta>"
)


def gps_exif() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Telefoonmerk"
    exif.get_ifd(0x8825)[2] = (52.0, 5.0, 1.0)  # GPSLatitude
    return exif.tobytes()


def write_images(images) -> None:
    images.mkdir()
    photo = Image.effect_noise((1600, 1200), 30).convert("RGB")
    photo.save(images / "stal.jpg", "JPEG", exif=gps_exif(), xmp=XMP, comment=b"Thuis")
    photo.save(images / "ongebruikt.jpg", "JPEG", exif=gps_exif())
    logo = Image.new("P", (300, 200), 3)
    logo.save(images / "logo.gif", "GIF", comment=b"Dorpsstraat 3")
    photo.save(images / "scan.tiff", "TIFF", exif=gps_exif())
    (images / ".env").write_text("SECRET=1\n")
    (images / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (images / "notities.txt").write_text("adres van de stal\n")
    (images / "kaart.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    (images / "foto.heic").write_bytes(b"\0\0\0\x18ftypheic")


def project(tmp_path, post: str = POST):
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    (content / "posts" / "fotos.md").write_text(post, "utf-8")
    write_images(content / "images")
    return content


def build(tmp_path, content):
    told: list[str] = []
    args = [str(content), "-o", str(tmp_path / "output"), "-e", *NO_EMBEDS]
    args.append(f'CACHE_PATH="{tmp_path / "cache"}"')
    code = run_pelican(SETTINGS, args, told.append, done=False)
    folder = str(content.resolve().parent) + "/"
    errors = [line for line in told if ": waarschuwing: " not in line]  # no Summary
    return code, [line.replace(folder, "") for line in errors]


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    work = tmp_path_factory.mktemp("image-safety")
    code, told = build(work, project(work))
    assert code == 0, told
    return work / "output"


def test_only_the_images_pages_show_are_published(published):
    names = sorted(p.name for p in (published / "images").iterdir())
    assert {re.sub(r"-\d+\.[0-9a-f]{10}\.", ".", n) for n in names} == {
        f"{stem}.{ext}" for stem in ("stal", "logo", "scan") for ext in ("jpg", "webp")
    }
    assert not list(published.rglob(".env")) and not list(published.rglob(".DS_*"))


def test_no_published_image_keeps_its_metadata(published):
    for file in (published / "images").iterdir():
        with Image.open(file) as image:
            assert not image.getexif(), file.name
            assert not {"exif", "xmp", "comment", "icc_profile"} & set(image.info)
        assert b"Dorpsstraat" not in file.read_bytes()
        assert b"Telefoonmerk" not in file.read_bytes()


@pytest.mark.parametrize(
    "link, expected",
    [
        (
            "![Een paard]({static}/images/foto.heic)",
            "content/posts/fotos.md:8: fout: {static}/images/foto.heic is een "
            "HEIC-foto, die de site niet kan publiceren (exporteer hem als JPEG; op de "
            "iPhone: Instellingen > Camera > Indelingen > Meest compatibel)",
        ),
        (
            "![De kaart]({static}/images/kaart.svg)",
            "content/posts/fotos.md:8: fout: {static}/images/kaart.svg is een "
            "SVG-tekening; die publiceert de site niet, want een SVG kan scripts en "
            "verborgen gegevens bevatten (sla hem op als PNG)",
        ),
        (
            "[Mijn notities]({static}/images/notities.txt)",
            "content/posts/fotos.md:8: fout: {static}/images/notities.txt is geen "
            "foto; uit content/images/ publiceert de site alleen foto's (JPEG, PNG, "
            "WebP, GIF of TIFF) (zet er een foto neer of haal de link weg)",
        ),
    ],
    ids=["heic", "svg", "text"],
)
def test_a_file_the_site_cannot_publish_is_one_dutch_line(
    tmp_path, capsys, link, expected
):
    content = project(tmp_path, POST.replace("Een zin.", link))
    assert build(tmp_path, content) == (1, [expected])
    assert check_main(SETTINGS, content) == 1
    folder = str(content.resolve().parent) + "/"
    assert expected in capsys.readouterr().out.replace(folder, "")


def test_a_photo_with_too_many_pixels_is_refused_before_it_is_decoded(tmp_path):
    content = project(tmp_path)
    Image.new("1", (9000, 9000)).save(content / "images" / "logo.gif")  # 81 MP
    assert (content / "images" / "logo.gif").stat().st_size < 100_000
    assert build(tmp_path, content) == (
        1,
        [
            "content/posts/fotos.md:10: fout: {static}/images/logo.gif is 81 "
            "megapixel, meer dan de 50 die de site verwerkt (verklein de foto, "
            "bijvoorbeeld tot 4000 pixels breed, en sla hem opnieuw op)"
        ],
    )


@pytest.mark.parametrize("value", ["../pelicanconf.py", "images/notities.txt"])
def test_a_header_image_must_be_a_photo_in_content_images(tmp_path, capsys, value):
    content = project(tmp_path, POST.replace("images/stal.jpg", value))
    shutil.copyfile(SETTINGS, tmp_path / "pelicanconf.py")
    expected = (
        f"content/posts/fotos.md:5: fout: Image: {value} is geen foto in "
        "content/images/ (zet de foto in content/images/ en schrijf Image: "
        "images/naam.jpg)"
    )
    assert build(tmp_path, content) == (1, [expected])
    assert check_main(SETTINGS, content) == 1
    folder = str(content.resolve().parent) + "/"
    assert expected in capsys.readouterr().out.replace(folder, "")
