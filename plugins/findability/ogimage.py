"""Open Graph images, 1200x630: the site's default, and one per post with its title on
the brand's green (a post with its own `Image:` uses that instead).

Drawn from text alone, with the theme's heading face (Lora, theme/static/fonts): the
same title gives the same bytes. A post's image is kept in CACHE_PATH/og/ by a hash of
what is drawn, so a rebuild draws only new or renamed posts.
"""

import hashlib
from dataclasses import astuple, dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from sitekit.images import BRAND, PAPER, brand_colour, png_bytes
from sitekit.logo import drawn as drawn_logo
from sitekit.mark import inverted, mark_svg, rendered

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
RULE = (159, 209, 169)  # the theme's dark-mode --accent
KICKER = (220, 180, 131)  # the theme's dark-mode --earth
FACE = "static/fonts/lora-latin-600-normal.woff2"  # in the theme: its heading face
DRAWING = "og-2"  # change when the drawing changes: cached images are redrawn


def _wrap(text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(candidate) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def face(settings: dict) -> str:
    """The heading face's file in the theme (Pillow reads WOFF2)."""
    return str(Path(settings["THEME"]).resolve() / FACE)


def _fitted(text: str, face: str, width: int, lines: int) -> tuple:
    """The largest heading size (76 down to 48 px) at which `text` takes at most
    `lines` lines; at the smallest, the last line ends in an ellipsis."""
    for size in (76, 68, 60, 54, 48):
        font = ImageFont.truetype(face, size)
        wrapped = _wrap(text, font, width)
        if len(wrapped) <= lines:
            return font, wrapped
    kept = wrapped[:lines]
    kept[-1] = kept[-1].rstrip(".,;:") + "…"
    return font, kept


def _mark(image: Image.Image, mark: str, brand: str, x: int, y: int) -> None:
    """The brand mark (its SVG, sitekit.mark) at 96 px, inverted: cream tile, the
    horseshoe in the brand's colour; its top left at x, y."""
    tile = rendered(inverted(mark, brand), 96)
    image.paste(tile, (x, y), tile)


def _logo(image: Image.Image, logo: str, x: int, y: int) -> None:
    """The owner's logo (LOGO) on a cream tile in the mark's place."""
    ImageDraw.Draw(image).rounded_rectangle((x, y, x + 96, y + 96), 21, fill=PAPER)
    tile = drawn_logo(logo, 80)
    image.paste(tile, (x + 8, y + 8), tile)


@dataclass(frozen=True)
class Drawing:
    """What one image shows: the kicker small, the title large and the subtitle
    below, in the theme's heading face, on the brand's colour, with the owner's logo
    (LOGO) or else the mark."""

    title: str
    subtitle: str
    kicker: str
    face: str
    mark: str
    logo: str | None = None
    brand: str = BRAND

    @classmethod
    def of(cls, settings: dict, title: str, subtitle: str, kicker: str) -> "Drawing":
        """The drawing with the site's face, logo and brand colour."""
        return cls(
            title,
            subtitle,
            kicker,
            face(settings),
            mark_svg(settings),
            settings.get("LOGO"),
            brand_colour(settings),
        )


@lru_cache(maxsize=4)
def render(drawing: Drawing) -> bytes:
    """A PNG of `drawing`; the logo, or the mark, bottom right."""
    title, subtitle, kicker, face, mark, logo, brand = astuple(drawing)
    image = Image.new("RGB", (WIDTH, HEIGHT), brand)
    draw = ImageDraw.Draw(image)
    small = ImageFont.load_default(size=34)
    width = WIDTH - 2 * MARGIN
    font, lines = _fitted(title, face, width, 3)
    step = round(font.size * 1.22)
    y = MARGIN
    if kicker:
        draw.text((MARGIN, y), kicker.upper(), font=small, fill=KICKER)
        y += 64
    for line in lines:
        draw.text((MARGIN, y), line, font=font, fill=PAPER)
        y += step
    y += 24
    draw.rectangle((MARGIN, y, MARGIN + 160, y + 8), fill=RULE)
    if logo:
        _logo(image, logo, WIDTH - MARGIN - 96, HEIGHT - MARGIN - 96)
    else:
        _mark(image, mark, brand, WIDTH - MARGIN - 96, HEIGHT - MARGIN - 96)
    y += 40
    room = max(1, (HEIGHT - MARGIN - y) // 46)
    for line in _wrap(subtitle, small, width - 120)[:room]:
        draw.text((MARGIN, y), line, font=small, fill=PAPER)
        y += 46
    # Two colours and their blends: a palette of 32 keeps the text smooth, the file
    # near 11 KB and the drawing quick (a full-colour PNG takes twice as long); a
    # logo's colours get 64.
    return png_bytes(image.quantize(64 if logo else 32))


def post_image(drawing: Drawing, cache: Path) -> bytes:
    """A post's image: from the cache when this drawing of it was made before."""
    title, subtitle, kicker, face, mark, logo, brand = astuple(drawing)
    drawn = "\0".join((DRAWING, title, subtitle, kicker, Path(face).name, mark, brand))
    logo_bytes = Path(logo).read_bytes() if logo else b""
    key = hashlib.sha256(drawn.encode() + logo_bytes).hexdigest()
    cached = cache / f"{key[:32]}.png"
    if cached.is_file():
        return cached.read_bytes()
    png = render(drawing)
    cache.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(png)
    return png
