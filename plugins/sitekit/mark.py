"""The brand mark: theme/static/img/icon.svg is its one drawing. The header and the
footer inline it (`MARK_SVG`), the favicon is the file, and the app icons
(offline/icons.py) and the Open Graph images (findability/ogimage.py) are rendered
from it by resvg, all on the owner's brand colour."""

import io
from pathlib import Path

from markupsafe import Markup
from PIL import Image

from .images import BRAND, PAPER, brand_colour

FILE = Path("static") / "img" / "icon.svg"  # in the theme
# In the page it is decorative, next to the site's name (partials/mark.html).
INLINE = 'class="mark" width="40" height="40" aria-hidden="true" focusable="false"'


def mark_svg(settings: dict) -> str:
    """The mark's SVG on the owner's BRAND_COLOUR (else the base design's)."""
    text = (Path(settings["THEME"]) / FILE).read_text(encoding="utf-8")
    return text.strip().replace(BRAND, brand_colour(settings))


def inline(svg: str) -> Markup:
    """The mark as an element of the page (the theme's own markup: not escaped)."""
    return Markup(svg.replace("<svg ", f"<svg {INLINE} ", 1))


def inverted(svg: str, brand: str) -> str:
    """The mark with its colours swapped: a cream tile, the horseshoe in `brand`."""
    swap = "\0"
    return svg.replace(brand, swap).replace(PAPER, brand).replace(swap, PAPER)


def rendered(svg: str, size: int) -> Image.Image:
    """The mark as a `size` x `size` RGBA image (resvg: the same bytes every time)."""
    import resvg_py  # noqa: PLC0415 (as sitekit.logo: only drawing needs it)

    png = bytes(resvg_py.svg_to_bytes(svg_string=svg, width=size, height=size))
    return Image.open(io.BytesIO(png)).convert("RGBA")
