"""Each build keeps its state in one object of its own (sitekit.build): what the
funnel and findability derive from the owner's settings goes to the templates'
context, the settings stay as she wrote them, and a second build in the same process
starts from nothing the first one collected."""

import shutil

from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings
from sitekit import build

from tests.conftest import ROOT

# No `attributes`: the funnel's checked value has them ({}), her setting has not.
ANALYTICS = {
    "script": "https://stats.example.eu/js/script.js",
    "name": "Plausible Analytics (EU)",
}
PHOTO_POST = """Title: Een foto van de wei bij zonsopgang
Date: 2024-03-01 08:00
Category: Ondernemen
Image: images/wei.jpg
Image_alt: De wei bij zonsopgang

De wei, vroeg in de ochtend.
"""


def built(work, name, **override):
    """Build `work/content` in this process into work/<name>; its settings."""
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(work / "content"),
            "OUTPUT_PATH": str(work / name),
            "CACHE_PATH": str(work / "cache"),
            "SEARCH_INDEX": False,
            **override,
        },
    )
    Pelican(settings).run()
    return settings


def og_image(page) -> str:
    html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return html.select_one("meta[property='og:image']")["content"]


def test_derived_values_reach_the_pages_but_not_the_settings(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    settings = built(tmp_path, "output", ANALYTICS=ANALYTICS)
    assert settings["ANALYTICS"] == ANALYTICS  # as she wrote it
    derived = ("CHANNELS", "CTA_BLOCKS", "FORM_SETUP", "NEWSLETTER_SHOWN")
    derived += ("OG_DEFAULT_IMAGE", "ORGANIZATION_LD")
    assert not set(derived) & set(settings)
    assert set(derived) <= set(build.of(settings).context)
    page = (tmp_path / "output" / "contact" / "index.html").read_text("utf-8")
    assert f'<script defer src="{ANALYTICS["script"]}"></script>' in page
    assert 'id="contact-form"' in page  # FORM_SETUP
    assert "application/ld+json" in page  # ORGANIZATION_LD


def test_a_second_build_keeps_nothing_of_the_first(tmp_path):
    from PIL import Image

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "images").mkdir()
    Image.new("RGB", (1600, 900), (90, 120, 60)).save(content / "images" / "wei.jpg")
    (content / "posts" / "wei.md").write_text(PHOTO_POST, encoding="utf-8")
    first = built(tmp_path, "first", ANALYTICS=ANALYTICS)
    post = "blog/een-foto-van-de-wei-bij-zonsopgang/index.html"
    assert "/images/wei-1440." in og_image(tmp_path / "first" / post)

    (content / "posts" / "wei.md").write_text(
        PHOTO_POST.replace("Image: images/wei.jpg\n", ""), encoding="utf-8"
    )
    second = built(tmp_path, "second")
    assert build.of(second) is not build.of(first)
    assert "/theme/img/og/" in og_image(tmp_path / "second" / post)
    pages = list((tmp_path / "second").rglob("*.html"))
    assert pages and not any(ANALYTICS["script"] in p.read_text() for p in pages)
