"""The app icons: the brand mark (theme/static/img/icon.svg, on the owner's colour)
rendered by resvg (sitekit.mark), or the owner's logo. The test
tests/browser/test_offline.py compares an icon with Chromium's rendering of the SVG.

Drawing them takes a moment, so the PNGs are kept in the build's cache folder, by a
hash of this file, of Pillow's version and of what is drawn: only the first build
draws them.
"""

import hashlib
from importlib.metadata import version
from pathlib import Path

from PIL import Image
from sitekit.assets import hashed_name
from sitekit.files import write_atomically
from sitekit.images import PAPER, png_bytes
from sitekit.logo import drawn
from sitekit.mark import rendered

# An icon that the phone may cut to any shape ("maskable") keeps the mark's horseshoe
# within the middle 80 %: drawn on a square of the tile's colour, at this share.
MASKABLE_SCALE = 0.75


def draw_mark(size: int, mark: str, maskable: bool = False) -> Image.Image:
    """The mark (its SVG) at `size` pixels square; maskable: full-bleed, inset."""
    if not maskable:
        return rendered(mark, size)
    inset = round(size * MASKABLE_SCALE)
    tile = rendered(mark, inset)
    # The square in the tile's colour (the middle of its top edge).
    image = Image.new("RGBA", (size, size), tile.getpixel((inset // 2, 1)))
    offset = (size - inset) // 2
    image.alpha_composite(tile, (offset, offset))
    return image


ICONS = [(192, False), (512, False), (512, True)]
DRAWN_BY = hashlib.sha256(
    Path(__file__).read_bytes() + f"{version('pillow')} {version('resvg-py')}".encode()
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
    size: int, maskable: bool, cache: Path, mark: str, logo: str | None = None
) -> bytes:
    """One icon's PNG bytes (of the mark, or of the owner's logo), from the cache
    folder when this code drew it before."""
    kind = "maskable" if maskable else "icon"
    what = Path(logo).read_bytes() if logo else mark.encode()
    drawn_from = hashlib.sha256(DRAWN_BY.encode() + what).hexdigest()[:16]
    kept = cache / f"{kind}-{size}-{drawn_from}.png"
    if kept.is_file():
        return kept.read_bytes()
    if logo:
        data = png_bytes(draw_logo(logo, size, maskable))
    else:
        data = png_bytes(draw_mark(size, mark, maskable))
    write_atomically(kept, data)
    return data


def write_icons(
    output: Path, folder: str, cache: Path, mark: str, logo: str | None = None
) -> list[dict]:
    """Write the icons under `folder` of the output with a content hash in their name
    (cached like the theme's assets); return them as web app manifest entries."""
    entries = []
    for size, maskable in ICONS:
        data = icon_png(size, maskable, cache, mark, logo)
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
