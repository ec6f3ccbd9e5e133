"""The site's default Open Graph image: 1200x630, drawn from the settings alone."""

from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont
from sitekit.images import BRAND, PAPER, png_bytes

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
RULE = (159, 209, 169)  # the theme's dark-mode --accent


def _wrap(text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(candidate) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


@lru_cache(maxsize=4)
def render(title: str, subtitle: str = "") -> bytes:
    """A PNG with the title large and the subtitle below; same input, same bytes."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BRAND)
    draw = ImageDraw.Draw(image)
    big = ImageFont.load_default(size=76)
    small = ImageFont.load_default(size=36)
    y = MARGIN + 40
    for line in _wrap(title, big, WIDTH - 2 * MARGIN)[:2]:
        draw.text((MARGIN, y), line, font=big, fill=PAPER)
        y += 96
    y += 16
    draw.rectangle((MARGIN, y, MARGIN + 160, y + 8), fill=RULE)
    y += 48
    for line in _wrap(subtitle, small, WIDTH - 2 * MARGIN)[:5]:
        draw.text((MARGIN, y), line, font=small, fill=PAPER)
        y += 50
    return png_bytes(image)
