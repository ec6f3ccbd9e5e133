"""The app icons: the brand mark (theme/static/img/icon.svg) drawn with Pillow.

Pillow cannot read SVG, and the mark is four simple shapes, so it is drawn here from
the same numbers, four times too large and scaled down for smooth edges. The test
tests/browser/test_offline.py compares the result with Chromium's rendering of the
SVG, so a changed mark that is not changed here too fails the tests.

Drawing them takes about 0.2 s, so the PNGs are kept in the build's cache folder, by a
hash of this file and of Pillow's version: only the first build draws them.
"""

import hashlib
from importlib.metadata import version
from pathlib import Path

from PIL import Image, ImageDraw
from sitekit.assets import hashed_name
from sitekit.files import write_atomically
from sitekit.images import BRAND, PAPER, png_bytes
from sitekit.logo import drawn

VIEWBOX = 64
SUPERSAMPLE = 4
# An icon that the phone may cut to any shape ("maskable") keeps the mark's horseshoe
# within the middle 80 %: drawn on a square background, at this share of the size.
MASKABLE_SCALE = 0.75


def draw_mark(size: int, maskable: bool = False, brand: str = BRAND) -> Image.Image:
    """The mark at `size` pixels square, on the brand colour; maskable: full-bleed,
    horseshoe inset."""
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if maskable:
        draw.rectangle((0, 0, big, big), fill=brand)
        scale = big / VIEWBOX * MASKABLE_SCALE
        offset = big * (1 - MASKABLE_SCALE) / 2
    else:
        scale, offset = big / VIEWBOX, 0.0
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=14 * scale, fill=brand)

    def at(x: float, y: float) -> tuple[float, float]:
        return offset + x * scale, offset + y * scale

    def disc(x: float, y: float, r: float, fill: str) -> None:
        (left, top), (right, bottom) = at(x - r, y - r), at(x + r, y + r)
        draw.ellipse((left, top, right, bottom), fill=fill)

    # The horseshoe: M20 14 v20 a12 12 0 0 0 24 0 V14, stroke 7, round caps.
    width = 7 * scale
    for x in (20, 44):
        draw.line((at(x, 14), at(x, 34)), fill=PAPER, width=round(width))
        disc(x, 14, 3.5, PAPER)
    # Pillow draws an arc's width inwards from its box: the box is the outer edge.
    (left, top), (right, bottom) = at(32 - 15.5, 34 - 15.5), at(32 + 15.5, 34 + 15.5)
    draw.arc((left, top, right, bottom), 0, 180, fill=PAPER, width=round(width))
    # The two nail holes.
    for x in (20, 44):
        disc(x, 24, 2.5, brand)
    return image.resize((size, size), Image.Resampling.LANCZOS)


ICONS = [(192, False), (512, False), (512, True)]
DRAWN_BY = hashlib.sha256(
    Path(__file__).read_bytes() + version("pillow").encode()
).hexdigest()[:16]


def draw_logo(logo: str, size: int, maskable: bool) -> Image.Image:
    """The owner's logo as an icon; maskable: on cream, inset like the mark."""
    if not maskable:
        return drawn(logo, size)
    image = Image.new("RGBA", (size, size), PAPER)
    inset = round(size * MASKABLE_SCALE)
    offset = (size - inset) // 2
    image.alpha_composite(drawn(logo, inset), (offset, offset))
    return image


def icon_png(
    size: int, maskable: bool, cache: Path, logo: str | None = None, brand=BRAND
) -> bytes:
    """One icon's PNG bytes (of the mark on the brand colour, or of the owner's
    logo), from the cache folder when this code drew it before."""
    kind = "maskable" if maskable else "icon"
    drawn_from = DRAWN_BY
    if logo or brand != BRAND:
        what = Path(logo).read_bytes() if logo else brand.encode()
        drawn_from = hashlib.sha256(DRAWN_BY.encode() + what).hexdigest()[:16]
    kept = cache / f"{kind}-{size}-{drawn_from}.png"
    if kept.is_file():
        return kept.read_bytes()
    if logo:
        image = draw_logo(logo, size, maskable)
    else:
        image = draw_mark(size, maskable, brand)
    data = png_bytes(image)
    write_atomically(kept, data)
    return data


def write_icons(
    output: Path, folder: str, cache: Path, logo: str | None = None, brand=BRAND
) -> list[dict]:
    """Write the icons under `folder` of the output with a content hash in their name
    (cached like the theme's assets); return them as web app manifest entries."""
    entries = []
    for size, maskable in ICONS:
        data = icon_png(size, maskable, cache, logo, brand)
        kind = "maskable" if maskable else "icon"
        path = hashed_name(f"{folder}/{kind}-{size}.png", data)
        (output / path).parent.mkdir(parents=True, exist_ok=True)
        (output / path).write_bytes(data)
        entries.append(
            {
                "src": path,
                "sizes": f"{size}x{size}",
                "type": "image/png",
                "purpose": "maskable" if maskable else "any",
            }
        )
    return entries
