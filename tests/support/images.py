"""Small real images, for tests that need a picture file."""

import io

from PIL import Image


def image_bytes(name: str = "foto.jpg", size: tuple[int, int] = (8, 6)) -> bytes:
    """A real, small image of one colour: a PNG or a JPEG, as its name says."""
    out = io.BytesIO()
    kind = "PNG" if name.endswith(".png") else "JPEG"
    Image.new("RGB", size, (120, 80, 40)).save(out, kind)
    return out.getvalue()
