"""Rewrite a written page: images to <picture> with sizes, code and tables that scroll.

- An <img> of a raster image under content/ becomes a <picture> with WebP and JPEG
  srcsets, width and height (no layout shift), and lazy loading unless it asks for
  `loading="eager"` (a cover image above the fold).
- An image alone in a paragraph with a title becomes a <figure> with that caption.
- A link to an original points at its widest JPEG instead.
- A <pre> gets tabindex="0", so a keyboard can scroll a long code line.
- A <table> is wrapped in a labelled region that scrolls sideways on its own.
"""

import html
import re
from collections.abc import Callable
from html.parser import HTMLParser

from .resize import Picture

IMG = re.compile(r"<img\b[^>]*>", re.I)
# An image alone in its paragraph, with a Markdown title: ![alt](src "caption")
CAPTIONED = re.compile(r"<p>\s*(<img\b[^>]*\btitle=\"([^\"]*)\"[^>]*>)\s*</p>", re.I)
PRE = re.compile(r"<pre(?![^>]*\btabindex=)(?=[\s>])", re.I)
IMG_SRC = re.compile(r'(<img\b[^>]*?\bsrc=")([^"]+)(?=")', re.I)
LINKED = re.compile(r'\bhref="([^"]+\.(?:jpe?g|png|webp|gif|tiff?))"', re.I)
TABLE = re.compile(r"<table\b.*?</table>", re.I | re.S)
DEFAULT_SIZES = "(min-width: 42rem) 38rem, 100vw"


class _Attrs(HTMLParser):
    def __init__(self, tag: str):
        super().__init__()
        self.attrs: dict[str, str] = {}
        self.feed(tag)

    def handle_starttag(self, tag, attrs):
        self.attrs = {name: value or "" for name, value in attrs}

    handle_startendtag = handle_starttag


def _tag(name: str, attrs: dict[str, str]) -> str:
    parts = "".join(f' {key}="{html.escape(value)}"' for key, value in attrs.items())
    return f"<{name}{parts}>"


Finder = Callable[[str], Picture | None]


def _folder(src: str) -> str:
    """The part of an image URL before its file name."""
    return src.rpartition("/")[0] + "/" if "/" in src else ""


def _srcset(folder: str, variants) -> str:
    return ", ".join(f"{folder}{v.name} {v.width}w" for v in variants)


def _size(attrs: dict[str, str], largest) -> tuple[int, int]:
    """The size to show: the author's width (and height) in pixels if she gave one
    (a reStructuredText `:width:`), else the largest variant's."""
    given = attrs.get("width", "")
    if not given.isdigit():
        return largest.width, largest.height
    width = int(given)
    height = attrs.get("height", "")
    if height.isdigit():
        return width, int(height)
    return width, max(1, round(width * largest.height / largest.width))


def picture(img: str, find: Finder) -> str:
    """The <picture> for one <img> tag, or the tag as it was."""
    attrs = _Attrs(img).attrs
    src = attrs.get("src", "")
    found = None if "srcset" in attrs else find(src)
    if found is None:
        return img
    folder = _folder(src)
    largest = found.largest
    sizes = attrs.pop("sizes", DEFAULT_SIZES)
    eager = attrs.get("loading") == "eager"
    width, height = _size(attrs, largest)
    attrs.update(
        src=folder + largest.name,
        srcset=_srcset(folder, found.jpeg),
        sizes=sizes,
        width=str(width),
        height=str(height),
        loading="eager" if eager else "lazy",
        decoding="async",
    )
    attrs.setdefault("alt", "")
    source = _tag(
        "source",
        {"type": "image/webp", "srcset": _srcset(folder, found.webp), "sizes": sizes},
    )
    return f"<picture>{source}{_tag('img', attrs)}</picture>"


def widest(url: str, find: Finder) -> str:
    """The URL of the widest JPEG of the original at `url`, or `url` as it was."""
    found = find(url)
    return _folder(url) + found.largest.name if found else url


def _linked(page: str, find: Finder) -> str:
    return LINKED.sub(lambda m: f'href="{widest(m.group(1), find)}"', page)


def for_feed(content: str, find: Finder) -> str:
    """Feed readers skip srcset: images and links point at the widest JPEG."""
    content = IMG_SRC.sub(lambda m: m.group(1) + widest(m.group(2), find), content)
    return _linked(content, find)


def _figure(match: re.Match) -> str:
    img = match.group(1).replace(f'title="{match.group(2)}"', "", 1)
    return f"<figure>{img}<figcaption>{match.group(2)}</figcaption></figure>"


def rewrite(page: str, find: Finder, table_label: str) -> str:
    """The page with its images, code blocks and tables made fit for any screen."""
    if "<img" in page:
        page = CAPTIONED.sub(_figure, page)
        page = IMG.sub(lambda m: picture(m.group(0), find), page)
    page = _linked(page, find)
    if "<pre" in page:
        page = PRE.sub('<pre tabindex="0"', page)
    if "<table" in page:
        label = html.escape(table_label)
        region = '<div class="table-scroll" role="region" tabindex="0"'
        region += f' aria-label="{label}">'
        page = TABLE.sub(lambda m: f"{region}{m.group(0)}</div>", page)
    return page
