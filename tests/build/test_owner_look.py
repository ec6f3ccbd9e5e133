"""Her colour and logo, built: the site built with another brand colour and an SVG logo
has the colours made from it (every pair the palette promises reaches WCAG AA in the
CSS the pages load) and the logo in the header, the favicon, the app icons and the Open
Graph image; the shipped site keeps the reviewed palette."""

import io
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image
from sitekit import colours

from tests.conftest import TEST_OVERRIDES, build_site, copy_project

BRAND = "#7c3aed"  # violet: nothing like the forest green
LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100">'
    '<rect width="200" height="100" fill="#e4572e"/></svg>'
)
LOGO_RGB = (0xE4, 0x57, 0x2E)


def tokens(site: Path) -> dict[str, dict[str, str]]:
    """The colour tokens of the stylesheet the home page loads, light and dark."""
    head = BeautifulSoup((site / "index.html").read_text(), "html.parser")
    href = head.select_one('link[rel="stylesheet"][href*="site."]')["href"]
    css = (site / href.removeprefix("./")).read_text()
    light = re.search(r"(?<!\{):root\{(--bg:[^}]*)\}", css)[1]
    dark = re.search(r"prefers-color-scheme:dark\)\{:root\{(--bg:[^}]*)\}", css)[1]
    found = {}
    for mode, part in (("light", light), ("dark", dark)):
        found[mode] = dict(re.findall(r"--([a-z-]+):(#[0-9a-f]{6})", part))
    return found


@pytest.fixture(scope="module")
def branded(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("branded"))
    settings = project / "content" / "instellingen.yaml"
    text = settings.read_text(encoding="utf-8")
    text = text.replace('brand_colour: "#2d5a37"', f'brand_colour: "{BRAND}"')
    text = text.replace("logo: null", "logo: logo.svg")
    text = text.replace("testimonials: true", "testimonials: false")
    settings.write_text(text, encoding="utf-8")
    (project / "content" / "images").mkdir(exist_ok=True)
    (project / "content" / "pages" / "wat-klanten-zeggen.md").write_text(
        "Title: Wat klanten zeggen\nStatus: hidden\n\n> Eindelijk overzicht.\n\nAnna\n",
        encoding="utf-8",
    )
    (project / "content" / "images" / "logo.svg").write_text(LOGO, encoding="utf-8")
    output = project / "output"
    result = build_site(
        project / "content", output, str(project / "pelicanconf.py"), *TEST_OVERRIDES
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def test_the_shipped_site_keeps_the_reviewed_palette(site):
    made = tokens(site)
    assert made["light"]["accent"] == "#2d5a37" and made["dark"]["accent"] == "#9fd1a9"
    assert made == {"light": colours.LIGHT, "dark": colours.DARK}


def test_her_colour_makes_every_pair_readable_light_and_dark(branded):
    made = tokens(branded)
    assert made["light"]["accent"] == BRAND
    for mode in ("light", "dark"):
        for fore, back, ratio in colours.pairs(mode):
            found = colours.contrast(made[mode][fore], made[mode][back])
            assert found >= ratio, (mode, fore, back, found)
    manifest = json.loads((branded / "manifest.webmanifest").read_text())
    assert manifest["theme_color"] == BRAND


def test_her_logo_is_in_the_header_the_favicon_the_icons_and_the_og_image(branded):
    page = BeautifulSoup((branded / "index.html").read_text(), "html.parser")
    mark = page.select_one(".brand img.mark")
    assert mark is not None and not page.select(".brand svg")
    logo = branded / mark["src"].removeprefix("./")
    assert logo.read_text(encoding="utf-8") == LOGO
    assert page.select_one('link[rel="icon"]')["href"] == mark["src"]
    manifest = json.loads((branded / "manifest.webmanifest").read_text())
    for icon in manifest["icons"]:
        image = Image.open(branded / icon["src"]).convert("RGB")
        middle = image.getpixel((image.width // 2, image.height // 2))
        assert max(abs(a - b) for a, b in zip(middle, LOGO_RGB, strict=True)) < 8
    og = page.select_one('meta[property="og:image"]')["content"]
    path = branded / og.split("/", 3)[3]
    image = Image.open(io.BytesIO(path.read_bytes())).convert("RGB")
    assert image.getpixel((10, 10)) == tuple(
        int(BRAND[i : i + 2], 16) for i in (1, 3, 5)
    )
    tile_middle = image.getpixel((1200 - 80 - 48, 630 - 80 - 48))
    assert max(abs(a - b) for a, b in zip(tile_middle, LOGO_RGB, strict=True)) < 12


def test_testimonials_switched_off_are_nowhere(branded):
    for page in ("index.html", "diensten/index.html", "over-mij/index.html"):
        html = (branded / page).read_text(encoding="utf-8")
        assert "Eindelijk overzicht" not in html and 'class="testimonials"' not in html
