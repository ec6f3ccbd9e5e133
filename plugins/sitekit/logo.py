"""The owner's logo (LOGO: an SVG or PNG in content/images/): checked when the
settings are read, shown as an <img> in the header (never inlined: an SVG in an <img>
runs no script and loads nothing), and drawn into the app icons and the Open Graph
image (an SVG rendered by resvg)."""

import io
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from PIL import Image

KINDS = (".svg", ".png")
MIN_PIXELS = 512
# What an SVG logo may not hold: anything that runs, or loads something else.
ACTIVE = {"script", "foreignObject", "iframe", "embed", "object", "handler"}


class LogoError(ValueError):
    """A logo the site does not use: a code (its words are in the author's catalog,
    authoring/problems.nl.yaml) and parameters."""

    def __init__(self, code: str, **params):
        self.code, self.params = code, params
        super().__init__(code)


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def check(path: Path) -> None:
    """LogoError when `path` is not a logo the site can show."""
    if not path.is_file():
        raise LogoError("logo-missing")
    if path.suffix.lower() not in KINDS:
        raise LogoError("logo-kind")
    if path.suffix.lower() == ".png":
        try:
            with Image.open(path) as image:
                width, height = image.size
                if image.format != "PNG":
                    raise LogoError("logo-kind")
        except OSError:
            raise LogoError("logo-kind") from None
        if min(width, height) < MIN_PIXELS:
            raise LogoError("logo-small", width=width, height=height, least=MIN_PIXELS)
        return
    text = path.read_text(encoding="utf-8", errors="replace")
    if re.search(r"<!(DOCTYPE|ENTITY)", text, re.I):
        raise LogoError("logo-doctype")
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError:
        raise LogoError("logo-kind") from None
    if _local(root.tag) != "svg":
        raise LogoError("logo-kind")
    for element in root.iter():
        if _local(element.tag) in ACTIVE:
            raise LogoError("logo-element", element=_local(element.tag))
        for name, value in element.attrib.items():
            if _local(name).lower().startswith("on"):
                raise LogoError("logo-handler", name=_local(name))
            linked = _local(name) == "href" or "url(" in value
            if linked and re.search(r"(https?:|javascript:|//)", value, re.I):
                raise LogoError("logo-outside-link")


def drawn(path: str, size: int) -> Image.Image:
    """The logo fitted in a transparent `size` x `size` square, centred."""
    if path.lower().endswith(".svg"):
        import resvg_py  # noqa: PLC0415 (only a site with an SVG logo needs it)

        png = bytes(resvg_py.svg_to_bytes(svg_path=path, width=size * 2))
        image = Image.open(io.BytesIO(png))
    else:
        image = Image.open(path)
    image = image.convert("RGBA")
    image.thumbnail((size, size), Image.Resampling.LANCZOS)
    square = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    square.alpha_composite(
        image, ((size - image.width) // 2, (size - image.height) // 2)
    )
    return square
