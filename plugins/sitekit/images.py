"""What the site's drawn images share: the brand's colours and reproducible PNGs."""

import io

from PIL import Image

BRAND = "#2d5a37"  # the theme's --accent, the mark's background
PAPER = "#fbfaf6"  # the theme's --bg, the horseshoe


def brand_colour(settings: dict) -> str:
    """The owner's BRAND_COLOUR, else the base design's."""
    return settings.get("BRAND_COLOUR") or BRAND


def png_bytes(image: Image.Image) -> bytes:
    """PNG bytes with no metadata: the same image always gives the same bytes."""
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
